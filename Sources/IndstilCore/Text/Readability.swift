/// LIX (læsbarhedsindeks) with Danish-aware sentence splitting.
///
/// LIX = words / sentences + 100 × long words / words, where a long word has more
/// than six letters. A full stop ends a sentence only when the next word starts with
/// a capital letter (or the text ends) and the word before is not an abbreviation:
/// "bl.a.", "jf.", "f.eks.", "17. maj" do not end sentences.
public enum Readability {
    public struct Sentence: Sendable, Equatable {
        public let words: Int
        public let firstWords: String
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
    static let abbreviations: Set<String> = [
        "bl.a", "jf", "f.eks", "fx", "mv", "m.v", "m.m", "mm", "evt", "ca", "dvs", "d.v.s", "pga", "p.g.a",
        "mht", "m.h.t", "iht", "i.h.t", "inkl", "ekskl", "kr", "mio", "mia", "nr", "stk", "pkt", "hhv", "ift",
        "ifm", "i.f.m", "vedr", "osv", "o.l", "ol", "s", "tlf", "bl.", "cf", "etc", "el", "kl", "jan", "feb", "mar",
        "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec", "ang", "gl", "t.o.m", "f.o.m", "o.a", "a.h.t",
        "art", "afs", "mfl", "m.fl", "ff", "bkg", "lovbkg", "e.l", "el.lign", "lign", "dr", "prof", "hr", "fr",
    ]

    /// Splits text (one paragraph or heading) into sentences.
    public static func sentences(in text: String) -> [Sentence] {
        let tokens = text.split(whereSeparator: { $0.isFastWhitespace })
        var result: [Sentence] = []
        var words = 0
        var first: [Substring] = []
        for (index, token) in tokens.enumerated() {
            if isWord(token) {
                words += 1
                if first.count < 6 { first.append(token) }
            }
            guard let last = token.last(where: { !"\"'”’»)]".contains($0) }), ".!?".contains(last) else { continue }
            let next = index + 1 < tokens.count ? tokens[index + 1] : nil
            if last == "." {
                let stem = Substring(token.lowercased()).trimmed(where: { "\"'”’»)]([«„“".contains($0) }).dropLast()
                let word = stem.hasSuffix(".") ? String(stem.dropLast()) : String(stem)
                if abbreviations.contains(word) { continue }
                if let next, let initial = next.first(where: { $0.isLetter || $0.isNumber }), !initial.isUppercase {
                    continue  // "17. maj", "kl. 12": the next word is not a new sentence
                }
            }
            if words > 0 {
                result.append(Sentence(words: words, firstWords: first.joined(separator: " ")))
            }
            words = 0
            first = []
        }
        if words > 0 { result.append(Sentence(words: words, firstWords: first.joined(separator: " "))) }
        return result
    }

    public static func score(_ texts: [String]) -> Score {
        var score = Score()
        for text in texts {
            let sentences = sentences(in: text)
            score.sentences += sentences.count
            for token in text.split(whereSeparator: { $0.isFastWhitespace }) where isWord(token) {
                score.words += 1
                if token.reduce(0, { $1.isLetter ? $0 + 1 : $0 }) > 6 { score.longWords += 1 }
            }
        }
        return score
    }

    static func isWord(_ token: Substring) -> Bool {
        token.contains { $0.isLetter || $0.isNumber }
    }
}

extension Substring {
    fileprivate func trimmed(where isTrimmed: (Character) -> Bool) -> Substring {
        let start = firstIndex { !isTrimmed($0) } ?? endIndex
        let end = lastIndex { !isTrimmed($0) }.map { index(after: $0) } ?? start
        return self[start..<Swift.max(start, end)]
    }
}
