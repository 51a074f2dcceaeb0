import Foundation
import IndstilTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A single rendered document says on every page that it is closed ("LUKKET – må ikke
/// offentliggøres", `status: lukket`) or unfinished ("UDKAST", the checks find errors):
/// the PDF's running header, every header of the DOCX (with and without a Word template),
/// the HTML's banner, and the workspace's downloads. A clean, open document says neither.
@Suite("Closed and draft documents marked on every page (end to end)")
struct DocumentMarkingTests {
    static let closed = ClosedMarkingTests.notice
    static let draft = "UDKAST"
    static let raadmand = "examples/aarhus-raadmand/status-praktikpladser.md"
    static let vesteraa = "examples/vesteraa/vintertjeneste-cykelstier.md"

    /// `text` (a document of a profile with `status` and `begrundelse`) made closed.
    static func closing(_ text: String) -> String {
        text.replacingOccurrences(of: "status: åben\n", with: "status: lukket\nbegrundelse: \"Personsag\"\n")
    }

    /// The closed rådmand example, long enough for four or more pages, and still without errors.
    static func longClosedRaadmand() throws -> String {
        let text = closing(try Fixtures.exampleText("aarhus-raadmand/status-praktikpladser.md"))
        let paragraph = "Ordningen er fulgt tæt. Eleverne har haft faste vejledere. Arbejdspladserne har meldt tilbage hver måned. "
            + "Der er ikke fundet problemer, som kræver en ændring. Vi følger op igen til sommer."
        let extra = (1...40).map { "\(paragraph) Dette er afsnit \($0)." }.joined(separator: "\n\n")
        let marked = text.replacingOccurrences(of: "# Sagsfremstilling\n\n", with: "# Sagsfremstilling\n\n\(extra)\n\n")
        #expect(marked != text && marked.contains("status: lukket"))
        return marked
    }

    /// Every header a DOCX's sections show, by type ("default", "first", "even"), with its text;
    /// and whether the page setup asks for a first page and even pages of their own.
    static func headers(_ docx: URL) throws -> (headers: [(type: String, text: String)], titlePage: Bool, evenAndOdd: Bool) {
        func part(_ name: String) throws -> String {
            try TestProcess.run("unzip", ["-p", docx.path, name]).requireSuccess().stdout
        }
        let document = try part("word/document.xml")
        let relationships = try part("word/_rels/document.xml.rels")
        let settings = try part("word/settings.xml")
        let sections = matches(#"<w:sectPr[ >].*?</w:sectPr>"#, in: document)
        #expect(!sections.isEmpty)
        var found: [(type: String, text: String)] = []
        for section in sections {
            for reference in matches(#"<w:headerReference [^>]*/>"#, in: section) {
                let type = try #require(attribute("w:type", in: reference))
                let id = try #require(attribute("r:id", in: reference))
                let relationship = try #require(matches(#"<Relationship [^>]*/>"#, in: relationships).first { attribute("Id", in: $0) == id })
                let target = try #require(attribute("Target", in: relationship))
                let xml = try part("word/" + target)
                let text = xml.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
                    .replacingOccurrences(of: "&amp;", with: "&")
                found.append((type, text))
            }
        }
        return (found, document.contains("<w:titlePg"), settings.contains("<w:evenAndOddHeaders"))
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        guard let expression = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else { return [] }
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { Range($0.range, in: text).map { String(text[$0]) } }
    }

    static func attribute(_ name: String, in tag: String) -> String? {
        guard let start = tag.range(of: " \(name)=\"") else { return nil }
        return tag[start.upperBound...].split(separator: "\"", maxSplits: 1).first.map(String.init)
    }

    /// Every page the DOCX's page setup shows has a header, and each says every one of `words`.
    static func expectEveryHeader(_ docx: URL, says words: [String], _ label: String) throws {
        let found = try headers(docx)
        var expectedTypes = ["default"]
        if found.titlePage { expectedTypes.append("first") }
        if found.evenAndOdd { expectedTypes.append("even") }
        for type in expectedTypes {
            #expect(found.headers.contains { $0.type == type }, "\(label): no \(type) header: \(found.headers)")
        }
        for header in found.headers {
            for word in words { #expect(header.text.contains(word), "\(label): the \(header.type) header lacks \(word): \(header.text)") }
        }
    }

    /// The errors `indstil check` finds in `path` (its summary line).
    static func errorCount(_ folder: TempFolder, _ path: String) throws -> Int {
        let check = try folder.run("check", path)
        let summary = try #require(check.stdout.split(separator: "\n").last { $0.contains("kontrolleret") })
        let words = summary.split(separator: " ")
        let index = try #require(words.firstIndex { $0.hasPrefix("fejl") })
        return try #require(Int(words[words.index(before: index)]))
    }

    @Test("A closed document: every PDF page says LUKKET in its running header, the HTML has the banner and noindex; no UDKAST, no warning")
    func closedDocumentIsMarkedOnEveryPage() throws {
        let folder = try TempFolder.withExamples()
        try folder.write("examples/aarhus-raadmand/lukket.md", try Self.longClosedRaadmand())
        let path = "examples/aarhus-raadmand/lukket.md"
        #expect(try Self.errorCount(folder, path) == 0)

        let pdf = try folder.run("render", "--to", "pdf", path, "-o", "ud/lukket.pdf", timeout: 180)
        #expect(pdf.status == 0, "\(pdf)")
        #expect(!pdf.stderr.contains("advarsel"), "\(pdf.stderr)")
        let pages = try ClosedMarkingTests.pages(folder.url.appendingPathComponent("ud/lukket.pdf"))
        #expect(pages.count >= 3, "the document should fill three pages or more: \(pages.count)")
        for (index, page) in pages.enumerated() {
            #expect(page.contains(Self.closed), "page \(index + 1) does not say \(Self.closed)")
            #expect(!page.contains(Self.draft), "page \(index + 1) says UDKAST")
        }

        let html = try folder.run("render", "--to", "html", path, "-o", "ud/lukket.html")
        #expect(html.status == 0, "\(html)")
        let page = try folder.read("ud/lukket.html")
        #expect(page.contains("<section class=\"markering\" aria-label=\"Dokumentets status\">\n<p class=\"markering-lukket\"><strong>\(Self.closed)</strong></p>"))
        #expect(page.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"))
        #expect(page.contains("@top-right { content: \"\(Self.closed)\""), "the print CSS has the running header")
        #expect(!page.contains(Self.draft))
        // The banner opens the page, before the letterhead and the title.
        let banner = try #require(page.range(of: "class=\"markering\""))
        #expect(banner.lowerBound < (page.range(of: "<h1>")?.lowerBound ?? page.startIndex))

        // The marking is not text of the document: the text "Antal tegn" is counted on does not show it.
        let text = try folder.run("render", "--to", "txt", path)
        #expect(text.status == 0 && !text.stdout.contains("LUKKET") && !text.stdout.contains("offentliggøres") && !text.stdout.contains(Self.draft))
    }

    @Test("A closed document's DOCX: every header of every section says LUKKET, with indstil's page and with Vesterå's Word template")
    func closedDocxHasTheMarkingInEveryHeader() throws {
        let folder = try TempFolder.withExamples()
        try folder.write("examples/aarhus-raadmand/lukket.md", Self.closing(try Fixtures.exampleText("aarhus-raadmand/status-praktikpladser.md")))
        try folder.write("examples/vesteraa/lukket.md", Self.closing(try Fixtures.exampleText("vesteraa/vintertjeneste-cykelstier.md")))
        for (path, label) in [("examples/aarhus-raadmand/lukket.md", "own page"), ("examples/vesteraa/lukket.md", "Vesterå template")] {
            #expect(try folder.read(path).contains("status: lukket"))
            let result = try folder.run("render", "--to", "docx", path, "-o", "ud/\(label).docx", timeout: 60)
            #expect(result.status == 0, "\(result)")
            #expect(!result.stderr.contains("advarsel"), "\(label): \(result.stderr)")
            let docx = folder.url.appendingPathComponent("ud/\(label).docx")
            try Self.expectEveryHeader(docx, says: [Self.closed], label)
            #expect(try !Self.headers(docx).headers.contains { $0.text.contains(Self.draft) })
        }
        // Vesterå's template brings its own headers: they are kept, the marking added to them.
        let vesteraa = try Self.headers(folder.url.appendingPathComponent("ud/Vesterå template.docx"))
        #expect(vesteraa.headers.contains { $0.text.contains(Self.closed) && $0.text.count > Self.closed.count + 5 }, "\(vesteraa.headers)")
    }

    @Test("A Word template with a different first page and even pages but only a default header: first and even pages get the marking too")
    func aTemplateWithoutFirstAndEvenHeadersGetsThem() throws {
        let folder = try TempFolder.withExamples()
        let profileFolder = "examples/vesteraa/profiles/vesteraa-byraad"
        // The template's page setup rewritten: a title page and even pages, its own headers dropped but the default.
        let template = folder.url.appendingPathComponent("\(profileFolder)/skabelon.dotx")
        let work = try TempFolder("template")
        _ = try TestProcess.run("unzip", ["-q", template.path, "-d", work.url.path]).requireSuccess()
        let documentURL = work.url.appendingPathComponent("word/document.xml")
        var document = try String(contentsOf: documentURL, encoding: .utf8)
        let sectPr = try #require(Self.matches(#"<w:sectPr[ >].*?</w:sectPr>"#, in: document).last)
        var rewritten = sectPr.replacingOccurrences(of: #"<w:headerReference w:type="(first|even)"[^>]*/>"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: "<w:titlePg/>", with: "")
        rewritten = rewritten.replacingOccurrences(of: "</w:sectPr>", with: "<w:titlePg/></w:sectPr>")
        document = document.replacingOccurrences(of: sectPr, with: rewritten)
        try document.write(to: documentURL, atomically: true, encoding: .utf8)
        let settingsURL = work.url.appendingPathComponent("word/settings.xml")
        let settings = try String(contentsOf: settingsURL, encoding: .utf8)
        if !settings.contains("<w:evenAndOddHeaders") {
            let root = try #require(settings.range(of: "<w:settings"))
            let close = try #require(settings[root.upperBound...].firstIndex(of: ">"))
            var edited = settings
            edited.insert(contentsOf: "<w:evenAndOddHeaders/>", at: edited.index(after: close))
            try edited.write(to: settingsURL, atomically: true, encoding: .utf8)
        }
        try FileManager.default.removeItem(at: template)
        _ = try TestProcess.run("zip", ["-q", "-r", "-X", template.path, "."], in: work.url).requireSuccess()

        try folder.write("examples/vesteraa/lukket.md", Self.closing(try Fixtures.exampleText("vesteraa/vintertjeneste-cykelstier.md")))
        let result = try folder.run("render", "--to", "docx", "examples/vesteraa/lukket.md", "-o", "ud/lukket.docx", timeout: 60)
        #expect(result.status == 0, "\(result)")
        let docx = folder.url.appendingPathComponent("ud/lukket.docx")
        let found = try Self.headers(docx)
        #expect(found.titlePage && found.evenAndOdd)
        #expect(Set(found.headers.map(\.type)) == ["default", "first", "even"], "\(found.headers)")
        try Self.expectEveryHeader(docx, says: [Self.closed], "rewritten template")
    }

    @Test("A fresh skeleton: UDKAST on every PDF page, in the DOCX header and the HTML banner, a warning on stderr; --strict refuses it")
    func aSkeletonIsADraft() throws {
        let project = try TempFolder()
        try project.write("indstil.yml", "# projekt\n")
        #expect(try project.run("new", "indstilling", "sag.md").status == 0)
        let errors = try Self.errorCount(project, "sag.md")
        #expect(errors > 5)
        let warning = "indstil: advarsel: sag.md har \(errors) fejl og er sat som UDKAST; ret dem med »indstil check sag.md«"

        let pdf = try project.run("render", "--to", "pdf", "sag.md", "-o", "ud/sag.pdf", timeout: 180)
        #expect(pdf.status == 0, "\(pdf)")
        #expect(pdf.stderr.contains(warning), "\(pdf.stderr)")
        let pages = try ClosedMarkingTests.pages(project.url.appendingPathComponent("ud/sag.pdf"))
        #expect(pages.count >= 2)
        for (index, page) in pages.enumerated() {
            #expect(page.contains(Self.draft), "page \(index + 1) does not say UDKAST")
            #expect(!page.contains("LUKKET"), "page \(index + 1) says LUKKET")
        }

        let docx = try project.run("render", "--to", "docx", "sag.md", "-o", "ud/sag.docx", timeout: 60)
        #expect(docx.status == 0 && docx.stderr.contains(warning), "\(docx)")
        try Self.expectEveryHeader(project.url.appendingPathComponent("ud/sag.docx"), says: [Self.draft], "skeleton")

        let html = try project.run("render", "--to", "html", "sag.md")
        #expect(html.status == 0 && html.stderr.contains(warning), "\(html.stderr)")
        #expect(html.stdout.contains("<p class=\"markering-udkast\"><strong>UDKAST</strong> – dokumentet har \(errors) fejl og er ikke færdigt</p>"))
        #expect(!html.stdout.contains("LUKKET") && !html.stdout.contains("noindex"))

        // The text "Antal tegn" is counted on is not marked, and says nothing on stderr.
        let text = try project.run("render", "--to", "txt", "sag.md")
        #expect(text.status == 0 && !text.stdout.contains(Self.draft) && text.stderr.isEmpty, "\(text)")

        for format in ["pdf", "docx", "html", "txt", "md"] {
            let strict = try project.run("render", "--strict", "--to", format, "sag.md", "-o", "streng/sag.\(format)", timeout: 60)
            #expect(strict.status == 1, "\(format): \(strict)")
            #expect(strict.stderr.contains("sag.md har \(errors) fejl; med --strict gengives det ikke"), "\(strict.stderr)")
            #expect(!project.exists("streng/sag.\(format)") && !project.exists("streng"))
        }
        // Many files: the draft is refused, the clean one written.
        try project.write("ren.md", RenderCommandTests.fillIn(try project.read("sag.md")))
        try project.write("bilag/lokaler.md", "# Lokaler\n\nTolv lokaler.\n")
        #expect(try Self.errorCount(project, "ren.md") == 0)
        let many = try project.run("render", "--strict", "--to", "html", "sag.md", "ren.md", "-o", "mange", timeout: 60)
        #expect(many.status == 1, "\(many)")
        #expect(project.exists("mange/ren.html") && !project.exists("mange/sag.html"))
        let manyWarned = try project.run("render", "--to", "html", "sag.md", "ren.md", "-o", "mange2", timeout: 60)
        #expect(manyWarned.status == 0 && manyWarned.stderr.contains(warning) && !manyWarned.stderr.contains("ren.md har"), "\(manyWarned)")
    }

    @Test("A closed document with errors says both UDKAST and LUKKET on every page")
    func closedDraftSaysBoth() throws {
        let project = try TempFolder()
        try project.write("indstil.yml", "# projekt\n")
        #expect(try project.run("new", "indstilling", "sag.md").status == 0)
        let skeleton = try project.read("sag.md")
        let closed = skeleton.replacingOccurrences(of: #"status: "[…]""#, with: "status: lukket")
            .replacingOccurrences(of: "status: åben", with: "status: lukket")
        #expect(closed.contains("status: lukket"), "\(skeleton.prefix(800))")
        try project.write("sag.md", closed)
        #expect(try Self.errorCount(project, "sag.md") > 0)
        let pdf = try project.run("render", "--to", "pdf", "sag.md", "-o", "ud/sag.pdf", timeout: 180)
        #expect(pdf.status == 0 && pdf.stderr.contains("er sat som UDKAST"), "\(pdf)")
        for (index, page) in try ClosedMarkingTests.pages(project.url.appendingPathComponent("ud/sag.pdf")).enumerated() {
            #expect(page.contains(Self.draft) && page.contains(Self.closed), "page \(index + 1): \(page.prefix(200))")
        }
        let docx = try project.run("render", "--to", "docx", "sag.md", "-o", "ud/sag.docx", timeout: 60)
        #expect(docx.status == 0)
        try Self.expectEveryHeader(project.url.appendingPathComponent("ud/sag.docx"), says: [Self.draft, Self.closed], "closed draft")
        let html = try project.run("render", "--to", "html", "sag.md")
        #expect(html.stdout.contains("markering-udkast") && html.stdout.contains("markering-lukket"))
    }

    @Test("The shipped examples are clean and open: their renderings say neither UDKAST nor LUKKET, and nothing on stderr")
    func cleanExamplesAreNotMarked() throws {
        let folder = try TempFolder.withExamples()
        let documents = Fixtures.allDocuments.map { "examples/\($0)" } + [Self.vesteraa, "examples/randers/aabningstider-borgerservice.md"]
        for path in documents {
            #expect(try Self.errorCount(folder, path) == 0, "\(path) has errors")
            let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            for format in ["html", "docx", "pdf"] {
                let result = try folder.run("render", "--strict", "--to", format, path, "-o", "ud/\(name).\(format)", timeout: 180)
                #expect(result.status == 0, "\(path) \(format): \(result)")
                #expect(!result.stderr.contains("advarsel"), "\(path): \(result.stderr)")
            }
            let html = try folder.read("ud/\(name).html")
            #expect(!html.contains(Self.draft) && !html.contains("LUKKET") && !html.contains("markering") && !html.contains("noindex"), "\(path)")
            for page in try ClosedMarkingTests.pages(folder.url.appendingPathComponent("ud/\(name).pdf")) {
                #expect(!page.contains(Self.draft) && !page.contains("LUKKET"), "\(path): \(page.prefix(200))")
            }
            let docx = folder.url.appendingPathComponent("ud/\(name).docx")
            let all = try TestProcess.run("unzip", ["-p", docx.path]).requireSuccess().stdout
            #expect(!all.contains(Self.draft) && !all.contains("LUKKET"), "\(path)")
        }
    }

    @Test("The workspace's Hent PDF/DOCX marks as render does: a closed document and a skeleton")
    func workspaceDownloadsAreMarked() throws {
        let folder = try TempFolder.withExamples()
        try folder.write("examples/aarhus-raadmand/lukket.md", Self.closing(try Fixtures.exampleText("aarhus-raadmand/status-praktikpladser.md")))
        let created = try folder.run("new", "indstilling", "examples/udkast.md")
        #expect(created.status == 0, "\(created)")
        guard let binary = CLI.binary else { throw CLI.NotFound() }
        let server = try RunningProcess(binary, ["serve", "examples", "--port", "0"], in: folder.url)
        defer { server.send(SIGTERM); _ = server.wait(timeout: 10) }
        let line = try #require(server.waitForOutputLine(containing: "http://127.0.0.1:", timeout: 60))
        let start = try #require(ServeStartLine(line), "\(line)")
        let port = start.port, access: [String: String?] = ["X-Indstil-Token": start.token]

        for (path, words, absent) in [("aarhus-raadmand/lukket.md", [Self.closed], Self.draft), ("udkast.md", [Self.draft], "LUKKET")] {
            let pdf = try RawHTTP.exchange(port: port, "GET", "/api/render/pdf/\(path)", headers: access, timeout: 180)
            #expect(pdf.status == 200, "\(pdf.text.prefix(300))")
            let pdfFile = try folder.write("hentet/\(path).pdf", data: pdf.body)
            for (index, page) in try ClosedMarkingTests.pages(pdfFile).enumerated() {
                for word in words { #expect(page.contains(word), "\(path) page \(index + 1) lacks \(word)") }
                #expect(!page.contains(absent), "\(path) page \(index + 1) says \(absent)")
            }
            let docx = try RawHTTP.exchange(port: port, "GET", "/api/render/docx/\(path)", headers: access, timeout: 60)
            #expect(docx.status == 200)
            let docxFile = try folder.write("hentet/\(path).docx", data: docx.body)
            try Self.expectEveryHeader(docxFile, says: words, "download of \(path)")
        }
    }
}
