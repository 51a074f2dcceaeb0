/// Finds a list of stiff phrases (`StiffPhraseCheck`) in a line's UTF-8 bytes in one pass,
/// without case: only at the start of a word, and only the phrases that begin with its
/// letter are compared, byte by byte with the text's capitals lowered as they are read (A–Z,
/// and the Latin-1 capitals Æ, Ø, Å, É … after their lead byte C3).
struct StiffPhraseMatcher: Sendable {
    /// The phrases in lower case, and what to write instead.
    let phrases: [(bytes: [UInt8], instead: String)]
    /// For each first byte, the phrases that begin with it.
    private let byFirstByte: [[Int]]

    init(_ list: [(phrase: String, instead: String)]) {
        phrases = list.map { (Array($0.phrase.utf8), $0.instead) }.filter { !$0.bytes.isEmpty }
        var table = [[Int]](repeating: [], count: 256)
        for (index, phrase) in phrases.enumerated() { table[Int(phrase.bytes[0])].append(index) }
        byFirstByte = table
    }

    /// Where the phrases stand as whole words in `text`, in order, with the index of the
    /// phrase: no letter or digit just before, nor after unless the phrase ends in a full
    /// stop. Bytes above 0x7F count as letters.
    func occurrences(in text: UnsafeBufferPointer<UInt8>) -> [(start: Int, phrase: Int)] {
        let isWord = DanishBytes.isWordByte
        var out: [(start: Int, phrase: Int)] = []
        let count = text.count
        var index = 0
        next: while index < count {
            let byte = text[index]
            guard isWord(byte) else { index += 1; continue }
            // The start of a word: its first byte (an ASCII capital lowered) picks the phrases.
            let candidates = byFirstByte[Int(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)]
            for candidate in candidates {
                let phrase = phrases[candidate].bytes
                guard index + phrase.count <= count else { continue }
                var matches = true
                var offset = 1
                while offset < phrase.count {
                    if Self.lowered(text, at: index + offset) != phrase[offset] {
                        matches = false
                        break
                    }
                    offset += 1
                }
                let end = index + phrase.count
                if matches, phrase.last == UInt8(ascii: ".") || end == count || !isWord(text[end]) {
                    out.append((index, candidate))
                    index = end
                    continue next
                }
            }
            // Past the rest of the word.
            index += 1
            while index < count, isWord(text[index]) { index += 1 }
        }
        return out
    }

    /// The byte at `index` in lower case, as `DanishBytes.lowercase` would make it.
    @inline(__always) static func lowered(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt8 {
        let byte = text[index]
        if byte >= 0x41 && byte <= 0x5A { return byte + 0x20 }
        if byte >= 0x80 && byte <= 0x9E && byte != 0x97, index > 0, text[index - 1] == 0xC3 { return byte + 0x20 }
        return byte
    }
}
