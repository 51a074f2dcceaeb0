/// Danish text as UTF-8 bytes, for the checks that look at every word of every document
/// (`readability.stiff-phrase`, `spelling.unknown-word`): lower-casing and hashing without
/// making a `String` of each word.
enum DanishBytes {
    /// `bytes` with the letters Danish writes in lower case (A–Z and the Latin-1 capitals
    /// Æ, Ø, Å, É …) lowered, byte for byte: the same length, so offsets carry over.
    static func lowercase<Bytes: Sequence<UInt8>>(_ bytes: Bytes, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        var lead = false
        for byte in bytes {
            if byte >= 0x41 && byte <= 0x5A {
                out.append(byte + 0x20)
            } else if lead && byte >= 0x80 && byte <= 0x9E && byte != 0x97 {
                out.append(byte + 0x20)  // C3 80–9E: À–Þ (not ×) → à–þ
            } else {
                out.append(byte)
            }
            lead = byte == 0xC3
        }
    }

    /// A letter or digit byte: ASCII letters and digits, and every byte of a scalar above
    /// U+007F (the Danish letters among them).
    @inline(__always) static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte >= 0x80
    }

    /// FNV-1a, 64 bits: `hash` continued over `bytes` (start from `fnvOffset`).
    @inline(__always) static func fnv<Bytes: Sequence<UInt8>>(_ bytes: Bytes, from hash: UInt64 = fnvOffset) -> UInt64 {
        var hash = hash
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
}
