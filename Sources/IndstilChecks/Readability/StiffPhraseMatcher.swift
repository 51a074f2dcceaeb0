/// Finds a list of stiff phrases (`StiffPhraseCheck`) in a line's UTF-8 bytes in one pass,
/// without case: only where no letter or digit stands before, and only the phrases that
/// begin with the byte there are compared, byte by byte with the text's capitals lowered as they are read (A–Z,
/// and the Latin-1 capitals Æ, Ø, Å, É … after their lead byte C3).
struct StiffPhraseMatcher: Sendable {
    /// The phrases in lower case, and what to write instead.
    let phrases: [(bytes: [UInt8], instead: String)]
    /// For each first byte, the phrases that begin with it.
    private let byFirstByte: [[Int]]
    /// For each pair of first bytes (the first lowered as in `match`, the second as
    /// `lowered` makes it), whether a phrase may begin with them: most words are passed over
    /// with one look here. A phrase of one byte marks every pair with its byte.
    private let mayBegin: [Bool]

    init(_ list: [(phrase: String, instead: String)]) {
        phrases = list.map { (Array($0.phrase.utf8), $0.instead) }.filter { !$0.bytes.isEmpty }
        var table = [[Int]](repeating: [], count: 256)
        var pairs = [Bool](repeating: false, count: 1 << 16)
        for (index, phrase) in phrases.enumerated() {
            table[Int(phrase.bytes[0])].append(index)
            if phrase.bytes.count == 1 {
                for second in 0..<256 { pairs[Int(phrase.bytes[0]) << 8 | second] = true }
            } else {
                pairs[Int(phrase.bytes[0]) << 8 | Int(phrase.bytes[1])] = true
            }
        }
        byFirstByte = table
        mayBegin = pairs
    }

    /// Where the phrases stand as whole words in `text`, in order, with the index of the
    /// phrase: no letter or digit just before, nor after unless the phrase ends in a full
    /// stop. Bytes above 0x7F count as letters.
    func occurrences(in text: UnsafeBufferPointer<UInt8>) -> [(start: Int, phrase: Int)] {
        let isWord = DanishBytes.isWordByte
        var out: [(start: Int, phrase: Int)] = []
        let count = text.count
        var index = 0
        while index < count {
            let byte = text[index]
            // A phrase starts where no letter or digit stands before: at the start of a word,
            // or at a mark after one that is not a letter (a profile's "§ 17", "(jf.").
            if let candidate = match(in: text, at: index) {
                out.append((index, candidate))
                index += phrases[candidate].bytes.count
                continue
            }
            index += 1
            // Past the rest of the word: no phrase starts inside it.
            if isWord(byte) {
                while index < count, isWord(text[index]) { index += 1 }
            }
        }
        return out
    }

    /// The first phrase standing at `index` (nothing before it is a letter or digit; the
    /// caller starts only there or after such a byte), if any.
    private func match(in text: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let isWord = DanishBytes.isWordByte
        let byte = text[index]
        if index > 0, isWord(text[index - 1]) { return nil }
        let count = text.count
        // Its first byte (an ASCII capital lowered) picks the phrases.
        let first = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
        let second = index + 1 < count ? Self.lowered(text, at: index + 1) : 0
        guard mayBegin[Int(first) << 8 | Int(second)] else { return nil }
        for candidate in byFirstByte[Int(first)] {
            let phrase = phrases[candidate].bytes
            guard index + phrase.count <= count else { continue }
            var offset = 1
            while offset < phrase.count, Self.lowered(text, at: index + offset) == phrase[offset] { offset += 1 }
            guard offset == phrase.count else { continue }
            let end = index + phrase.count
            if phrase.last == UInt8(ascii: ".") || end == count || !isWord(text[end]) { return candidate }
        }
        return nil
    }

    /// The byte at `index` in lower case, as `DanishBytes.lowercase` would make it.
    @inline(__always) static func lowered(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt8 {
        let byte = text[index]
        if byte >= 0x41 && byte <= 0x5A { return byte + 0x20 }
        if byte >= 0x80 && byte <= 0x9E && byte != 0x97, index > 0, text[index - 1] == 0xC3 { return byte + 0x20 }
        return byte
    }
}
