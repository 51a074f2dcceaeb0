import Testing
@testable import IndstilCore
@testable import IndstilSupport
@testable import IndstilDocument
@testable import IndstilChecks
@testable import IndstilRender
@testable import IndstilWorkspace
@testable import IndstilPackets

/// `foldingWhitespace` works on UTF-8 bytes for speed; it must agree with the plain
/// definition (Character.isWhitespace runs folded to one space, ends trimmed).
@Suite struct FoldingWhitespaceTests {
    static func reference(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static let samples: [String] = [
        "", " ", "a", "  Aarhus   Byråd  ", "æ\tø\nå\r\nÆØÅ", "Tal\u{00A0}12.246", "ord\u{2003}ord\u{2009}ord",
        "linje\u{2028}skift\u{2029}afsnit", "\u{3000}fuld\u{3000}bredde\u{3000}", "tankestreg – og “citat” …",
        "emoji 👍🏽 og é\u{301}", "\u{85}NEL\u{1680}ogham\u{205F}math\u{202F}smal", "\u{FEFF}bom ikke mellemrum",
        "slut på byte \u{C2}", "x\u{200B}y (nulbredde er ikke mellemrum)",
        // Already folded (returned as it is) and nearly folded.
        "a b", "Aarhus Byråd – før og nu", "a  b", " a b", "a b ", "a \u{A0}b", "a\u{A0}b", "a\tb", "æ\u{2009}ø",
    ]

    @Test(arguments: samples)
    func agreesWithCharacterIsWhitespace(_ text: String) {
        #expect(text.foldingWhitespace == Self.reference(text))
    }

    @Test func everyUnicodeWhiteSpaceCharacterFolds() {
        for value in UInt32(0)...0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a\(Character(scalar))b"
            #expect(text.foldingWhitespace == Self.reference(text), "U+\(String(value, radix: 16))")
        }
    }
}
