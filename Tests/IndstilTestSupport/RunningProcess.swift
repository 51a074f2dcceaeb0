import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A program started in the background, for tests that interrupt it: its process id,
/// the programs it runs (Linux `/proc`), signals, and its end.
public final class RunningProcess: @unchecked Sendable {
    private let process = Process()
    private let capture: TempFolder
    private let finished = DispatchSemaphore(value: 0)

    public var pid: Int32 { process.processIdentifier }

    public init(_ program: URL, _ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws {
        capture = try TempFolder("running-output")
        let outHandle = try FileHandle(forWritingTo: try capture.write("stdout", data: Data()))
        let errHandle = try FileHandle(forWritingTo: try capture.write("stderr", data: Data()))
        process.executableURL = program
        process.arguments = arguments
        process.currentDirectoryURL = folder
        // A test that watches a program run (WeasyPrint, LibreOffice) must see it run: nothing
        // is taken from indstil's cache (`ContentCache`) unless the test names a cache folder.
        process.environment = ProcessInfo.processInfo.environment.merging(["INDSTIL_CACHE_DIR": "off"].merging(environment) { _, new in new }) { _, new in new }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.terminationHandler = { [finished] _ in finished.signal() }
        try process.run()
    }

    deinit {
        if process.isRunning { kill(pid, SIGKILL) }
        capture.remove()
    }

    /// Sends `signal` to the program (not to its group: as `kill PID` does).
    public func send(_ signal: Int32) {
        kill(pid, signal)
    }

    /// What the program has written to standard output so far.
    public func output() -> String {
        (try? capture.read("stdout")) ?? ""
    }

    /// Waits until standard output holds a line containing `text`; that line, or nil after `timeout`.
    public func waitForOutputLine(containing text: String, timeout: TimeInterval) -> String? {
        let limit = Date().addingTimeInterval(timeout)
        while Date() < limit {
            if let line = output().split(separator: "\n").first(where: { $0.contains(text) }) { return String(line) }
            usleep(50_000)
        }
        return nil
    }

    /// Waits for the end; nil when it did not end within `timeout` (it is then killed).
    public func wait(timeout: TimeInterval) -> (status: Int32, signaled: Bool, stderr: String)? {
        guard finished.wait(timeout: .now() + timeout) == .success else {
            kill(pid, SIGKILL)
            return nil
        }
        let stderr = (try? capture.read("stderr")) ?? ""
        return (process.terminationStatus, process.terminationReason == .uncaughtSignal, stderr)
    }

    /// The running programs below this one (children, grandchildren …) with their command lines.
    public func descendants() -> [(pid: Int32, command: String)] {
        RunningProcess.table().descendants(of: pid)
    }

    /// Waits until a descendant whose command line contains `name` runs; its id, or nil
    /// after `timeout` or when the program ended first.
    public func waitForDescendant(named name: String, excluding seen: Set<Int32> = [], timeout: TimeInterval) -> Int32? {
        let limit = Date().addingTimeInterval(timeout)
        while Date() < limit && process.isRunning {
            if let match = descendants().first(where: { $0.command.contains(name) && !seen.contains($0.pid) }) { return match.pid }
            usleep(20_000)
        }
        return nil
    }

    /// Whether `pid` is a live process (not gone, not a zombie).
    public static func isAlive(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        let state = stat[stat.index(close, offsetBy: 2)...].prefix(1)
        return state != "Z" && state != "X"
    }

    /// Waits until `pid` is no longer alive; false if it still is after `timeout`.
    public static func waitUntilGone(_ pid: Int32, timeout: TimeInterval) -> Bool {
        let limit = Date().addingTimeInterval(timeout)
        while Date() < limit {
            if !isAlive(pid) { return true }
            usleep(20_000)
        }
        return !isAlive(pid)
    }

    struct ProcessTable {
        var parent: [Int32: Int32] = [:]
        var command: [Int32: String] = [:]

        func descendants(of root: Int32) -> [(pid: Int32, command: String)] {
            var result: [(Int32, String)] = []
            for (pid, _) in parent {
                var current = pid
                var depth = 0
                while let up = parent[current], depth < 64 {
                    if up == root {
                        result.append((pid, command[pid] ?? ""))
                        break
                    }
                    current = up
                    depth += 1
                }
            }
            return result
        }
    }

    static func table() -> ProcessTable {
        var table = ProcessTable()
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = Int32(entry), isAlive(pid),
                  let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { continue }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 1, let parent = Int32(fields[1]) else { continue }
            table.parent[pid] = parent
            let cmdline = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(entry)/cmdline"))) ?? Data()
            table.command[pid] = String(decoding: cmdline.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
        }
        return table
    }
}
