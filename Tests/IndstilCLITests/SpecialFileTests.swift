import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Only regular files are read as documents and appendices: a FIFO (which would block a
/// reader for ever) or a device is a finding with its line, never a hang and never a pass.
@Suite("Special files (end to end)")
struct SpecialFileTests {
    static func fifo(_ folder: TempFolder, _ relative: String) throws {
        let url = folder.url.appendingPathComponent(relative)
        try? FileManager.default.removeItem(at: url)
        #expect(mkfifo(url.path, 0o644) == 0, "mkfifo \(relative)")
    }

    @Test("An agenda appendix that is a FIFO: check and bundle report it on its line and finish")
    func agendaAppendixFIFO() throws {
        let folder = try TempFolder.withExamples()
        try Self.fifo(folder, "examples/raadmandsmoede/punkt-2/referat-2026-08-28.pdf")
        let check = try folder.run("check", "examples/raadmandsmoede/dagsorden.yml")
        #expect(check.status == 1 && !check.timedOut, "\(check)")
        let line = try folder.read("examples/raadmandsmoede/dagsorden.yml").lineNumber(of: "      - fil: punkt-2/referat-2026-08-28.pdf")
        #expect(check.diagnostics.contains { $0.check == "appendix.missing-file" && $0.line == line && $0.message.contains("ikke en almindelig fil") },
                "\(check)")
        let bundle = try folder.run("bundle", "examples/raadmandsmoede/dagsorden.yml", "-o", "ud", timeout: 30)
        #expect(bundle.status == 1 && !bundle.timedOut && !folder.exists("ud"), "\(bundle)")
    }

    @Test("A document's bilag that is a FIFO is appendix.missing-file; a FIFO named as a document is input.invalid")
    func documentFIFO() throws {
        let folder = try TempFolder.withExamples()
        try Self.fifo(folder, "examples/raadmandsmoede/punkt-4/bilag/notat.pdf")
        let check = try folder.run("check", "examples/raadmandsmoede/punkt-4/omplacering.md")
        #expect(check.status == 1 && check.diagnostics.contains { $0.check == "appendix.missing-file" }, "\(check)")

        try Self.fifo(folder, "examples/ny.md")
        let named = try folder.run("check", "examples/ny.md")
        #expect(named.status == 1 && named.diagnostics.contains { $0.check == "input.invalid" && $0.line == 1 }, "\(named)")
        let walked = try folder.run("check", "examples")
        #expect(!walked.timedOut && walked.status == 1, "a FIFO among the .md files of a folder: \(walked)")
    }
}

/// A check that cannot look is a finding, never a silent pass.
@Suite("Fail closed (end to end)")
struct FailClosedTests {
    @Test("Without pdftotext on PATH, an agenda's PDF attachments are reported as not checked")
    func missingPdftotext() throws {
        let folder = try TempFolder.withExamples()
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("tom-path"), withIntermediateDirectories: true)
        let result = try CLI.run(["check", "examples/raadmandsmoede/dagsorden.yml"], in: folder.url, timeout: 30,
                                 environment: ["PATH": folder.url.appendingPathComponent("tom-path").path])
        #expect(result.status == 1, "\(result)")
        #expect(result.diagnostics.contains { $0.check == "input.invalid" && $0.message.contains("pdftotext findes ikke") }, "\(result)")
    }
}
