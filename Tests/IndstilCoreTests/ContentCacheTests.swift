import Foundation
import Testing
import IndstilTestSupport
@testable import IndstilSupport
@testable import IndstilRender

/// The PDF work kept between runs (`ContentCache`) and the WeasyPrint it is named by.
@Suite("Content cache") struct ContentCacheTests {
    static let pdf = Data("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".utf8)

    @Test("An entry is copied out as it went in, under its key only; another key finds nothing")
    func keptAndCopiedOut() throws {
        let folder = try TempFolder()
        let cache = ContentCache(folder: try folder.write("cache/.keep", "").deletingLastPathComponent())
        var key = ContentCache.Key("test 1")
        key.add("weasyprint 57")
        key.add(Data("<p>bilag 1</p>".utf8))
        let made = try folder.write("sat.pdf", data: Self.pdf)
        #expect(!cache.copy(key, to: folder.url("ud.pdf")))
        cache.keep(made, as: key)
        #expect(cache.copy(key, to: folder.url("ud.pdf")))
        #expect(try Data(contentsOf: folder.url("ud.pdf")) == Self.pdf)
        var info = stat()
        #expect(stat(folder.url("ud.pdf").path, &info) == 0 && info.st_mode & 0o777 == 0o600)
        var other = ContentCache.Key("test 1")
        other.add("weasyprint 57")
        other.add(Data("<p>bilag 2</p>".utf8))
        #expect(!cache.copy(other, to: folder.url("andet.pdf")))
    }

    @Test("Keys are length-prefixed: [\"ab\", \"c\"] and [\"a\", \"bc\"] differ; a file's key is its bytes'")
    func keysDoNotRunTogether() throws {
        var first = ContentCache.Key("k"), second = ContentCache.Key("k")
        first.add("ab"); first.add("c")
        second.add("a"); second.add("bc")
        #expect(first.name != second.name)
        let folder = try TempFolder()
        var byFile = ContentCache.Key("k"), byFileAgain = ContentCache.Key("k")
        let read = byFile.add(contentsOf: try folder.write("a.docx", "indhold"))
        let readAgain = byFileAgain.add(contentsOf: try folder.write("b.docx", "indhold"))
        #expect(read && readAgain && byFile.name == byFileAgain.name)
        var missing = ContentCache.Key("k")
        let readMissing = missing.add(contentsOf: folder.url("findes-ikke.docx"))
        #expect(!readMissing)
    }

    @Test("An entry that is a link, not a PDF, or someone else's is not used")
    func untrustedEntriesAreNotUsed() throws {
        let folder = try TempFolder()
        let place = try folder.write("cache/.keep", "").deletingLastPathComponent()
        let cache = ContentCache(folder: place)
        var linked = ContentCache.Key("link")
        linked.add("x")
        let elsewhere = try folder.write("andet.pdf", data: Self.pdf)
        #expect(symlink(elsewhere.path, place.appendingPathComponent(linked.name + ".pdf").path) == 0)
        #expect(!cache.copy(linked, to: folder.url("1.pdf")))
        var notPDF = ContentCache.Key("html")
        notPDF.add("y")
        _ = try folder.write("cache/\(notPDF.name).pdf", "<html>not a PDF</html>")
        #expect(!cache.copy(notPDF, to: folder.url("2.pdf")))
        #expect(!FileManager.default.fileExists(atPath: folder.url("1.pdf").path))
    }

    @Test("Trimming: entries unused for 30 days and old staging files go, then the oldest while over the limit")
    func trim() throws {
        let folder = try TempFolder()
        let place = try folder.write("cache/.keep", "").deletingLastPathComponent()
        let cache = ContentCache(folder: place)
        let now = Date()
        func entry(_ name: String, daysAgo: Double) throws {
            let url = try folder.write("cache/\(name)", data: Self.pdf)
            var times = [timeval(tv_sec: Int(now.timeIntervalSince1970 - daysAgo * 86_400), tv_usec: 0)]
            times.append(times[0])
            #expect(utimes(url.path, times) == 0)
        }
        try entry("gammel.pdf", daysAgo: 31)
        try entry("ny.pdf", daysAgo: 1)
        try entry("a.123.x.staging", daysAgo: 0.5)
        try entry("b.123.y.staging", daysAgo: 0.01)
        cache.trim(now: now)
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: place.path))
        #expect(left == [".keep", "ny.pdf", "b.123.y.staging"])
    }

    @Test("Debian's weasyprint script runs through its interpreter with the launcher, named by its files; a shell wrapper runs as it is")
    func weasyPrintProgram() throws {
        let folder = try TempFolder()
        let wrapper = try folder.write("weasyprint", "#!/bin/sh\nexec /usr/bin/weasyprint \"$@\"\n")
        chmod(wrapper.path, 0o755)
        let plain = WeasyPrintProgram(resolving: wrapper.path)
        #expect(plain.executable == wrapper.path && plain.leadingArguments.isEmpty && plain.identity == nil)
        guard FileManager.default.fileExists(atPath: "/usr/bin/weasyprint") else { return }
        let debian = WeasyPrintProgram(resolving: "/usr/bin/weasyprint")
        #expect(debian.executable.hasSuffix("python3") || debian.executable.contains("/python3."))
        #expect(debian.leadingArguments == ["-c", WeasyPrintProgram.launcher])
        let identity = try #require(debian.identity)
        #expect(identity.contains("weasyprint/__init__.py") && identity.contains("/usr/bin/weasyprint"))
    }
}
