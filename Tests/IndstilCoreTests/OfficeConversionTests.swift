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
