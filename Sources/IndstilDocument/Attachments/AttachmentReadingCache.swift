import Foundation
import IndstilSupport

/// What the checks read from a PDF or DOCX attachment (its text, whether it is tagged), kept
/// in the `ContentCache` under the digest of the attachment's bytes and the programs that read
/// it (pdftotext, qpdf, the installed packages: `CacheFolder.environmentIdentity`).
///
/// An agenda is built many times before the deadline, and every build reads every attachment
/// again: pdftotext and two or three qpdf runs per PDF, a third of a second for the example
/// agenda, while LibreOffice and WeasyPrint want the same two cores. An attachment whose bytes
/// did not change is read from here. An answer is kept only when the file's digest is the same
/// before and after it was read (a file saved again meanwhile keeps nothing), and only for
/// a regular file. A reading that failed (`notRead`: no pdftotext, a time-out) is never kept.
package enum AttachmentReadingCache {
    /// The text of `url`: kept, or `read()` (and then kept).
    package static func text(of url: URL, cache: ContentCache? = ContentCache.shared,
                             read: () -> AttachmentText.Reading) -> AttachmentText.Reading {
        guard let cache, let key = key("attachment text 1", tool: "pdftotext", url) else { return read() }
        if let kept = cache.text(key), let reading = decode(kept) { return reading }
        let reading = read()
        if let text = encode(reading), self.key("attachment text 1", tool: "pdftotext", url)?.name == key.name {
            cache.keep(text: text, as: key)
        }
        return reading
    }

    /// Whether `url` is tagged: kept, or `probe()` (and then kept when it could tell). The probe
    /// reads a few objects whatever the file's size, so a file over `largestProbed` is probed
    /// rather than read whole twice for its digest.
    package static func isTagged(_ url: URL, cache: ContentCache? = ContentCache.shared, probe: () -> Bool?) -> Bool? {
        guard let cache, size(of: url) <= largestProbed, let key = key("attachment tagged 1", tool: "qpdf", url) else { return probe() }
        if let kept = cache.recall(key) { return kept }
        let answer = probe()
        if let answer, self.key("attachment tagged 1", tool: "qpdf", url)?.name == key.name { cache.remember(key, answer) }
        return answer
    }

    /// The key of `kind` for the bytes of `url` read by `tool`; nil when it is not a regular
    /// file, cannot be read, or the tool is not installed.
    static func key(_ kind: String, tool: String, _ url: URL) -> ContentCache.Key? {
        guard FileKind.isRegularFile(url), let program = Subprocess.find(tool).flatMap({ CacheFolder.realPath($0.path) }),
              let identity = CacheFolder.fileIdentity(program) else { return nil }
        var key = ContentCache.Key(kind)
        key.add(identity)
        key.add(environment)
        return key.add(contentsOf: url) ? key : nil
    }

    /// The largest file whose tagging answer is kept (see `isTagged`).
    static let largestProbed = 16 << 20

    /// The size of the file at `url` (links followed); Int.max when it cannot be told.
    static func size(of url: URL) -> Int {
        var info = stat()
        return stat(url.path, &info) == 0 ? Int(info.st_size) : Int.max
    }

    /// The installed packages and fonts, once per process.
    private static let environment = CacheFolder.environmentIdentity()

    /// "pages", then each page after a form feed; "no text"; "unreadable". nil: not kept.
    static func encode(_ reading: AttachmentText.Reading) -> String? {
        switch reading {
        case .pages(let pages): return (["pages"] + pages).joined(separator: "\u{0C}")
        case .noText: return "no text"
        case .unreadable: return "unreadable"
        case .notRead: return nil
        }
    }

    static func decode(_ text: String) -> AttachmentText.Reading? {
        if text == "no text" { return .noText }
        if text == "unreadable" { return .unreadable }
        let parts = text.components(separatedBy: "\u{0C}")
        guard parts.first == "pages", parts.count > 1 else { return nil }
        return .pages(Array(parts.dropFirst()))
    }
}
