import Foundation
import IndstilSupport

/// SHA-256 fingerprints of files, each computed once per content: kept by path with the
/// size and modification time it was computed for, so the workspace's live agenda preview
/// does not hash every appendix again on every keystroke.
final class FileFingerprints: Sendable {
    private struct Entry {
        let size: Int
        let modified: Date
        let digest: String
    }
    private let entries = Locked<[String: Entry]>([:])

    /// The file's digest (64 hex digits), or nil when it is no regular file (`FileKind`: a
    /// FIFO is never opened and waited on) or cannot be read.
    func digest(of url: URL) -> String? {
        let path = url.standardizedFileURL.path
        guard FileKind.of(url) == .regular, let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = (attributes[.size] as? NSNumber)?.intValue,
              let modified = attributes[.modificationDate] as? Date
        else { return nil }
        if let known = entries.withLock({ $0[path] }), known.size == size, known.modified == modified { return known.digest }
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var hash = SHA256()
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hash.update(chunk)
        }
        let digest = hash.hexDigest()
        entries.withLock { $0[path] = Entry(size: size, modified: modified, digest: digest) }
        return digest
    }
}

extension Workspace {
    /// What a set of files holds, as 16 hex digits (the first 64 bits of a SHA-256 over each
    /// file's name and SHA-256, in order): an agenda item's `udsendt_version`. A file that
    /// cannot be read counts as "missing", so its disappearance is a change too.
    public func fingerprint(of files: [URL]) -> String {
        var hash = SHA256()
        for url in files {
            hash.update("\(url.lastPathComponent)\t\(fingerprints.digest(of: url) ?? "missing")\n")
        }
        return String(hash.hexDigest().prefix(16))
    }
}
