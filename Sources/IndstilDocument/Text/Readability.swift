import IndstilSupport

/// LIX (læsbarhedsindeks) with Danish-aware sentence splitting.
///
/// LIX = words / sentences + 100 × long words / words, where a long word has more
/// than six letters. A full stop ends a sentence only when the next word starts with
/// a capital letter (or the text ends) and the word before is not an abbreviation:
/// "bl.a.", "jf.", "f.eks.", "17. maj" do not end sentences.
public enum Readability {
    public struct Sentence: Sendable, Equatable {
        public let words: Int
        /// The sentence's text from its first word (a slice; no copy).
        package let text: Substring

        /// Its first six words, to name it in a message.
        public var firstWords: String {
            text.split(whereSeparator: { $0.isFastWhitespace }).prefix(6).joined(separator: " ")
        }
    }

    public struct Score: Sendable, Equatable {
        public var words = 0
        public var longWords = 0
        public var sentences = 0

        public var lix: Double {
            guard words > 0 else { return 0 }
            return Double(words) / Double(max(1, sentences)) + 100 * Double(longWords) / Double(words)
        }

        public static func + (lhs: Score, rhs: Score) -> Score {
            Score(words: lhs.words + rhs.words, longWords: lhs.longWords + rhs.longWords, sentences: lhs.sentences + rhs.sentences)
        }
    }

    /// Lower-case abbreviations (without the final dot) that never end a sentence.
    package static let abbreviations: Set<String> = [
        "bl.a", "jf", "f.eks", "fx", "mv", "m.v", "m.m", "mm", "evt", "ca", "dvs", "d.v.s", "pga", "p.g.a", "mhp", "m.h.p", "gns", "afd", "iflg", "jvf",
        "mht", "m.h.t", "iht", "i.h.t", "inkl", "ekskl", "kr", "mio", "mia", "nr", "stk", "pkt", "hhv", "ift",
        "ifm", "i.f.m", "vedr", "osv", "o.l", "ol", "s", "tlf", "bl.", "cf", "etc", "el", "kl", "jan", "feb", "mar",
        "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec", "ang", "gl", "t.o.m", "f.o.m", "o.a", "a.h.t",
        "art", "afs", "mfl", "m.fl", "ff", "bkg", "lovbkg", "e.l", "el.lign", "lign", "dr", "prof", "hr", "fr",
    ]

    /// The most letters in an abbreviation above ("el.lign", "lovbkg").
    static let maximumAbbreviationLetters = abbreviations.map { $0.unicodeScalars.filter(\.isFastLetter).count }.max() ?? 0

    /// A run of non-space characters, measured in one pass over its Unicode scalars.
    package struct Token {
        package let range: Range<String.Index>
        var letters = 0
        var hasAlphanumeric = false
        /// Whether its first letter or digit is an upper-case letter.
        var startsUppercase = false
        /// The last scalar that is not a closing quote or bracket.
        var lastMark: Unicode.Scalar?
    }

    /// `text` must be native UTF-8 (`makeContiguousUTF8()`): the ranges are UTF-8 positions.
    static func tokens(_ text: String) -> [Token] {
        text.utf8.withContiguousStorageIfAvailable { tokens(text, $0) } ?? []
    }

    /// What the tokenizer asks about a scalar.
    struct ScalarClass: OptionSet {
        package let rawValue: UInt8
        static let whitespace = ScalarClass(rawValue: 1)
        package static let letter = ScalarClass(rawValue: 2)
        package static let digit = ScalarClass(rawValue: 4)
        /// Only for letters (the tokenizer asks only about letters).
        package static let uppercase = ScalarClass(rawValue: 8)

        package init(rawValue: UInt8) { self.rawValue = rawValue }

        package init(_ scalar: Unicode.Scalar) {
            var found: ScalarClass = []
            if scalar.isFastWhitespace { found.insert(.whitespace) }
            if scalar.isFastLetter {
                found.insert(.letter)
                if scalar.isFastUppercase { found.insert(.uppercase) }
            } else if scalar.isFastDigit {
                found.insert(.digit)
            }
            self = found
        }
    }

