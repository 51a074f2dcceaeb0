
extension String {
    /// The text with every control character made visible — C0 controls (line breaks and
    /// ESC among them), DEL, C1 controls, the Unicode line and paragraph separators, the
    /// bidirectional controls (U+202A–202E, U+2066–2069, U+200E, U+200F, U+061C) and the
    /// zero-width characters (U+200B–200D, U+2060, U+FEFF) — so that a value from a
    /// document cannot start a new line of output (which a CI runner might read as one of
    /// its workflow commands), drive the terminal, or show a reader other text than it is
    /// (a right-to-left override turning a path or a message around).
    /// `"a\nb"` → `"a\\nb"`, ESC → `"\\u{1B}"`, U+202E → `"\\u{202E}"`.
    public var escapingControlCharacters: String {
        // Lead bytes of the escaped characters in UTF-8: C2 (C1 controls), D8 (U+061C),
        // E2 (U+200B–206F), EF (U+FEFF).
        guard utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xD8 || $0 == 0xE2 || $0 == 0xEF })
        else { return self }
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
    /// C0 controls, DEL, C1 controls, the line and paragraph separators, the
    /// bidirectional controls and the zero-width characters: what output escapes.
    package var isControlCharacter: Bool {
        switch value {
        case 0x00..<0x20, 0x7F, 0x80..<0xA0, 0x2028, 0x2029: true
        // Bidirectional embeddings, overrides, isolates and marks; the Arabic letter mark.
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        // Zero-width space, non-joiner, joiner; word joiner; byte order mark.
        case 0x200B...0x200D, 0x2060, 0xFEFF: true
        default: false
        }
    }
}
