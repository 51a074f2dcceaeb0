import Foundation
import Testing

/// Continuous page numbers in packet PDFs, end to end (the real binary, WeasyPrint, qpdf,
/// read back with pdftotext and qpdf): a merged attachment's pages say "side X af Y" like
/// the packet's own pages and in the same place, in a bundle they carry the appendix's
/// number and title, no filler page precedes an attachment, and the index, the bookmark
/// and the printed page number name the same page. A long agenda never splits a row.
@Suite("Packet PDFs: page numbers and page breaks (end to end)")
struct PacketPageNumberTests {
    // MARK: - Reading a PDF back

    /// The text of every page, from pdftotext (`layout`: columns kept on their lines).
    static func pages(_ pdf: URL, layout: Bool = false) throws -> [String] {
        let info = try TestProcess.run("pdfinfo", [pdf.path]).requireSuccess().stdout
        let count = try #require(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") })
        let text = try TestProcess.run("pdftotext", (layout ? ["-layout"] : []) + ["-enc", "UTF-8", pdf.path, "-"]).requireSuccess().stdout
        let pages = text.components(separatedBy: "\u{0C}").dropLast()  // pdftotext ends every page with a form feed
        #expect(pages.count == count)
        return Array(pages)
    }

    /// "side 3 af 12" on a page, if any.
    static func footer(_ text: String) -> (page: Int, of: Int)? {
        guard let match = text.firstMatch(of: /side (\d+) af (\d+)/), let page = Int(match.1), let total = Int(match.2) else { return nil }
        return (page, total)
    }

    /// Every bookmark, depth first: its title and the page it points at.
    static func bookmarks(_ pdf: URL, in folder: TempFolder) throws -> [(title: String, page: Int?)] {
        let json = try qpdfJSON(pdf, keys: ["outlines"], in: folder)
        func flatten(_ items: [[String: Any]]) -> [(String, Int?)] {
            items.flatMap { [(($0["title"] as? String) ?? "", $0["destpageposfrom1"] as? Int)] + flatten($0["kids"] as? [[String: Any]] ?? []) }
        }
        return flatten(json["outlines"] as? [[String: Any]] ?? [])
    }

    /// The page each named destination (the internal links' targets) lands on; nil: on no page of the file.
    static func destinations(_ pdf: URL, in folder: TempFolder) throws -> [String: Int?] {
        let json = try qpdfJSON(pdf, keys: ["pages", "qpdf"], in: folder)
        let pages = (json["pages"] as? [[String: Any]] ?? []).compactMap { $0["object"] as? String }
        let objects = try #require((json["qpdf"] as? [Any])?.last as? [String: Any])
        let catalog = try #require(objects.values.compactMap { ($0 as? [String: Any])?["value"] as? [String: Any] }.first { $0["/Type"] as? String == "/Catalog" })
        let names = ((catalog["/Names"] as? [String: Any])?["/Dests"] as? [String: Any])?["/Names"] as? [Any] ?? []
        var out: [String: Int?] = [:]
        for index in stride(from: 0, to: names.count - 1, by: 2) {
            guard let name = names[index] as? String, let page = (names[index + 1] as? [Any])?.first as? String else { continue }
            out[String(name.dropFirst(2))] = pages.firstIndex(of: page).map { $0 + 1 }  // "u:b1-3"
        }
        return out
    }

    static func qpdfJSON(_ pdf: URL, keys: [String], in folder: TempFolder) throws -> [String: Any] {
        let out = folder.url.appendingPathComponent("qpdf-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: out) }
        try TestProcess.run("qpdf", ["--json=2"] + keys.map { "--json-key=\($0)" } + [pdf.path, out.path]).requireSuccess()
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [String: Any])
    }

    /// Where pdftotext finds the word "side" of the footer on `page`: left and top, in points.
    static func footerPosition(_ pdf: URL, page: Int) throws -> (x: Double, y: Double)? {
        let xml = try TestProcess.run("pdftotext", ["-bbox", "-f", "\(page)", "-l", "\(page)", pdf.path, "-"]).requireSuccess().stdout
        let match = xml.matches(of: /<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>side<\/word>/).last
        return match.flatMap { m in Double(m.1).flatMap { x in Double(m.2).map { (x, $0) } } }
    }

