import Foundation
import CHunspell
import IndstilSupport

/// Debian's Danish Hunspell dictionary (`hunspell-da`, Stavekontrolden) read through
/// libhunspell: whether a word is Danish, and what a misspelt word probably should be.
///
/// One dictionary serves the whole process (loading it takes about 80 ms). libhunspell is
/// not safe to call from two threads at once, so every call holds `handle`'s lock; answers
/// are kept per word (`verdicts`), which makes the lock rare: a document repeats its words,
/// and a folder of documents repeats most of them.
///
/// Suggestions are indstil's own, not `Hunspell_suggest` (50–170 ms a word with the Danish
/// dictionary's compounding, which would make checking a folder many times slower): the
/// words one edit away (a letter left out, one too many, two swapped, one wrong) that the
/// dictionary lists as stems, also under a Danish ending the word has ("-erne", "-en" …),
/// each confirmed by libhunspell before it is offered. See `SpellingSuggester`.
public final class SpellingDictionary: Sendable {
    /// The `.aff`/`.dic` pair, without the extension (`/usr/share/hunspell/da_DK`).
    public let path: String
    private let handle: Locked<OpaquePointer>
    /// Answers by the FNV-1a hash of the word's bytes (hashing a `String` normalises it first),
    /// in 16 parts with a lock each, so that threads checking documents seldom wait for each other.
    private let verdicts = (0..<16).map { _ in Locked<[UInt64: Bool]>([:]) }
    private let suggestionCache = Locked<[String: [String]]>([:])
    /// Hashes of the dictionary's stems in lower case (its `.dic` lines up to the flags), read
    /// on the first suggestion (about 10 ms).
    private let stemCache = Once<Set<UInt64>>()

    /// The Danish dictionary: the one `INDSTIL_DICTIONARY` names (a path without `.aff`/`.dic`),
    /// else the first `da_DK` where Debian, Fedora, Homebrew and MacPorts put it; nil when
    /// there is none (`spelling.unknown-word` then says so instead of checking).
    public static let danish: SpellingDictionary? = {
        var candidates: [String] = []
        if let named = ProcessInfo.processInfo.environment["INDSTIL_DICTIONARY"], !named.isEmpty {
            candidates.append(named.hasSuffix(".dic") || named.hasSuffix(".aff") ? String(named.dropLast(4)) : named)
        } else {
            candidates += ["/usr/share/hunspell/da_DK", "/usr/share/myspell/da_DK", "/usr/share/myspell/dicts/da_DK",
                           "/usr/local/share/hunspell/da_DK", "/opt/homebrew/share/hunspell/da_DK", "/opt/local/share/hunspell/da_DK"]
        }
        return candidates.lazy.compactMap(SpellingDictionary.init(path:)).first
    }()

    /// Where `danish` was looked for, for the message when it is missing.
    public static var searchedPlaces: String {
        if let named = ProcessInfo.processInfo.environment["INDSTIL_DICTIONARY"], !named.isEmpty { return named }
        return "/usr/share/hunspell/da_DK"
    }

    /// Loads `path`.aff and `path`.dic; nil when either is not a readable file.
    public init?(path: String) {
        let manager = FileManager.default
        guard manager.isReadableFile(atPath: path + ".aff"), manager.isReadableFile(atPath: path + ".dic"),
              let handle = Hunspell_create(path + ".aff", path + ".dic") else { return nil }
        self.path = path
        self.handle = Locked(handle)
    }

    /// Whether the dictionary knows `word` as written (a capital first letter is allowed on
    /// any word; a lower-case one is not allowed on a name).
    public func knows(_ word: String) -> Bool {
        let key = DanishBytes.fnv(word.utf8)
        let part = verdicts[Int(key & 15)]
        if let known = part.withLock({ $0[key] }) { return known }
        // libhunspell reads at most 100 bytes of a word; no Danish word is that long.
        let known = word.utf8.count < 100 && handle.withLock { Hunspell_spell($0, word) != 0 }
        part.withLock { $0[key] = known }
        return known
    }

    /// Up to three words the dictionary knows that `word` probably should be, best first.
    public func suggestions(for word: String) -> [String] {
        if let kept = suggestionCache.withLock({ $0[word] }) { return kept }
        let stems = stemCache.value { Self.readStems(path + ".dic") }
        let found = SpellingSuggester(stems: stems, knows: knows).suggestions(for: word)
        suggestionCache.withLock { $0[word] = found }
        return found
    }

    /// The FNV-1a hashes of the words of a `.dic` file before their flags ("kommune/12,40" →
    /// "kommune"), lower-cased (`SpellingSuggester` looks its candidates up in them).
    static func readStems(_ file: String) -> Set<UInt64> {
        guard let data = FileManager.default.contents(atPath: file) else { return [] }
        var stems = Set<UInt64>()
        var lower: [UInt8] = []
        stems.reserveCapacity(data.count / 12)
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lineStart = 0
            var first = true
            while lineStart < bytes.count {
                var end = lineStart
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                var wordEnd = lineStart
                while wordEnd < end {
                    let byte = bytes[wordEnd]
                    // "/" starts the flags, a tab or space the morphology; "\/" is a slash in the word.
                    if byte == UInt8(ascii: "/"), wordEnd == lineStart || bytes[wordEnd - 1] != UInt8(ascii: "\\") { break }
                    if byte == 0x09 || byte == 0x20 || byte == 0x0D { break }
                    wordEnd += 1
                }
                // The first line is the number of entries.
                if !first, wordEnd > lineStart {
                    DanishBytes.lowercase(bytes[lineStart..<wordEnd], into: &lower)
                    stems.insert(DanishBytes.fnv(lower))
                }
                first = false
                lineStart = end + 1
            }
        }
        return stems
    }
}