    /// The classes of U+0000–U+00FF (ASCII and the Latin-1 letters, æ, ø and å among them),
    /// worked out once from the same properties: the tokenizer looks them up instead of
    /// asking Unicode's tables for every æ, ø and å.
    static let latin1Classes: [ScalarClass] = (0..<256).map { ScalarClass(Unicode.Scalar(UInt8($0))) }

    /// The tokens, found on UTF-8 bytes: this runs over every word of every document, and
    /// walking `unicodeScalars` by `String.Index` costs several times more.
    private static func tokens(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        latin1Classes.withUnsafeBufferPointer { tokens(text, bytes, latin1Classes: $0) }
    }

    private static func tokens(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>,
                               latin1Classes: UnsafeBufferPointer<ScalarClass>) -> [Token] {
        var tokens: [Token] = []
        // About one token per six bytes of prose: spares most of the array's regrowth.
        tokens.reserveCapacity(bytes.count / 6 + 1)
        let utf8 = text.utf8
        let count = bytes.count
        @inline(__always) func classOf(_ scalar: Unicode.Scalar) -> ScalarClass {
            scalar.value < 0x100 ? latin1Classes[Int(scalar.value)] : ScalarClass(scalar)
        }
        @inline(__always) func scalar(at offset: Int) -> (Unicode.Scalar, Int) { UTF8Scalars.scalar(in: bytes, at: offset) }
        var offset = 0
        while offset < count {
            var (current, length) = scalar(at: offset)
            var kind = classOf(current)
            guard !kind.contains(.whitespace) else { offset += length; continue }
            let start = offset
            var letters = 0
            var hasAlphanumeric = false
            var startsUppercase = false
            var lastMark: Unicode.Scalar?
            while true {
                let isLetter = kind.contains(.letter)
                if isLetter || kind.contains(.digit) {
                    if !hasAlphanumeric { startsUppercase = kind.contains(.uppercase) }
                    hasAlphanumeric = true
                }
                if isLetter { letters += 1 }
                if !isClosing(current) { lastMark = current }
                offset += length
                guard offset < count else { break }
                (current, length) = scalar(at: offset)
                kind = classOf(current)
                if kind.contains(.whitespace) { break }
            }
            let lower = utf8.index(utf8.startIndex, offsetBy: start)
            let upper = utf8.index(lower, offsetBy: offset - start)
            tokens.append(Token(range: lower..<upper, letters: letters, hasAlphanumeric: hasAlphanumeric,
                                startsUppercase: startsUppercase, lastMark: lastMark))
        }
        return tokens
    }

