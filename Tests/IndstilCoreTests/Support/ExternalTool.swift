import Foundation

/// Runs an external program (pdftotext, qpdf, soffice, python3 …) for a test, to its end
/// or its time limit. Output goes through files, not pipes, so a program that leaves a
/// child holding a pipe open cannot hang the test.
enum ExternalTool {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
        let timedOut: Bool

        /// Both streams, for messages.
        var output: String { stdout + stderr }
    }

    /// `program` is looked up on PATH unless it is a path.
    static func run(_ program: String, _ arguments: [String], timeout: TimeInterval = 120) throws -> Result {
        let process = Process()
        if program.hasPrefix("/") {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [program] + arguments
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("indstil-tool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("stdout")
        let errURL = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        defer { try? out.close(); try? err.close() }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        let timedOut = process.isRunning
        if timedOut {
            process.terminate()
            process.waitUntilExit()
        }
        let read = { (url: URL) in String(decoding: (try? Data(contentsOf: url)) ?? Data(), as: UTF8.self) }
        return Result(status: timedOut ? -1 : process.terminationStatus, stdout: read(outURL), stderr: read(errURL), timedOut: timedOut)
    }
}
