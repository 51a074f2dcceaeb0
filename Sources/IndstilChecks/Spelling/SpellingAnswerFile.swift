import Foundation
import IndstilSupport

/// libhunspell's answers for one dictionary, kept between runs: which words it knows, which
/// it does not, and indstil's suggestions for the ones it does not. Loading the Danish
/// dictionary takes about 0,1 s and each new word 40 µs or more; with the answers kept, a
/// second `indstil check` over the same documents (a CI job run again, a case officer
/// checking as she writes) needs libhunspell only for words it has not met before.
///
/// The answers depend on nothing but the dictionary's two files, libhunspell and indstil's own
/// suggester, so the file is named by those (`identity`: path, device, inode, size and
/// modification time of each, the running program among them) and a changed dictionary,
/// library or indstil simply starts a new file. No document text is kept:
/// words are FNV-1a hashes of their bytes (`DanishBytes.fnv`), and the suggestions are the
/// dictionary's own words.
///
/// Where: `CacheFolder` (`INDSTIL_CACHE_DIR`, `$XDG_CACHE_HOME/indstil` or `~/.cache/indstil`,
/// private and the user's own); the file is read only when it is a regular
/// file of the user's, not a link, and at most `maximumSize`. A file that does not read back
/// whole (cut short, another format, another dictionary) is ignored and written anew.
struct SpellingAnswerFile: Sendable {
    let url: URL
    /// What the answers were given by, as it is written at the head of the file.
    let identity: [UInt8]

    /// What a file holds.
    struct Answers {
        var known: [UInt64] = []
        var unknown: [UInt64] = []
        /// By the hash of the misspelt word: up to three words of the dictionary.
        var suggestions: [(word: UInt64, suggestions: [String])] = []
    }

    static let magic = Array("indstil spelling answers 1\n".utf8)
    /// A file larger than this is not read (the answers kept in memory come to about 3 MB).
    static let maximumSize = 16 << 20

    /// The file for the dictionary `path`.aff/.dic, or nil when answers are not to be kept.
    init?(dictionary path: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard let folder = CacheFolder.trusted(environment) else { return nil }
        var identity = "dictionary \(path)\n"
        // The suggestions are indstil's own: a new build of it starts a new file too.
        let program = Bundle.main.executablePath ?? ""
        for file in [path + ".aff", path + ".dic", Self.libraryPath() ?? "", program] where !file.isEmpty {
            guard let line = CacheFolder.fileIdentity(file) else { return nil }
            identity += line + "\n"
        }
        self.identity = Array(identity.utf8)
        let name = String(DanishBytes.fnv(self.identity), radix: 16)
        url = folder.appendingPathComponent("spelling-\(name).answers")
    }

    static func modified(_ info: stat) -> timespec { CacheFolder.modified(info) }

    static func folder(_ environment: [String: String]) -> URL? { CacheFolder.folder(environment) }

    static func isPrivateFolder(_ folder: URL) -> Bool { CacheFolder.isPrivateFolder(folder) }

    /// The libhunspell the process loaded (from the process's memory map, on Linux), so that
    /// another version starts another file.
    private static func libraryPath() -> String? {
        guard let maps = try? String(contentsOfFile: "/proc/self/maps", encoding: .utf8) else { return nil }
        for line in maps.split(separator: "\n") where line.contains("libhunspell") {
            if let slash = line.firstIndex(of: "/") { return String(line[slash...]) }
        }
        return nil
    }

    // MARK: Reading

    /// The kept answers, or nil when there are none that can be trusted.
    func read() -> Answers? {
        var info = stat()
        guard lstat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_uid == geteuid(),
              case .success(let data) = FileKind.read(url, limit: Self.maximumSize, followLinks: false) else { return nil }
        var reader = ByteReader(bytes: [UInt8](data))
        guard reader.take(Self.magic.count).map(Array.init) == Self.magic,
              let identityLength = reader.uint32(), reader.take(Int(identityLength)).map(Array.init) == identity,
              let known = reader.hashes(), let unknown = reader.hashes(),
              let suggestionCount = reader.uint32() else { return nil }
        var answers = Answers(known: known, unknown: unknown)
        for _ in 0..<suggestionCount {
            guard let word = reader.uint64(), let count = reader.byte(), count <= 3 else { return nil }
            var suggestions: [String] = []
            for _ in 0..<count {
                guard let suggestion = reader.string() else { return nil }
                suggestions.append(suggestion)
            }
            answers.suggestions.append((word, suggestions))
        }
        return reader.isAtEnd ? answers : nil
    }

