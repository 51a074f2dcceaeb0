import Foundation
import Testing
@testable import IndstilCore
@testable import IndstilSupport
@testable import IndstilDocument
@testable import IndstilChecks
@testable import IndstilRender
@testable import IndstilWorkspace
@testable import IndstilPackets

/// Template leftovers in brackets are looked for in the "[…]" pieces of a line only (issue
/// 25): the same finding as the regular expression over the whole line, in one pass.
@Suite("Template leftovers: bracketed pieces")
struct PlaceholderScanTests {
    @Test("The first bracketed leftover of a line is found, after brackets that are none")
    func firstLeftover() {
        #expect(PlaceholderCheck.leftover(in: "Se [aarhus.dk](https://aarhus.dk) og [ indsæt navn ] og [x]") == "[ indsæt navn ]")
        #expect(PlaceholderCheck.leftover(in: "[[[ [Dato] ]]") == "[Dato]")
        #expect(PlaceholderCheck.leftover(in: "Mødet [04/09/2023 - 20 minutter] holdes") == "[04/09/2023 - 20 minutter]")
        #expect(PlaceholderCheck.leftover(in: "[…]") == "[…]")
        #expect(PlaceholderCheck.leftover(in: "Et link [](bilag:analyse) og [tekst]") == nil)
        #expect(PlaceholderCheck.leftover(in: "[a] er ikke en rest, men [ TODO ] er") == "TODO")
    }

    @Test("A paragraph of 240 000 [ (within the markup limit) holds no leftover and is checked within a second")
    func bracketFlood() {
        // No leftover in the flood (no "]" closes any "[").
        let blocks = MarkdownParser.parse(String(repeating: "[", count: 240_000) + "\n").root.children
        let started = Date()
        #expect(PlaceholderCheck.leftovers(inBlocks: blocks).isEmpty)
        let seconds = Date().timeIntervalSince(started)
        #expect(seconds < 1, "\(seconds) s")
    }

    @Test("»Antal tegn« is recognised in any case; other paragraphs are ruled out by their start")
    func statedCount() {
        #expect(WordFields.statedCount(in: "ANTAL TEGN: 12.246") == 12_246)
        #expect(WordFields.statedCount(in: "Antal tegn 9 876") == 9_876)
        #expect(WordFields.statedCount(in: "Antal tegnestuer: 3") == nil)
        #expect(WordFields.statedCount(in: "Antal") == nil)
        #expect(WordFields.statedCount(in: "Teksten har antal tegn: 12") == nil)
    }
}
