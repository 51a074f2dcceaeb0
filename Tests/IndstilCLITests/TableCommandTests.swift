import Foundation
import Testing

/// Tables end to end on the real binary: a budget catalogue shaped like the municipality's
/// savings catalogue, with its defects and corrected, and a recommendation with a pipe
/// table, a pasted spreadsheet and a CSV file rendered to every format.
@Suite("Tables (end to end)") struct TableCommandTests {
    /// A copy of a folder under Tests/Fixtures or examples/ in a project of its own.
    static func project(copying relative: String, from base: URL) throws -> TempFolder {
        let project = try TempFolder("tabel")
        try project.write("indstil.yml", "# projekt\n")
        try FileManager.default.copyItem(at: base.appendingPathComponent(relative), to: project.url.appendingPathComponent("katalog"))
        return project
    }

    static let fixtures = Fixtures.packageRoot.appendingPathComponent("Tests/Fixtures")

    @Test("The defective catalogue gives exactly its findings, each with file, line, column and the computed value")
    func defectiveCatalogue() throws {
        let project = try Self.project(copying: "budgetkatalog-fejl", from: Self.fixtures)
        defer { project.remove() }
        let result = try project.run("check", "katalog")
        #expect(result.status == 1, "\(result)")
        let found = result.diagnostics.map { "\($0.path):\($0.line):\($0.column) \($0.check)" }
        let file = "katalog/spareforslag-2027.md"
        #expect(found == [
            "\(file):14:3 catalogue.overview",          // theme 2 in the overview, but its sheet has no heading
            "\(file):16:3 catalogue.overview",          // "Borgerdialog og høringer" vs the sheet's "Borgerdialog"
            "\(file):44:1 catalogue.theme-sheet",       // the second "Beskrivelse af opgaven": "# Tema 2" is missing
            "\(file):71:142 style.number-convention",  // "38.8 mio. kr." in the text
            "\(file):82:54 table.reference",            // 500 (1.000 kr.) vs the distribution's 0,49 mio. kr., 2028
            "\(file):82:62 table.reference",            // the same, 2029
            "\(file):82:68 table.ambiguous-number",     // "0.500" in a 1.000 kr. table
            "\(file):93:1 table.share",                 // shares 99 % printed as 100,0 % (in the CSV file)
            "\(file):109:37 table.total",               // 1,51 against a stated 1,50
        ], "\(result)")
        let messages = result.diagnostics.map(\.message)
        #expect(messages[4].contains("500 (1.000 kr.)") && messages[4].contains("0,49 (mio. kr.)"), "\(messages[4])")
        #expect(messages[6].contains("»0.500«") && messages[6].contains("500") && messages[6].contains("0,5"), "\(messages[6])")
        #expect(messages[7].contains("100,0 %") && messages[7].contains("99 %") && messages[7].contains("fordeling/tema-3-1.csv linje 8"), "\(messages[7])")
        #expect(messages[8].contains("1,50") && messages[8].contains("1,51"), "\(messages[8])")
        #expect(messages[3].contains("38,8 mio. kr."), "\(messages[3])")
        #expect(messages[1].contains("»Borgerdialog og høringer«") && messages[1].contains("»Borgerdialog«"), "\(messages[1])")
    }

    @Test("The corrected catalogue is clean, also with --strict")
    func correctedCatalogue() throws {
        let project = try Self.project(copying: "aarhus-budgetkatalog", from: Fixtures.examples)
        defer { project.remove() }
        let result = try project.run("check", "--strict", "katalog")
        #expect(result.status == 0, "\(result)")
        #expect(result.diagnostics.isEmpty, "\(result)")
    }

    @Test("A CSV path that leaves the project is a finding on the fil: line, and the file is never read")
    func csvOutsideTheProject() throws {
        let outside = try TempFolder("udenfor")
        defer { outside.remove() }
        try outside.write("hemmelig.csv", "Hemmeligt;1\nI alt;1\n")
        let project = try Self.recommendationProject()
        defer { project.remove() }
        let document = Self.recommendation(tables: "```tabel\ntitel: Udefra\nfil: \(outside.url.appendingPathComponent("hemmelig.csv").path)\n```")
        try project.write("sag.md", document)
        let result = try project.run("check", "sag.md")
        #expect(result.status == 1, "\(result)")
        let line = try #require(document.lineNumber(startingWith: "fil: "))
        #expect(result.diagnostics.map { "\($0.line) \($0.check)" } == ["\(line) table.source"], "\(result)")
        let html = try project.run("render", "--to", "html", "sag.md")
        #expect(!html.stdout.contains("Hemmeligt"), "the file outside the project was read")
    }

    /// A project with the example recommendation's appendices.
    static func recommendationProject() throws -> TempFolder {
        let project = try TempFolder("tabel")
        try project.write("indstil.yml", "# projekt\n")
        try FileManager.default.copyItem(at: Fixtures.examples.appendingPathComponent("aarhus-byraad/bilag"), to: project.url.appendingPathComponent("bilag"))
        return project
    }

    /// The shipped example recommendation with `tables` at the end of its resources section.
    static func recommendation(tables: String) -> String {
        let text = (try? Fixtures.exampleText(Fixtures.byraad)) ?? ""
        return text.replacingOccurrences(of: "# 9. Hvad er den videre proces", with: tables + "\n\n# 9. Hvad er den videre proces")
    }

    static let threeTables = """
        | Udgift (1.000 kr.) | 2027  | 2028  |
        |--------------------|------:|------:|
        | Bookingsystem      |   600 |   200 |
        | Nøglebokse         |   250 |     - |
        | I alt              |   850 |   200 |

        ```tabel
        titel: Lokaler pr. bydel
        id: lokaler
        Bydel\tLokaler\tAndel
        Nord\t7\t35,0%
        Syd\t13\t65,0%
        I alt\t20\t100,0%
        ```

        ```tabel
        titel: Fordeling på afdeling
        enhed: mio. kr.
        fil: tal/fordeling.csv
        ```
        """

    static let csv = "Afdeling;2027\nKultur;0,45\nTeknik;0,40\nI alt;0,85\n"

    @Test("A pipe table, a pasted spreadsheet and a CSV file render as real tables in HTML, DOCX, PDF and text, deterministically")
    func rendersEveryFormat() throws {
        let project = try Self.recommendationProject()
        defer { project.remove() }
        try project.write("tal/fordeling.csv", Self.csv)
        try project.write("sag.md", Self.recommendation(tables: Self.threeTables))
        let check = try project.run("check", "--strict", "sag.md")
        #expect(check.status == 0, "\(check)")

        for format in ["html", "docx", "pdf", "txt"] {
            for run in 1...2 {
                let result = try project.run("render", "--to", format, "sag.md", "-o", "ud/\(run)/sag.\(format)", timeout: 120)
                #expect(result.status == 0, "\(result)")
            }
            let first = try Data(contentsOf: project.url.appendingPathComponent("ud/1/sag.\(format)"))
            let second = try Data(contentsOf: project.url.appendingPathComponent("ud/2/sag.\(format)"))
            #expect(first == second, "\(format) is not deterministic")
        }

        let html = try project.read("ud/1/sag.html")
        #expect(html.components(separatedBy: "<table class=\"tabel\">").count == 4, "three tables")
        #expect(html.contains("<caption>Lokaler pr. bydel</caption>"))
        #expect(html.contains("<caption>Fordeling på afdeling <span class=\"enhed\">(mio. kr.)</span></caption>"))
        #expect(html.contains("<th scope=\"col\">Udgift (1.000 kr.)</th><th scope=\"col\" class=\"tal\""))
        #expect(html.contains("<th scope=\"row\">Bookingsystem</th><td class=\"tal\" style=\"text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap\">600</td>"))
        #expect(html.contains("<tr class=\"total\"><th scope=\"row\" style=\"font-weight:700"))
        #expect(html.contains(">0,45</td>") && html.contains(">35,0%</td>"))
        #expect(html.contains("table.tabel thead { display: table-header-group; }"), "the table stylesheet is on the page")

        let text = try project.read("ud/1/sag.txt")
        #expect(text.contains("Udgift (1.000 kr.)\t2027\t2028\nBookingsystem\t600\t200\n"))
        #expect(text.contains("Fordeling på afdeling (mio. kr.)\nAfdeling\t2027\nKultur\t0,45\n"))

        let pdfText = try TestProcess.run("pdftotext", ["-layout", project.url.appendingPathComponent("ud/1/sag.pdf").path, "-"]).requireSuccess().stdout
        for expected in ["Bookingsystem", "Lokaler pr. bydel", "Fordeling på afdeling (mio. kr.)", "Kultur", "0,45", "35,0%"] {
            #expect(pdfText.contains(expected), "the PDF has no \"\(expected)\"")
        }
        #expect(pdfText.range(of: #"I alt\s+850\s+200"#, options: .regularExpression) != nil, "the total row is not one line in the PDF:\n\(pdfText)")

        let documentXML = try TestProcess.run("unzip", ["-p", project.url.appendingPathComponent("ud/1/sag.docx").path, "word/document.xml"])
            .requireSuccess().stdout
        #expect(documentXML.components(separatedBy: "<w:tblHeader/>").count - 1 == 3, "each table repeats its header row")
        #expect(documentXML.contains("<w:jc w:val=\"right\"/></w:pPr><w:r><w:t xml:space=\"preserve\">600</w:t>")
                || documentXML.contains("<w:jc w:val=\"right\"/></w:pPr><w:r><w:t>600</w:t>"), "figures are right-aligned")
        let office = try Self.libreOfficeText(project.url.appendingPathComponent("ud/1/sag.docx"))
        for expected in ["Bookingsystem", "Nøglebokse", "Lokaler pr. bydel", "Kultur", "0,45", "100,0%"] {
            #expect(office.contains(expected), "LibreOffice's text has no \"\(expected)\"")
        }
    }

    /// The .docx as LibreOffice reads it, as text.
    static func libreOfficeText(_ docx: URL) throws -> String {
        let folder = try TempFolder("soffice")
        defer { folder.remove() }
        let profile = "-env:UserInstallation=\(folder.url.appendingPathComponent("profil", isDirectory: true).absoluteString)"
        try TestProcess.run("soffice", [profile, "--headless", "--convert-to", "txt:Text (encoded):UTF8", "--outdir", folder.url.path, docx.path],
                            timeout: 180).requireSuccess()
        return try String(contentsOf: folder.url.appendingPathComponent(docx.deletingPathExtension().lastPathComponent + ".txt"), encoding: .utf8)
    }

    @Test("stats counts tables and Antal tegn counts cell text without the borders between cells")
    func statsAndCharacterCount() throws {
        let project = try TempFolder("tabel")
        defer { project.remove() }
        try project.write("indstil.yml", "# projekt\n")
        try project.write("tal/fordeling.csv", Self.csv)
        try project.write("sag.md", Self.recommendation(tables: Self.threeTables))
        try project.write("uden.md", Self.recommendation(tables: ""))
        let with = try project.run("stats", "--format", "json", "sag.md")
        let without = try project.run("stats", "--format", "json", "uden.md")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(with.stdout.utf8)) as? [String: Any])
        let file = try #require((json["files"] as? [[String: Any]])?.first)
        let tables = try #require(file["tables"] as? [[String: Any]])
        #expect(tables.map { $0["rows"] as? Int } == [3, 3, 3])
        #expect(tables.map { $0["id"] as? String } == [nil, "lokaler", nil])
        #expect(!without.stdout.contains("\"tables\""), "a document without tables has no tables key")
        let plain = try #require((try JSONSerialization.jsonObject(with: Data(without.stdout.utf8)) as? [String: Any])?["files"] as? [[String: Any]])
        // Every cell's text and each caption, no separators: what Word counts.
        let cells = ["Udgift (1.000 kr.)", "2027", "2028", "Bookingsystem", "600", "200", "Nøglebokse", "250", "-", "I alt", "850", "200",
                     "Lokaler pr. bydel", "Bydel", "Lokaler", "Andel", "Nord", "7", "35,0%", "Syd", "13", "65,0%", "I alt", "20", "100,0%",
                     "Fordeling på afdeling (mio. kr.)", "Afdeling", "2027", "Kultur", "0,45", "Teknik", "0,40", "I alt", "0,85"]
        let expected = cells.reduce(0) { $0 + $1.count }
        let difference = (file["characters"] as? Int ?? 0) - (plain.first?["characters"] as? Int ?? 0)
        #expect(difference == expected, "tables added \(difference) characters, expected \(expected)")
        let text = try project.run("stats", "sag.md")
        #expect(text.stdout.contains("Tabeller: 3 med 9 rækker i alt"), "\(text)")
    }
}

