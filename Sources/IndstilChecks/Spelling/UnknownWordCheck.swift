import IndstilSupport
import IndstilDocument

/// A word neither the Danish dictionary (Debian's hunspell-da, read by libhunspell) nor the
/// vocabulary knows: probably misspelt. Read in paragraphs, headings, list items, table
/// cells and the front matter's text fields; never in code, link addresses, case numbers,
/// file names, amounts or acronyms (`SpellingWords`, `SpellingText`). A capitalised word
/// inside a sentence is taken for a name and left alone: names are what the dictionary
/// lacks most, and a misspelt common word is written in lower case there.
///
/// A note by default; a profile makes it a warning (`spelling: {severity: warning}`), and
/// indstil.yml can set it like any check. The message offers up to three words the
/// dictionary knows (`SpellingSuggester`).
public struct UnknownWordCheck: Check {
    public let id = "spelling.unknown-word"
    public let defaultSeverity = Severity.note
    public let summary = Message(da: "Et ord står hverken i den danske ordbog eller i ordlisten (stavefejl?)",
                                 en: "A word is in neither the Danish dictionary nor the word list (misspelt?)")

    public var examples: [CheckExample] {
        [
            .triggers("»beslutnig« for »beslutning«", ExampleDocument.byraad.replacingSection(
                "6. Hvad igangsættes", body: "Der oprettes én fælles bookingside, og denne beslutnig gælder alle lokaler. ⟵")),
            .triggers("En stavefejl i titlen (forsiden)", ExampleDocument.byraad.replacingFrontMatterText(
                "titel: \"Ny ordning for udlån af kommunens mødelokaler\"", with: "titel: \"Ny ordning for udlån af kommunnens mødelokaler\" ⟵")),
            .passes("Navne, forkortelser, sagsnumre, filnavne, adresser og kode", ExampleDocument.byraad.replacingSection(
                "6. Hvad igangsættes", body: "Der oprettes bl.a. én fælles bookingside (jf. sag 26-000123, bilag B1.2 og `lokaler_2026.xlsx`), som Ida Eksempel fra MBU driver; se <https://aarhus.dk/lokaler> eller skriv til booking@example.dk. IT-systemet åbner kl. 8.")),
        ]
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let severity: Severity = context.profile.spelling.level == .warning ? .warning : .note
        guard let dictionary = SpellingDictionary.danish else {
            return [Diagnostic(check: id, severity: .note, message: Message(
                da: "Stavekontrollen kørte ikke: der er ingen dansk ordbog (\(SpellingDictionary.searchedPlaces).dic); installér pakken hunspell-da, eller sæt INDSTIL_DICTIONARY til ordbogens sti",
                en: "Spelling was not checked: there is no Danish dictionary (\(SpellingDictionary.searchedPlaces).dic); install the hunspell-da package or set INDSTIL_DICTIONARY to the dictionary's path"),
                line: 1, column: 1)]
        }
        let document = context.document
        var judge = SpellingJudge(dictionary: dictionary) {
            SpellingVocabulary(profile: context.profile, configuration: context.configuration, document: document)
        }
        // This document's answers, by the hash of the word's bytes (`DanishBytes.fnv`) and
        // whether a full stop followed ("adm." may be an abbreviation where "adm" is not).
        var knownHere = HashSet64(capacity: 2048), unknownHere = HashSet64(capacity: 64)
        // What earlier runs and other documents learnt, and the dictionary's word list when
        // it is already read (for many documents).
        let lookup = dictionary.lookup()
        var diagnostics: [Diagnostic] = []
        var opensSentence = true
        var distinctUnknown = 0
        // Each unknown word once a line, where it first stands: a line repeating it a
        // thousand times is one finding, and its column is found once.
        var reportedLine = 0
        var reportedOnLine = Set<UInt64>()
        lines: for line in SpellingText.lines(of: document, profile: context.profile) {
            if line.opensSentence { opensSentence = true }
            for word in SpellingWords.words(in: line.text, opensSentence: &opensSentence) {
                // A capital inside a sentence: a name ("Gellerup", "Ida Eksempel").
                if !word.opensSentence, word.isCapitalised { continue }
                // Most words: one the dictionary has answered for (in this run or an earlier one).
                if lookup.answers.known.contains(word.hash) { continue }
                let key = word.hash &+ (word.hasFullStop ? 0x9E37_79B9_7F4A_7C15 : 0)
                let known: Bool
                if knownHere.contains(key) {
                    known = true
                } else if unknownHere.contains(key) {
                    known = false
                } else {
                    known = judge.knows(word, in: lookup)
                    if known { knownHere.insert(key) } else { unknownHere.insert(key); distinctUnknown += 1 }
                }
                guard !known else { continue }
                // Text that is not Danish prose (another language, OCR debris, generated
                // letters) would cost a suggestion per word and bury the report.
                if distinctUnknown > Self.unknownLimit {
                    diagnostics.append(Diagnostic(check: id, severity: .note, message: Message(
                        da: "Stavekontrollen stoppede her efter \(Self.unknownLimit) forskellige ukendte ord; er teksten på dansk?",
                        en: "Spelling stopped here after \(Self.unknownLimit) different unknown words; is the text Danish?"),
                        line: line.line, column: 1))
                    break lines
                }
                if line.line != reportedLine {
                    reportedLine = line.line
                    reportedOnLine.removeAll(keepingCapacity: true)
                }
                guard reportedOnLine.insert(key).inserted else { continue }
                let shown = String(word.text)
                let suggestions = dictionary.suggestions(for: shown)
                diagnostics.append(Diagnostic(check: id, severity: severity,
                                              message: Self.message(shown, suggestions: suggestions),
                                              line: line.line, column: SpellingText.column(of: word.text, in: document.sourceLine(line.line))))
            }
        }
        return diagnostics
    }

