import IndstilSupport

/// One piece of text to look for personal data in, as UTF-8 bytes with a lower-cased copy
/// of the same length (ASCII and the Latin-1 capitals À–Þ, so Æ, Ø and Å fold too). Every
/// scan over it is a single pass, or a look at a window of bounded size: linear time on
/// any input, with no regular expression to backtrack.
package struct PrivacyText {
    package let bytes: [UInt8]
    package let folded: [UInt8]

    package init(_ text: String) {
        bytes = Array(text.utf8)
        var folded = bytes
        folded.withUnsafeMutableBufferPointer { folded in
            var index = 0
            let count = folded.count
            while index < count {
                let byte = folded[index]
                if byte &- 0x41 < 26 {
                    folded[index] = byte + 32
                } else if byte == 0xC3, index + 1 < count {
                    let next = folded[index + 1]
                    if next >= 0x80 && next <= 0x9E && next != 0x97 { folded[index + 1] = next + 0x20 }
                    index += 1
                }
                index += 1
            }
        }
        self.folded = folded
    }

    package var count: Int { bytes.count }

    package func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range.clamped(to: 0..<bytes.count)], as: UTF8.self)
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isUpperASCII(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }

    func isDigit(at index: Int) -> Bool { index >= 0 && index < bytes.count && Self.isDigit(bytes[index]) }

    /// The length in bytes of the letter starting at `index`, or 0: ASCII letters, and any
    /// character from U+00C0 up except × and ÷ and the punctuation blocks (»«, –, ’, “).
    func letterLength(at index: Int) -> Int {
        guard index >= 0, index < bytes.count else { return 0 }
        let byte = bytes[index]
        if byte < 0x80 { return (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A ? 1 : 0 }
        if byte == 0xC3, index + 1 < bytes.count {
            let next = bytes[index + 1]
            return next == 0x97 || next == 0xB7 ? 0 : 2
        }
        if byte >= 0xC4 && byte <= 0xDF { return index + 1 < bytes.count ? 2 : 0 }
        if byte >= 0xE0 && byte <= 0xEF {
            // U+2000–U+2BFF (E2 80 … E2 AF) is punctuation and symbols.
            if byte == 0xE2 { return 0 }
            return index + 2 < bytes.count ? 3 : 0
        }
        return 0
    }

    /// Whether the character just before `index` is a letter (a look back over at most
    /// three bytes to the start of that character).
    package func isLetter(before index: Int) -> Bool {
        var start = index - 1
        while start > 0, start > index - 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return start >= 0 && letterLength(at: start) > 0 && start + letterLength(at: start) == index
    }

    package func isLetter(at index: Int) -> Bool { letterLength(at: index) > 0 }

    /// Whether the character at `index` is an upper-case letter (A–Z, À–Þ).
    func isUpper(at index: Int) -> Bool {
        guard index >= 0, index < bytes.count else { return false }
        if Self.isUpperASCII(bytes[index]) { return true }
        return bytes[index] == 0xC3 && index + 1 < bytes.count && bytes[index + 1] >= 0x80 && bytes[index + 1] <= 0x9E && bytes[index + 1] != 0x97
    }

    /// The words (maximal runs of letters, a hyphen between two letters included), in order.
    /// One pass over the bytes (through a buffer pointer: this runs on every byte of a 5 MB line).
    package func words() -> [Range<Int>] {
        bytes.withUnsafeBufferPointer { bytes in
            // A letter starts at `index`: ASCII letters, or a multi-byte character that is not
            // Latin-1 punctuation (C2 ..), × or ÷, or general punctuation (E2 ..).
            func letterLength(_ index: Int) -> Int {
                guard index < bytes.count else { return 0 }
                let byte = bytes[index]
                if byte < 0x80 { return (byte | 0x20) &- 0x61 < 26 ? 1 : 0 }
                if byte == 0xC3 { return index + 1 < bytes.count && bytes[index + 1] != 0x97 && bytes[index + 1] != 0xB7 ? 2 : 0 }
                if byte >= 0xC4 && byte <= 0xDF { return index + 1 < bytes.count ? 2 : 0 }
                if byte >= 0xE0 && byte <= 0xEF && byte != 0xE2 { return index + 2 < bytes.count ? 3 : 0 }
                return 0
            }
            var found: [Range<Int>] = []
            var index = 0
            let count = bytes.count
            while index < count {
                let length = letterLength(index)
                guard length > 0 else { index += 1; continue }
                let start = index
                index += length
                while index < count {
                    let next = letterLength(index)
                    if next > 0 { index += next; continue }
                    if bytes[index] == 0x2D, letterLength(index + 1) > 0 { index += 1; continue }
                    break
                }
                found.append(start..<index)
            }
            return found
        }
    }

    /// Whether one of `list`'s words starts a word inside `window`.
    func containsWord(from list: WordList, in window: Range<Int>) -> Bool {
        lastWord(from: list, in: window) != nil
    }

    /// The end of the right-most occurrence in `window` of one of `list`'s words that starts
    /// a word (or starts with a non-letter). One look per byte of the window, then only the
    /// words that begin with that byte.
    func lastWord(from list: WordList, in window: Range<Int>) -> Int? {
        let window = window.clamped(to: 0..<folded.count)
        var start = window.upperBound - 1
        while start >= window.lowerBound {
            let candidates = list.byFirstByte[Int(folded[start])]
            if !candidates.isEmpty, !isLetter(before: start) || !isLetter(at: start) {
                for index in candidates {
                    let needle = list.needles[index]
                    let end = start + needle.count
                    guard end <= window.upperBound else { continue }
                    var matches = true
                    var offset = 1
                    while offset < needle.count {
                        if folded[start + offset] != needle[offset] { matches = false; break }
                        offset += 1
                    }
                    if matches { return end }
                }
            }
            start -= 1
        }
        return nil
    }

    /// Whether `window` holds nothing but white space and the characters in `allowed`.
    package func isBlank(_ window: Range<Int>, allowing allowed: Set<UInt8> = []) -> Bool {
        bytes[window.clamped(to: 0..<bytes.count)].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || allowed.contains($0) }
    }


    /// Text is number-dense (a budget table's row, a column of account numbers) when at least
    /// half its white-space separated tokens, and at least four of them, are figures.
    var isNumberDense: Bool {
        bytes.withUnsafeBufferPointer { bytes in
            var tokens = 0, figures = 0
            var index = 0
            let count = bytes.count
            while index < count {
                while index < count, bytes[index] <= 0x20 { index += 1 }
                guard index < count else { break }
                var digits = false, letters = false
                while index < count, bytes[index] > 0x20 {
                    let byte = bytes[index]
                    if byte &- 0x30 < 10 { digits = true } else if (byte | 0x20) &- 0x61 < 26 || byte >= 0xC3 { letters = true }
                    index += 1
                }
                tokens += 1
                if digits && !letters { figures += 1 }
            }
            return figures >= 4 && figures * 2 >= tokens
        }
    }
}

/// Words to look for, lower-case, indexed by their first byte.
struct WordList: Sendable {
    let needles: [[UInt8]]
    let byFirstByte: [[Int]]

    package init(_ words: [String]) {
        needles = words.map { Array($0.utf8) }.filter { !$0.isEmpty }
        var index = [[Int]](repeating: [], count: 256)
        for (position, needle) in needles.enumerated() { index[Int(needle[0])].append(position) }
        byFirstByte = index
    }
}
