import Foundation

/// A4 PDF from the HTML rendering through WeasyPrint (an external program the setup
/// installs, started by `WeasyPrint`): page numbers "side 1 af 3", the title in the PDF
/// metadata, bookmarks from the headings.
public enum PDFRenderer {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public static let timeout: TimeInterval = 120

    public static func pdf(fromHTML html: String) throws(Failure) -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("indstil-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("dokument.pdf")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try WeasyPrint.set(html, input: folder.appendingPathComponent("dokument.html"), output: output,
                               presentationalHints: true, timeout: timeout)
            return try Data(contentsOf: output)
        } catch let problem as WeasyPrint.Problem {
            throw Failure(description: problem.message(.document, detail: { "\($0)" }))
        } catch {
            throw Failure(description: "kan ikke skrive midlertidig fil: \(error)")
        }
    }
}

/// Runs an external program found on PATH, with a time limit, collecting stderr.
public enum ExternalProgram {
    public enum Result: Sendable {
        case finished(status: Int32, stderr: String)
        case timedOut
        case notFound
    }

    public static func find(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Runs `name` with `arguments`; its standard output goes to `standardOutput` (a file
    /// created or truncated) or nowhere.
    /// The environment of every program run: ours, plus a fixed SOURCE_DATE_EPOCH for
    /// reproducible output (fontTools, inside WeasyPrint, stamps font subsets with it
    /// instead of now). Read once per process.
    static let childEnvironment: [String: String] = {
        var environment = ProcessInfo.processInfo.environment
        if environment["SOURCE_DATE_EPOCH"] == nil { environment["SOURCE_DATE_EPOCH"] = "315532800" }
        return environment
    }()

    public static func run(_ name: String, _ arguments: [String], timeout: TimeInterval, standardOutput: URL? = nil) -> Result {
        guard let executable = find(name) else { return .notFound }
        // posix_spawn (as for plugins), not Foundation's Process: that one is never freed on
        // Linux, 5 KB per run (LeakSanitizer, found by Fuzz/).
        let result: PluginProcess.Result
        do {
            result = try PluginProcess.run(executable: executable.path, arguments: arguments, argv0: name, directory: nil, input: Data(),
                                           timeout: timeout, outputLimit: standardOutput == nil ? 64 << 20 : 1 << 30,
                                           errorLimit: 64 << 10, environment: childEnvironment)
        } catch {
            return .notFound
        }
        let stderr = String(decoding: result.stderr, as: UTF8.self)
        switch result.outcome {
        case .timedOut:
            return .timedOut
        case .outputTooLarge:
            return .finished(status: -1, stderr: "\(name) skrev for meget på standard output")
        case .signaled(let signal):
            return .finished(status: 128 + signal, stderr: stderr)
        case .exited(let status):
            if let standardOutput {
                do { try result.stdout.write(to: standardOutput) } catch {
                    return .finished(status: -1, stderr: "\(standardOutput.path) kan ikke skrives: \(error.localizedDescription)")
                }
            }
            return .finished(status: status, stderr: stderr)
        }
    }
}
