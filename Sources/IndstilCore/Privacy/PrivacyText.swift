/// One piece of text to look for personal data in, as UTF-8 bytes with a lower-cased copy
/// of the same length (ASCII and the Latin-1 capitals À–Þ, so Æ, Ø and Å fold too). Every
/// scan over it is a single pass, or a look at a window of bounded size: linear time on
/// any input, with no regular expression to backtrack.
struct PrivacyText {
    let bytes: [UInt8]
    let folded: [UInt8]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var folded = bytes
        var index = 0
        while index < folded.count {
            let byte = folded[index]
            if byte >= 0x41 && byte <= 0x5A {
                folded[index] = byte + 32
            } else if byte == 0xC3, index + 1 < folded.count {
                let next = folded[index + 1]
                if next >= 0x80 && next <= 0x9E && next != 0x97 { folded[index + 1] = next + 0x20 }
                index += 1
            }
            index += 1
        }
        self.folded = folded
    }

    var count: Int { bytes.count }

    func string(_ range: Range<Int>) -> String {
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
    func isLetter(before index: Int) -> Bool {
        var start = index - 1
        while start > 0, start > index - 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return start >= 0 && letterLength(at: start) > 0 && start + letterLength(at: start) == index
    }

    func isLetter(at index: Int) -> Bool { letterLength(at: index) > 0 }

    /// Whether the character at `index` is an upper-case letter (A–Z, À–Þ).
    func isUpper(at index: Int) -> Bool {
        guard index >= 0, index < bytes.count else { return false }
        if Self.isUpperASCII(bytes[index]) { return true }
        return bytes[index] == 0xC3 && index + 1 < bytes.count && bytes[index + 1] >= 0x80 && bytes[index + 1] <= 0x9E && bytes[index + 1] != 0x97
    }

    /// The words (maximal runs of letters, a hyphen between two letters included), in order.
    func words() -> [Range<Int>] {
        var found: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            let length = letterLength(at: index)
            guard length > 0 else { index += 1; continue }
            let start = index
            index += length
            while index < bytes.count {
                let next = letterLength(at: index)
                if next > 0 { index += next; continue }
                if bytes[index] == 0x2D, letterLength(at: index + 1) > 0 { index += 1; continue }
                break
            }
            found.append(start..<index)
        }
        return found
    }

    /// Whether one of `needles` (folded UTF-8) starts a word inside `window`.
    func containsWord(from needles: [[UInt8]], in window: Range<Int>) -> Bool {
        lastWord(from: needles, in: window) != nil
    }

    /// The end of the last occurrence in `window` of one of `needles` that starts a word.
    /// `window` should be short (a few dozen bytes): the search looks at every position.
    func lastWord(from needles: [[UInt8]], in window: Range<Int>) -> Int? {
        let window = window.clamped(to: 0..<folded.count)
        var best: Int?
        for needle in needles where !needle.isEmpty && needle.count <= window.count {
            var start = window.upperBound - needle.count
            while start >= window.lowerBound {
                if folded[start] == needle[0], !isLetter(before: start) || !isLetter(at: start),
                   folded[start..<start + needle.count].elementsEqual(needle) {
                    let end = start + needle.count
                    if best.map({ end > $0 }) ?? true { best = end }
                    break
                }
                start -= 1
            }
        }
        return best
    }

    /// Whether `window` holds nothing but white space and the characters in `allowed`.
    func isBlank(_ window: Range<Int>, allowing allowed: Set<UInt8> = []) -> Bool {
        bytes[window.clamped(to: 0..<bytes.count)].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || allowed.contains($0) }
    }

    static func utf8(_ words: [String]) -> [[UInt8]] { words.map { Array($0.utf8) } }

    /// Text is number-dense (a budget table's row, a column of account numbers) when at least
    /// half its white-space separated tokens, and at least four of them, are figures.
    var isNumberDense: Bool {
        var tokens = 0, figures = 0
        var index = 0
        while index < bytes.count {
            while index < bytes.count, bytes[index] <= 0x20 { index += 1 }
            guard index < bytes.count else { break }
            var digits = 0, letters = 0
            while index < bytes.count, bytes[index] > 0x20 {
                if Self.isDigit(bytes[index]) { digits += 1 } else if letterLength(at: index) > 0 { letters += 1 }
                index += 1
            }
            tokens += 1
            if digits > 0 && letters == 0 { figures += 1 }
        }
        return figures >= 4 && figures * 2 >= tokens
    }
}
