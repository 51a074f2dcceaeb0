import Foundation
import Testing
@testable import IndstilCore
@testable import IndstilSupport
@testable import IndstilDocument
@testable import IndstilChecks
@testable import IndstilRender
@testable import IndstilWorkspace
@testable import IndstilPackets

@Suite struct HTMLAndPDFRenderTests {
    static let packageRoot = TestPackage.root

    func analyzed(_ text: String, profile id: String = "aarhus-byraad") throws -> AnalyzedDocument {
        guard case .document(let document) = DocumentLoader.parse(text, url: URL(fileURLWithPath: "/tmp/indstil-render/sag.md"), displayPath: "sag.md"),
              case .success(let profile)? = ProfileStore.standard(projectRoot: nil).profile(id: id) else {
            throw Failure("document or profile could not be loaded")
        }
        return AnalyzedDocument(document: document, profile: profile)
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    func seed() throws -> AnalyzedDocument {
        let url = Self.packageRoot.appendingPathComponent("Tests/Fixtures/aarhuskompasset-2021/aarhuskompasset.md")
        return try analyzed(String(contentsOf: url, encoding: .utf8), profile: "aarhus-byraad-2021")
    }

    @Test func htmlIsStandaloneDanishAndShowsTheSeedsParts() throws {
        let html = try Renderer.html(seed())
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<html lang=\"da\">"))
        #expect(html.contains("<title>Aarhuskompasset – Aarhus Kommunes nye forståelsesramme</title>"))
        for part in ["<li>Til Aarhus Byråd</li>", "<li>Fra Magistraten</li>", "<li>Dato 31. marts 2021</li>",
                     "<span class=\"nr\">8.</span> Hvad er den videre proces og hvordan følges op?",
                     "Det indstilles på magistratens anbefaling:",
                     "<span class=\"punkt-nr\">At 3)</span> Byrådet beslutter",
                     "Magistraten / Direktørgruppen", "Bilag 2: Aarhuskompasset – Mindre system. Mere borger.",
                     "6. marts 2019: Sag nr. 9", "<th scope=\"row\">Antal tegn</th><td>12.160</td>",
                     "<th scope=\"row\">Sagsnummer</th><td>21-030966</td>", "<tr><td colspan=\"2\">Borgmesterens Afdeling</td></tr>"] {
            #expect(html.contains(part), "missing: \(part)")
        }
        // The pasted "At 1)" is not doubled.
        #expect(!html.contains("At 1) At 1)") && !html.contains("</span> At 1)"))
    }

    @Test func headingsDescendWithoutSkippingLevels() throws {
        let html = try Renderer.html(analyzed(ExampleDocument.byraad.replacingSection("6. Hvad", body: "## Bookingsiden\n\nTekst.\n\n#### Detaljer\n\nMere.").text))
        var previous = 0
        var levels: [Int] = []
        var rest = Substring(html)
        while let range = rest.range(of: "<h") {
            rest = rest[range.upperBound...]
            if let digit = rest.first?.wholeNumberValue { levels.append(digit) }
        }
        #expect(levels.first == 1)
        for level in levels {
            #expect(level <= previous + 1, "heading levels \(levels)")
            previous = level
        }
    }

    @Test func rawHTMLAndScriptLinksNeverReachTheOutput() throws {
        let text = ExampleDocument.byraad
            .settingField("titel", "titel: \"<script>alert(1)</script> Lokaler\"")
            .replacingSection("6. Hvad", body: "<script>alert(2)</script>\n\nTekst <img src=x onerror=alert(3)> og [klik](javascript:alert(4)) og <b onclick=\"x()\">fed</b>.\n\n<div onmouseover=\"y()\">blok</div>")
            .text
        let html = try Renderer.html(analyzed(text)).lowercased()
        for forbidden in ["<script", "onerror", "onclick", "onmouseover", "javascript:", "<img", "<div onmouseover"] {
            #expect(!html.contains(forbidden), "found \(forbidden)")
        }
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; lokaler"))
    }

    @Test func everyTextFormatIsByteForByteDeterministic() throws {
        for format in [Renderer.Format.html, .docx, .txt, .md] {
            let first = try Renderer.render(seed(), to: format)
            let second = try Renderer.render(seed(), to: format)
            #expect(first == second, "\(format) differs between two renders")
            #expect(!first.isEmpty)
        }
    }

    @Test func dashSectionsShowADashNotAnEmptyBullet() throws {
        let html = try Renderer.html(analyzed(ExampleDocument.raadmand.text, profile: "aarhus-raadmand"))
        #expect(html.contains("ØKONOMI</h2>\n<p>-</p>"))
        #expect(!html.contains("<li></li>"))
        #expect(html.contains("<span class=\"punkt-nr\">1)</span> at rådmanden tager status"))
    }

    @Test func normalisedMarkdownKeepsTheFrontMatterAndReparsesToTheSameCount() throws {
        let original = try seed()
        let markdown = String(decoding: try Renderer.render(original, to: .md), as: UTF8.self)
        #expect(markdown.hasPrefix("---\nprofil: aarhus-byraad-2021\n"))
        let again = try analyzed(markdown, profile: "aarhus-byraad-2021")
        #expect(again.characterCount == original.characterCount)
        #expect(again.decisionPoints.count == 3)
    }

    /// Runs WeasyPrint for real (installed by `make deps`).
    @Test func pdfIsA4WithTitlePageNumbersAndBookmarks() throws {
        try #require(ExternalProgram.find("weasyprint") != nil, "weasyprint is missing: run `make deps`")
        let pdf = try Renderer.render(seed(), to: .pdf)
        #expect(pdf.starts(with: Array("%PDF".utf8)))
        let folder = try TempFolder("pdf-test")
        defer { folder.remove() }
        let file = try folder.write("seed.pdf", data: pdf)
        let info = try Self.output("pdfinfo", [file.path])
        #expect(info.contains("Title:           Aarhuskompasset – Aarhus Kommunes nye forståelsesramme"))
        #expect(info.contains("595.276 x 841.89 pts (A4)") || info.contains("(A4)"), "\(info)")
        let text = try Self.output("pdftotext", ["-layout", file.path, "-"])
        #expect(text.contains("side 1 af "))
        #expect(text.contains("Hvad er den videre proces og hvordan følges op?"))
        let outline = try Self.output("qpdf", ["--json", "--json-key=outlines", file.path])
        for heading in ["1. Resume", "2. Beslutningspunkter", "8. Hvad er den videre proces", "Bilag", "Tidligere beslutninger"] {
            #expect(outline.contains(heading), "no bookmark for \(heading)")
        }
    }

    static func output(_ program: String, _ arguments: [String]) throws -> String {
        try TestProcess.run(program, arguments).stdout
    }
}
