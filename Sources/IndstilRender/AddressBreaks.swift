import IndstilSupport
import IndstilDocument

/// Where an e-mail address or a web address may break at the end of a line: only after
/// `@`, `.` or `/`, never inside a word ("ida.eksempel@<wbr>example.<wbr>dk"). HTML text is
/// escaped as `MarkupEscaping` does, with `<wbr>` after those characters in every word
/// that is an address; other words are left as they are.
package enum AddressBreaks {
    /// `text` escaped for element content, with `<wbr>` break opportunities in its addresses.
    package static func markup(_ text: String) -> String {
        let escaped = MarkupEscaping.escape(text)
        // Most text has no address: one pass over the bytes decides.
        guard mayHoldAddress(escaped) else { return escaped }
        var out = ""
        out.reserveCapacity(escaped.utf8.count + 32)
        var word = Substring()
        func flush() {
            out += isAddress(word) ? withBreaks(word) : String(word)
            word = Substring()
        }
        var start = escaped.startIndex
        for index in escaped.indices where escaped[index].isWhitespace {
            word = escaped[start..<index]
            flush()
            out.append(escaped[index])
            start = escaped.index(after: index)
        }
        word = escaped[start...]
        flush()
        return out
    }

    private static func mayHoldAddress(_ text: String) -> Bool {
        text.utf8.contains(UInt8(ascii: "@")) || text.contains("://") || text.contains("www.")
    }

    /// "navn@example.dk", "https://…", "www.…" (with any punctuation around it).
    package static func isAddress(_ word: Substring) -> Bool {
        let core = word.drop { !$0.isLetter && !$0.isNumber }
        let lower = core.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.") || lower.hasPrefix("mailto:") { return true }
        guard let at = core.firstIndex(of: "@"), at != core.startIndex else { return false }
        return core[core.index(after: at)...].contains(".")
    }

    /// `<wbr>` after each `@`, `.` and `/` that a letter or digit follows (not inside "//",
    /// not before the closing punctuation of a sentence).
    static func withBreaks(_ word: Substring) -> String {
        var out = ""
        var index = word.startIndex
        while index < word.endIndex {
            let character = word[index]
            out.append(character)
            let next = word.index(after: index)
            if "@./".contains(character), next < word.endIndex, word[next].isLetter || word[next].isNumber {
                out += "<wbr>"
            }
            index = next
        }
        return out
    }
}
