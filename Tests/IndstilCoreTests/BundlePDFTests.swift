import Foundation
import Testing
@testable import IndstilCore
@testable import IndstilSupport
@testable import IndstilDocument
@testable import IndstilChecks
@testable import IndstilRender
@testable import IndstilWorkspace
@testable import IndstilPackets

/// `PacketPDF`: a betænkning bundle as one PDF (CONTRACT §5 `--to pdf`), checked with
/// the real tools: WeasyPrint sets it, qpdf merges, pdfinfo/pdftotext/qpdf read it back.
@Suite struct BundlePDFTests {
    // MARK: - The bundle: 2 chapters, 3 Markdown appendices, one 2-page PDF attachment

    static func appendix(title: String, id: String, beslutningstager: String, extra: String) -> String {
        TestBundleFiles.appendix(title: title, id: id, beslutningstager: beslutningstager, extra: extra)
    }

    static let titles = (
        moedetid: "Opgørelse af mødetiden",
        analyse: "Organisationsanalyse",
        sager: "Sagsfremstillinger & <bilag>",
        delegation: "Delegation af sager")

    /// A landscape 2-page PDF with its own bookmarks, one of them PowerPoint's "Default Section".
    static func attachmentPDF(in project: TestProject) throws -> URL {
        let html = try project.write("kilde/analyse.html", """
            <!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>Analyse</title>
            <style>@page { size: A4 landscape; } h2.ny { break-before: page; }</style></head>
            <body><h1>Default Section</h1><h2>Indledning</h2><p>ANALYSE SIDE ET</p>
            <h2 class="ny">Resultater</h2><p>ANALYSE SIDE TO</p></body></html>
            """)
        let pdf = project.root.appendingPathComponent("bilag/kapitel-1/analyse.pdf")
        try FileManager.default.createDirectory(at: pdf.deletingLastPathComponent(), withIntermediateDirectories: true)
        let result = try Self.run("weasyprint", ["--quiet", html.path, pdf.path])
        try #require(result.status == 0, "weasyprint could not make the attachment")
        return pdf
    }

    static func writeBundle(_ project: TestProject, attachment: Bool = true) throws -> URL {
        try project.write("bilag/kapitel-1/intro.md", """
            # Om kapitlet

            Kapitlet handler om mødebelastning. Se især [](bilag:moedetid) og [](kapitel:2).
            """)
        try project.write("bilag/kapitel-2/intro.md", "Kapitlet handler om delegation, jf. [](bilag:delegation).\n")
        try project.write("bilag/kapitel-1/moedetid.md", appendix(
            title: titles.moedetid, id: "moedetid", beslutningstager: "Det nuværende byråd",
            extra: "Tallene uddybes i [](bilag:sager).\(attachment ? " Analysen: [](bilag:analyse)." : "") Delegation: [se her](bilag:delegation)."))
        try project.write("bilag/kapitel-1/sager.md", appendix(
            title: titles.sager, id: "sager", beslutningstager: "Det kommende byråd",
            extra: "Tallene står i [](bilag:moedetid), og mere om delegation i [](kapitel:2)."))
        try project.write("bilag/kapitel-2/delegation.md", appendix(
            title: titles.delegation, id: "delegation", beslutningstager: "Gruppeformandskredsen",
            extra: "Se [](bilag:moedetid) og [](kapitel:1). En ekstern kilde: [KL](https://www.kl.dk)."))
        var attachmentEntry = ""
        if attachment {
            _ = try attachmentPDF(in: project)
            attachmentEntry = """

                      - id: analyse
                        fil: kapitel-1/analyse.pdf
                        titel: "\(titles.analyse)"
                """
        }
        return try project.write("bilag/bundle.yml", """
            type: betaenkning
            titel: "Bilagsmateriale om byrådets arbejdsvilkår"
            kapitler:
              - titel: "Mødebelastning"
                intro: kapitel-1/intro.md
                bilag:
                  - fil: kapitel-1/moedetid.md\(attachmentEntry)
                  - fil: kapitel-1/sager.md
              - titel: "Delegation"
                intro: kapitel-2/intro.md
                bilag:
                  - fil: kapitel-2/delegation.md

            """)
    }

    static func assemble(_ manifest: URL) throws -> ResolvedBundle {
        try TestBundleFiles.assemble(manifest)
    }

