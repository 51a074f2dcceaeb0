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
    /// The dictionary's words on their own (`DictionaryStems`), read on the first suggestion
    /// or, for a folder of documents, in the background (`loadInBackground`): a clean single
    /// document never needs them.
    private let stems = Once<DictionaryStems>()
    /// `stems` once read: a word that is one of them as written is known without a call into
    /// libhunspell (the same answer, sooner: these words are all ones libhunspell accepts).
    private let readStems = Locked<DictionaryStems?>(nil)

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
        // A loop, not `lazy.compactMap(…).first`: that would load the found dictionary twice
        // (once for its index, once for the element).
        for candidate in candidates {
            if let dictionary = SpellingDictionary(path: candidate) { return dictionary }
        }
        return nil
    }()

    /// Starts loading `danish` on a thread of its own, so that the first document to need it
    /// finds it (nearly) ready instead of loading it while the other workers wait.
    /// With `stems` too, for many documents: the words they share are then mostly known
    /// without libhunspell.
    public static func loadInBackground(withStems: Bool = false) {
        Thread.detachNewThread {
            guard let dictionary = danish, withStems else { return }
            _ = dictionary.stemList()
        }
    }

    /// `stems`, read on first use.
    private func stemList() -> DictionaryStems {
        let list = stems.value { DictionaryStems.read(dic: path + ".dic", aff: path + ".aff") }
        readStems.withLock { $0 = list }
        return list
    }

    /// Where `danish` was looked for, for the message when it is missing.
    public static var searchedPlaces: String {
        if let named = ProcessInfo.processInfo.environment["INDSTIL_DICTIONARY"], !named.isEmpty { return named }
        return "/usr/share/hunspell/da_DK"
    }

    /// Loads `path`.aff and `path`.dic; nil when either is not a readable regular file of at
    /// most 64 MB (a FIFO would make libhunspell wait for ever; da_DK's .dic is 3 MB).
    public init?(path: String) {
        guard Self.isDictionaryFile(path + ".aff"), Self.isDictionaryFile(path + ".dic"),
              let handle = Hunspell_create(path + ".aff", path + ".dic") else { return nil }
        self.path = path
        self.handle = Locked(handle)
    }

    /// A regular file (links followed: Debian's da_DK files may be links), readable, not huge.
    static func isDictionaryFile(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size <= 64 << 20 else { return false }
        return FileManager.default.isReadableFile(atPath: path)
    }

    /// Whether the dictionary knows `word` as written (a capital first letter is allowed on
    /// any word; a lower-case one is not allowed on a name).
    public func knows(_ word: String) -> Bool {
        knows(word, stems: loadedStems)
    }

    /// `knows` with the word list the caller took from `loadedStems` (once a document, not
    /// under a lock for every word).
    func knows(_ word: String, stems: DictionaryStems?) -> Bool {
        let key = DanishBytes.fnv(word.utf8)
        if stems?.exact.contains(key) == true { return true }
        let part = verdicts[Int(key & 15)]
        if let known = part.withLock({ $0[key] }) { return known }
        // libhunspell reads at most 100 bytes of a word; no Danish word is that long.
        let known = word.utf8.count < 100 && handle.withLock { Hunspell_spell($0, word) != 0 }
        part.withLock {
            // A workspace open for days meets every half-typed word: the answers are kept,
            // but not without end.
            if $0.count > 20_000 { $0.removeAll() }
            $0[key] = known
        }
        return known
    }

    /// The dictionary's word list if it has been read, else nil (it is not read for this).
    var loadedStems: DictionaryStems? { readStems.withLock { $0 } }

    /// Up to three words the dictionary knows that `word` probably should be, best first.
    public func suggestions(for word: String) -> [String] {
        if let kept = suggestionCache.withLock({ $0[word] }) { return kept }
        let found = SpellingSuggester(stems: stemList().lower, knows: { self.knows($0) }).suggestions(for: word)
        suggestionCache.withLock {
            if $0.count > 20_000 { $0.removeAll() }
            $0[word] = found
        }
        return found
    }
}
