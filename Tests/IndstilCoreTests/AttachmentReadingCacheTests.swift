import Foundation
import Testing
import IndstilTestSupport
@testable import IndstilSupport
@testable import IndstilDocument

/// `AttachmentReadingCache`: an attachment's text and tagging read once for its bytes.
@Suite("Attachment readings kept by their bytes") struct AttachmentReadingCacheTests {
    static func cache(in folder: TempFolder) throws -> ContentCache {
        ContentCache(folder: try folder.write("cache/.keep", "").deletingLastPathComponent())
    }

    @Test("The same bytes are read once; other bytes are read again; a failed reading is never kept")
    func readOncePerBytes() throws {
        let folder = try TempFolder()
        let cache = try Self.cache(in: folder)
        let pdf = try folder.write("bilag.pdf", "%PDF-1.4 første udgave")
        var reads = 0
        let pages = AttachmentText.Reading.pages(["Side ét\nmed ø", "", "Side tre"])
        let first = AttachmentReadingCache.text(of: pdf, cache: cache) { reads += 1; return pages }
        let second = AttachmentReadingCache.text(of: pdf, cache: cache) { reads += 1; return .noText }
        #expect(reads == 1)
        guard case .pages(let kept) = second, case .pages(let made) = first else {
            Issue.record("not pages: \(second)")
            return
        }
        #expect(kept == made)

        try Data("%PDF-1.4 anden udgave".utf8).write(to: pdf)
        let changed = AttachmentReadingCache.text(of: pdf, cache: cache) { reads += 1; return .unreadable }
        #expect(reads == 2)
        if case .unreadable = changed {} else { Issue.record("changed bytes gave the old reading: \(changed)") }

        let other = try folder.write("andet.pdf", "%PDF-1.4 tredje")
        _ = AttachmentReadingCache.text(of: other, cache: cache) { reads += 1; return .notRead(Message(da: "tid", en: "time")) }
        _ = AttachmentReadingCache.text(of: other, cache: cache) { reads += 1; return .noText }
        #expect(reads == 4, "a failed reading was kept")
    }

    @Test("A file saved again while it was read keeps nothing; the tagging answer is kept only when it could be told")
    func changedWhileReadKeepsNothing() throws {
        let folder = try TempFolder()
        let cache = try Self.cache(in: folder)
        let pdf = try folder.write("bilag.pdf", "%PDF-1.4 før")
        var reads = 0
        _ = AttachmentReadingCache.text(of: pdf, cache: cache) {
            reads += 1
            try? Data("%PDF-1.4 efter".utf8).write(to: pdf)
            return .noText
        }
        try Data("%PDF-1.4 før".utf8).write(to: pdf)
        _ = AttachmentReadingCache.text(of: pdf, cache: cache) { reads += 1; return .noText }
        #expect(reads == 2, "a reading of bytes that changed meanwhile was kept")

        var probes = 0
        #expect(AttachmentReadingCache.isTagged(pdf, cache: cache) { probes += 1; return nil } == nil)
        #expect(AttachmentReadingCache.isTagged(pdf, cache: cache) { probes += 1; return true } == true)
        #expect(AttachmentReadingCache.isTagged(pdf, cache: cache) { probes += 1; return false } == true)
        #expect(probes == 2)
    }

    @Test("A file over 16 MB is probed for its tags each time, not read whole for its digest")
    func largeFilesAreProbed() throws {
        let folder = try TempFolder()
        let cache = try Self.cache(in: folder)
        let large = folder.url("stor.pdf")
        try Data(count: AttachmentReadingCache.largestProbed + 1).write(to: large)
        var probes = 0
        _ = AttachmentReadingCache.isTagged(large, cache: cache) { probes += 1; return true }
        _ = AttachmentReadingCache.isTagged(large, cache: cache) { probes += 1; return true }
        #expect(probes == 2)
    }

    @Test("Encoded and decoded: pages with empty pages, no text, unreadable")
    func roundTrip() {
        for reading in [AttachmentText.Reading.pages(["a", "", "b\nc"]), .pages([""]), .noText, .unreadable] {
            let text = AttachmentReadingCache.encode(reading)
            #expect(text.flatMap(AttachmentReadingCache.decode).flatMap(AttachmentReadingCache.encode) == text)
        }
        #expect(AttachmentReadingCache.decode("noget andet") == nil)
    }
}
