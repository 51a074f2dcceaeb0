import Foundation
import Testing
@testable import IndstilRender
@testable import IndstilPackets
@testable import IndstilDocument

/// What print typography changes, and what it must leave alone.
@Suite("Typography") struct TypographyTests {
    @Test func phrasesInTheTextAreKeptTogetherNothingElse() {
        let html = """
        <html><head><style>.x::after { content: "side 2 af 3"; }</style></head><body>
        <p title="mødet 1. september 2026">Mødet 1. september 2026 kl. 10.00 (bilag 1), side 3 af 9.</p>
        <!-- 4. marts 2026 --><style>.y::after { content: "bilag 2"; }</style><svg><text>1. januar 2026</text></svg>
        <script>var s = "kl. 12.00";</script><p>Ingen tal.</p></body></html>
        """
        let out = PrintTypography.keepingTogether(html)
        for phrase in ["1. september 2026", "kl. 10.00", "bilag 1", "side 3 af 9"] {
            #expect(out.contains("<span class=\"samlet\">\(phrase)</span>"), "\(phrase)")
        }
        #expect(out.contains("title=\"mødet 1. september 2026\""), "attributes untouched")
        for untouched in ["content: \"side 2 af 3\"", "<!-- 4. marts 2026 -->", "content: \"bilag 2\"", "<text>1. januar 2026</text>", "var s = \"kl. 12.00\""] {
            #expect(out.contains(untouched), "\(untouched)")
        }
        #expect(out.components(separatedBy: "<span class=\"samlet\">").count - 1 == 4)
    }

    @Test func codeInADocxStaysAsWritten() {
        #expect(DocxXML.runs("admin@example.dk 1. september 2026", properties: "", typography: false).contains(">admin@example.dk 1. september 2026<"))
        #expect(!DocxXML.runs("admin@example.dk", properties: "").contains(">admin@example.dk<"))
    }

    @Test func aProposalKeepsItsAbbreviationsAndLosesOnlyListPunctuation() {
        #expect(ProposalText.cleaned("at bevilge 2,5 mio. kr.") == "at bevilge 2,5 mio. kr.")
        #expect(ProposalText.cleaned("at rådmanden godkender planen (bilag 1), og") == "at rådmanden godkender planen (bilag 1)")
        #expect(ProposalText.cleaned("at udvalget drøfter sagen;") == "at udvalget drøfter sagen")
    }

    @Test func onlyASingleAppendixNumberIsRenumbered() {
        let references = AppendixReferences(labels: [1: "Punkt 3, Bilag 2", 2: "Punkt 3, Bilag 3"])
        #expect(references.rewriting("jf. bilag 1 og (bilag 2).") == "jf. Punkt 3, Bilag 2 og (Punkt 3, Bilag 3).")
        #expect(references.rewriting("(bilag 1 og 2)") == "(bilag 1 og 2)", "a list is left as written, not renumbered half")
        #expect(references.rewriting("bilag 1-2, bilag 7") == "bilag 1-2, bilag 7")
        #expect(references.rewriting("Bilag 1: Titel") == "Bilag 1: Titel", "a list's own entry is left")
        #expect(references.rewritingHTML("<a title=\"bilag 1\">bilag 1</a>") == "<a title=\"bilag 1\">Punkt 3, Bilag 2</a>")
    }
}
