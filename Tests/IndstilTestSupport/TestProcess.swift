import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program for a test (the built `indstil`, pdftotext, qpdf, WeasyPrint, soffice,
/// python3 …) to its end or its time limit. Output goes to files, not pipes, so neither a
/// flood of output nor a grandchild that keeps a pipe open can hang the test. Independent
/// of indstil's own `Subprocess`, which is under test.
public enum TestProcess {
    /// How one run ended.
    public struct Result: CustomStringConvertible, Sendable {
        /// The program and its arguments.
        public let command: [String]
        /// Exit status, the signal number when `signaled`, or -1 when it had to be killed.
        public let status: Int32
        public let signaled: Bool
        public let timedOut: Bool
        public let stdoutData: Data
        public let stderrData: Data
        public let seconds: Double

        public var stdout: String { String(decoding: stdoutData, as: UTF8.self) }
        public var stderr: String { String(decoding: stderrData, as: UTF8.self) }
        /// Both streams, for messages.
        public var output: String { stdout + stderr }

        public var description: String {
            let cut = { (text: String) in text.count > 3000 ? String(text.prefix(3000)) + " …" : text }
            return """
            \(command.joined(separator: " "))
              status: \(status)\(signaled ? " (signal)" : "")\(timedOut ? " (timed out)" : "") after \(String(format: "%.2f", seconds)) s
              stdout: \(cut(stdout))
              stderr: \(cut(stderr))
            """
        }

        /// This result when the program exited with status 0; else throws `Failed`.
        @discardableResult
        public func requireSuccess() throws -> Result {
            guard status == 0, !signaled, !timedOut else { throw Failed(result: self) }
            return self
        }
    }

    /// A run that had to succeed did not.
    public struct Failed: Error, CustomStringConvertible {
        public let result: Result
        public var description: String { "failed: \(result)" }
    }

    /// Runs `program` (a path, or a name looked up on PATH) with `arguments` in `folder`
    /// (nil: the current one), with nothing on stdin; kills its process group after
    /// `timeout` seconds. `environment` changes the test's own environment: a value sets a
    /// variable, nil removes it.
    public static func run(_ program: String, _ arguments: [String], in folder: URL? = nil,
                           environment: [String: String?] = [:], timeout: TimeInterval = 120) throws -> Result {
        let capture = try TempFolder("process-output")
        defer { capture.remove() }
        let outURL = try capture.write("stdout", data: Data())
        let errURL = try capture.write("stderr", data: Data())
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)

        let process = Process()
        if program.contains("/") {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [program] + arguments
        }
        if let folder { process.currentDirectoryURL = folder }
        var variables = ProcessInfo.processInfo.environment
        for (key, value) in environment { variables[key] = value }
        process.environment = variables
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outHandle
        process.standardError = errHandle
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }

        let start = Date()
        try process.run()
        var timedOut = false
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            // Foundation starts the child in its own process group on Linux: kill the
            // whole group, so a grandchild holding the output cannot keep it alive.
            kill(-process.processIdentifier, SIGKILL)
            kill(process.processIdentifier, SIGKILL)
            _ = finished.wait(timeout: .now() + 10)
        }
        let seconds = Date().timeIntervalSince(start)
        try? outHandle.close()
        try? errHandle.close()
        let stillRunning = process.isRunning
        return Result(
            command: [program] + arguments,
            status: stillRunning || timedOut ? -1 : process.terminationStatus,
            signaled: stillRunning || timedOut ? false : process.terminationReason == .uncaughtSignal,
            timedOut: timedOut,
            stdoutData: (try? Data(contentsOf: outURL)) ?? Data(),
            stderrData: (try? Data(contentsOf: errURL)) ?? Data(),
            seconds: seconds)
    }
}
