import Foundation

/// A4 PDF from the HTML rendering through WeasyPrint (an external program the setup
/// installs): page numbers "side 1 af 3", the title in the PDF metadata, bookmarks
/// from the headings.
public enum PDFRenderer {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public static let timeout: TimeInterval = 120

    public static func pdf(fromHTML html: String) throws(Failure) -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("indstil-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("dokument.html")
        let output = folder.appendingPathComponent("dokument.pdf")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(html.utf8).write(to: input)
        } catch {
            throw Failure(description: "kan ikke skrive midlertidig fil: \(error)")
        }
        let result = ExternalProgram.run("weasyprint", ["--quiet", "--presentational-hints", input.path, output.path], timeout: timeout)
        switch result {
        case .notFound:
            throw Failure(description: "WeasyPrint findes ikke; installér det med »make deps« (Debian-pakken weasyprint)")
        case .timedOut:
            throw Failure(description: "WeasyPrint svarede ikke inden for \(Int(timeout)) sekunder")
        case .finished(let status, let stderr):
            guard status == 0, let data = try? Data(contentsOf: output), data.starts(with: Array("%PDF".utf8)) else {
                throw Failure(description: "WeasyPrint fejlede (exit \(status)): \(stderr.prefix(500))")
            }
            return data
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
    public static func run(_ name: String, _ arguments: [String], timeout: TimeInterval, standardOutput: URL? = nil) -> Result {
        guard let executable = find(name) else { return .notFound }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        // Reproducible output: fontTools (inside WeasyPrint) stamps font subsets with this
        // time instead of now, so the same input gives the same bytes.
        var environment = ProcessInfo.processInfo.environment
        if environment["SOURCE_DATE_EPOCH"] == nil { environment["SOURCE_DATE_EPOCH"] = "315532800" }
        process.environment = environment
        let errorPipe = Pipe()
        process.standardError = errorPipe
        var outputHandle: FileHandle?
        if let standardOutput {
            guard FileManager.default.createFile(atPath: standardOutput.path, contents: nil),
                  let handle = try? FileHandle(forWritingTo: standardOutput) else { return .finished(status: -1, stderr: "\(standardOutput.path) kan ikke oprettes") }
            outputHandle = handle
        }
        defer { try? outputHandle?.close() }
        process.standardOutput = outputHandle ?? FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        do { try process.run() } catch { return .notFound }
        let stderrData = ErrorCollector(errorPipe.fileHandleForReading)
        if done.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            _ = done.wait(timeout: .now() + 5)
            return .timedOut
        }
        return .finished(status: process.terminationStatus, stderr: stderrData.text())
    }

    /// Reads a pipe on a background thread so a chatty program never blocks on it.
    final class ErrorCollector: @unchecked Sendable {
        private var data = Data()
        private let lock = NSLock()
        private let finished = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle) {
            DispatchQueue.global().async {
                let all = handle.readDataToEndOfFile()
                self.lock.lock()
                self.data = all
                self.lock.unlock()
                self.finished.signal()
            }
        }

        func text() -> String {
            _ = finished.wait(timeout: .now() + 5)
            lock.lock()
            defer { lock.unlock() }
            return String(decoding: data, as: UTF8.self)
        }
    }
}
