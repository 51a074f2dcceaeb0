import Foundation
import CHunspell
import IndstilSupport

/// Debian's Danish Hunspell dictionary (`hunspell-da`, Stavekontrolden) read through
/// libhunspell: whether a word is Danish, and what a misspelt word probably should be.
///
/// One dictionary serves the whole process. libhunspell is not safe to call from two threads
/// at once, so every call holds `hunspell`'s lock; answers are kept per word (`verdicts`),
/// which makes the lock rare: a document repeats its words, and a folder of documents repeats
/// most of them. The answers are also kept between runs (`SpellingAnswerFile`): libhunspell
/// is loaded (about 0,1 s) only when a word comes that no earlier run has asked about.
///
/// Suggestions are indstil's own, not `Hunspell_suggest` (50–170 ms a word with the Danish
/// dictionary's compounding, which would make checking a folder many times slower): the
/// words one edit away (a letter left out, one too many, two swapped, one wrong) that the
/// dictionary lists as stems, also under a Danish ending the word has ("-erne", "-en" …),
/// each confirmed by libhunspell before it is offered. See `SpellingSuggester`.
public final class SpellingDictionary: Sendable {
    /// The `.aff`/`.dic` pair, without the extension (`/usr/share/hunspell/da_DK`).
    public let path: String
    /// libhunspell's handle, made on the first word no kept answer covers.
    private let hunspell = Once<Locked<OpaquePointer>?>()
    /// libhunspell's answers by the FNV-1a hash of the word's bytes (hashing a `String`
    /// normalises it first), read without a lock.
    private let verdicts = SpellingVerdicts()
    /// Suggestions by the hash of the misspelt word.
    private let suggestionCache = Locked<[UInt64: [String]]>([:])
    /// The dictionary's words on their own (`DictionaryStems`), read on the first suggestion
    /// or, for a folder of documents, in the background (`loadInBackground`): a clean single
    /// document never needs them.
    private let stems = Once<DictionaryStems>()
    /// `stems` once read: a word that is one of them as written is known without a call into
    /// libhunspell (the same answer, sooner: these words are all ones libhunspell accepts).
    private let readStems = Locked<DictionaryStems?>(nil)
    /// Where answers are kept between runs (nil: they are not).
    private let answerFile: SpellingAnswerFile?
    /// Whether the kept answers have been read, and whether there were any.
    private let keptAnswers = Once<Bool>()
    /// Suggestions made in this run that the file does not have yet.
    private let newSuggestions = Locked(0)

    /// The largest number of suggestions kept.
    static let suggestionLimit = 20_000