    /// Little-endian numbers and length-prefixed UTF-8, each checked against what is left.
    private struct ByteReader {
        let bytes: [UInt8]
        var offset = 0

        var isAtEnd: Bool { offset == bytes.count }

        mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
            guard count >= 0, count <= bytes.count - offset else { return nil }
            defer { offset += count }
            return bytes[offset..<(offset + count)]
        }

        mutating func byte() -> UInt8? { take(1)?.first }

        mutating func uint32() -> UInt32? {
            take(4).map { $0.reversed().reduce(0) { $0 << 8 | UInt32($1) } }
        }

        mutating func uint64() -> UInt64? {
            take(8).map { $0.reversed().reduce(0) { $0 << 8 | UInt64($1) } }
        }

        mutating func hashes() -> [UInt64]? {
            guard let count = uint32(), Int(count) <= (bytes.count - offset) / 8 else { return nil }
            var hashes: [UInt64] = []
            hashes.reserveCapacity(Int(count))
            for _ in 0..<count {
                guard let hash = uint64() else { return nil }
                hashes.append(hash)
            }
            return hashes
        }

        mutating func string() -> String? {
            guard let length = byte(), let bytes = take(Int(length)) else { return nil }
            return String(validating: bytes, as: UTF8.self)
        }
    }

    // MARK: Writing

    /// Writes `answers` in place of the file, through a private file renamed over it (another
    /// indstil reading meanwhile sees the old file or the new one). A failure only means the
    /// next run asks libhunspell again.
    func write(_ answers: Answers) {
        var out = Self.magic
        func append32(_ value: Int) { for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8(truncatingIfNeeded: value >> shift)) } }
        func append64(_ value: UInt64) { for shift in stride(from: 0, to: 64, by: 8) { out.append(UInt8(truncatingIfNeeded: value >> shift)) } }
        append32(identity.count)
        out += identity
        for hashes in [answers.known, answers.unknown] {
            append32(hashes.count)
            for hash in hashes { append64(hash) }
        }
        // A word's suggestions are kept whole or not at all (a dictionary word over 255 bytes).
        let suggestions = answers.suggestions.filter { $0.suggestions.count <= 3 && $0.suggestions.allSatisfy { $0.utf8.count <= 255 } }
        append32(suggestions.count)
        for (word, words) in suggestions {
            append64(word)
            out.append(UInt8(words.count))
            for suggestion in words {
                out.append(UInt8(suggestion.utf8.count))
                out += suggestion.utf8
            }
        }
        guard out.count <= Self.maximumSize else { return }
        let staging = url.path + ".\(getpid()).\(UInt64.random(in: 0...UInt64.max))"
        let descriptor = open(staging, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false)
        let written = (try? handle.write(contentsOf: out)) != nil
        close(descriptor)
        if !written || rename(staging, url.path) != 0 { unlink(staging) }
        Self.removeStale(in: url.deletingLastPathComponent(), keeping: url.lastPathComponent)
    }

    /// Each new build of indstil or of the dictionary starts a file of its own: of the other
    /// answer files in the folder, those unused for a week go, and of the rest only the seven
    /// used last stay. A staging file left by a run that was killed goes after an hour.
    static func removeStale(in folder: URL, keeping current: String, now: Date = Date()) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        var answerFiles: [(name: String, modified: Date)] = []
        for name in names where name != current && name.hasPrefix("spelling-") {
            var info = stat()
            let path = folder.appendingPathComponent(name).path
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_uid == geteuid() else { continue }
            let modified = Date(timeIntervalSince1970: TimeInterval(Self.modified(info).tv_sec))
            if name.hasSuffix(".answers") {
                answerFiles.append((name, modified))
            } else if name.contains(".answers."), now.timeIntervalSince(modified) > 3600 {
                unlink(path)
            }
        }
        answerFiles.sort { $0.modified > $1.modified }
        for (index, file) in answerFiles.enumerated() where index >= 7 || now.timeIntervalSince(file.modified) > 7 * 86_400 {
            unlink(folder.appendingPathComponent(file.name).path)
        }
    }
}
