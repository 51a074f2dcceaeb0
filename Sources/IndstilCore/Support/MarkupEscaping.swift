/// Escaping for XML and HTML output (DOCX parts, JUnit, HTML pages): one place, one rule.
public enum MarkupEscaping {
    public enum Context: Sendable {
        /// Element content: a carriage return is kept as a reference.
        case text
        /// A quoted attribute value: line breaks and tabs as references, so attribute-value
        /// normalisation does not turn them into spaces.
        case attribute
    }

    /// `&`, `<`, `>`, `"` and `'` escaped; characters XML 1.0 does not allow dropped.
    public static func escape(_ text: String, for context: Context = .text) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars where isLegalXML(scalar) {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\r": out += "&#13;"
            case "\n" where context == .attribute: out += "&#10;"
            case "\t" where context == .attribute: out += "&#9;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// XML 1.0's Char production: tab, line feed, carriage return, U+0020–U+D7FF,
    /// U+E000–U+FFFD and U+10000 upwards (Swift strings hold no lone surrogates).
    public static func isLegalXML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
