#ifndef INDSTIL_PROCESS_H
#define INDSTIL_PROCESS_H

#include <sys/types.h>

/// Starts `path` with `argv` and `envp` in a new process group, with stdin, stdout and
/// stderr on `fd0`, `fd1`, `fd2`, in `directory` (NULL: the current one), every other
/// descriptor closed, signals at their defaults and none blocked, and the file mode
/// creation mask `mask` (-1: indstil's own). On Linux the program
/// is killed (SIGKILL) when indstil ends, even by SIGKILL (PR_SET_PDEATHSIG).
/// Returns 0 and sets `*pid`, or an errno value (the exec's own, when it was exec that failed).
int indstil_spawn(pid_t *pid, const char *path, char *const argv[], char *const envp[],
                  const char *directory, int fd0, int fd1, int fd2, int mask);

/// Starts a watchdog for the process group `group` (a program `indstil_spawn` started):
/// a small forked process in that group, every descriptor closed but the read end of a
/// pipe whose write end only indstil holds (`*fd`, close-on-exec), every catchable
/// signal blocked. When indstil ends in any way (SIGKILL included) the pipe gives
/// end-of-file and the watchdog SIGKILLs the whole group: the program's own children too,
/// which a parent-death signal on the program does not reach. `indstil_disarm_watchdog`
/// ends it without that. Returns 0 and sets `*watchdog` and `*fd`, or an errno value.
int indstil_start_watchdog(pid_t group, pid_t *watchdog, int *fd);

/// Tells the watchdog its program has been collected (one byte on the pipe), closes the
/// pipe and collects the watchdog.
void indstil_disarm_watchdog(pid_t watchdog, int fd);

/// Makes indstil the parent of every orphan among its descendants (Linux:
/// PR_SET_CHILD_SUBREAPER), so a program's grandchild that left its process group
/// (setsid) can still be found and stopped. Returns 0, or an errno value; 0 elsewhere.
int indstil_become_subreaper(void);

/// Turns glibc's malloc fast bins off (mallopt M_MXFAST 0); 1 when done, 0 elsewhere.
int indstil_disable_malloc_fast_bins(void);

#endif
