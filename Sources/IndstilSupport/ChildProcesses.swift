import Foundation
import CIndstilProcess
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The programs indstil has started and not yet collected, each the leader of its own
/// process group. Knowing them lets indstil stop all of them when it is interrupted
/// (`Interruption`), and tell them from orphans: once `adoptOrphans` has been called (the
/// CLI does, at start; Linux), indstil is the subreaper of its descendants, so a
/// grandchild whose parent ended (even one that left the group with `setsid`) becomes
/// indstil's child, and `stopOrphans` ends it. Every program indstil starts carries
/// `INDSTIL_PARENT_PID` in its environment, and so do its descendants: only those are
/// ever stopped, never a child that other code in the same process started.
public enum ChildProcesses {
    /// The programs started and not yet collected, and whether indstil is their subreaper.
    private struct State {
        var running: Set<pid_t> = []
        var adoptsOrphans = false
    }
    private static let state = Locked(State())

    /// The variable, and its value, every program indstil starts is given.
    static let markerName = "INDSTIL_PARENT_PID"
    package static var marker: String { "\(markerName)=\(getpid())" }

    /// Makes this process the subreaper of the programs it starts and their descendants
    /// (Linux), so that `stopOrphans` can end what they leave behind. For a program's
    /// `main`, not for a library inside another program.
    public static func adoptOrphans() {
        state.withLock { $0.adoptsOrphans = indstil_become_subreaper() == 0 }
    }

    /// Runs `spawn` and remembers the program it starts; no orphan sweep runs in between,
    /// so a program just started is never taken for an orphan.
    package static func start(_ spawn: () throws(Subprocess.SpawnError) -> pid_t) throws(Subprocess.SpawnError) -> pid_t {
        Interruption.holdIfInterrupted()
        return try state.withLock { state throws(Subprocess.SpawnError) in
            let pid = try spawn()
            state.running.insert(pid)
            return pid
        }
    }

    /// The program has been collected (`waitpid`): its number may be reused.
    static func collected(_ pid: pid_t) {
        _ = state.withLock { $0.running.remove(pid) }
    }

    /// SIGKILL to every running program's group and to every orphan: indstil is ending.
    static func stopAll() {
        state.withLock { state in
            for pid in state.running {
                _ = kill(-pid, SIGKILL)
                _ = kill(pid, SIGKILL)
            }
        }
        stopOrphans()
    }

    /// Ends every child of indstil that indstil did not start itself (an orphan it adopted
    /// as subreaper), with its group, and collects it; then the orphans those leave, a few
    /// rounds deep.
    static func stopOrphans() {
        let adopting = state.withLock { $0.adoptsOrphans }
        guard adopting else { return }
        let marker = Array((marker + "\0").utf8)
        for _ in 0..<8 {
            let orphans = state.withLock { state in
                childrenOfIndstil().subtracting(state.running).filter { carries(marker, $0) }
            }
            if orphans.isEmpty { return }
            for pid in orphans {
                _ = kill(-pid, SIGKILL)
                _ = kill(pid, SIGKILL)
            }
            for pid in orphans { Subprocess.reap(pid, waitingUpTo: 2) }
        }
    }

    /// Whether the environment of process `pid` holds `marker` ("NAME=VALUE\0").
    private static func carries(_ marker: [UInt8], _ pid: pid_t) -> Bool {
        #if os(Linux)
        guard let environment = FileManager.default.contents(atPath: "/proc/\(pid)/environ") else { return false }
        var entry: [UInt8] = []
        for byte in environment {
            entry.append(byte)
            if byte == 0 {
                if entry == marker { return true }
                entry.removeAll(keepingCapacity: true)
            }
        }
        #endif
        return false
    }

    /// indstil's children, from `/proc/self/task/*/children` (every thread's), or from the
    /// parent field of every process in `/proc` where the kernel does not offer that file.
    private static func childrenOfIndstil() -> Set<pid_t> {
        #if os(Linux)
        let fileManager = FileManager.default
        if let tasks = try? fileManager.contentsOfDirectory(atPath: "/proc/self/task") {
            var children: Set<pid_t> = []
            var found = false
            for task in tasks {
                guard let text = try? String(contentsOfFile: "/proc/self/task/\(task)/children", encoding: .utf8) else { continue }
                found = true
                for field in text.split(separator: " ") {
                    if let pid = pid_t(field.trimmingCharacters(in: .whitespacesAndNewlines)) { children.insert(pid) }
                }
            }
            if found { return children }
        }
        let me = getpid()
        var children: Set<pid_t> = []
        for entry in (try? fileManager.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = pid_t(entry),
                  let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { continue }
            // "pid (comm) state ppid …": the name may hold spaces and parentheses.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 1, pid_t(fields[1]) == me { children.insert(pid) }
        }
        return children
        #else
        return []
        #endif
    }
}
