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

    @Test func rawElementsAreRecognisedInAnyCaseAndOnlyByTheirWholeName() {
        let html = "<html><body><STYLE>p::after { content: \"bilag 3\"; }</Style><styled>bilag 4</styled><svg/>bilag 5<Script\n>kl. 10.00</script></body></html>"
        let out = PrintTypography.keepingTogether(html)
        #expect(out.contains("content: \"bilag 3\""))
        #expect(out.contains("<styled><span class=\"samlet\">bilag 4</span></styled>"), "<styled> is not <style>")
        #expect(out.contains("<svg/><span class=\"samlet\">bilag 5</span>"))
        #expect(out.contains(">kl. 10.00</script>"))
        // HTML ignores the slash of <script/>: its content follows and is left alone.
        let script = PrintTypography.keepingTogether("<html><body><script src=\"x\"/>var s = \"bilag 6\";</script><p>bilag 7</p></body></html>")
        #expect(script.contains("var s = \"bilag 6\";") && script.contains("<span class=\"samlet\">bilag 7</span>"), "\(script)")
    }

    /// A 500-page packet's HTML is megabytes with tens of thousands of tags: the time must
    /// grow with its length, not its square (it took 7 minutes for 2 MB when every tag
    /// counted the characters left in the document).
    @Test func aPacketsMegabytesAreWrappedInLinearTime() {
        let paragraph = "<p class=\"afsnit\">Se bilag 2 og mødet den 1. september 2026, hvor æ, ø og å – »citat« – står.</p>\n"
        let html = "<html><head><title>t</title></head><body>\n" + String(repeating: paragraph, count: 25_000) + "</body></html>"
        let clock = ContinuousClock()
        let started = clock.now
        let out = PrintTypography.keepingTogether(html)
        let elapsed = clock.now - started
        #expect(out.components(separatedBy: "<span class=\"samlet\">bilag 2</span>").count - 1 == 25_000)
        #expect(elapsed < .seconds(30), "\(elapsed) for \(html.utf8.count) bytes")
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
