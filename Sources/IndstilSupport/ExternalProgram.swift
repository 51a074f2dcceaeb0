import Foundation

/// Runs a tool found on PATH (WeasyPrint, qpdf, pdftotext, pdfinfo, LibreOffice) through
/// `Subprocess`, with nothing on its stdin and a time limit, collecting stderr.
///
/// The tools work on material that is not published yet (closed material included), so
/// what they create is their owner's only (umask 077), and a tool given a
/// `temporaryFolder` keeps its own temporary files there (TMPDIR, TMP and TEMP point into
/// it), inside indstil's private work folder, removed with it: not in the shared `/tmp`,
/// where LibreOffice's `lu*.tmp` would outlive an interrupted run.
public enum ExternalProgram {
    public enum Result: Sendable {
        case finished(status: Int32, stderr: String)
        case timedOut
        case notFound
    }

    /// A name is looked up on PATH; a path (with a `/`, as `INDSTIL_WEASYPRINT` may give) is taken as it is.
    public static func find(_ name: String) -> URL? {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? URL(fileURLWithPath: name) : nil }
        return Subprocess.find(name)
    }

    /// The environment of every program run: ours, plus a fixed SOURCE_DATE_EPOCH for
    /// reproducible output (fontTools, inside WeasyPrint, stamps font subsets with it
    /// instead of now). Read once per process.
    static let childEnvironment: [String: String] = {
        var environment = ProcessInfo.processInfo.environment
        if environment["SOURCE_DATE_EPOCH"] == nil { environment["SOURCE_DATE_EPOCH"] = "315532800" }
        return environment
    }()

    /// Runs `name` with `arguments`; its standard output goes to `standardOutput` (a file
    /// created or replaced, 0600) or nowhere. A program killed by a signal finishes with status
    /// 128 + the signal.
    /// - Parameter temporaryFolder: a private folder (`TemporaryItems.makePrivateFolder`)
    ///   the program is to keep its temporary files in.
    /// - Parameter environment: variables set for this program on top of indstil's own.
    public static func run(_ name: String, _ arguments: [String], timeout: TimeInterval, standardOutput: URL? = nil,
                           temporaryFolder: URL? = nil, environment added: [String: String] = [:]) -> Result {
        guard let executable = find(name) else { return .notFound }
        var environment = childEnvironment.merging(added) { _, new in new }
        if let temporaryFolder {
            for key in ["TMPDIR", "TMP", "TEMP"] { environment[key] = temporaryFolder.path }
        }
        let result: Subprocess.Result
        do {
            result = try Subprocess.run(executable: executable.path, arguments: arguments, argv0: name, directory: nil, input: Data(),
                                        timeout: timeout, outputLimit: standardOutput == nil ? 64 << 20 : 1 << 30,
                                        errorLimit: 64 << 10, environment: environment, privateFiles: true)
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
                do { try TemporaryItems.writePrivately(result.stdout, to: standardOutput) } catch {
                    return .finished(status: -1, stderr: "\(standardOutput.path) kan ikke skrives: \(SystemErrorText.reason(error).da)")
                }
            }
            return .finished(status: status, stderr: stderr)
        }
    }
}
