import Foundation
import Testing
import IndstilTestSupport

/// A packet rebuilt with nothing changed takes its converted Word files and its set PDFs
/// from the cache (`ContentCache`), and gives the very bytes a build without it gives.
@Suite("Packet PDFs from the cache (end to end)")
struct PacketCacheTests {
    static let agenda = ["bundle", "examples/raadmandsmoede/dagsorden.yml", "--to", "pdf", "-o"]

    @Test("An agenda built twice with a cache, and once without: the same bytes; the second build uses every entry the first kept")
    func agendaFromTheCache() throws {
        let folder = try TempFolder.withExamples()
        let cache = folder.url("cache")
        func build(_ name: String, cache: String) throws -> (public: Data, closed: Data) {
            let result = try CLI.run(Self.agenda + ["ud/\(name).pdf"], in: folder.url, timeout: 240, environment: ["INDSTIL_CACHE_DIR": cache])
            #expect(result.status == 0, "\(result)")
            return (try Data(contentsOf: folder.url("ud/\(name).pdf")), try Data(contentsOf: folder.url("ud/\(name)-lukket.pdf")))
        }
        let first = try build("foerste", cache: cache.path)
        let kept = cache.appendingPathComponent("pdf")
        let entries = try FileManager.default.contentsOfDirectory(atPath: kept.path).filter { $0.hasSuffix(".pdf") }
        // One Word conversion (shared by both packets); for each packet its set pages, its
        // stamps, each of its stamped PDF attachments (3 public, 5 closed) and the finished packet.
        #expect(entries.count == 15, "\(entries)")
        // Every entry dated long ago: the next build marks each one it uses as used now (the
        // finished packets; the pieces they were made of are not needed again).
        for entry in entries {
            var old = [timeval(tv_sec: 1_000_000_000, tv_usec: 0), timeval(tv_sec: 1_000_000_000, tv_usec: 0)]
            #expect(utimes(kept.appendingPathComponent(entry).path, &old) == 0)
        }
        let second = try build("anden", cache: cache.path)
        let used = entries.filter { entry in
            var info = stat()
            return stat(kept.appendingPathComponent(entry).path, &info) == 0 && info.st_mtim.tv_sec > 1_000_000_000
        }
        // The Word conversion and the two finished packets.
        #expect(used.count == 3, "\(used)")
        let uncached = try build("uden", cache: "off")
        #expect(first.public == second.public && first.closed == second.closed)
        #expect(first.public == uncached.public && first.closed == uncached.closed)
    }
}
