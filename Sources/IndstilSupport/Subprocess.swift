import Foundation
import CIndstilProcess
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs one program and waits for it: its own process group, stdin fed
/// from memory, stdout and stderr read at the same time (one `poll` loop, so no pipe can
/// fill up and deadlock), a time limit and an output limit. When it is stopped (its time
/// limit, too much output) its group gets SIGTERM and, `terminationGrace` later, SIGKILL.
/// It dies with indstil (Linux: a parent-death signal, set before it starts; and
/// `Interruption` stops it on SIGINT/SIGTERM), and so does its whole process group, even
/// when indstil is killed outright: a watchdog in the group (`indstil_start_watchdog`)
/// SIGKILLs the group when indstil's end of its pipe closes (LibreOffice's `soffice`
/// starts `soffice.bin`, which no parent-death signal reaches). An orphan it leaves
/// behind, even one that called `setsid`, is ended when it has been collected (`ChildProcesses`).
/// Every external program indstil runs goes through here: the check plugins
/// (`PluginRunner`) and the tools `ExternalProgram` runs (WeasyPrint, qpdf, poppler,
/// LibreOffice). Not Foundation's `Process`: that one is never freed on Linux, 5 KB per
/// run (LeakSanitizer, found by Fuzz/).
package enum Subprocess {
    package enum Outcome: Equatable {
        case exited(Int32)
        case signaled(Int32)
        case timedOut
        case outputTooLarge
    }

    package struct Result {
        package let outcome: Outcome
        package let stdout: Data
        package let stderr: Data
    }

    /// The program could not be started; `code` is an errno value.
    package struct SpawnError: Error {
        package let code: Int32
    }

    /// Seconds between SIGTERM and SIGKILL, and how long output is still read from a
    /// process group whose leader has ended.
    static let terminationGrace: TimeInterval = 1

    /// The folders of PATH, in order (the usual ones when PATH is not set).
    package static func pathFolders() -> [String] {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map(String.init)
    }

    /// The executable file `name` in the first folder of PATH that has one.
    package static func find(_ name: String) -> URL? {
        for folder in pathFolders() {
            let candidate = URL(fileURLWithPath: folder).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Runs `executable` (shown to itself as `argv0`) in `directory` (nil: the current one),
    /// writes `input` to its stdin, and keeps at most `outputLimit` bytes of stdout (more
    /// stops it: `.outputTooLarge`) and `errorLimit` bytes of stderr (the rest is read and
    /// dropped).
    /// - Parameters:
    ///   - environment: the program's environment; nil for indstil's own.
    ///   - privateFiles: the program creates its files and folders for its owner only
    ///     (umask 077; Linux), whatever indstil's umask is.
    package static func run(executable: String, arguments: [String], argv0: String, directory: String?, input: Data,
                    timeout: TimeInterval, outputLimit: Int, errorLimit: Int,
                    environment: [String: String]? = nil, privateFiles: Bool = false) throws(SpawnError) -> Result {
        // A write to a program that has closed its stdin must give EPIPE, not kill indstil.
        let sigpipe = SigpipeGuard()
        defer { sigpipe.restore() }

        var inputPipe = try makePipe()
        var outputPipe: (read: Int32, write: Int32)
        var errorPipe: (read: Int32, write: Int32)
        do { outputPipe = try makePipe() } catch { closeAll(inputPipe.read, inputPipe.write); throw error }
        do { errorPipe = try makePipe() } catch { closeAll(inputPipe.read, inputPipe.write, outputPipe.read, outputPipe.write); throw error }

        let pid: pid_t
        var watchdog: Watchdog?
        do {
            pid = try ChildProcesses.start { () throws(SpawnError) in
                let pid = try spawn(executable: executable, arguments: arguments, argv0: argv0, directory: directory,
                                    stdin: inputPipe.read, stdout: outputPipe.write, stderr: errorPipe.write, environment: environment,
                                    privateFiles: privateFiles)
                do throws(SpawnError) {
                    watchdog = try Watchdog(group: pid)
                } catch {
                    // Without its watchdog the program could outlive indstil: it does not run.
                    _ = kill(-pid, SIGKILL)
                    reap(pid, waitingUpTo: 5)
                    throw error
                }
                return pid
            }
        } catch {
            closeAll(inputPipe.read, inputPipe.write, outputPipe.read, outputPipe.write, errorPipe.read, errorPipe.write)
            throw error
        }
        defer {
            // Every path below has SIGKILLed the group (the watchdog in it) before collecting the program.
            watchdog?.disarm()
            ChildProcesses.collected(pid)
            ChildProcesses.stopOrphans()
            Interruption.holdIfInterrupted()
        }
        closeAll(inputPipe.read, outputPipe.write, errorPipe.write)
        inputPipe.read = -1
        #if canImport(Darwin)
        _ = fcntl(inputPipe.write, F_SETNOSIGPIPE, 1)
        #endif
        for fd in [inputPipe.write, outputPipe.read, errorPipe.read] {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }

        var stdinFD: Int32? = inputPipe.write
        var stdoutFD: Int32? = outputPipe.read
        var stderrFD: Int32? = errorPipe.read
        func closeFD(_ fd: inout Int32?) {
            if let open = fd { close(open) }
            fd = nil
        }
        defer {
            closeFD(&stdinFD)
            closeFD(&stdoutFD)
            closeFD(&stderrFD)
        }

        let bytes = [UInt8](input)
        var written = 0
        if bytes.isEmpty { closeFD(&stdinFD) }
        var output = Data()
        var errors = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let deadline = now() + nanoseconds(timeout)
        var exitStatus: Int32?
        var exitedAt: UInt64 = 0

        /// Reads what is there, keeping at most `limit` bytes (and one more, so a caller
        /// can tell the limit was passed when `stopWhenFull`); false at end of file or on an error.
        func drain(_ fd: Int32, into data: inout Data, keep limit: Int, stopWhenFull: Bool) -> Bool {
            while true {
                let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    let room = max(0, limit + 1 - data.count)
                    if room > 0 { data.append(contentsOf: buffer[0..<min(count, room)]) }
                    if stopWhenFull && data.count > limit { return true }
                    continue
                }
                if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) { return true }
                return false
            }
        }

        while true {
            if exitStatus == nil, hasExited(pid) {
                // Whatever the program left running in its group is not wanted any more.
                _ = kill(-pid, SIGKILL)
                exitStatus = reap(pid, waitingUpTo: 5)
                exitedAt = now()
                closeFD(&stdinFD)
            }
            if exitStatus != nil && stdoutFD == nil && stderrFD == nil { break }
            // A process that left the group may still hold the pipes: stop reading soon after.
            if exitStatus != nil && now() > exitedAt + nanoseconds(terminationGrace) { break }
            if exitStatus == nil && now() >= deadline {
                closeFD(&stdinFD)
                closeFD(&stdoutFD)
                closeFD(&stderrFD)
                terminate(pid)
                return Result(outcome: .timedOut, stdout: Data(), stderr: errors)
            }

            var fds: [pollfd] = []
            if let fd = stdinFD { fds.append(pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)) }
            if let fd = stdoutFD { fds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0)) }
            if let fd = stderrFD { fds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0)) }
            let current = now()
            let remaining = exitStatus == nil && deadline > current ? deadline - current : 25_000_000
            let wait = Int32(min(25, max(1, remaining / 1_000_000)))
            let ready = fds.withUnsafeMutableBufferPointer { poll($0.baseAddress, nfds_t($0.count), wait) }
            if ready <= 0 { continue }

            for entry in fds where entry.revents != 0 {
                if entry.fd == stdinFD {
                    let count = bytes.withUnsafeBytes { write(entry.fd, $0.baseAddress! + written, min(65_536, bytes.count - written)) }
                    if count > 0 {
                        written += count
                        if written == bytes.count { closeFD(&stdinFD) }
                    } else if count < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR {
                        closeFD(&stdinFD)  // EPIPE: the program does not read (all of) its input
                    }
                } else if entry.fd == stdoutFD {
                    if !drain(entry.fd, into: &output, keep: outputLimit, stopWhenFull: true) { closeFD(&stdoutFD) }
                    if output.count > outputLimit {
                        closeFD(&stdinFD)
                        closeFD(&stdoutFD)
                        closeFD(&stderrFD)
                        if exitStatus == nil { terminate(pid) }
                        return Result(outcome: .outputTooLarge, stdout: Data(), stderr: errors)
                    }
                } else if entry.fd == stderrFD {
                    if !drain(entry.fd, into: &errors, keep: errorLimit - 1, stopWhenFull: false) { closeFD(&stderrFD) }
                }
            }
        }

        let status = exitStatus ?? 0
        let outcome: Outcome = status & 0x7F == 0 ? .exited((status >> 8) & 0xFF) : .signaled(status & 0x7F)
        return Result(outcome: outcome, stdout: output, stderr: errors)
    }

    // MARK: - Processes

    /// True when the child has ended; it is left a zombie (not reaped), so its process
    /// group id cannot be reused before `reap`.
    static func hasExited(_ pid: pid_t) -> Bool {
        var info = siginfo_t()
        guard waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 else { return errno == ECHILD }
        #if canImport(Darwin)
        return info.si_pid == pid
        #else
        return info._sifields._kill.si_pid == pid
        #endif
    }

    /// The wait status of an ended child; nil if it does not end within `seconds`.
    @discardableResult
    static func reap(_ pid: pid_t, waitingUpTo seconds: TimeInterval) -> Int32? {
        let limit = now() + nanoseconds(seconds)
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { return status }
            if result < 0 && errno != EINTR { return 0 }
            if now() > limit { return nil }
            usleep(5_000)
        }
    }

    /// SIGTERM to the group, SIGKILL a second later, then reap.
    static func terminate(_ pid: pid_t) {
        if kill(-pid, SIGTERM) != 0 { _ = kill(pid, SIGTERM) }
        let limit = now() + nanoseconds(terminationGrace)
        while !hasExited(pid) && now() < limit { usleep(10_000) }
        _ = kill(-pid, SIGKILL)
        _ = kill(pid, SIGKILL)
        reap(pid, waitingUpTo: 5)
    }

    static func spawn(executable: String, arguments: [String], argv0: String, directory: String?,
                      stdin: Int32, stdout: Int32, stderr: Int32, environment: [String: String]? = nil,
                      privateFiles: Bool = false) throws(SpawnError) -> pid_t {
        // The marker that tells this program's descendants from other children (`ChildProcesses`).
        let environment = (environment ?? ProcessInfo.processInfo.environment)
            .filter { $0.key != ChildProcesses.markerName }.map { "\($0.key)=\($0.value)" } + [ChildProcesses.marker]
        var cArguments: [UnsafeMutablePointer<CChar>?] = ([argv0] + arguments).map { strdup($0) } + [nil]
        var cEnvironment: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
        defer {
            for pointer in cArguments { free(pointer) }
            for pointer in cEnvironment { free(pointer) }
        }
        var pid: pid_t = 0
        #if os(Linux)
        // fork + exec in C: the parent-death signal must be set in the child before exec.
        let result = indstil_spawn(&pid, executable, &cArguments, &cEnvironment, directory, stdin, stdout, stderr, privateFiles ? 0o077 : -1)
        #else
        var actions: posix_spawn_file_actions_t? = nil
        var attributes: posix_spawnattr_t? = nil
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        if let directory { posix_spawn_file_actions_addchdir_np(&actions, directory) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_CLOEXEC_DEFAULT))
        posix_spawnattr_setpgroup(&attributes, 0)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        let result = posix_spawn(&pid, executable, &actions, &attributes, &cArguments, &cEnvironment)
        #endif
        guard result == 0 else { throw SpawnError(code: result) }
        return pid
    }

    /// The watchdog of one program's process group (Linux; nothing elsewhere): it SIGKILLs
    /// the group when indstil ends without disarming it, by any signal, SIGKILL included.
    struct Watchdog {
        let pid: pid_t
        let fd: Int32

        package init?(group: pid_t) throws(SpawnError) {
            #if os(Linux)
            var pid: pid_t = 0
            var fd: Int32 = -1
            let result = indstil_start_watchdog(group, &pid, &fd)
            guard result == 0 else { throw SpawnError(code: result) }
            self.pid = pid
            self.fd = fd
            #else
            return nil
            #endif
        }

        /// The program has been collected: the watchdog ends without stopping anything.
        func disarm() {
            indstil_disarm_watchdog(pid, fd)
        }
    }

    // MARK: - Pipes and time

    /// A pipe whose ends are closed on exec (so no other spawned program inherits them)
    /// and are not 0, 1 or 2.
    static func makePipe() throws(SpawnError) -> (read: Int32, write: Int32) {
        var fds: [Int32] = [-1, -1]
        #if canImport(Darwin)
        guard pipe(&fds) == 0 else { throw SpawnError(code: errno) }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        #else
        if let pipe2 = LinuxSpawnExtras.pipe2 {
            guard pipe2(&fds, O_CLOEXEC) == 0 else { throw SpawnError(code: errno) }
        } else {
            guard pipe(&fds) == 0 else { throw SpawnError(code: errno) }
            for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        }
        #endif
        for index in fds.indices where fds[index] < 3 {
            let moved = fcntl(fds[index], F_DUPFD_CLOEXEC, 3)
            close(fds[index])
            fds[index] = moved
        }
        guard fds[0] >= 0, fds[1] >= 0 else {
            closeAll(fds[0], fds[1])
            throw SpawnError(code: EMFILE)
        }
        return (fds[0], fds[1])
    }

    static func closeAll(_ fds: Int32...) {
        for fd in fds where fd >= 0 { close(fd) }
    }

    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    static func nanoseconds(_ seconds: TimeInterval) -> UInt64 {
        UInt64(max(0, min(seconds, 86_400)) * 1_000_000_000)
    }
}