@Suite("Tables in bundles and agenda packets (end to end)") struct TablePacketTests {
    static let table = """

        | Udvalg (timer)  | Møder | Timer |
        |-----------------|------:|------:|
        | Kulturudvalget  |    11 |    33 |
        | Teknisk Udvalg  |    12 |    42 |
        | I alt           |    23 |    75 |

        """

    /// Every file under `folder` ending in `.html`, read.
    static func pages(_ folder: URL) -> String {
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.allObjects.compactMap { $0 as? URL } ?? []
        return files.filter { $0.pathExtension == "html" }.sorted { $0.path < $1.path }
            .compactMap { try? String(contentsOf: $0, encoding: .utf8) }.joined(separator: "\n")
    }

    @Test("An appendix with a table becomes a table on its bundle page and in the bundle PDF")
    func bundle() throws {
        let folder = try TempFolder.withExamples()
        defer { folder.remove() }
        let appendix = "examples/bilagsmateriale/kapitel-1/moedetid.md"
        try folder.write(appendix, try folder.read(appendix).replacingOccurrences(of: "## Forbehold", with: Self.table + "\n## Forbehold"))
        let site = try folder.run("bundle", "examples/bilagsmateriale/bundle.yml", "-o", "ud/site", timeout: 60)
        #expect(site.status == 0, "\(site)")
        let html = Self.pages(folder.url.appendingPathComponent("ud/site"))
        #expect(html.contains("<table class=\"tabel\">"), "no table on the bundle's pages")
        #expect(html.contains("<th scope=\"row\">Kulturudvalget</th><td class=\"tal\""))
        let pdf = try folder.run("bundle", "examples/bilagsmateriale/bundle.yml", "--to", "pdf", "-o", "ud/bilag.pdf", timeout: 120)
        #expect(pdf.status == 0, "\(pdf)")
        let text = try TestProcess.run("pdftotext", ["-layout", folder.url.appendingPathComponent("ud/bilag.pdf").path, "-"]).requireSuccess().stdout
        #expect(text.range(of: #"Kulturudvalget\s+11\s+33"#, options: .regularExpression) != nil, "the row is not in the bundle PDF")
    }

    @Test("An agenda item's recommendation with a table shows it on the packet's page")
    func agenda() throws {
        let folder = try TempFolder.withExamples()
        defer { folder.remove() }
        let item = "examples/raadmandsmoede/punkt-3/seniorundersoegelse.md"
        try folder.write(item, try folder.read(item).replacingOccurrences(of: "# Handlemuligheder", with: Self.table + "\n# Handlemuligheder"))
        let check = try folder.run("check", item)
        #expect(check.status == 0, "\(check)")
        let site = try folder.run("bundle", "examples/raadmandsmoede/dagsorden.yml", "-o", "ud/dagsorden", timeout: 60)
        #expect(site.status == 0, "\(site)")
        #expect(Self.pages(folder.url.appendingPathComponent("ud/dagsorden")).contains("<th scope=\"row\">Teknisk Udvalg</th>"))
    }
}