    /// Every page but the cover (`unnumbered`) says "side N af total", N its own position.
    static func expectNumberedPages(_ pages: [String], unnumbered: Set<Int>, _ what: String) {
        for (index, text) in pages.enumerated() where !unnumbered.contains(index + 1) {
            let footer = footer(text)
            #expect(footer?.page == index + 1 && footer?.of == pages.count, "\(what) page \(index + 1): \(footer.map { "side \($0.page) af \($0.of)" } ?? "no page number")")
        }
    }

    // MARK: - Tests

    @Test("Bundle PDF: the attachment's page says »side X af Y« and its B-number where the index, the link and the bookmark point; no filler page")
    func bundleAttachmentIsNumberedAndFindable() throws {
        let shared = try SharedOutputs.bundlePDF()
        let folder = shared.folder, result = shared.result
        #expect(result.status == 0, "\(result)")
        let pdf = folder.url.appendingPathComponent("ud/bilag.pdf")
        let pages = try Self.pages(pdf, layout: true)
        #expect(!pages.contains { $0.contains("Bilaget følger") }, "a filler page is left")
        Self.expectNumberedPages(pages, unnumbered: [1], "bundle")

        // Where the attachment starts: its own first line, found by pdftotext in the source.
        let title = "Spørgeskema til byrådets medlemmer om mødebelastning"
        let source = try TestProcess.run("pdftotext", ["-enc", "UTF-8", Fixtures.examples.appendingPathComponent("bilagsmateriale/kapitel-1/spoergeskema.pdf").path, "-"])
            .requireSuccess().stdout
        let firstLine = try #require(source.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty })
        let firstPage = try #require(pages.firstIndex { $0.contains(firstLine) && $0.contains("Skemaet blev sendt til alle") }) + 1

        // The page carries its header and its number.
        #expect(pages[firstPage - 1].contains("B1.3 \(title)"), "\(pages[firstPage - 1].prefix(400))")
        #expect(Self.footer(pages[firstPage - 1])?.page == firstPage)

        // The index, the bookmark and the link name that page.
        let indexLine = try #require(pages[1].split(separator: "\n").first { $0.contains("B1.3") })
        let indexPage = try #require(indexLine.firstMatch(of: /(\d+)\s*$/).flatMap { Int($0.1) })
        #expect(indexPage == firstPage, "index: \(indexLine), attachment on page \(firstPage)")
        let bookmark = try #require(try Self.bookmarks(pdf, in: folder).first { $0.title == "B1.3 \(title)" })
        #expect(bookmark.page == firstPage)
        let destinations = try Self.destinations(pdf, in: folder)
        #expect(destinations["b1-3"] == firstPage, "\(destinations)")
        #expect(destinations.values.allSatisfy { $0 != nil }, "a link points at a page that is not in the file: \(destinations)")

        // The number sits where the packet's own pages have theirs (the attachment is A4 upright).
        let own = try #require(try Self.footerPosition(pdf, page: firstPage - 1))
        let stamped = try #require(try Self.footerPosition(pdf, page: firstPage))
        #expect(abs(own.x - stamped.x) < 0.5 && abs(own.y - stamped.y) < 0.5, "footer at \(own) on page \(firstPage - 1), \(stamped) on the attachment")
        #expect(try TestProcess.run("qpdf", ["--check", pdf.path]).status == 0)
    }