    /// The Danish dictionary: the one `INDSTIL_DICTIONARY` names (a path without `.aff`/`.dic`),
    /// else the first `da_DK` where Debian, Fedora, Homebrew and MacPorts put it; nil when
    /// there is none (`spelling.unknown-word` then says so instead of checking).
    public static let danish: SpellingDictionary? = {
        danishWasLooked.withLock { $0 = true }
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
    /// finds it (nearly) ready instead of loading it while the other workers wait: the kept
    /// answers, and when there are none, libhunspell itself. With `stems` too, for many
    /// documents: the words they share are then mostly known without libhunspell.
    /// Called again (each document of a bundle calls it), it starts nothing new, except the
    /// word list when it is asked for the first time.
    public static func loadInBackground(withStems: Bool = false) {
        let (load, stems) = backgroundLoads.withLock { started -> (Bool, Bool) in
            defer { started = (true, started.stems || withStems) }
            return (!started.dictionary, withStems && !started.stems)
        }
        guard load || stems else { return }
        Thread.detachNewThread {
            guard let dictionary = danish, !dictionary.readKeptAnswers() else { return }
            // The word list on a thread of its own: the workers wait for libhunspell meanwhile,
            // so a core is free for it.
            if stems { Thread.detachNewThread { _ = dictionary.stemList() } }
            if load { _ = dictionary.handle() }
        }
    }

    /// What `loadInBackground` has started.
    private static let backgroundLoads = Locked((dictionary: false, stems: false))

    /// Keeps the answers of `danish` for the next run, when it was used in this one (the
    /// program calls this as it ends, whatever the command).
    public static func keepAnswersIfUsed() {
        guard danishWasLooked.withLock({ $0 }) else { return }
        danish?.keepAnswers()
    }

    /// Whether `danish` has been looked for (then it may hold new answers).
    private static let danishWasLooked = Locked(false)

    /// Reads the kept answers into `verdicts` and `suggestionCache` (once); whether there were any.
    @discardableResult
    func readKeptAnswers() -> Bool {
        keptAnswers.value {
            guard let answers = answerFile?.read() else { return false }
            verdicts.add(known: answers.known, unknown: answers.unknown)
            suggestionCache.withLock { cache in
                for (word, suggestions) in answers.suggestions.prefix(Self.suggestionLimit) { cache[word] = suggestions }
            }
            return !answers.known.isEmpty || !answers.unknown.isEmpty
        }
    }

    /// Writes this run's answers with the kept ones for the next run, when there are new ones.
    public func keepAnswers() {
        guard let answerFile else { return }
        let newSuggestions = newSuggestions.withLock { count in
            defer { count = 0 }
            return count
        }
        let answers = verdicts.unsaved()
        guard answers != nil || newSuggestions > 0 else { return }
        var kept = SpellingAnswerFile.Answers()
        if let answers {
            kept.known = answers.known
            kept.unknown = answers.unknown
        } else {
            (kept.known, kept.unknown) = verdicts.all()
        }
        kept.suggestions = suggestionCache.withLock { $0.map { ($0.key, $0.value) } }.sorted { $0.word < $1.word }
        answerFile.write(kept)
    }

    /// What a document's words are looked up in without a lock: the dictionary's word list
    /// when it has been read, and the answers published so far (with the kept ones read).
    struct Lookup {
        let stems: DictionaryStems?
        let answers: SpellingVerdicts.Snapshot
    }

    /// The `Lookup` for a document, taken when it starts.
    func lookup() -> Lookup {
        readKeptAnswers()
        return Lookup(stems: loadedStems, answers: verdicts.snapshot())
    }

    /// libhunspell's handle, made on first use.
    private func handle() -> Locked<OpaquePointer>? {
        hunspell.value { Hunspell_create(path + ".aff", path + ".dic").map { Locked($0) } }
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
        guard Self.isDictionaryFile(path + ".aff"), Self.isDictionaryFile(path + ".dic") else { return nil }
        self.path = path
        answerFile = SpellingAnswerFile(dictionary: path)
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
        knows(word, in: lookup())
    }

    /// `knows`, looked up first in a document's `Lookup`.
    func knows(_ word: String, in lookup: Lookup) -> Bool {
        knows(word[...], hash: DanishBytes.fnv(word.utf8), in: lookup)
    }

    /// `knows` for a word whose hash (`DanishBytes.fnv` of its bytes) the caller has, looked
    /// up first in the document's `Lookup`.
    func knows(_ word: Substring, hash key: UInt64, in lookup: Lookup) -> Bool {
        if lookup.stems?.exact.contains(key) == true { return true }
        if let known = verdicts.verdict(key, in: lookup.answers) { return known }
        // libhunspell reads at most 100 bytes of a word; no Danish word is that long.
        guard word.utf8.count < 100 else { return false }
        // Without a handle (libhunspell could not read the files) nothing can be called misspelt.
        guard let handle = handle() else { return true }
        let known = handle.withLock { handle in word.withCString { Hunspell_spell(handle, $0) } != 0 }
        verdicts.record(key, known: known)
        return known
    }

    /// The dictionary's word list if it has been read, else nil (it is not read for this).
    var loadedStems: DictionaryStems? { readStems.withLock { $0 } }

    /// Up to three words the dictionary knows that `word` probably should be, best first.
    public func suggestions(for word: String) -> [String] {
        readKeptAnswers()
        let key = DanishBytes.fnv(word.utf8)
        if let kept = suggestionCache.withLock({ $0[key] }) { return kept }
        let stems = stemList()
        let lookup = Lookup(stems: stems, answers: verdicts.snapshot())
        let found = SpellingSuggester(stems: stems.lower, knows: { self.knows($0, in: lookup) })
            .suggestions(for: word)
        suggestionCache.withLock {
            if $0.count >= Self.suggestionLimit { $0.removeAll() }
            $0[key] = found
        }
        newSuggestions.withLock { $0 += 1 }
        return found
    }
}
