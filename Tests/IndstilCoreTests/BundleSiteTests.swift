import Foundation
import Testing
@testable import IndstilCore
@testable import IndstilSupport
@testable import IndstilDocument
@testable import IndstilChecks
@testable import IndstilRender
@testable import IndstilWorkspace
@testable import IndstilPackets

/// `PacketSite`: the static website of a betænkning bundle (CONTRACT §2 cross-references, §5 output).
@Suite struct BundleSiteTests {
    static let packageRoot = TestPackage.root
    static let generator = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/bench/gen_corpus.py")

    // MARK: - A small bundle: 2 chapters, 3 Markdown appendices, 1 PDF

    static func appendix(title: String, id: String, extra: String) -> String {
        TestBundleFiles.appendix(title: title, id: id, beslutningstager: "Det nuværende byråd", extra: extra)
    }

    /// A minimal, valid one-page PDF (offsets in the xref table computed, not guessed).
    static func minimalPDF() -> Data {
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length 44 >>\nstream\nBT /F1 18 Tf 72 760 Td (Spoergeskema) Tj ET\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        var pdf = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(pdf.utf8.count)
            pdf += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = pdf.utf8.count
        pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { pdf += String(repeating: "0", count: 10 - String(offset).count) + "\(offset) 00000 n \n" }
        pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(pdf.utf8)
    }

    /// Writes the bundle into a fresh project and returns its manifest.
    static func writeSmallBundle(_ project: TestProject) throws -> URL {
        try project.write("bilag/kapitel-1/intro.md", """
            # Kapitel 1

            Kapitlet handler om mødebelastning. Se især [](bilag:moedetid) og [](kapitel:2).

            ## Hvad kapitlet viser

            Tallene er fra 2025.
            """)
        try project.write("bilag/kapitel-2/intro.md", "Kapitlet handler om delegation, jf. [](bilag:delegation).\n")
        try project.write("bilag/kapitel-1/moedetid.md", appendix(
            title: "Opgørelse af mødetiden", id: "moedetid",
            extra: "Spørgeskemaet er [](bilag:skema). Delegation: [se her](bilag:delegation)."))
        try project.write("bilag/kapitel-1/sager.md", appendix(
            title: "Sagsfremstillinger & <bilag>", id: "sager",
            extra: "Tallene står i [](bilag:moedetid), og mere om delegation i [](kapitel:2)."))
        try project.write("bilag/kapitel-2/delegation.md", appendix(
            title: "Delegation af sager", id: "delegation",
            extra: "Se [](bilag:moedetid) og [](kapitel:1). En ekstern kilde: [KL](https://www.kl.dk)."))
        let pdf = project.root.appendingPathComponent("bilag/kapitel-1/Spørgeskema (endelig).pdf")
        try minimalPDF().write(to: pdf)
        return try project.write("bilag/bundle.yml", """
            type: betaenkning
            titel: "Bilagsmateriale om byrådets arbejdsvilkår"
            kapitler:
              - titel: "Mødebelastning"
                intro: kapitel-1/intro.md
                bilag:
                  - fil: kapitel-1/moedetid.md
                  - fil: kapitel-1/sager.md
                  - id: skema
                    fil: "kapitel-1/Spørgeskema (endelig).pdf"
                    titel: "Spørgeskema til medlemmerne"
              - titel: "Delegation"
                intro: kapitel-2/intro.md
                bilag:
                  - fil: kapitel-2/delegation.md

            """)
    }

    static func assemble(_ manifest: URL) throws -> ResolvedBundle {
        try TestBundleFiles.assemble(manifest)
    }

    // MARK: - Helpers on a written site

