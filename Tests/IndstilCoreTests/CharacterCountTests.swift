import Foundation
import Testing
import IndstilCore

@Suite("Antal tegn")
struct CharacterCountTests {
    static func profile(_ id: String) throws -> Profile {
        let result = try #require(ProfileStore.standard(projectRoot: nil).profile(id: id), "profile \(id) not found")
        return try result.get()
    }

    static func analyze(_ text: String, profile id: String = "aarhus-byraad") throws -> AnalyzedDocument {
        let url = URL(fileURLWithPath: "/nonexistent/indstil-test/sag.md")
        guard case .document(let document) = DocumentLoader.parse(text, url: url, displayPath: "sag.md") else {
            Issue.record("the document did not load")
            throw TestProjectError.noFrontMatter
        }
        return AnalyzedDocument(document: document, profile: try profile(id))
    }

    @Test("The count is the rendered text without line breaks")
    func countIsRenderedText() throws {
        let analyzed = try Self.analyze(ExampleDocument.byraad.text)
        let plain = analyzed.rendered.plainText
        let expected = plain.replacingOccurrences(of: "\n", with: "").count
        #expect(analyzed.characterCount == expected)
        // Not a trivial zero: the title and every section are in it.
        #expect(plain.contains("Ny ordning for udlån af kommunens mødelokaler"))
        #expect(plain.contains("Byrådet får en status efter det første år."))
        #expect(analyzed.characterCount > 1000)
    }

    @Test("Emphasis and strong markers are not counted", arguments: ["*ord*", "**ord**", "_ord_", "__ord__"])
    func emphasisNotCounted(_ marked: String) throws {
        func document(_ word: String) -> String {
            ExampleDocument.byraad
                .replacingSection("6. Hvad igangsættes", body: "Der oprettes én fælles bookingside for hvert \(word) i kommunen.")
                .text
        }
        let withMarkers = try Self.analyze(document(marked))
        let without = try Self.analyze(document("ord"))
        #expect(withMarkers.characterCount == without.characterCount,
                "\(marked) counts \(withMarkers.characterCount), plain ord counts \(without.characterCount)")
        // …while a real extra character does change the count.
        let longer = try Self.analyze(document("ordx"))
        #expect(longer.characterCount == without.characterCount + 1)
    }

    @Test("Line breaks and repeated spaces inside a paragraph count as one space")
    func whitespaceFolding() throws {
        func document(_ body: String) -> String {
            ExampleDocument.byraad.replacingSection("6. Hvad igangsættes", body: body).text
        }
        let oneLine = try Self.analyze(document("Der oprettes én fælles bookingside."))
        let twoLines = try Self.analyze(document("Der oprettes én\nfælles   bookingside."))
        #expect(oneLine.characterCount == twoLines.characterCount)
    }
}
