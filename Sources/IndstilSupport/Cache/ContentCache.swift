import Foundation

/// Files indstil made once and can use again, kept between runs under the digest of
/// everything that made them (`Key`): a Word appendix converted by LibreOffice, a packet
/// set by WeasyPrint. A secretariat rebuilds the same packet many times before the
/// deadline; with this, an unchanged packet costs almost nothing and a changed item
/// re-sets only what it changes.
///
/// The entries live in `pdf/` of the `CacheFolder` (private, the user's own). An entry is
/// written to a staging file (O_EXCL, 0600) and renamed into place, so it is whole or not
/// there; it is used only when it is the user's own regular file (not a link) that starts
/// as its kind must (`%PDF`), and it is copied out, never handed on, so nothing later in a
/// build can change it. Entries unused for `maximumAge` go, and the oldest go while the
/// folder holds more than `maximumBytes`. `INDSTIL_CACHE_DIR=off` keeps nothing.
package struct ContentCache: Sendable {
    package let folder: URL

    /// Entries unused this long are removed.
    static let maximumAge: TimeInterval = 30 * 86_400
    /// What the folder may hold; the entries used longest ago go first.
    static let maximumBytes = 1 << 30

    /// The cache of this process's environment; nil when nothing is to be kept.
    package static let shared: ContentCache? = ContentCache(environment: ProcessInfo.processInfo.environment)

    package init?(environment: [String: String]) {
        guard let root = CacheFolder.trusted(environment), let folder = CacheFolder.subfolder("pdf", of: root) else { return nil }
        self.folder = folder
    }

    init(folder: URL) {
        self.folder = folder
    }

    /// What made an entry: a kind and version, the programs (`CacheFolder.fileIdentity`),
    /// options and inputs, each length-prefixed so that no two different lists give the same
    /// bytes to hash.
    package struct Key: Sendable {
        private var hash = SHA256()

        /// A key of `kind` ("weasyprint set 1"), made by this build of indstil: what indstil
        /// does to a program's output before keeping it (tags finished, dates fixed) is part of
        /// the entry, so a new build starts new entries.
        package init(_ kind: String) {
            add(kind)
            add(Self.indstil)
        }

        /// The running build (on Linux its file as the process started it, even if it has since
        /// been replaced on disk), taken when the process starts using the cache.
        static let indstil = CacheFolder.fileIdentity("/proc/self/exe") ?? CacheFolder.fileIdentity(Bundle.main.executablePath ?? "")
            ?? "indstil \(IndstilVersion.current)"

        package mutating func add(_ text: String) { add(Data(text.utf8)) }

        package mutating func add(_ data: Data) {
            hash.update("\(data.count):")
            hash.update(data)
        }

        /// A file's bytes (read in pieces: an appendix can be large); false when it cannot be read.
        package mutating func add(contentsOf file: URL) -> Bool {
            guard let handle = try? FileHandle(forReadingFrom: file) else { return false }
            do {
                add(try Self.digest(of: handle))
                return true
            } catch {
                return false
            }
        }

        /// The SHA-256 of what `handle` reads to its end.
        static func digest(of handle: FileHandle) throws -> String {
            defer { try? handle.close() }
            var file = SHA256()
            while true {
                // nil (or nothing) at the end of the file; a failing read throws.
                guard let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty else { break }
                file.update(chunk)
            }
            return file.hexDigest()
        }

        package var name: String { hash.hexDigest() }
    }

    /// Copies the entry for `key` to `destination` (0600); false when there is none to trust.
    package func copy(_ key: Key, to destination: URL) -> Bool {
        guard holds(key) else { return false }
        let entry = folder.appendingPathComponent(key.name + ".pdf")
        do {
            try TemporaryItems.copyPrivately(entry, to: destination)
        } catch {
            unlink(destination.path)
            return false
        }
        // Used now: it stays while older entries go.
        _ = utimes(entry.path, nil)
        return true
    }

    /// Whether there is an entry for `key` to trust: a regular file of this user's that is a PDF.
    package func holds(_ key: Key) -> Bool {
        let entry = folder.appendingPathComponent(key.name + ".pdf")
        var info = stat()
        return lstat(entry.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && info.st_uid == geteuid() && info.st_size > 8
            && (try? FileHandle(forReadingFrom: entry).read(upToCount: 4)) == Data("%PDF".utf8)
    }

    /// Keeps a copy of `file` as the entry for `key`. Quietly does nothing when that fails
    /// (a full disk): the cache only ever saves work.
    package func keep(_ file: URL, as key: Key) {
        place(key.name + ".pdf") { staging throws in try TemporaryItems.copyPrivately(file, to: staging) }
    }

    /// Writes an entry through a staging file (O_EXCL, 0600) renamed to `name`: whole or not there.
    private func place(_ name: String, _ write: (URL) throws -> Void) {
        let staging = folder.appendingPathComponent(name + ".\(getpid()).\(UUID().uuidString).staging")
        do {
            try write(staging)
        } catch {
            unlink(staging.path)
            return
        }
        if rename(staging.path, folder.appendingPathComponent(name).path) != 0 { unlink(staging.path) }
    }

    /// Remembers one fact for the next run (`recall`): whether the last build of a packet had
    /// to set anything, so that the next one starts WeasyPrint ahead of time only when it is
    /// likely to be needed.
    package func remember(_ key: Key, _ fact: Bool) {
        place(key.name + ".note") { staging throws in try TemporaryItems.writePrivately(Data((fact ? "1" : "0").utf8), to: staging) }
    }

    /// What `remember` kept for `key`; nil when nothing (or nothing to trust) is there.
    package func recall(_ key: Key) -> Bool? {
        let note = folder.appendingPathComponent(key.name + ".note")
        var info = stat()
        guard lstat(note.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_uid == geteuid(), info.st_size == 1,
              let data = FileManager.default.contents(atPath: note.path) else { return nil }
        return data == Data("1".utf8) ? true : data == Data("0".utf8) ? false : nil
    }

    /// Keeps `text` (what a program read from a file: an attachment's words) as the entry for
    /// `key`; quietly nothing when that fails.
    package func keep(text: String, as key: Key) {
        place(key.name + ".txt") { staging throws in try TemporaryItems.writePrivately(Data(text.utf8), to: staging) }
    }

    /// What `keep(text:as:)` kept for `key`, when it is the user's own regular file of at most
    /// `maximumTextBytes` in UTF-8; nil otherwise. A text used now stays while older entries go.
    package func text(_ key: Key) -> String? {
        let entry = folder.appendingPathComponent(key.name + ".txt")
        var info = stat()
        guard lstat(entry.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_uid == geteuid(),
              info.st_size <= Self.maximumTextBytes, let data = FileManager.default.contents(atPath: entry.path),
              let text = String(data: data, encoding: .utf8) else { return nil }
        _ = utimes(entry.path, nil)
        return text
    }

    /// The largest text entry read back.
    static let maximumTextBytes = 64 << 20

    /// Removes entries unused for `maximumAge`, staging files older than an hour (a run that
    /// was killed), and then the entries used longest ago while the folder holds more than `maximumBytes`.
    package func trim(now: Date = Date()) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        var entries: [(path: String, used: TimeInterval, size: Int)] = []
        for name in names {
            let path = folder.appendingPathComponent(name).path
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_uid == geteuid() else { continue }
            let used = TimeInterval(CacheFolder.modified(info).tv_sec)
            let age = now.timeIntervalSince1970 - used
            if name.hasSuffix(".staging") {
                if age > 3600 { unlink(path) }
            } else if name.hasSuffix(".note") {
                if age > Self.maximumAge { unlink(path) }
            } else if name.hasSuffix(".pdf") || name.hasSuffix(".txt") {
                if age > Self.maximumAge { unlink(path) } else { entries.append((path, used, Int(info.st_size))) }
            }
        }
        var total = entries.reduce(0) { $0 + $1.size }
        for entry in entries.sorted(by: { $0.used < $1.used }) where total > Self.maximumBytes {
            unlink(entry.path)
            total -= entry.size
        }
    }
}
