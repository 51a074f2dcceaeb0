import Foundation
import IndstilSupport
import IndstilDocument

/// Words a document may use that the Danish dictionary does not list: indstil's own
/// (municipal terms, `Templates/_base/ordliste.txt`), the profile's (place and unit names:
/// `spelling.words` and `spelling.word_files` in profile.yml), the project's (`ordliste.txt`
/// beside indstil.yml, and `spelling` there), and the names in the document's front matter.
/// Matched without regard to case; a name's genitive ("Eksempels") is accepted with it.
struct SpellingVocabulary: Sendable {
    /// FNV-1a hashes of the words in lower case (`DanishBytes`): a word is looked up
    /// without making a lower-case `String` of it.
    private let hashes: Set<UInt64>

    init<Words: Sequence<String>>(_ entries: Words) {
        var hashes = Set<UInt64>()
        var lower: [UInt8] = []
        for entry in entries {
            // "Ida Eksempel", "Gellerup-planen": the entry itself and each of its words.
            DanishBytes.lowercase(entry.utf8, into: &lower)
            hashes.insert(DanishBytes.fnv(lower))
            for part in lower.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ",") }) {
                hashes.insert(DanishBytes.fnv(part))
            }
        }
        self.hashes = hashes
    }

    /// The vocabulary a document is checked with.
    init(profile: Profile, configuration: Configuration, document: Document) {
        self.init(Self.shipped + profile.spelling.words + configuration.spellingWords
                  + SpellingText.names(in: document.frontMatter, fields: profile.fields))
    }

    func contains(_ word: Substring) -> Bool {
        guard !hashes.isEmpty else { return false }
        var lower: [UInt8] = []
        DanishBytes.lowercase(word.utf8, into: &lower)
        if hashes.contains(DanishBytes.fnv(lower)) { return true }
        // A name's genitive: "Eksempels" (in "Aarhus'" the apostrophe is not part of the word).
        if lower.last == UInt8(ascii: "s"), hashes.contains(DanishBytes.fnv(lower.dropLast())) { return true }
        // A compound with a hyphen whose parts are all accepted here.
        if lower.contains(UInt8(ascii: "-")) {
            return lower.split(separator: UInt8(ascii: "-")).allSatisfy { hashes.contains(DanishBytes.fnv($0)) }
        }
        return false
    }

    /// indstil's own word list (`Templates/_base/ordliste.txt`), read once.
    static let shipped: [String] = {
        guard let folder = ShippedTemplates.folder,
              case .success(let words) = SpellingSpec.readWordList(folder.appendingPathComponent("_base/ordliste.txt")) else { return [] }
        return words
    }()
}
