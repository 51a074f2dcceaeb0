import Foundation
import IndstilTestSupport
import Testing
@testable import IndstilCore
@testable import IndstilSupport
@testable import IndstilDocument
@testable import IndstilChecks
@testable import IndstilRender
@testable import IndstilWorkspace
@testable import IndstilPackets
#if canImport(Glibc)
import Glibc
#endif

/// The one file gate (`FileKind`): every reader, and every place that hands a path to
/// another program, reads only regular files; a FIFO named as a document, a table or an
/// appendix is refused within seconds, never waited on (issue 25).
@Suite("File kind gate: FIFOs and hidden files")
struct FileKindGateTests {
    /// Runs `work` on its own thread: its result when it finished within `seconds`, else nil.
    /// A reader still blocked on `fifo` afterwards is released (a writer opens and closes
    /// it), so a failing test ends too.
    static func within<T: Sendable>(_ seconds: Double, releasing fifo: URL, _ work: @escaping @Sendable () -> T) -> T? {
        let done = DispatchSemaphore(value: 0)
        let box = Box<T>()
        Thread { box.value = work(); done.signal() }.start()
        if done.wait(timeout: .now() + seconds) == .success { return box.value }
        while done.wait(timeout: .now() + 0.2) == .timedOut {
            let descriptor = open(fifo.path, O_WRONLY | O_NONBLOCK)
            if descriptor >= 0 { close(descriptor) }
        }
        return nil
    }

    final class Box<T>: @unchecked Sendable { var value: T? }

    static func fifo(_ folder: TempFolder, _ relative: String) throws -> URL {
        let url = folder.url(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        #expect(mkfifo(url.path, 0o644) == 0)
        return url
    }

    @Test("FileKind.read refuses a FIFO without waiting, and a link with followLinks: false")
    func gate() throws {
        let folder = try TempFolder("gate")
        let fifo = try Self.fifo(folder, "ventende.md")
        #expect(FileKind.of(fifo) == .special && !FileKind.isRegularFile(fifo))
        #expect(Self.within(5, releasing: fifo) { FileKind.read(fifo) } == .failure(.notRegular))
        let file = try folder.write("fil.md", "tekst")
        try FileManager.default.createSymbolicLink(at: folder.url("lenke.md"), withDestinationURL: file)
        #expect(FileKind.read(folder.url("lenke.md")) == .success(Data("tekst".utf8)))
        #expect(FileKind.read(folder.url("lenke.md"), followLinks: false) == .failure(.symbolicLink))
        #expect(FileKind.ofLink(folder.url("lenke.md")) == .special)
    }

    @Test("The document loader refuses a FIFO named .md within seconds")
    func documentLoader() throws {
        let folder = try TempFolder("gate")
        let fifo = try Self.fifo(folder, "dokument.md")
        let result = Self.within(5, releasing: fifo) { () -> Bool in
            if case .success = SourceText.read(fifo) { return true } else { return false }
        }
        #expect(result == false, "nil: still reading after 5 s; true: a FIFO was read as a document")
    }

    @Test("The untagged-attachment check never starts qpdf on a FIFO named .pdf")
    func untaggedAttachmentCheck() throws {
        let folder = try TempFolder("gate")
        let fifo = try Self.fifo(folder, "bilag.pdf")
        let reported = Self.within(5, releasing: fifo) { UntaggedAttachmentCheck().report(fifo, shown: "bilag.pdf", path: "bundle.yml", line: 3) != nil }
        #expect(reported == false, "nil: qpdf still waiting after 5 s")
    }

    @Test("pdftotext is never started on a FIFO named .pdf; a FIFO named .docx is not unzipped")
    func attachmentText() throws {
        let folder = try TempFolder("gate")
        for name in ["bilag.pdf", "bilag.docx"] {
            let fifo = try Self.fifo(folder, name)
            let hadText = Self.within(5, releasing: fifo) { () -> Bool in
                if case .pages = AttachmentText.read(fifo) { return true } else { return false }
            }
            #expect(hadText == false, "\(name)")
        }
    }

    @Test("The Word reader refuses a FIFO named .docx within seconds")
    func wordReader() throws {
        let folder = try TempFolder("gate")
        let fifo = try Self.fifo(folder, "indstilling.docx")
        let read = Self.within(5, releasing: fifo) { () -> Bool in
            if case .success = WordImport.read(fifo, profile: nil, profileID: nil) { return true } else { return false }
        }
        #expect(read == false)
    }

    @Test("A table's fil: never reads a FIFO, a hidden file (.env) or a file outside the project")
    func tableFiles() throws {
        let folder = try TempFolder("gate")
        _ = try folder.write("projekt/indstil.yml", "")
        _ = try folder.write("projekt/.env", "HEMMELIGT=1\n")
        _ = try folder.write("projekt/.skjult/tal.csv", "a;b\n1;2\n")
        _ = try folder.write("projekt/tal.csv", "a;b\n1;2\n")
        _ = try folder.write("udenfor.csv", "a;b\n1;2\n")
        try FileManager.default.createSymbolicLink(atPath: folder.url("projekt/env.csv").path, withDestinationPath: ".env")
        let fifo = try Self.fifo(folder, "projekt/ventende.csv")
        let reader = TableFileReader(documentURL: folder.url("projekt/sag.md"))
        #expect(reader.read("tal.csv") == .text("a;b\n1;2\n"))
        let outcome = Self.within(5, releasing: fifo) { reader.read("ventende.csv") }
        guard case .problem(let message)? = outcome else { Issue.record("a FIFO was read or waited on: \(String(describing: outcome))"); return }
        #expect(message.da.contains("ikke en almindelig fil"))
        for path in [".env", ".skjult/tal.csv", "env.csv", "./.env", "../projekt/.env"] {
            guard case .problem(let message) = reader.read(path) else { Issue.record("\(path) was read"); continue }
            #expect(message.da.contains("skjult"), "\(path): \(message.da)")
        }
        guard case .problem(let outside) = reader.read("../udenfor.csv") else { Issue.record("outside was read"); return }
        #expect(outside.da.contains("uden for projektmappen"))
    }
}