    static func requireTools() throws {
        for tool in ["weasyprint", "qpdf", "pdftotext", "pdfinfo"] {
            try #require(ExternalProgram.find(tool) != nil, "\(tool) is missing: run `make deps`")
        }
    }

    // MARK: - Reading a PDF back

    static func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, stdout: String) {
        let result = try TestProcess.run(program, arguments)
        return (result.status, result.stdout)
    }

    /// The text of every page, 1-based through index + 1.
    static func pageTexts(_ pdf: URL) throws -> [String] {
        let text = try run("pdftotext", ["-layout", pdf.path, "-"]).stdout
        var pages = text.components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        return pages
    }

    static func json(_ pdf: URL, keys: [String]) throws -> [String: Any] {
        let output = try run("qpdf", ["--json=2"] + keys.map { "--json-key=\($0)" } + [pdf.path]).stdout
        return try #require(JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    }

    struct Bookmark {
        let title: String
        let page: Int?
        let kids: [Bookmark]

        init(_ json: [String: Any]) {
            title = json["title"] as? String ?? ""
            page = json["destpageposfrom1"] as? Int
            kids = (json["kids"] as? [[String: Any]] ?? []).map(Bookmark.init)
        }

        var all: [Bookmark] { [self] + kids.flatMap(\.all) }
    }

    static func bookmarks(_ pdf: URL) throws -> [Bookmark] {
        (try json(pdf, keys: ["outlines"])["outlines"] as? [[String: Any]] ?? []).map(Bookmark.init)
    }

    /// Whitespace (line breaks included) folded to single spaces, trimmed.
    static func flat(_ text: String) -> String {
        text.replacing(/\s+/, with: " ").trimmingCharacters(in: .whitespaces)
    }

    /// "side 3 af 12" at a page's foot, if any.
    static func footer(_ text: String) -> (page: Int, of: Int)? {
        guard let match = text.firstMatch(of: /side (\d+) af (\d+)/), let page = Int(match.1), let total = Int(match.2) else { return nil }
        return (page, total)
    }

    // MARK: - Tests

    @Test func bundleIsOnePDFWithBookmarksPageNumbersAndTheAttachmentInPlace() throws {
        try Self.requireTools()
        let project = try TestProject()
        defer { project.remove() }
        let bundle = try Self.assemble(Self.writeBundle(project))
        let output = project.root.appendingPathComponent("ud/bilagsmateriale.pdf")
        let messages = BundlePDFProgress()
        try PacketPDF.write(bundle, to: output, progress: { messages.add($0.message) })
        #expect(messages.all.contains { $0.contains("WeasyPrint") })
        #expect(messages.all.contains { $0.contains("qpdf") })
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path) == ["bilagsmateriale.pdf"])

        let info = try Self.run("pdfinfo", [output.path]).stdout
        #expect(info.contains("Title:           Bilagsmateriale om byrådets arbejdsvilkår"), "\(info)")
        let pageCount = try #require(info.firstMatch(of: /Pages:\s+(\d+)/).flatMap { Int($0.1) })
        let pages = try Self.pageTexts(output)
        #expect(pages.count == pageCount)

        // The cover: the title, "Bilagsmateriale" and what the bundle holds, searchable as text.
        #expect(Self.flat(pages[0]).localizedCaseInsensitiveContains("Bilagsmateriale Bilagsmateriale om byrådets arbejdsvilkår 2 kapitler · 4 bilag"), "\(pages[0])")

        // The attachment's two pages, landscape, in place of the pages reserved for them: no page announces them.
        let first = try #require(pages.firstIndex { $0.contains("ANALYSE SIDE ET") }) + 1
        #expect(pages[first].contains("ANALYSE SIDE TO"))  // page first + 1
        #expect(!pages.contains { $0.contains("Bilaget følger") })
        let attachmentPage = try Self.run("pdfinfo", ["-f", "\(first)", "-l", "\(first)", output.path]).stdout
        #expect(attachmentPage.contains("841.89 x 595.276") || attachmentPage.contains("842 x 595"), "\(attachmentPage)")
        // Stamped with its number and title and its page numbers in the packet.
        #expect(pages[first - 1].contains("B1.2 \(Self.titles.analyse)") && pages[first].contains("B1.2 \(Self.titles.analyse)"))

        // Every page but the cover says "side N af total", N its real position, the attachment's pages too.
        let unnumbered = pages.indices.filter { Self.footer(pages[$0]) == nil }.map { $0 + 1 }
        #expect(unnumbered == [1], "pages without a footer: \(unnumbered)")
        for (index, text) in pages.enumerated() {
            if let footer = Self.footer(text) { #expect(footer.page == index + 1 && footer.of == pageCount, "page \(index + 1): \(footer)") }
        }
        #expect(pages.joined().contains("side 2 af \(pageCount)"))

        // Bookmarks: cover, index, chapter → appendix, the attachment pointing at its first page with its own bookmarks below.
        let outline = try Self.bookmarks(output)
        #expect(outline.map(\.title) == ["Forside", "Bilagsfortegnelse", "Kapitel 1: Mødebelastning", "Kapitel 2: Delegation"])
        #expect(outline.map(\.page) == [1, 2] + outline.dropFirst(2).map(\.page))
        let chapter1 = try #require(outline.dropFirst(2).first)
        let chapter2 = try #require(outline.dropFirst(3).first)
        #expect(chapter1.kids.map(\.title) == ["B1.1 \(Self.titles.moedetid)", "B1.2 \(Self.titles.analyse)", "B1.3 \(Self.titles.sager)"])
        #expect(chapter2.kids.map(\.title) == ["B2.1 \(Self.titles.delegation)"])
        let attachment = chapter1.kids[1]
        #expect(attachment.page == first)
        #expect(attachment.kids.map(\.title) == ["Indledning", "Resultater"])
        #expect(attachment.kids.map(\.page) == [first, first + 1])
        let every = outline.flatMap(\.all)
        #expect(!every.contains { $0.title.trimmingCharacters(in: .whitespaces).isEmpty || $0.title == "Default Section" || $0.page == nil })
        for bookmark in [chapter1, chapter2, chapter1.kids[0], chapter1.kids[2], chapter2.kids[0]] {
            let page = try #require(bookmark.page)
            #expect(Self.flat(pages[page - 1]).contains(bookmark.title), "bookmark \(bookmark.title) → page \(page)")
        }

        // Running header: the appendix number and title at the top of its pages — but not on its first
        // page, whose heading says it already (the title is not printed twice on one page).
        let b13 = try #require(chapter1.kids[2].page)
        let b13Text = Self.flat(pages[b13 - 1])
        #expect(b13Text.components(separatedBy: "B1.3 \(Self.titles.sager)").count - 1 == 1, "\(b13Text)")
        #expect(b13Text.hasPrefix("B1.3 \(Self.titles.sager)"))

        // The bilagsfortegnelse: every chapter and appendix with the page it starts on (the attachment: its first page).
        let index = pages[1]
        #expect(index.contains("Bilagsfortegnelse"))
        let expected: [(String, Int)] = [
            ("Kapitel 1: Mødebelastning", try #require(chapter1.page)),
            ("B1.1 \(Self.titles.moedetid)", try #require(chapter1.kids[0].page)),
            ("B1.2 \(Self.titles.analyse) (PDF)", first),
            ("B1.3 \(Self.titles.sager)", b13),
            ("Kapitel 2: Delegation", try #require(chapter2.page)),
            ("B2.1 \(Self.titles.delegation)", try #require(chapter2.kids[0].page)),
        ]
        let indexLines = index.components(separatedBy: "\n").map(Self.flat)
        for (title, page) in expected {
            let line = indexLines.first { $0.hasPrefix(title) }
            #expect(line?.hasSuffix(" \(page)") == true, "index line for \(title): \(line ?? "missing"), expected page \(page)")
        }

        // Cross-references: resolved to number and title, with the page to turn to.
        let b11 = try #require(chapter1.kids[0].page)
        let b11Text = Self.flat(pages[b11 - 1])
        #expect(b11Text.contains("B1.3 \(Self.titles.sager) (side \(b13))"), "\(b11Text)")
        #expect(b11Text.contains("B1.2 \(Self.titles.analyse) (side \(first))"))
        #expect(!b11Text.contains("bilag:"))

        // Clickable internal links: the index has one per entry, and every named destination lands on a page of the file.
        let document = try Self.json(output, keys: ["pages", "qpdf"])
        let pageRefs = (document["pages"] as? [[String: Any]] ?? []).compactMap { $0["object"] as? String }
        let objects = try #require((document["qpdf"] as? [Any])?.last as? [String: Any])
        func value(_ ref: String) -> [String: Any]? { (objects["obj:" + ref] as? [String: Any])?["value"] as? [String: Any] }
        let indexAnnotations = value(pageRefs[1])?["/Annots"] as? [Any] ?? []
        #expect(indexAnnotations.count >= expected.count, "\(indexAnnotations.count) links on the index page")
        let catalog = try #require(objects.values.compactMap { ($0 as? [String: Any])?["value"] as? [String: Any] }.first { $0["/Type"] as? String == "/Catalog" })
        let names = ((catalog["/Names"] as? [String: Any])?["/Dests"] as? [String: Any])?["/Names"] as? [Any] ?? []
        let destinations = stride(from: 1, to: names.count, by: 2).compactMap { (names[$0] as? [Any])?.first as? String }
        #expect(destinations.count >= 6)
        #expect(destinations.allSatisfy(pageRefs.contains), "a link points at a page that is not in the file")
        #expect(try Self.run("qpdf", ["--check", output.path]).status == 0)
    }

    @Test func withoutAttachmentsNoMergeIsNeeded() throws {
        try Self.requireTools()
        let project = try TestProject()
        defer { project.remove() }
        let bundle = try Self.assemble(Self.writeBundle(project, attachment: false))
        let output = project.root.appendingPathComponent("bilagsmateriale.pdf")
        let messages = BundlePDFProgress()
        try PacketPDF.write(bundle, to: output, progress: { messages.add($0.message) })
        #expect(!messages.all.contains { $0.contains("qpdf") })
        let outline = try Self.bookmarks(output)
        #expect(outline.flatMap(\.all).map(\.title) == [
            "Forside", "Bilagsfortegnelse", "Kapitel 1: Mødebelastning", "B1.1 \(Self.titles.moedetid)", "B1.2 \(Self.titles.sager)",
            "Kapitel 2: Delegation", "B2.1 \(Self.titles.delegation)",
        ])
        let pages = try Self.pageTexts(output)
        #expect(pages.dropFirst().allSatisfy { Self.footer($0)?.of == pages.count })
    }

    @Test func aBrokenAttachmentFailsAndLeavesNoFile() throws {
        try Self.requireTools()
        let project = try TestProject()
        defer { project.remove() }
        let bundle = try Self.assemble(Self.writeBundle(project))
        try Data("ikke en pdf".utf8).write(to: project.root.appendingPathComponent("bilag/kapitel-1/analyse.pdf"))
        let folder = project.root.appendingPathComponent("ud")
        let output = folder.appendingPathComponent("bilagsmateriale.pdf")
        #expect(throws: PacketFailure.self) { try PacketPDF.write(bundle, to: output, progress: { _ in }) }
        #expect(!FileManager.default.fileExists(atPath: output.path))
        #expect((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] == [])

        // An existing PDF stays as it was.
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("%PDF gammel".utf8).write(to: output)
        #expect(throws: PacketFailure.self) { try PacketPDF.write(bundle, to: output, progress: { _ in }) }
        #expect(try Data(contentsOf: output) == Data("%PDF gammel".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["bilagsmateriale.pdf"])
    }

    @Test func htmlResolvesReferencesEscapesAndReservesTheAttachmentsPages() throws {
        let project = try TestProject()
        defer { project.remove() }
        let bundle = try Self.assemble(Self.writeBundle(project, attachment: false))
        let html = PacketPDFDocument.html(BundlePDFPlan(bundle), attachmentPages: [:], css: "")
        for part in [
            "<h1 class=\"kapitel-titel\" id=\"kapitel-1\"><span class=\"nr\">Kapitel 1:</span> Mødebelastning</h1>",
            "<h2 class=\"bilag-titel\" id=\"b1-2\"><span class=\"nr\">B1.2</span> Sagsfremstillinger &amp; &lt;bilag&gt;</h2>",
            "<a href=\"#b1-2\">B1.2 Sagsfremstillinger &amp; &lt;bilag&gt;</a>",
            "<a href=\"#b2-1\">se her</a>",
            "<a href=\"#kapitel-2\">Kapitel 2: Delegation</a>",
            "<a href=\"https://www.kl.dk\">KL</a>",
            "<li>Beslutningstager: Gruppeformandskredsen</li>",
            "<h3>Formål</h3>",
            "<h2>Om kapitlet</h2>",  // the intro's "#" heading sits under the chapter's h1
            "2 kapitler · 3 bilag",
        ] {
            #expect(html.contains(part), "missing: \(part)")
        }
        #expect(!html.contains("bilag:") && !html.contains("kapitel:") && !html.contains("<bilag>"))
        #expect(!html.contains("class=\"reserveret\""))

        // With a 3-page attachment: exactly 3 reserved pages, the first its anchor and bookmark; no placeholder.
        let withAttachment = try TestProject()
        defer { withAttachment.remove() }
        try withAttachment.write("bundle.yml", """
            type: betaenkning
            titel: Bilag
            kapitler:
              - titel: Et kapitel
                bilag:
                  - fil: analyse.pdf
                    titel: Analyse
                  - fil: regneark.xlsx
                    titel: Regneark
            """)
        try withAttachment.write("analyse.pdf", "%PDF-1.4")
        try withAttachment.write("regneark.xlsx", "x")
        let small = try Self.assemble(withAttachment.root.appendingPathComponent("bundle.yml"))
        let placeholders = PacketPDFDocument.html(BundlePDFPlan(small), attachmentPages: ["analyse": 3], css: "")
        #expect(placeholders.contains("<div class=\"reserveret bilag-pdf\" id=\"b1-1\" data-titel=\"B1.1 Analyse\"></div>\n<div class=\"reserveret\"></div>\n<div class=\"reserveret\"></div>\n\n"))
        #expect(placeholders.components(separatedBy: "<div class=\"reserveret").count - 1 == 3)
        #expect(!placeholders.contains("Bilaget følger"))
        #expect(placeholders.contains("<span class=\"nr\">B1.1</span> Analyse <span class=\"filtype\">(PDF)</span>"))
        #expect(placeholders.contains("Bilaget er en XLSX-fil og kan ikke sættes ind i PDF'en"))
    }

    @Test func stampsAreArtifactsAndNumberTheAttachmentsPages() throws {
        try Self.requireTools()
        let project = try TestProject()
        defer { project.remove() }
        let source = try Self.attachmentPDF(in: project)
        let work = project.root.appendingPathComponent("arbejde")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let stamped = work.appendingPathComponent("stemplet.pdf")
        try PDFStamper.stamp([.init(source: source, stamp: "B1.2 Analyse", destination: stamped, pageNumbers: .init(first: 19, total: 31))],
                             work: work, progress: { _ in })
        let pages = try Self.pageTexts(stamped)
        #expect(pages.count == 2)
        #expect(pages[0].contains("ANALYSE SIDE ET") && pages[0].contains("B1.2 Analyse") && pages[0].contains("side 19 af 31"), "\(pages[0])")
        #expect(pages[1].contains("ANALYSE SIDE TO") && pages[1].contains("B1.2 Analyse") && pages[1].contains("side 20 af 31"), "\(pages[1])")

        // In the uncompressed file, every stream that shows the stamp's text is one marked artifact.
        let plain = work.appendingPathComponent("plain.pdf")
        #expect(try Self.run("qpdf", ["--qdf", "--object-streams=disable", stamped.path, plain.path]).status == 0)
        let text = String(decoding: try Data(contentsOf: plain), as: UTF8.self)
        let streams = text.components(separatedBy: ">>\nstream\n").dropFirst().map { $0.components(separatedBy: "\nendstream").first ?? "" }
        let stampStreams = streams.filter { $0.contains("/Artifact <</Type /Pagination>> BDC") }
        #expect(stampStreams.count == 2, "one artifact per stamped page: \(stampStreams.count)")
        for stream in stampStreams {
            let body = stream.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(body.hasPrefix("/Artifact <</Type /Pagination>> BDC") && body.hasSuffix("EMC") && (body.contains("Tj") || body.contains("TJ")), "\(body.prefix(200)) … \(body.suffix(50))")
        }
    }

    @Test func anchorsAreIDsMadeFromTheNumber() {
        #expect(Slug.anchor("B2.1") == "b2-1")
        #expect(Slug.anchor("Bilag 3.12") == "bilag-3-12")
        #expect(Slug.anchor("2.1") == "bilag-2-1")
        #expect(Slug.anchor("Ø1") == "oe1")
    }
}

/// Progress lines collected from a `@Sendable` closure.
final class BundlePDFProgress: @unchecked Sendable {
    private var lines: [String] = []
    private let lock = NSLock()

    func add(_ line: String) {
        lock.lock()
        lines.append(line)
        lock.unlock()
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return lines
    }
}