/// Keeps SIGPIPE from killing indstil while this thread writes to a child. Linux: the
/// signal is blocked in this thread and a pending one is consumed before unblocking.
/// Darwin uses F_SETNOSIGPIPE on the pipe instead.
private struct SigpipeGuard {
    #if !canImport(Darwin)
    private var previous = sigset_t()
    #endif

    init() {
        #if !canImport(Darwin)
        var block = sigset_t()
        sigemptyset(&block)
        sigaddset(&block, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &block, &previous)
        #endif
    }

    func restore() {
        #if !canImport(Darwin)
        var previous = self.previous
        guard sigismember(&previous, SIGPIPE) == 0 else { return }
        var pending = sigset_t()
        sigpending(&pending)
        if sigismember(&pending, SIGPIPE) == 1 {
            var only = sigset_t()
            sigemptyset(&only)
            sigaddset(&only, SIGPIPE)
            var zero = timespec(tv_sec: 0, tv_nsec: 0)
            _ = sigtimedwait(&only, nil, &zero)
        }
        pthread_sigmask(SIG_SETMASK, &previous, nil)
        #endif
    }
}

#if !canImport(Darwin)
/// glibc functions Swift does not import without _GNU_SOURCE, looked up at run time.
private enum LinuxSpawnExtras {
    typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32

    nonisolated(unsafe) private static let handle = dlopen(nil, RTLD_NOW)
    static let pipe2: Pipe2? = dlsym(handle, "pipe2").map { unsafeBitCast($0, to: Pipe2.self) }
}
#endif
