import Foundation
@_exported import IndstilTestSupport

/// The outcome of one run of the real `indstil` binary.
typealias RunResult = TestProcess.Result

extension TestProcess.Result {
    /// Text diagnostics (`path:line:column: severity: message [check]`) found on stdout.
    var diagnostics: [TextDiagnostic] { TextDiagnostic.parse(stdout) }
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

    /// Where the test runs keep their spelling answers: a private folder of the user's in the
    /// temporary folder, not ~/.cache.
    static let cacheFolder: String = {
        let path = NSTemporaryDirectory() + "indstil-tests-cache-\(getuid())"
        _ = mkdir(path, 0o700)
        return path
    }()

    /// Runs `indstil ARGUMENTS` in `folder` (without INDSTIL_TEMPLATES from the test's
    /// environment, and with `cacheFolder`); kills it after `timeout` seconds.
    static func run(_ arguments: [String], in folder: URL, timeout: Double = 10,
                    environment: [String: String] = [:]) throws -> RunResult {
        guard let binary else { throw NotFound() }
        var changes: [String: String?] = ["INDSTIL_TEMPLATES": nil, "INDSTIL_CACHE_DIR": cacheFolder]
        for (key, value) in environment { changes[key] = value }
        return try TestProcess.run(binary.path, arguments, in: folder, environment: changes, timeout: timeout)
    }
}
