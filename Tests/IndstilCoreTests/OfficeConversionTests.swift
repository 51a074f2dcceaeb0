import Foundation
import Testing
@testable import IndstilCore
@testable import IndstilSupport
@testable import IndstilDocument
@testable import IndstilChecks
@testable import IndstilRender
@testable import IndstilWorkspace
@testable import IndstilPackets

/// LibreOffice turns an office attachment into a tagged PDF (PDF/UA-1) that is PDF/A-2b,
/// with the time of conversion fixed, so the same attachment gives the same packet.
@Suite("Office attachments converted to tagged PDF")
struct OfficeConversionTests {
    @Test("The DOCX of the example agenda converts tagged, PDF/A-2b, dated 1980-01-01, the same bytes twice")
    func convertsTagged() throws {
        let docx = TestPackage.examples.appendingPathComponent("raadmandsmoede/punkt-5/orientering-fra-magistraten.docx")
        let work = try TempFolder("konvertering")
        defer { work.remove() }
        let first = try #require(OfficeConversion.pdfs(of: [docx], work: work.url.appendingPathComponent("1"))[docx], "LibreOffice did not convert")
        #expect(PDFTagging.isTagged(first) == true)
        let metadata = try TestProcess.run("pdfinfo", ["-meta", first.path]).requireSuccess().stdout
        #expect(PDFArchiveParts.declaredPart(metadata) == 2, "\(metadata)")
        #expect(metadata.contains("<pdfuaid:part>1</pdfuaid:part>"), "\(metadata)")
        #expect(metadata.contains("1980-01-01T00:00:00Z"), "\(metadata)")
        let info = try TestProcess.run("pdfinfo", [first.path]).requireSuccess().stdout
        #expect(info.contains("1980"), "\(info)")
        let second = try #require(OfficeConversion.pdfs(of: [docx], work: work.url.appendingPathComponent("2"))[docx])
        #expect(try Data(contentsOf: first) == Data(contentsOf: second))
    }

    @Test("The tagging probe tells a tagged PDF from an untagged one, and says nothing about a file that is no PDF")
    func taggingProbe() throws {
        let folder = try TempFolder("tags")
        defer { folder.remove() }
        #expect(PDFTagging.isTagged(try folder.write("t.pdf", UntaggedAttachmentCheck.examplePDF(tagged: true))) == true)
        #expect(PDFTagging.isTagged(try folder.write("u.pdf", UntaggedAttachmentCheck.examplePDF(tagged: false))) == false)
        #expect(PDFTagging.isTagged(try folder.write("x.pdf", "%PDF-1.4\n")) == nil)
    }
}

/// `OfficeConversionAhead`: a Word appendix goes to LibreOffice while the agenda is read; the
/// build takes that conversion only for the same bytes.
@Suite("Word appendices converted while the agenda is read", .serialized)
struct OfficeConversionAheadTests {
    /// Rewrites `docx` with `old` replaced by `new` in its text: a Word file of other bytes.
    static func rewrite(_ docx: URL, _ old: String, _ new: String) throws {
        try TestProcess.run("python3", ["-c", """
            import sys, zipfile
            path, old, new = sys.argv[1], sys.argv[2].encode(), sys.argv[3].encode()
            with zipfile.ZipFile(path) as source:
                items = [(info, source.read(info)) for info in source.infolist()]
            with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
                for info, data in items:
                    if info.filename == "word/document.xml":
                        data = data.replace(old, new)
                    target.writestr(info, data)
            """, docx.path, old, new]).requireSuccess()
    }

    @Test("Offered ahead: the build takes the conversion of the same bytes, the same PDF as its own; a file changed after the offer is converted anew")
    func takesOnlyTheSameBytes() throws {
        let docx = TestPackage.examples.appendingPathComponent("raadmandsmoede/punkt-5/orientering-fra-magistraten.docx")
        let folder = try TempFolder("forud")
        defer { folder.remove() }
        let changed = folder.url.appendingPathComponent("aendret.docx"), same = folder.url.appendingPathComponent("samme.docx")
        try FileManager.default.copyItem(at: docx, to: changed)
        try FileManager.default.copyItem(at: docx, to: same)
        // Bytes of this run's own: a conversion another test left in the shared cache is not
        // offered again (the build takes it from the cache), and that must not pass for this one.
        try Self.rewrite(same, "Magistraten", "Magistraten \(UUID().uuidString.prefix(8))")

        OfficeConversionAhead.begin()
        #expect(OfficeConversionAhead.isActive)
        let before = OfficeConversionAhead.taken.withLock { $0 }
        OfficeConversionAhead.offer(changed)
        OfficeConversionAhead.offer(same)
        // Saved again after it was offered: other words, other bytes.
        try Self.rewrite(changed, "Magistraten", "Borgmesteren")

        let fromChanged = try #require(OfficeConversion.pdfs(of: [changed], work: folder.url.appendingPathComponent("1"), cache: nil)[changed])
        #expect(OfficeConversionAhead.taken.withLock { $0 } == before, "the conversion of the old bytes was taken")
        let changedText = try TestProcess.run("pdftotext", [fromChanged.path, "-"]).requireSuccess().stdout
        #expect(changedText.contains("Borgmesteren") && !changedText.contains("Magistraten"), "\(changedText)")

        let ahead = try #require(OfficeConversion.pdfs(of: [same], work: folder.url.appendingPathComponent("2"), cache: nil)[same])
        #expect(OfficeConversionAhead.taken.withLock { $0 } == before + 1, "the conversion made ahead was not taken")
        OfficeConversionAhead.end()
        #expect(!OfficeConversionAhead.isActive)

        let own = try #require(OfficeConversion.pdfs(of: [same], work: folder.url.appendingPathComponent("3"), cache: nil)[same])
        #expect(try Data(contentsOf: ahead) == Data(contentsOf: own), "the conversion made ahead differs from the build's own")
    }
}
