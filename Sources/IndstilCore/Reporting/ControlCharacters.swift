extension String {
    /// The text with every control character made visible — C0 controls (line breaks and
    /// ESC among them), DEL, C1 controls and the Unicode line and paragraph separators —
    /// so that a value from a document cannot start a new line of output (which a CI
    /// runner might read as one of its workflow commands) or drive the terminal.
    /// `"a\nb"` → `"a\\nb"`, ESC → `"\\u{1B}"`.
    public var escapingControlCharacters: String {
        guard utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) else { return self }
        var out = ""
        out.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            switch scalar.value {
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case _ where scalar.isControlCharacter:
                out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension Unicode.Scalar {
    /// C0 controls, DEL, C1 controls and the line and paragraph separators.
    var isControlCharacter: Bool {
        switch value {
        case 0x00..<0x20, 0x7F, 0x80..<0xA0, 0x2028, 0x2029: true
        default: false
        }
    }
}
