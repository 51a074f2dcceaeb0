import Foundation
import Testing

/// Minutes (`type: referat`), the decision register and the agenda's deadlines, end to end
/// on the real binary over the shipped example meeting (item 4 is closed).
@Suite("Minutes, register and deadlines (end to end)") struct MinutesCommandTests {
    static let minutes = "examples/raadmandsmoede/referat.yml"
    static let agenda = "examples/raadmandsmoede/dagsorden.yml"
    /// The closed item's decision, which only the closed minutes may hold.
    static let closedDecision = "Indstillingen kunne ikke tiltrædes, da sagen først skal drøftes med den lokale MED-organisation."

    /// The PDF's text with words hyphenated at a line end joined again ("MED-organisa‐\ntion").
    static func pdfText(_ pdf: URL) throws -> String {
        try TestProcess.run("pdftotext", ["-enc", "UTF-8", pdf.path, "-"]).requireSuccess().stdout.replacingOccurrences(of: "\u{2010}\n", with: "")
    }

    /// Replaces one exact line of the example minutes.
    static func replacing(_ folder: TempFolder, _ line: String, with replacement: [String]) throws {
        let text = try folder.read(minutes)
        #expect(text.contains(line + "\n"), "the example no longer has the line \(line)")
        _ = try folder.write(minutes, text.replacingOccurrences(of: line + "\n", with: replacement.map { $0 + "\n" }.joined()))
    }

    @Test func theExampleMinutesAreCleanAndTheClosedDecisionIsOnlyInTheClosedPDF() throws {
        let folder = try TempFolder.withExamples()
        let check = try folder.run("check", Self.minutes, timeout: 60)
        #expect(check.status == 0 && check.stdout.contains("0 fejl, 0 advarsler"), "\(check)")

        let result = try folder.run("bundle", Self.minutes, "--to", "pdf", "-o", "ud/referat.pdf", timeout: 180)
        #expect(result.status == 0, "\(result)")
        let publicText = try Self.pdfText(folder.url("ud/referat.pdf")).foldingLines
        let closedText = try Self.pdfText(folder.url("ud/referat-lukket.pdf")).foldingLines
        #expect(closedText.contains(Self.closedDecision), "\(closedText)")
        #expect(closedText.contains("Omplacering af en medarbejder"))
        #expect(!publicText.contains("MED-organisation") && !publicText.contains("Omplacering af en medarbejder"), "\(publicText)")
        #expect(publicText.contains("Punkt 4: Lukket punkt"))
        #expect(publicText.contains("Punktet blev behandlet for lukkede døre"))
        // Open items: titles from the agenda, one outcome per decision point in the recommendation's own verb.
        for text in [publicText, closedText] {
            #expect(text.contains("Punkt 3: Resultater fra undersøgelsen af seniormedarbejdere 2026"))
            #expect(text.contains("Taget til orientering."))
            #expect(text.contains("Afbud Afdelingschef Dorthe Fiktiv"))
        }
    }

    @Test func theMinutesSiteHidesTheClosedDecisionAndLinksToTheRegister() throws {
        let folder = try TempFolder.withExamples()
        let result = try folder.run("bundle", Self.minutes, "-o", "ud/referat", timeout: 60)
        #expect(result.status == 0, "\(result)")
        let publicIndex = try folder.read("ud/referat/index.html")
        let closedIndex = try folder.read("ud/referat-lukket/index.html")
        #expect(publicIndex.contains("href=\"beslutninger.html\""))
        #expect(!publicIndex.contains("MED-organisation") && closedIndex.contains("MED-organisation"))
        let publicRegister = try folder.read("ud/referat/beslutninger.html")
        #expect(publicRegister.contains("Taget til orientering") && !publicRegister.contains("Omplacering"))
        #expect(try folder.read("ud/referat-lukket/beslutninger.html").contains("Omplacering af en medarbejder"))
    }

    @Test func aMissingOutcomeAnUnknownPointAndAWrongVerbAreFoundWithTheirLines() throws {
        let folder = try TempFolder.withExamples()
        try Self.replacing(folder, "      2: {udfald: godkendt med ændringer, tekst: \"Godkendt med den ændring, at forslaget til en seniorpolitik også beskriver muligheden for nedsat tid i de sidste år.\"}", with: [
            "      3: godkendt",
        ])
        try Self.replacing(folder, "      1: taget til efterretning", with: [
            "      1: {udfald: taget til efterretning, tekst: \"Rådmanden tog resultaterne til efterretning.\"}",
        ])
        let text = try folder.read(Self.minutes)
        let result = try folder.run("check", Self.minutes, timeout: 60)
        #expect(result.status == 1, "\(result)")
        let found = result.diagnostics
        let item3 = try #require(text.lineNumber(of: "  - punkt: 3"))
        let point3 = try #require(text.lineNumber(of: "      3: godkendt"))
        let point1 = try #require(text.lineNumber(of: "      1: {udfald: taget til efterretning, tekst: \"Rådmanden tog resultaterne til efterretning.\"}"))
        func has(_ check: String, _ line: Int) -> Bool { found.contains { $0.check == check && $0.line == line && $0.path == Self.minutes } }
        #expect(has("minutes.missing-outcome", item3), "\(result)")
        #expect(has("minutes.unknown-point", point3), "\(result)")
        #expect(has("minutes.wording", point1), "\(result)")
        #expect(found.contains { $0.check == "minutes.wording" && $0.message.contains("»til orientering«") })
        // Nothing is built from minutes with errors.
        let bundle = try folder.run("bundle", Self.minutes, "-o", "ud/referat", timeout: 60)
        #expect(bundle.status == 1 && !folder.exists("ud/referat"), "\(bundle)")
    }

    @Test func theRegisterOfTheExampleOpensInDanishExcelWithoutFormulas() throws {
        let folder = try TempFolder.withExamples()
        // A decision text that a spreadsheet would run as a formula.
        try Self.replacing(folder, "    beslutning: \"Intet at bemærke.\"", with: ["    beslutning: \"=HYPERLINK(\\\"http://example.invalid\\\";\\\"Klik\\\")\""])
        let result = try folder.run("register", "examples", "--format", "csv", timeout: 60)
        #expect(result.status == 0, "\(result)")
        let bytes = [UInt8](result.stdoutData)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "no UTF-8 byte-order mark")
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let rows = CSVReader.rows(text, separator: ";")
        #expect(rows.first?.first == "Udvalg" && rows.first?.count == 12, "\(rows.first ?? [])")
        // Items 1, 2, 5, 6 as a whole, item 3's two decision points; closed item 4 left out.
        #expect(rows.count == 1 + 6, "\(rows)")
        #expect(rows.allSatisfy { $0.count == 12 }, "\(rows)")
        for cell in rows.joined() {
            #expect(!["=", "+", "-", "@"].contains(cell.first.map(String.init) ?? ""), "formula cell: \(cell)")
        }
        #expect(rows.joined().contains("'=HYPERLINK(\"http://example.invalid\";\"Klik\")"))
        #expect(rows.contains { $0[2] == "3" && $0[7] == "1" && $0[9] == "Taget til orientering" && $0[11].contains("første kvartal 2027") })
        #expect(!text.contains("Omplacering"))

        let closed = try folder.run("register", "examples", "--lukket", timeout: 60)
        #expect(closed.stdout.contains("Omplacering af en medarbejder"))
    }

    @Test func theRegisterAsJSONAndAsOneFilterableHTMLFile() throws {
        let folder = try TempFolder.withExamples()
        let json = try folder.run("register", "examples", "--format", "json", timeout: 60)
        #expect(json.status == 0, "\(json)")
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
        let decisions = try #require(object["decisions"] as? [[String: Any]])
        #expect(object["version"] as? Int == 1 && decisions.count == 6)
        #expect(decisions.allSatisfy { $0.keys.contains("decision_point") && $0["committee"] as? String == "Rådmandsmøde, Sociale Forhold og Beskæftigelse" })
        #expect(decisions.contains { $0["recommendation_file"] as? String == "examples/raadmandsmoede/punkt-3/seniorundersoegelse.md" })

        let html = try folder.run("register", "examples", "--format", "html", "-o", "register.html", timeout: 60)
        #expect(html.status == 0, "\(html)")
        let page = try folder.read("register.html")
        for needle in ["<html lang=\"da\">", "data-filter=\"udvalg\"", "data-filter=\"aar\"", "data-filter=\"udfald\"",
                       "<option value=\"2026\">2026</option>", "data-udfald=\"Godkendt med ændringer\"", "addEventListener(\"change\""] {
            #expect(page.contains(needle), "register.html lacks \(needle)")
        }
        for forbidden in ["<script src", "fetch(", "XMLHttpRequest", "http://", "https://"] {
            #expect(!page.contains(forbidden), "register.html holds \(forbidden)")
        }
    }

    @Test func anAgendaSentTooLateIsAWarningNamingTheDateItWasDueBy() throws {
        let folder = try TempFolder.withExamples()
        let text = try folder.read(Self.agenda)
        _ = try folder.write(Self.agenda, text.replacingOccurrences(of: "sted: \"Rådhuset, lokale 436\"\n",
                                                                     with: "sted: \"Rådhuset, lokale 436\"\nudsendt: 2026-09-01\nmateriale_udsendt: 2026-09-01\n"))
        let result = try folder.run("check", Self.agenda, timeout: 60)
        #expect(result.status == 0, "a deadline is a warning: \(result)")
        let line = try #require(try folder.read(Self.agenda).lineNumber(of: "udsendt: 2026-09-01"))
        let warning = try #require(result.diagnostics.first { $0.check == "agenda.deadline" }, "\(result)")
        #expect(warning.severity == "warning" && warning.line == line && warning.path == Self.agenda)
        #expect(warning.message.contains("senest mandag den 31. august 2026"), "\(warning.message)")
        #expect(result.diagnostics.filter { $0.check == "agenda.deadline" }.count == 1, "the material on the 3rd working day is in time: \(result)")
    }
}

/// Reads CSV as a spreadsheet does: quoted fields may hold the separator, quotes and line breaks.
enum CSVReader {
    static func rows(_ text: String, separator: Character) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" { field.append("\""); characters.removeFirst() } else { quoted = false }
                } else {
                    field.append(character)
                }
            } else if character == "\"" && field.isEmpty {
                quoted = true
            } else if character == separator {
                row.append(field); field = ""
            } else if character == "\r\n" || character == "\n" {
                row.append(field); field = ""
                rows.append(row); row = []
            } else {
                field.append(character)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}

private extension String {
    /// pdftotext's line breaks and runs of spaces as single spaces.
    var foldingLines: String { split(whereSeparator: \.isWhitespace).joined(separator: " ") }
}
