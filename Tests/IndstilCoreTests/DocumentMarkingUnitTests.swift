import Foundation
import Testing
@testable import IndstilCore
@testable import IndstilSupport
@testable import IndstilDocument
@testable import IndstilChecks
@testable import IndstilRender
@testable import IndstilWorkspace
@testable import IndstilPackets

/// `DocumentMarking` decided once, and how HTML (`HTMLMarking`) and DOCX (`DocxMarking`) show it.
@Suite struct DocumentMarkingUnitTests {
    static let closedDraft = DocumentMarking(isClosed: true, errorCount: 22)

    @Test func closedAndDraftAreDecidedFromTheFrontMatterAndTheErrors() throws {
        let warning = Diagnostic(check: "x", severity: .warning, message: Message(da: "a", en: "a"), line: 1)
        let error = Diagnostic(check: "x", severity: .error, message: Message(da: "a", en: "a"), line: 1)
        #expect(DocumentMarking(isClosed: false, errorCount: 0).isEmpty)
        #expect(DocumentMarking(isClosed: false, errorCount: 0).notices.isEmpty)
        #expect(Self.closedDraft.notices == ["UDKAST", "LUKKET – må ikke offentliggøres"])
        #expect(DocumentMarking.closedNotice == ClosedMarking.notice)
        #expect(Self.closedDraft.draftExplanation == "dokumentet har 22 fejl og er ikke færdigt")
        for (status, closed) in [("lukket", true), (" Lukket ", true), ("åben", false), ("lukket senere", false)] {
            let text = "---\nprofil: aarhus-raadmand\nstatus: \"\(status)\"\n---\n# Indstilling\n"
            guard case .document(let document) = DocumentLoader.parse(text, url: URL(fileURLWithPath: "/tmp/sag.md"), displayPath: "sag.md") else {
                Issue.record("not read"); continue
            }
            #expect(DocumentMarking(document: document).isClosed == closed, "\(status)")
            #expect(DocumentMarking(document: document, diagnostics: [warning]).isDraft == false)
            #expect(DocumentMarking(document: document, diagnostics: [warning, error, error]).errorCount == 2)
        }
    }

    @Test func aCleanOpenDocumentGetsNoBannerNoStyleNoHeader() {
        #expect(HTMLMarking.banner(.unmarked) == nil)
        #expect(HTMLMarking.css(.unmarked).isEmpty)
        #expect(HTMLMarking.ensuringBanner("<body>x</body>", .unmarked) == "<body>x</body>")
        #expect(DocxMarking.paragraph(.unmarked) == nil)
        #expect(DocxMarking.header(.unmarked) == nil)
        #expect(DocxMarking.prepending(.unmarked, to: "<w:hdr/>") == "<w:hdr/>")
    }

    @Test func theHTMLBannerAndRunningHeader() throws {
        let banner = try #require(HTMLMarking.banner(Self.closedDraft))
        #expect(banner.hasPrefix("<section class=\"markering\" aria-label=\"Dokumentets status\">"))
        #expect(banner.contains("<strong>UDKAST</strong> – dokumentet har 22 fejl"))
        #expect(banner.contains("<strong>LUKKET – må ikke offentliggøres</strong>"))
        let css = HTMLMarking.css(Self.closedDraft)
        #expect(css.contains("@top-left { content: \"UDKAST\""))
        #expect(css.contains("@top-right { content: \"LUKKET – må ikke offentliggøres\""))
        // A profile's own template without the banner still gets it, once, right after <body>.
        let page = HTMLMarking.ensuringBanner("<html><body class=\"x\"><main>y</main></body></html>", Self.closedDraft)
        #expect(page.hasPrefix("<html><body class=\"x\">\n<section class=\"markering\""))
        #expect(HTMLMarking.ensuringBanner(page, Self.closedDraft) == page)
    }

    @Test func theDocxHeaderLineGoesFirstIntoATemplatesHeaderWhateverItsPrefix() throws {
        let marking = DocumentMarking(isClosed: true, errorCount: 0)
        let plain = "<?xml version=\"1.0\"?>\n<w:hdr xmlns:w=\"\(DocxXML.wordNamespace)\" a=\"x>y\"><w:p><w:r><w:t>Logo</w:t></w:r></w:p></w:hdr>"
        let marked = try #require(DocxMarking.prepending(marking, to: plain))
        #expect(marked.contains("a=\"x>y\"><w:p><w:pPr>"))
        #expect(marked.range(of: "LUKKET")!.lowerBound < marked.range(of: "Logo")!.lowerBound)
        // A part whose root binds WordprocessingML to another prefix: the added paragraph declares w:.
        let other = "<ns0:hdr xmlns:ns0=\"\(DocxXML.wordNamespace)\"><ns0:p/></ns0:hdr>"
        let declared = try #require(DocxMarking.prepending(marking, to: other))
        #expect(declared.hasPrefix("<ns0:hdr xmlns:ns0=\"\(DocxXML.wordNamespace)\"><w:p xmlns:w=\"\(DocxXML.wordNamespace)\">"))
        // An empty header gets content and an end tag.
        let empty = try #require(DocxMarking.prepending(marking, to: "<w:hdr xmlns:w=\"\(DocxXML.wordNamespace)\"/>"))
        #expect(empty.hasSuffix("</w:p></w:hdr>") && empty.contains("LUKKET"))
        #expect(DocxMarking.prepending(marking, to: "no xml") == nil)
        #expect(DocxMarking.headerTypes(titlePage: true, evenAndOdd: true) == ["default", "first", "even"])
        #expect(DocxMarking.headerTypes(titlePage: false, evenAndOdd: false) == ["default"])
    }
}
