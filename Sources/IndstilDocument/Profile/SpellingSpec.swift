import Foundation
import IndstilSupport

/// How a profile's documents are spelt (`spelling:` in profile.yml): whether an unknown word
/// is a note or a warning, and the words the Danish dictionary lacks that the municipality
/// uses (place, street and unit names): `words` in the file, and `word_files` beside it, one
/// word or name a line (`#` starts a comment line).
public struct SpellingSpec: Sendable, Decodable {
    public enum Level: String, Sendable, Decodable, CaseIterable {
        case note, warning
    }

    public let level: Level
    /// `words` and the words of `word_files` (read by `ProfileStore.load`).
    public package(set) var words: [String]
    /// Paths relative to the profile's folder.
    public let wordFiles: [String]

    package enum CodingKeys: String, CodingKey {
        case words
        case level = "severity"
        case wordFiles = "word_files"
    }

    public init(level: Level = .note, words: [String] = [], wordFiles: [String] = []) {
        self.level = level
        self.words = words
        self.wordFiles = wordFiles
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        level = try c.decodeIfPresent(Level.self, forKey: .level) ?? .note
        words = try c.decodeIfPresent([String].self, forKey: .words) ?? []
        wordFiles = try c.decodeIfPresent([String].self, forKey: .wordFiles) ?? []
    }

    /// A word list's entries: one a line, blank lines and `#` lines left out.
    public static func wordList(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    /// Reads a word list file (UTF-8, at most SourceText's size limit).
    public static func readWordList(_ file: URL) -> Result<[String], SourceText.Failure> {
        SourceText.read(file).map(wordList)
    }
}
