#define _GNU_SOURCE
#include "indstil_process.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#if defined(__linux__)
#include <sys/prctl.h>
#include <sys/syscall.h>
#endif

/// Only async-signal-safe calls between fork and exec: indstil has other threads.
static void report_and_exit(int pipe_fd, int code) {
    ssize_t ignored = write(pipe_fd, &code, sizeof code);
    (void)ignored;
    _exit(127);
}

static void close_from(int lowest, int keep) {
#if defined(__linux__) && defined(SYS_close_range)
    if (keep < lowest) {
        if (syscall(SYS_close_range, (unsigned)lowest, ~0U, 0) == 0) return;
    } else {
        if (keep > lowest) syscall(SYS_close_range, (unsigned)lowest, (unsigned)(keep - 1), 0);
        if (syscall(SYS_close_range, (unsigned)(keep + 1), ~0U, 0) == 0) return;
    }
#endif
    long highest = sysconf(_SC_OPEN_MAX);
    if (highest < 0 || highest > 65536) highest = 65536;
    for (int fd = lowest; fd < highest; fd++) {
        if (fd != keep) close(fd);
    }
}

#if defined(__linux__)
int indstil_spawn(pid_t *pid, const char *path, char *const argv[], char *const envp[],
                  const char *directory, int fd0, int fd1, int fd2, int mask) {
    int status_pipe[2];
    if (pipe2(status_pipe, O_CLOEXEC) != 0) return errno;

    sigset_t all, previous;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &previous);
    pid_t parent = getpid();
    pid_t child = fork();
    if (child < 0) {
        int code = errno;
        pthread_sigmask(SIG_SETMASK, &previous, NULL);
        close(status_pipe[0]);
        close(status_pipe[1]);
        return code;
    }
    if (child == 0) {
        // Signals: defaults for all, then none blocked.
        struct sigaction standard;
        memset(&standard, 0, sizeof standard);
        standard.sa_handler = SIG_DFL;
        for (int signal = 1; signal < NSIG; signal++) sigaction(signal, &standard, NULL);
        if (setpgid(0, 0) != 0) report_and_exit(status_pipe[1], errno);
        if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0) report_and_exit(status_pipe[1], errno);
        // indstil may have ended before the line above: then nobody would kill this one.
        if (getppid() != parent) _exit(127);
        sigset_t none;
        sigemptyset(&none);
        pthread_sigmask(SIG_SETMASK, &none, NULL);
        int fds[3] = {fd0, fd1, fd2};
        // Move the three out of the way of 0–2 first, so no dup2 overwrites another.
        for (int index = 0; index < 3; index++) {
            int moved = fcntl(fds[index], F_DUPFD, 3);
            if (moved < 0) report_and_exit(status_pipe[1], errno);
            fds[index] = moved;
        }
        for (int index = 0; index < 3; index++) {
            if (dup2(fds[index], index) < 0) report_and_exit(status_pipe[1], errno);
        }
        if (directory != NULL && chdir(directory) != 0) report_and_exit(status_pipe[1], errno);
        if (mask >= 0) umask((mode_t)mask);
        close_from(3, status_pipe[1]);
        execve(path, argv, envp);
        report_and_exit(status_pipe[1], errno);
    }

    pthread_sigmask(SIG_SETMASK, &previous, NULL);
    close(status_pipe[1]);
    int code = 0;
    ssize_t count;
    do {
        count = read(status_pipe[0], &code, sizeof code);
    } while (count < 0 && errno == EINTR);
    close(status_pipe[0]);
    if (count == (ssize_t)sizeof code) {
        // The program never started: collect the child.
        int status;
        while (waitpid(child, &status, 0) < 0 && errno == EINTR) {}
        return code != 0 ? code : ECHILD;
    }
    *pid = child;
    return 0;
}

int indstil_start_watchdog(pid_t group, pid_t *watchdog, int *fd) {
    int ends[2];
    if (pipe2(ends, O_CLOEXEC) != 0) return errno;
    sigset_t all, previous;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &previous);
    pid_t child = fork();
    if (child < 0) {
        int code = errno;
        pthread_sigmask(SIG_SETMASK, &previous, NULL);
        close(ends[0]);
        close(ends[1]);
        return code;
    }
    if (child == 0) {
        // Every catchable signal stays blocked: Ctrl-C to the terminal's group, a
        // SIGTERM or a SIGHUP must not end the watchdog before indstil's pipe does.
        // Nothing but async-signal-safe calls: indstil has other threads.
        if (dup2(ends[0], 0) < 0) _exit(1);
        close_from(1, -1);
        // In the program's group, so stopping the group stops the watchdog too.
        (void)setpgid(0, group);
        char byte;
        ssize_t count;
        do {
            count = read(0, &byte, 1);
        } while (count < 0 && errno == EINTR);
        // A byte: the program was collected, its group id may be anyone's now.
        if (count != 1) kill(-group, SIGKILL);
        _exit(0);
    }
    pthread_sigmask(SIG_SETMASK, &previous, NULL);
    close(ends[0]);
    *watchdog = child;
    *fd = ends[1];
    return 0;
}

void indstil_disarm_watchdog(pid_t watchdog, int fd) {
    char byte = 1;
    ssize_t ignored = write(fd, &byte, 1);  // EPIPE when the group, watchdog included, was stopped
    (void)ignored;
    close(fd);
    int status;
    while (waitpid(watchdog, &status, 0) < 0 && errno == EINTR) {}
}
#else
int indstil_spawn(pid_t *pid, const char *path, char *const argv[], char *const envp[],
                  const char *directory, int fd0, int fd1, int fd2, int mask) {
    return ENOSYS;  // Darwin: Subprocess uses posix_spawn.
}

int indstil_start_watchdog(pid_t group, pid_t *watchdog, int *fd) {
    return ENOSYS;  // Darwin: the parent-death signal and the watchdog are Linux's.
}

void indstil_disarm_watchdog(pid_t watchdog, int fd) {}
#endif

int indstil_become_subreaper(void) {
#if defined(__linux__)
    if (prctl(PR_SET_CHILD_SUBREAPER, 1) != 0) return errno;
#endif
    return 0;
}

int indstil_disable_malloc_fast_bins(void) {
#if defined(__GLIBC__)
    return mallopt(M_MXFAST, 0);
#else
    return 0;
#endif
}