    /// Every file in the site by its path relative to the site folder.
    static func files(_ folder: URL) throws -> [String: Data] {
        var found: [String: Data] = [:]
        let base = folder.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        for case let url as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) ?? FileManager.DirectoryEnumerator() {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            found[String(path.dropFirst(base.count))] = try Data(contentsOf: url)
        }
        return found
    }

    static func hrefs(_ html: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: #"href="([^"]*)""#)
        return regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap {
            Range($0.range(at: 1), in: html).map { String(html[$0]) }
        }
    }

    /// Every href of every page that does not name a file of the site ("page: href").
    static func deadLinks(_ files: [String: Data]) -> [String] {
        var dead: [String] = []
        for (path, data) in files.sorted(by: { $0.key < $1.key }) where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            for raw in hrefs(html) {
                let href = raw.replacingOccurrences(of: "&amp;", with: "&")
                let lower = href.lowercased()
                if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:") { continue }
                let parts = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let file = parts[0].removingPercentEncoding ?? parts[0]
                if file.isEmpty {
                    // An in-page anchor: the id must exist on the page.
                    if parts.count < 2 || !html.contains("id=\"\(parts[1])\"") { dead.append("\(path): \(raw)") }
                } else if files[file] == nil {
                    dead.append("\(path): \(raw)")
                }
            }
        }
        return dead
    }

    // MARK: - Tests

    @Test func smallBundleGivesACompleteLinkedSite() throws {
        let project = try TestProject()
        defer { project.remove() }
        let bundle = try Self.assemble(try Self.writeSmallBundle(project))
        let temporary = try TempFolder("site")
        defer { temporary.remove() }
        let output = temporary.url("output")
        let messages = Messages()
        try PacketSite.write(bundle, to: output, progress: { messages.append($0.message) })

        let files = try Self.files(output)
        #expect(Set(files.keys) == ["index.html", "style.css", "kapitel-1.html", "kapitel-2.html", "b1-1.html", "b1-2.html",
                                    "b2-1.html", "bilag/B1.3-Spoergeskema-endelig.pdf"], "\(files.keys.sorted())")
        let page = { (name: String) in String(decoding: files[name] ?? Data(), as: UTF8.self) }

        // The bilagsfortegnelse: every chapter and appendix with its number, linked, nested.
        let index = page("index.html")
        #expect(index.contains("<a class=\"kapitel\" href=\"kapitel-1.html\"><span class=\"nr\">Kapitel 1</span> <span class=\"titel\">Mødebelastning</span></a>"))
        #expect(index.contains("<a class=\"kapitel\" href=\"kapitel-2.html\"><span class=\"nr\">Kapitel 2</span> <span class=\"titel\">Delegation</span></a>"))
        #expect(index.contains("<a href=\"b1-1.html\"><span class=\"nr\">B1.1</span> <span class=\"titel\">Opgørelse af mødetiden</span></a>"))
        #expect(index.contains("<a href=\"b1-2.html\"><span class=\"nr\">B1.2</span> <span class=\"titel\">Sagsfremstillinger &amp; &lt;bilag&gt;</span></a>"))
        #expect(index.contains("<a href=\"b2-1.html\"><span class=\"nr\">B2.1</span> <span class=\"titel\">Delegation af sager</span></a>"))
        #expect(index.contains("<a href=\"bilag/B1.3-Spoergeskema-endelig.pdf\"><span class=\"nr\">B1.3</span> <span class=\"titel\">Spørgeskema til medlemmerne</span></a> <span class=\"filinfo\">(PDF, "))
        #expect(!index.contains("<bilag>"), "titles are escaped")
        // Chapter 1's appendices are nested under chapter 1, before chapter 2.
        let chapter1 = try #require(index.range(of: "kapitel-1.html\"><span")).lowerBound
        let chapter2 = try #require(index.range(of: "kapitel-2.html\"><span")).lowerBound
        let b12 = try #require(index.range(of: "href=\"b1-2.html\"")).lowerBound
        #expect(chapter1 < b12 && b12 < chapter2)

        // Every link of every page resolves to a file of the site.
        let dead = Self.deadLinks(files)
        #expect(dead.isEmpty, "\(dead)")

        // Navigation on every page, with the index link; one h1 per page; Danish.
        for name in files.keys where name.hasSuffix(".html") {
            let html = page(name)
            #expect(html.contains("<html lang=\"da\">"), "\(name)")
            #expect(html.contains("<nav class=\"navigation\" aria-label=\"Navigation\">"), "\(name)")
            #expect(html.contains("<a class=\"til-fortegnelse\" href=\"index.html\""), "\(name)")
            #expect(html.components(separatedBy: "<h1").count == 2, "\(name) needs exactly one h1")
            #expect(html.contains("<link rel=\"stylesheet\" href=\"style.css\">"), "\(name)")
        }
        // Reading order: index → kapitel-1 → b1-1 → b1-2 → kapitel-2 → b2-1 (the PDF has no page).
        let order = ["index.html", "kapitel-1.html", "b1-1.html", "b1-2.html", "kapitel-2.html", "b2-1.html"]
        for (position, name) in order.enumerated() {
            let html = page(name)
            if position > 0 { #expect(html.contains("rel=\"prev\" href=\"\(order[position - 1])\""), "\(name)") } else { #expect(!html.contains("rel=\"prev\""), "\(name)") }
            if position + 1 < order.count { #expect(html.contains("rel=\"next\" href=\"\(order[position + 1])\""), "\(name)") } else { #expect(!html.contains("rel=\"next\""), "\(name)") }
        }
        #expect(page("b1-2.html").contains("<a class=\"til-kapitel\" href=\"kapitel-1.html\""))
        #expect(page("b2-1.html").contains("<a class=\"til-kapitel\" href=\"kapitel-2.html\""))

        // Cross-references: numbered and titled when empty, the author's text otherwise.
        let b11 = page("b1-1.html")
        #expect(b11.contains("<a href=\"bilag/B1.3-Spoergeskema-endelig.pdf\">B1.3 Spørgeskema til medlemmerne</a>"))
        #expect(b11.contains("<a href=\"b2-1.html\">se her</a>"))
        let b12Page = page("b1-2.html")
        #expect(b12Page.contains("<a href=\"b1-1.html\">B1.1 Opgørelse af mødetiden</a>"))
        #expect(b12Page.contains("<a href=\"kapitel-2.html\">Kapitel 2: Delegation</a>"))
        let b21 = page("b2-1.html")
        #expect(b21.contains("<a href=\"kapitel-1.html\">Kapitel 1: Mødebelastning</a>"))
        #expect(b21.contains("<a href=\"https://www.kl.dk\">KL</a>"))
        #expect(!files.values.contains { String(decoding: $0, as: UTF8.self).contains("bilag:") }, "no raw bilag: link left")

        // The appendix page: number and title as h1, beslutningstager, the front card's sections as h2.
        #expect(b11.contains("<h1><span class=\"nr\">B1.1</span> Opgørelse af mødetiden</h1>"))
        #expect(b11.contains("<dt>Beslutningstager</dt><dd>Det nuværende byråd</dd>"))
        for heading in ["Formål", "Opsummering", "Anbefalinger", "Videre forløb", "Baggrund"] {
            #expect(b11.contains(">\(heading)</h2>"), "\(heading)")
        }
        #expect(b11.contains("<title>B1.1 Opgørelse af mødetiden – Bilagsmateriale om byrådets arbejdsvilkår</title>"))

        // The chapter page: title, the intro (its "# Kapitel 1" not repeated), its appendices with the PDF's type.
        let k1 = page("kapitel-1.html")
        #expect(k1.contains("<h1><span class=\"nr\">Kapitel 1:</span> Mødebelastning</h1>"))
        #expect(k1.contains("Kapitlet handler om mødebelastning. Se især <a href=\"b1-1.html\">B1.1 Opgørelse af mødetiden</a> og <a href=\"kapitel-2.html\">Kapitel 2: Delegation</a>."))
        #expect(k1.contains("<h2>Hvad kapitlet viser</h2>"), "the intro's ## follows the h1 as h2")
        #expect(!k1.contains(">Kapitel 1</h"), "the intro's own \"# Kapitel 1\" is not repeated")
        #expect(k1.contains("(PDF, "))
        let headingLevels = Self.headingLevels(k1)
        #expect(zip(headingLevels, headingLevels.dropFirst()).allSatisfy { $1 <= $0 + 1 }, "skipped heading level: \(headingLevels)")

        // The attachment is a byte-for-byte copy.
        #expect(files["bilag/B1.3-Spoergeskema-endelig.pdf"] == Self.minimalPDF())

        // The stylesheet is the house style plus the bundle's rules.
        let css = String(decoding: files["style.css"] ?? Data(), as: UTF8.self)
        #expect(css.contains("--blaa") && css.contains(".bilagsliste"))

        // Progress at the end.
        #expect(messages.all.last == "Bilag 4/4: B2.1 Delegation af sager", "\(messages.all)")
    }

    static func headingLevels(_ html: String) -> [Int] {
        let regex = try! NSRegularExpression(pattern: "<h([1-6])[ >]")
        return regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap {
            Range($0.range(at: 1), in: html).flatMap { Int(html[$0]) }
        }
    }

    @Test func rebuildingGivesIdenticalBytesAndReplacesTheOldSite() throws {
        let project = try TestProject()
        defer { project.remove() }
        let bundle = try Self.assemble(try Self.writeSmallBundle(project))
        let temporary = try TempFolder("site")
        defer { temporary.remove() }
        let first = temporary.url("first")
        let second = temporary.url("second")
        try PacketSite.write(bundle, to: first, progress: { _ in })
        let firstFiles = try Self.files(first)
        try PacketSite.write(bundle, to: second, progress: { _ in })
        #expect(try Self.files(second) == firstFiles)
        // Over an existing site: replaced, same bytes, nothing stale, no temporary folder left.
        try Data("stale".utf8).write(to: first.appendingPathComponent("gammel.html"))
        try PacketSite.write(bundle, to: first, progress: { _ in })
        #expect(try Self.files(first) == firstFiles)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: first.deletingLastPathComponent().path)
        #expect(!siblings.contains { $0.hasPrefix(first.lastPathComponent + ".") }, "\(siblings.filter { $0.hasPrefix(first.lastPathComponent) })")
    }

    @Test func aFolderThatIsNotASiteIsNeverReplaced() throws {
        let project = try TestProject()
        defer { project.remove() }
        let bundle = try Self.assemble(try Self.writeSmallBundle(project))
        let temporary = try TempFolder("site")
        defer { temporary.remove() }
        let output = temporary.url("output")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: output.appendingPathComponent("noter.txt"))
        #expect(throws: PacketFailure.self) { try PacketSite.write(bundle, to: output, progress: { _ in }) }
        #expect(try Self.files(output) == ["noter.txt": Data("mine".utf8)])
    }

    @Test func aFailedBuildLeavesTheOldSiteAndNoTemporaryFolder() throws {
        let project = try TestProject()
        defer { project.remove() }
        let manifest = try Self.writeSmallBundle(project)
        let bundle = try Self.assemble(manifest)
        let temporary = try TempFolder("site")
        defer { temporary.remove() }
        let output = temporary.url("output")
        try PacketSite.write(bundle, to: output, progress: { _ in })
        let before = try Self.files(output)
        // The PDF disappears between assembling and writing: the copy fails.
        try FileManager.default.removeItem(at: manifest.deletingLastPathComponent().appendingPathComponent("kapitel-1/Spørgeskema (endelig).pdf"))
        #expect(throws: PacketFailure.self) { try PacketSite.write(bundle, to: output, progress: { _ in }) }
        #expect(try Self.files(output) == before)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
        #expect(!siblings.contains { $0.hasPrefix(output.lastPathComponent + ".tmp-") })
    }

    @Test func pageNamesAreSafeAndUnique() throws {
        #expect(Slug.of("B2.3") == "b2-3")
        #expect(Slug.of("Bilag 1.2 (udkast)") == "bilag-1-2-udkast")
        #expect(Slug.of("Ø1") == "oe1")
        #expect(SiteNames.fileName("Spørgeskema (endelig).PDF") == "Spoergeskema-endelig.pdf")
        #expect(SiteNames.fileName("../../etc/passwd") == "passwd")
        #expect(SiteNames.fileSize(120 * 1024) == "120 KB")
        #expect(SiteNames.fileSize(1_500_000) == "1,4 MB")
        #expect(SiteNames.fileType("docx") == "Word")

        // "Bilag {nr}" numbers repeat per chapter: the second page gets its id added.
        let project = try TestProject()
        defer { project.remove() }
        try project.write("b/a.md", Self.appendix(title: "Første", id: "a", extra: "Se [](bilag:b)."))
        try project.write("b/b.md", Self.appendix(title: "Andet", id: "b", extra: "Se [](bilag:a)."))
        let manifest = try project.write("b/bundle.yml", """
            type: betaenkning
            titel: "Gentagne numre"
            nummerering: "Bilag {nr}"
            kapitler:
              - titel: "Et"
                bilag:
                  - fil: a.md
              - titel: "To"
                bilag:
                  - fil: b.md

            """)
        let bundle = try Self.assemble(manifest)
        let temporary = try TempFolder("site")
        defer { temporary.remove() }
        let output = temporary.url("output")
        try PacketSite.write(bundle, to: output, progress: { _ in })
        let files = try Self.files(output)
        #expect(files["bilag-1.html"] != nil && files["bilag-1-b.html"] != nil, "\(files.keys.sorted())")
        #expect(Self.deadLinks(files).isEmpty, "\(Self.deadLinks(files))")
        #expect(String(decoding: files["bilag-1.html"]!, as: UTF8.self).contains("<a href=\"bilag-1-b.html\">Bilag 1 Andet</a>"))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: generator.path), "needs shared/bench/gen_corpus.py beside the package"))
    func generatedCorpusBundleBuildsQuicklyWithEveryLinkResolved() throws {
        let temporary = try TempFolder("site")
        defer { temporary.remove() }
        let out = temporary.url("out")
        let generated = try TestProcess.run("python3", [Self.generator.path, out.path, "--docs", "1", "--appendices", "40"])
        try #require(generated.status == 0, "\(generated)")

        let bundle = try Self.assemble(out.appendingPathComponent("bundle/bundle.yml"))
        #expect(bundle.appendices.count == 40)
        let site = out.appendingPathComponent("site")
        let messages = Messages()
        let clock = ContinuousClock()
        let elapsed = try clock.measure { try PacketSite.write(bundle, to: site, progress: { messages.append($0.message) }) }
        #expect(elapsed < .seconds(5), "site written in \(elapsed)")

        let files = try Self.files(site)
        #expect(files.keys.filter { $0.hasSuffix(".html") }.count == 1 + 4 + 40)
        #expect(Self.deadLinks(files).isEmpty, "\(Self.deadLinks(files).prefix(10))")
        let index = String(decoding: files["index.html"] ?? Data(), as: UTF8.self)
        for appendix in bundle.appendices {
            #expect(index.contains("<span class=\"nr\">\(appendix.number)</span>"), "\(appendix.number)")
        }
        #expect(messages.all == ["Bilag 25/40: B3.5 \(bundle.appendices[24].title)", "Bilag 40/40: B4.10 \(bundle.appendices[39].title)"], "\(messages.all)")
    }
}

/// Progress messages collected from a `@Sendable` closure.
final class Messages: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []

    func append(_ message: String) {
        lock.lock()
        messages.append(message)
        lock.unlock()
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return messages
    }
}
