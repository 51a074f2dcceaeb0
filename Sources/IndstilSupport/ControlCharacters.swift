
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
        // Every message passes here, and most hold » « or – (C2 and E2 sequences too): only
        // the escaped characters' own byte sequences take the slow way.
        let needsEscaping = utf8.withContiguousStorageIfAvailable(Self.holdsControlCharacter)
            ?? Array(utf8).withUnsafeBufferPointer(Self.holdsControlCharacter)
        guard needsEscaping else { return self }
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

    /// Whether UTF-8 `bytes` hold a character `escapingControlCharacters` escapes: C0
    /// controls and DEL; C2 80–9F (C1 controls); D8 9C (U+061C); E2 80 8B–8F and A8–AE
    /// (U+200B–200F, U+2028–202E); E2 81 A0 and A6–A9 (U+2060, U+2066–2069); EF BB BF (U+FEFF).
    static func holdsControlCharacter(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        var index = 0
        while index < count {
            let byte = bytes[index]
            if byte < 0x20 || byte == 0x7F { return true }
            if byte >= 0xC2 {
                let second: UInt8 = index + 1 < count ? bytes[index + 1] : 0
                let third: UInt8 = index + 2 < count ? bytes[index + 2] : 0
                switch byte {
                case 0xC2 where second >= 0x80 && second <= 0x9F: return true
                case 0xD8 where second == 0x9C: return true
                case 0xE2 where second == 0x80 && ((third >= 0x8B && third <= 0x8F) || (third >= 0xA8 && third <= 0xAE)): return true
                case 0xE2 where second == 0x81 && (third == 0xA0 || (third >= 0xA6 && third <= 0xA9)): return true
                case 0xEF where second == 0xBB && third == 0xBF: return true
                default: break
                }
            }
            index += 1
        }
        return false
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
