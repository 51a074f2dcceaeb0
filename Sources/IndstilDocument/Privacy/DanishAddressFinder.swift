import IndstilSupport

/// Danish street addresses in text: a capitalised street name ending in a street word
/// ("Skovvej", "Store Torv", "Hans Tavsens Gade", "Kongens Have"), a house number from 1 to
/// 999 with an optional letter ("12", "12B", "12 B"), then optionally a floor and side
/// (", 3. tv") and a postcode and town (", 8000 Aarhus C").
enum DanishAddressFinder {
    struct Address: Sendable, Equatable {
        package let range: Range<Int>
        /// The street and number, as written ("Skovvej 12").
        package let text: String
    }

    /// Endings of Danish street names (the names register, DAR, is mostly made of these).
    static let streetEndings: [[UInt8]] = [
        "vej", "vejen", "gade", "gaden", "allé", "alle", "stræde", "vænget", "vænge", "plads", "pladsen", "torv", "torvet",
        "boulevard", "parken", "bakken", "bakke", "toften", "vangen", "høj", "højen", "engen", "stien", "kæret",
        "haven", "have", "hegnet", "lunden", "kvarter", "passage", "tværgade", "promenade", "brink", "brinken",
        "stræde", "kaj", "kajen", "bro", "broen", "mølle", "møllevej", "agre", "ager", "holmen", "marken", "vangen",
        "løkke", "løkken", "skrænten", "dalen", "sletten", "gården",
    ].map { Array($0.utf8) }
    /// The last bytes of the endings: most words are ruled out at one look.
    static let lastBytes = Set(streetEndings.compactMap(\.last))

    /// Separate words that are a street's last word ("Store Torv", "Kongens Have").
    static let streetWords: Set<String> = ["vej", "gade", "allé", "alle", "torv", "plads", "stræde", "have", "boulevard", "vænge", "kvarter", "kaj", "bro"]

    /// Whether `word` is (or ends in) a street word.
    static func isStreetWord(_ text: PrivacyText, _ word: Range<Int>) -> Bool {
        let folded = text.folded[word]
        guard let last = folded.last, lastBytes.contains(last) else { return false }
        if streetWords.contains(String(decoding: folded, as: UTF8.self)) { return true }
        return streetEndings.contains { ending in
            folded.count > ending.count + 2 && folded.suffix(ending.count).elementsEqual(ending)
        }
    }

    static func addresses(in text: PrivacyText, words: [Range<Int>]) -> [Address] {
        var found: [Address] = []
        for (index, word) in words.enumerated() {
            guard text.bytes[word.upperBound - 1] != 0x2D, isStreetWord(text, word),
                  let numberEnd = houseNumber(after: word.upperBound, in: text) else { continue }
            guard text.isUpper(at: word.lowerBound) || streetWords.contains(String(decoding: text.folded[word], as: UTF8.self)) else { continue }
            // The street's name may be several capitalised words: "Gammel Kage Landevej".
            var first = index
            while first > 0, index - first < 4, text.isUpper(at: words[first - 1].lowerBound),
                  text.isBlank(words[first - 1].upperBound..<words[first].lowerBound), words[first].lowerBound - words[first - 1].upperBound <= 2 {
                first -= 1
            }
            guard text.isUpper(at: words[first].lowerBound) else { continue }
            let range = words[first].lowerBound..<numberEnd
            found.append(Address(range: range, text: text.string(range)))
        }
        return found
    }

    static let amounts = WordList([" %", " pct", " kr", " mio", " mia", " år", " procent", " timer", " dage", " uger", " måneder", " stk", " m2", " km", " meter"])

    /// After a street word: one space, a number 1–999, an optional letter, and nothing that
    /// makes it an amount, a year or a share ("Vej 2026", "gade 12 %", "torv 3 mio. kr.").
    static func houseNumber(after index: Int, in text: PrivacyText) -> Int? {
        let bytes = text.bytes
        guard index < bytes.count, bytes[index] == 0x20 else { return nil }
        var end = index + 1
        while end < bytes.count, PrivacyText.isDigit(bytes[end]) { end += 1 }
        let digits = end - index - 1
        guard digits >= 1, digits <= 3, bytes[index + 1] != 0x30 else { return nil }
        // "12B" or "12 B" (a capital standing alone).
        if end < bytes.count, PrivacyText.isUpperASCII(bytes[end]), !text.isLetter(at: end + 1) {
            end += 1
        } else if end + 1 < bytes.count, bytes[end] == 0x20, PrivacyText.isUpperASCII(bytes[end + 1]), !text.isLetter(at: end + 2),
                  !text.isDigit(at: end + 2) {
            end += 2
        }
        guard !text.isLetter(at: end), !text.isDigit(at: end) else { return nil }
        if end < bytes.count, ".,".utf8.contains(bytes[end]), text.isDigit(at: end + 1) { return nil }
        let after = max(end, 0)..<min(bytes.count, end + 8)
        if text.containsWord(from: amounts, in: after) { return nil }
        return end
    }
}