    /// A closing quote or bracket: " ' ” ’ » ) ].
    @inline(__always) private static func isClosing(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x22, 0x27, 0x29, 0x5D, 0xBB, 0x2019, 0x201D: return true
        default: return false
        }
    }

    private static let quoteOrBracket: Set<Character> = ["\"", "'", "”", "’", "»", ")", "]", "(", "[", "«", "„", "“"]

    /// Splits text (one paragraph or heading) into sentences.
    public static func sentences(in text: String) -> [Sentence] {
        var text = text
        text.makeContiguousUTF8()
        return sentences(in: text, tokens: tokens(text))
    }

    package static func sentences(in text: String, tokens: [Token]) -> [Sentence] {
        var result: [Sentence] = []
        var words = 0
        var start: String.Index?
        for (index, token) in tokens.enumerated() {
            if token.hasAlphanumeric {
                words += 1
                if start == nil { start = token.range.lowerBound }
            }
            guard let mark = token.lastMark, mark == "." || mark == "!" || mark == "?" else { continue }
            // No abbreviation has more than six letters, and lower-casing keeps letters letters:
            // a longer word is never one, so it is not lower-cased and looked up.
            if mark == ".", token.letters <= maximumAbbreviationLetters,
               abbreviations.contains(abbreviationStem(text[token.range])) { continue }
            if mark == "." {
                // "17. maj", "kl. 12": a next word that does not start with a capital continues the sentence.
                if index + 1 < tokens.count, tokens[index + 1].hasAlphanumeric, !tokens[index + 1].startsUppercase { continue }
            }
            if words > 0, let start {
                result.append(Sentence(words: words, text: text[start..<token.range.upperBound]))
            }
            words = 0
            start = nil
        }
        if words > 0, let start { result.append(Sentence(words: words, text: text[start...])) }
        return result
    }

    /// A word ending in "." lower-cased, without surrounding quotes and brackets and without
    /// the final ".": what is looked up among the abbreviations.
    static func abbreviationStem(_ word: Substring) -> String {
        if let stem = asciiAbbreviationStem(word) { return stem }
        let word = word.lowercased().trimmingCharacters(in: quoteOrBracket)
        return word.hasSuffix(".") ? String(word.dropLast()) : word
    }

    /// The same for an ASCII word, on its bytes (nil for any other word). A token holds no
    /// white space, so each of its ASCII bytes is a Character of its own; lower-casing ASCII
    /// maps A–Z to a–z only, and the ASCII quotes and brackets are the only ones it can hold.
    private static func asciiAbbreviationStem(_ word: Substring) -> String? {
        var word = word
        word.makeContiguousUTF8()
        return word.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            var lower = 0
            var upper = bytes.count
            if bytes.contains(where: { $0 >= 0x80 }) { return nil }
            func isQuoteOrBracket(_ byte: UInt8) -> Bool {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ")"), UInt8(ascii: "]"),
                     UInt8(ascii: "("), UInt8(ascii: "["): return true
                default: return false
                }
            }
            while lower < upper, isQuoteOrBracket(bytes[lower]) { lower += 1 }
            while upper > lower, isQuoteOrBracket(bytes[upper - 1]) { upper -= 1 }
            if upper > lower, bytes[upper - 1] == UInt8(ascii: ".") { upper -= 1 }
            return String(unsafeUninitializedCapacity: upper - lower) { out in
                for index in lower..<upper {
                    let byte = bytes[index]
                    out[index - lower] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
                }
                return upper - lower
            }
        } ?? nil
    }

    /// One paragraph, list item or subheading: its sentences and its counts.
    public struct Block: Sendable {
        public let line: Int
        public let sentences: [Sentence]
        public let score: Score
    }

    /// `sentences(in:)` and `score([text])` from one pass of the tokenizer. White space is
    /// only ever a token boundary, so the counts are those of the folded text too.
    public static func block(_ text: String, line: Int) -> Block {
        var text = text
        text.makeContiguousUTF8()
        let tokens = tokens(text)
        let sentences = sentences(in: text, tokens: tokens)
        var score = Score(sentences: sentences.count)
        for token in tokens where token.hasAlphanumeric {
            score.words += 1
            if token.letters > 6 { score.longWords += 1 }
        }
        return Block(line: line, sentences: sentences, score: score)
    }

    public static func score(_ texts: [String]) -> Score {
        var score = Score()
        for var text in texts {
            text.makeContiguousUTF8()
            let tokens = tokens(text)
            score.sentences += sentences(in: text, tokens: tokens).count
            for token in tokens where token.hasAlphanumeric {
                score.words += 1
                if token.letters > 6 { score.longWords += 1 }
            }
        }
        return score
    }

}

extension String {
    /// Drops leading and trailing characters in `set`.
    package func trimmingCharacters(in set: Set<Character>) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}

extension Unicode.Scalar {
    var isFastLetter: Bool {
        let v = value
        if v < 0x80 { return (v >= 65 && v <= 90) || (v >= 97 && v <= 122) }
        return properties.isAlphabetic
    }

    var isFastDigit: Bool {
        let v = value
        if v < 0x80 { return v >= 48 && v <= 57 }
        return properties.numericType != nil
    }

    var isFastUppercase: Bool {
        let v = value
        if v < 0x80 { return v >= 65 && v <= 90 }
        return properties.isUppercase
    }
}