    @Test("Agenda PDFs: every attachment page says »side X af Y«; its stamp, index, link and bookmark name its first page")
    func agendaAttachmentsAreNumberedAndFindable() throws {
        let shared = try SharedOutputs.agendaPDF()
        let folder = shared.folder, result = shared.result
        #expect(result.status == 0, "\(result)")
        // (item, appendix, the PDF it is; nil: a Word file LibreOffice turned into PDF)
        let open: [(Int, Int, String?)] = [(2, 1, "punkt-2/referat-2026-08-28.pdf"), (3, 2, "punkt-3/bilag/sammenfatning.pdf"), (5, 1, nil)]
        let closed = open + [(3, 3, "punkt-3/bilag/fratraedelser.pdf"), (4, 2, "punkt-4/bilag/notat.pdf")]
        for (file, attachments) in [("dagsorden.pdf", open), ("dagsorden-lukket.pdf", closed)] {
            let pdf = folder.url.appendingPathComponent("ud/\(file)")
            let pages = try Self.pages(pdf)
            #expect(!pages.contains { $0.contains("Bilaget følger") }, "\(file): a filler page is left")
            Self.expectNumberedPages(pages, unnumbered: [], file)
            let bookmarks = try Self.bookmarks(pdf, in: folder)
            let destinations = try Self.destinations(pdf, in: folder)
            #expect(destinations.values.allSatisfy { $0 != nil }, "\(file): a link points at a page that is not in the file")
            let everything = pages.joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
            for (item, number, source) in attachments {
                let label = "Punkt \(item), Bilag \(number)"
                let bookmark = try #require(bookmarks.first { $0.title.hasPrefix(label + ": ") }, "\(file): no bookmark for \(label)")
                let page = try #require(bookmark.page)
                let text = pages[page - 1]
                #expect(text.contains(label + ":"), "\(file) page \(page) lacks the stamp \(label)")
                #expect(Self.footer(text)?.page == page)
                if let source {
                    let own = try TestProcess.run("pdftotext", ["-l", "1", "-enc", "UTF-8", Fixtures.examples.appendingPathComponent("raadmandsmoede/\(source)").path, "-"]).requireSuccess().stdout
                    let firstLine = try #require(own.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty })
                    #expect(text.contains(firstLine), "\(file) \(label): its first line »\(firstLine)« is not on page \(page)")
                }
                #expect(destinations["punkt-\(item)-bilag-\(number)"] == page, "\(file) \(label): the link lands on \(String(describing: destinations["punkt-\(item)-bilag-\(number)"])), the bookmark on \(page)")
                let title = bookmark.title.dropFirst(label.count + 2).split(whereSeparator: \.isWhitespace).joined(separator: " ")
                // A closed appendix says so before its page: "Bilag 3: Titel (lukket) (side 10)".
                #expect(everything.contains("Bilag \(number): \(title) (side \(page))") || everything.contains("Bilag \(number): \(title) (lukket) (side \(page))"),
                        "\(file): the agenda does not cite \(label) on page \(page)")
            }
        }
    }

    @Test("A 40-item agenda: no row of the agenda table is split over two pages")
    func longAgendaKeepsEveryRowOnOnePage() throws {
        let folder = try TempFolder("dagsorden40")
        var manifest = """
        type: dagsorden
        udvalg: "Udvalget for Teknik og Miljø"
        dato: 2026-10-05
        start: "09:00"
        slut: "12:30"
        punkter:

        """
        // Titles of one to three lines and, on every third item, a list of two appendices, so rows differ in
        // height and some fall across a page end (without the rule, rows 9 and 23 split).
        let withAppendices = Set(stride(from: 3, through: 40, by: 3))
        for item in 1...40 {
            let words = String(repeating: " med en længere beskrivelse af sagens indhold", count: item % 4)
            manifest += "  - titel: \"Sag \(item) om vejvedligeholdelse\(words) (slut \(item))\"\n    minutter: 5\n"
            if withAppendices.contains(item) {
                manifest += "    bilag:\n      - fil: notat.md\n        titel: \"Notat om sag \(item)\"\n"
                manifest += "      - fil: notat.md\n        titel: \"Kort over området ved sag \(item)\"\n"
            }
        }
        try folder.write("dagsorden.yml", manifest)
        try folder.write("notat.md", "Et kort notat om sagen.\n")
        let result = try folder.run("bundle", "dagsorden.yml", "--to", "pdf", "-o", "ud/dagsorden.pdf", timeout: 180)
        #expect(result.status == 0, "\(result)")
        let pages = try Self.pages(folder.url.appendingPathComponent("ud/dagsorden.pdf"), layout: true)
        let table = pages.prefix { !$0.contains("Punkt 1: Sag 1 om") }  // the agenda, before the first item's page
        #expect(table.count >= 2, "the agenda should run over more than one page: \(table.count)")
        for item in 1...40 {
            let start = try Regex("(?m)^\\s*\(item)\\s+Sag \(item) om vejvedligeholdelse")
            let page = table.firstIndex { $0.contains(start) }
            #expect(page != nil, "item \(item): its number and title are not on one line")
            guard let page else { continue }
            let end = withAppendices.contains(item) ? "Kort over området ved sag \(item) (side" : "(slut \(item))"
            #expect(table[page].contains(end), "item \(item): the row starts on page \(page + 1) but ends on the next")
        }
    }
}
