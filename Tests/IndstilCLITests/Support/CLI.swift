import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The outcome of one run of the real `indstil` binary.
struct RunResult: CustomStringConvertible {
    var arguments: [String]
    /// Exit status, or the signal number when `signaled`.
    var status: Int32
    var signaled: Bool
    var timedOut: Bool
    var stdoutData: Data
    var stderrData: Data
    var seconds: Double

    var stdout: String { String(decoding: stdoutData, as: UTF8.self) }
    var stderr: String { String(decoding: stderrData, as: UTF8.self) }

    /// Text diagnostics (`path:line:column: severity: message [check]`) found on stdout.
    var diagnostics: [TextDiagnostic] { TextDiagnostic.parse(stdout) }

    var description: String {
        let cut = { (text: String) in text.count > 3000 ? String(text.prefix(3000)) + " …" : text }
        return """
        indstil \(arguments.joined(separator: " "))
          status: \(status)\(signaled ? " (signal)" : "")\(timedOut ? " (timed out)" : "") after \(String(format: "%.2f", seconds)) s
          stdout: \(cut(stdout))
          stderr: \(cut(stderr))
        """
    }
}

/// One line of `indstil check` text output.
struct TextDiagnostic: Equatable {
    var path: String
    var line: Int
    var column: Int
    var severity: String
    var message: String
    var check: String

    static func parse(_ output: String) -> [TextDiagnostic] {
        output.split(separator: "\n").compactMap { parse(line: String($0)) }
    }

    /// `path:line:column: error|warning|note: message [check-id]`
    static func parse(line: String) -> TextDiagnostic? {
        guard line.hasSuffix("]"), let open = line.range(of: " [", options: .backwards) else { return nil }
        let check = String(line[open.upperBound..<line.index(before: line.endIndex)])
        guard !check.isEmpty, check.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "." || $0 == "-" }) else { return nil }
        let head = line[..<open.lowerBound]
        for severity in ["error", "warning", "note"] {
            guard let marker = head.range(of: ": \(severity): ") else { continue }
            let location = head[..<marker.lowerBound]
            let message = String(head[marker.upperBound...])
            let parts = location.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count >= 3, let lineNumber = Int(parts[parts.count - 2]), let column = Int(parts[parts.count - 1]) else { return nil }
            let path = parts.dropLast(2).joined(separator: ":")
            return TextDiagnostic(path: path, line: lineNumber, column: column, severity: severity, message: message, check: check)
        }
        return nil
    }
}

enum CLI {
    struct NotFound: Error, CustomStringConvertible {
        var description: String {
            "The indstil binary was not found. Build it first (`swift build --build-tests`), or set INDSTIL_BIN. Looked next to the test bundle and in \(Fixtures.packageRoot.path)/.build*/debug/indstil."
        }
    }

    /// The `indstil` executable built with the tests: next to the test bundle (same
    /// scratch path and configuration), else the newest `<package>/.build*/debug/indstil`.
    static let binary: URL? = locate()

    static func locate() -> URL? {
        let fileManager = FileManager.default
        func executable(_ url: URL) -> URL? {
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  fileManager.isExecutableFile(atPath: url.path) else { return nil }
            return url.resolvingSymlinksInPath()
        }
        if let override = ProcessInfo.processInfo.environment["INDSTIL_BIN"], !override.isEmpty {
            return executable(URL(fileURLWithPath: override))
        }
        var folders: [URL] = []
        if let executableURL = Bundle.main.executableURL { folders.append(executableURL.deletingLastPathComponent()) }
        folders.append(Bundle.main.bundleURL)
        folders.append(Bundle.main.bundleURL.deletingLastPathComponent())
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            folders.append(bundle.bundleURL.deletingLastPathComponent())
        }
        if let argument = CommandLine.arguments.first, argument.contains("/") {
            folders.append(URL(fileURLWithPath: argument).deletingLastPathComponent())
        }
        for folder in folders {
            if let found = executable(folder.appendingPathComponent("indstil")) { return found }
        }
        // Fallback: the newest debug build in any scratch folder of this package.
        let root = Fixtures.packageRoot
        let scratch = ((try? fileManager.contentsOfDirectory(atPath: root.path)) ?? []).filter { $0.hasPrefix(".build") }
        let built = scratch.compactMap { executable(root.appendingPathComponent($0).appendingPathComponent("debug/indstil")) }
        return built.max { modified($0) < modified($1) }
    }

    private static func modified(_ url: URL) -> Date {
        ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date) ?? .distantPast
    }

    /// Runs `indstil ARGUMENTS` in `folder`; kills it after `timeout` seconds.
    /// Output goes to files, so a flood of output cannot block the child.
    static func run(_ arguments: [String], in folder: URL, timeout: Double = 10,
                    environment: [String: String] = [:]) throws -> RunResult {
        guard let binary else { throw NotFound() }
        let capture = FileManager.default.temporaryDirectory.appendingPathComponent("indstil-e2e-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: capture, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: capture) }
        let outURL = capture.appendingPathComponent("stdout")
        let errURL = capture.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)

        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "INDSTIL_TEMPLATES")
        for (key, value) in environment { env[key] = value }
        process.environment = env
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
        return RunResult(
            arguments: arguments,
            status: stillRunning ? -1 : process.terminationStatus,
            signaled: stillRunning ? false : process.terminationReason == .uncaughtSignal,
            timedOut: timedOut,
            stdoutData: (try? Data(contentsOf: outURL)) ?? Data(),
            stderrData: (try? Data(contentsOf: errURL)) ?? Data(),
            seconds: seconds)
    }
}
