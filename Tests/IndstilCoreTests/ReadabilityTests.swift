import Testing
@testable import IndstilCore
@testable import IndstilSupport
@testable import IndstilDocument
@testable import IndstilChecks
@testable import IndstilRender
@testable import IndstilWorkspace
@testable import IndstilPackets

@Suite("Readability: Danish sentences and LIX")
struct ReadabilityTests {
    @Test("Plain full stops before a capital letter split sentences")
    func plainSplit() {
        let sentences = Readability.sentences(in: "Det er godt. Vi er glade! Kommer du? Ja.")
        #expect(sentences.map(\.words) == [3, 3, 2, 1])
        #expect(sentences.map(\.firstWords) == ["Det er godt.", "Vi er glade!", "Kommer du?", "Ja."])
    }

    @Test("bl.a. and a date do not end a sentence")
    func abbreviationAndDate() {
        let sentences = Readability.sentences(in: "Det gælder bl.a. skoler. Den 17. maj 2026 åbner vi.")
        #expect(sentences.count == 2)
        #expect(sentences.map(\.words) == [4, 6])
        #expect(sentences.first?.firstWords == "Det gælder bl.a. skoler.")
    }

    @Test("Abbreviations and clock times do not split", arguments: [
        "Det fremgår jf. bilag 1.",
        "Det fremgår jf. Bilag 1.",            // capital after the abbreviation: only the list saves it
        "Det gælder f.eks. skoler.",
        "Det gælder f.eks. Aarhus Skole.",
        "Mødet begynder kl. 12 på rådhuset.",
        "Mødet begynder kl. 12.",
        "Det gælder bl.a. Aarhus og Odense.",
    ])
    func noSplit(_ text: String) {
        let sentences = Readability.sentences(in: text)
        #expect(sentences.count == 1, "\(text) was split into \(sentences.map(\.firstWords))")
    }

    @Test("A word that only looks like an abbreviation still ends a sentence")
    func notAnAbbreviation() {
        // "skoler." is not in the list, and a capital follows.
        #expect(Readability.sentences(in: "Det gælder skoler. Aarhus er med.").count == 2)
        // "jf." inside the first sentence does not swallow the real sentence end.
        #expect(Readability.sentences(in: "Se jf. bilag 1. Den er ny.").count == 2)
    }

    @Test("The abbreviation stem of an ASCII word is that of the Character-based definition", arguments: [
        "bl.a.", "(jf.", "\"F.eks.\")", "KL.", "[m.v.]", "(.)", "\"\".", "skoler.", "Nr.", "x.", ".",
        "«jf.»", "„bl.a.“", "Æ.", "pga.’", "e\u{301}vt.",
    ])
    func abbreviationStem(_ word: String) {
        let reference = word.lowercased().trimmingCharacters(in: ["\"", "'", "”", "’", "»", ")", "]", "(", "[", "«", "„", "“"])
        let expected = reference.hasSuffix(".") ? String(reference.dropLast()) : reference
        #expect(Readability.abbreviationStem(Substring(word)) == expected)
    }

    @Test("Latin-1 letters, digits and white space are classed as Unicode's properties say")
    func latin1Classes() {
        for value in 0..<256 {
            let scalar = Unicode.Scalar(UInt8(value))
            let kind = Readability.latin1Classes[value]
            #expect(kind.contains(.whitespace) == scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
            #expect(kind.contains(.letter) == scalar.properties.isAlphabetic, "U+\(String(value, radix: 16))")
            #expect(kind.contains(.digit) == (!scalar.properties.isAlphabetic && scalar.properties.numericType != nil), "U+\(String(value, radix: 16))")
            #expect(kind.contains(.uppercase) == (scalar.properties.isAlphabetic && scalar.properties.isUppercase), "U+\(String(value, radix: 16))")
        }
    }

    @Test("LIX of a small text, computed by hand")
    func lix() {
        // "Kommunen åbner biblioteket i morgen. Alle borgere er velkomne."
        // Words (9): Kommunen, åbner, biblioteket, i, morgen, Alle, borgere, er, velkomne
        // Sentences (2): split after "morgen." (next word "Alle" has a capital).
        // Long words, more than six letters (4): Kommunen (8), biblioteket (11), borgere (7), velkomne (8);
        //   "morgen" has exactly six letters and is not long.
        // LIX = 9 / 2 + 100 × 4 / 9 = 4.5 + 44.444… = 48.944…
        let score = Readability.score(["Kommunen åbner biblioteket i morgen. Alle borgere er velkomne."])
        #expect(score.words == 9)
        #expect(score.sentences == 2)
        #expect(score.longWords == 4)
        #expect(abs(score.lix - (9.0 / 2.0 + 400.0 / 9.0)) < 1e-9)
    }

    @Test("LIX adds up over several texts")
    func lixOverTexts() {
        // "Aarhus Kommune": 2 words, 1 sentence (the text ends), 1 long word: Aarhus (6, not long), Kommune (7)
        // "Byrådet godkender planen.": 3 words, 1 sentence, 2 long: Byrådet (7), godkender (9); planen (6) is not
        // Total: 5 words, 2 sentences, 3 long words → 5/2 + 100·3/5 = 2.5 + 60 = 62.5
        let score = Readability.score(["Aarhus Kommune", "Byrådet godkender planen."])
        #expect(score.words == 5)
        #expect(score.sentences == 2)
        #expect(score.longWords == 3)
        #expect(abs(score.lix - 62.5) < 1e-9)
    }

    @Test("Empty text has LIX 0 and no sentences")
    func empty() {
        #expect(Readability.sentences(in: "").isEmpty)
        #expect(Readability.sentences(in: " – ").isEmpty)
        #expect(Readability.score([]).lix == 0)
    }
}