    /// The most different unknown words reported in one document.
    static let unknownLimit = 500

    static func message(_ word: String, suggestions: [String]) -> Message {
        func listed(_ words: [String], or: String, open: String, close: String) -> String {
            let quoted = words.map { open + $0 + close }
            return quoted.count <= 1 ? quoted.joined() : quoted.dropLast().joined(separator: ", ") + " \(or) " + quoted.last!
        }
        if suggestions.isEmpty {
            return Message(da: "»\(word)« står ikke i ordbogen; er det stavet rigtigt (et navn, et fagord), så føj det til ordliste.txt",
                           en: "\"\(word)\" is not in the dictionary; if it is spelt right (a name, a term), add it to ordliste.txt")
        }
        return Message(da: "»\(word)« står ikke i ordbogen; mente du \(listed(suggestions, or: "eller", open: "»", close: "«"))?",
                       en: "\"\(word)\" is not in the dictionary; did you mean \(listed(suggestions, or: "or", open: "\"", close: "\""))?")
    }
}

/// Whether a word of prose is known: the dictionary, then the vocabulary (made on the first
/// word the dictionary does not know: most documents never need it); an abbreviation with or
/// without its full stop ("evt.", "vedr."); a compound with a hyphen part by part ("KL-aftalen").
struct SpellingJudge {
    let dictionary: SpellingDictionary
    private let makeVocabulary: () -> SpellingVocabulary
    private var made: SpellingVocabulary?

    init(dictionary: SpellingDictionary, vocabulary: @escaping () -> SpellingVocabulary) {
        self.dictionary = dictionary
        makeVocabulary = vocabulary
    }

    private var vocabulary: SpellingVocabulary {
        mutating get {
            if let made { return made }
            let vocabulary = makeVocabulary()
            made = vocabulary
            return vocabulary
        }
    }

    mutating func knows(_ word: SpellingWord, in lookup: SpellingDictionary.Lookup) -> Bool {
        if dictionary.knows(word.text, hash: word.hash, in: lookup) { return true }
        let text = String(word.text)
        if vocabulary.contains(word.text) { return true }
        // "evt.", "vedr.", and the same written without the full stop ("evt", "mio").
        if Readability.abbreviations.contains(text.lowercased()) { return true }
        if word.hasFullStop, dictionary.knows(text + ".", in: lookup) { return true }
        if word.text.utf8.contains(UInt8(ascii: "-")) {
            let vocabulary = self.vocabulary
            return word.text.split(separator: "-").allSatisfy { part in
                // "KL", "IT", "A": an acronym or a letter needs no spelling.
                part.count < 3 || part.allSatisfy(\.isUppercase) || vocabulary.contains(part) || dictionary.knows(String(part), in: lookup)
            }
        }
        return false
    }
}
