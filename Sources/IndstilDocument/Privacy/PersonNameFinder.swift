import IndstilSupport

/// Names of people in text: a common Danish first name (`DanishFirstNames`) written with a
/// capital, followed by one to three more capitalised words (middle names, surnames). A
/// name that runs into a street name ("Hans Tavsens Gade") is a street, not a person.
enum PersonNameFinder {
    package struct Name: Sendable, Equatable {
        package let range: Range<Int>
        package let text: String
    }

    /// Words after which a name is an official's, not a citizen's: the case officer, the
    /// signature of a letter, a politician's title.
    static let officialWords = WordList([
        "sagsbehandler", "kontaktperson", "kontakt", "rådmand", "borgmester", "direktør", "chef", "leder",
        "formand", "næstformand", "medlem", "byrådsmedlem", "underskrevet", "venlig hilsen", "hilsen", "med venlig",
        "udvalgsformand", "konsulent", "specialkonsulent", "fuldmægtig", "afdelingschef", "kontorchef",
        "referent", "ordstyrer", "projektleder", "deltager", "deltog", "oplæg",
    ])

    /// Capitalised words that end a name rather than continue it.
    static let notSurnames: Set<String> = [
        "kommune", "kommunes", "byråd", "byrådet", "afdeling", "og", "i", "på", "til", "fra", "med", "den", "det",
    ]

    package static func names(in text: PrivacyText, words: [Range<Int>]) -> [Name] {
        var found: [Name] = []
        var index = 0
        while index < words.count {
            let first = words[index]
            guard text.isUpper(at: first.lowerBound), DanishFirstNames.all.contains(String(decoding: text.folded[first], as: UTF8.self)) else {
                index += 1
                continue
            }
            var last = index
            while last + 1 < words.count, last - index < 3 {
                let next = words[last + 1]
                // One space (or a non-breaking space) between the words, the next capitalised.
                let gap = words[last].upperBound..<next.lowerBound
                guard gap.count >= 1, gap.count <= 2, text.isBlank(gap, allowing: [0xC2, 0xA0]), !text.bytes[gap].contains(0x0A),
                      text.isUpper(at: next.lowerBound),
                      !notSurnames.contains(String(decoding: text.folded[next], as: UTF8.self)) else { break }
                last += 1
            }
            guard last > index else { index += 1; continue }
            // "Hans Tavsens Gade 4", "Anna Marie Vej": the words are a street's name.
            let lastWord = words[last]
            if DanishAddressFinder.isStreetWord(text, lastWord) || (text.bytes[lastWord.upperBound - 1] == 0x73 && last + 1 < words.count
                && DanishAddressFinder.isStreetWord(text, words[last + 1])) {
                index = last + 1
                continue
            }
            let range = first.lowerBound..<lastWord.upperBound
            found.append(Name(range: range, text: text.string(range)))
            index = last + 1
        }
        return found
    }

    /// Whether an official's title or a letter's signature stands just before the name.
    static func isOfficial(_ name: Name, in text: PrivacyText) -> Bool {
        text.containsWord(from: officialWords, in: max(0, name.range.lowerBound - 40)..<name.range.lowerBound)
    }

    /// Whether `name` is the person `other` names (both lower-cased and compared by words:
    /// "Ida Eksempel" is "Ida Marie Eksempel").
    static func same(_ name: String, as other: String) -> Bool {
        let a = name.lowercased().split(whereSeparator: { $0 == " " || $0 == "\u{A0}" })
        let b = other.lowercased().split(whereSeparator: { $0 == " " || $0 == "\u{A0}" })
        guard let aFirst = a.first, let bFirst = b.first, let aLast = a.last, let bLast = b.last else { return false }
        return aFirst == bFirst && aLast == bLast
    }
}
