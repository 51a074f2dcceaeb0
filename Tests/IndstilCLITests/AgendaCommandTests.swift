import Foundation
import Testing

/// Agenda packets (`type: dagsorden`) end to end: the real binary on the shipped example
/// (three items with documents or attachments, one closed, a closed appendix on an open
/// item, PDF attachments), read back with pdftotext and qpdf.
@Suite("Agenda packet (end to end)") struct AgendaCommandTests {
    static let manifest = "examples/raadmandsmoede/dagsorden.yml"

    /// `pdftotext` of one page (or the whole file when `page` is nil).
    static func text(_ pdf: URL, page: Int? = nil) throws -> String {
        let out = pdf.deletingLastPathComponent().appendingPathComponent("tekst-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: out) }
        let pages = page.map { ["-f", "\($0)", "-l", "\($0)"] } ?? []
        try TestProcess.run("pdftotext", pages + ["-enc", "UTF-8", pdf.path, out.path]).requireSuccess()
        return try String(contentsOf: out, encoding: .utf8)
    }

    static func pageCount(_ pdf: URL) throws -> Int {
        let info = try TestProcess.run("pdfinfo", [pdf.path]).requireSuccess().stdout
        let line = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
        return Int(line?.split(separator: " ").last ?? "") ?? 0
    }

    @Test func theExampleIsCleanAndBuildsBothPDFs() throws {
        let shared = try SharedOutputs.agendaPDF()
        let folder = shared.folder
        let check = try folder.run("check", Self.manifest, timeout: 60)
        #expect(check.status == 0, "\(check)")
        #expect(check.stdout.contains("0 fejl, 0 advarsler"), "\(check)")

        let result = shared.result
        #expect(result.status == 0, "\(result)")
        let publicPDF = folder.url.appendingPathComponent("ud/dagsorden.pdf")
        let closedPDF = folder.url.appendingPathComponent("ud/dagsorden-lukket.pdf")
        #expect(folder.exists("ud/dagsorden.pdf") && folder.exists("ud/dagsorden-lukket.pdf"), "\(result)")

        // Every page of every attachment carries its stamp: the pages with the attachments' own text.
        let pages = try Self.pageCount(publicPDF)
        var stamped: [String: Int] = [:]
        for page in 1...pages {
            let text = try Self.text(publicPDF, page: page)
            for (body, stamp) in [("Godkendt uden bemærkninger", "Punkt 2, Bilag 1: Referat af rådmandsmødet 28. august 2026"),
                                  ("har svaret på undersøgelsen (59 procent)", "Punkt 3, Bilag 2: Sammenfatning af undersøgelsen"),
                                  ("Pædagogisk personale: 71 procent", "Punkt 3, Bilag 2: Sammenfatning af undersøgelsen"),
                                  // A Word attachment, turned into PDF by LibreOffice and stamped like the others.
                                  ("Forhandlingerne begynder den 14. september 2026", "Punkt 5, Bilag 1: Orientering fra Magistraten den 31. august 2026")]
            where text.contains(body) {
                #expect(text.contains(stamp), "page \(page) lacks its stamp: \(text.prefix(300))")
                stamped[body, default: 0] += 1
            }
        }
        #expect(stamped.count == 4, "\(stamped)")

        // The public packet holds nothing closed, but says that the closed ones exist.
        let publicText = try Self.text(publicPDF)
        for secret in ["FORTROLIGT", "Omplacering af en medarbejder", "Plejecenter Egely", "Team Borgerservice"] {
            #expect(!publicText.contains(secret), "public packet holds \(secret)")
        }
        #expect(publicText.contains("Punkt 4: Lukket punkt"))
        #expect(publicText.contains("Bilag 3: Fratrædelser fordelt på arbejdspladser – lukket bilag"))
        #expect(publicText.contains("Punkt 3, Bilag 1: Indstilling – Resultater fra undersøgelsen af seniormedarbejdere 2026"))

        // The closed packet holds everything, stamped the same way.
        let closedText = try Self.text(closedPDF)
        #expect(closedText.contains("Punkt 3, Bilag 3: Fratrædelser fordelt på arbejdspladser"))
        #expect(closedText.contains("Punkt 4, Bilag 2: Notat om omplaceringen"))
        #expect(closedText.contains("Plejecenter Egely") && closedText.contains("Team Borgerservice"))
        #expect(closedText.contains("Lukket dagsorden"))

        // Bookmarks: the agenda, each item, its appendices under it.
        let json = folder.url.appendingPathComponent("ud/outline-\(UUID().uuidString).json")
        try TestProcess.run("qpdf", ["--json=2", "--json-key=outlines", publicPDF.path, json.path]).requireSuccess()
        let outline = try String(contentsOf: json, encoding: .utf8)
        for title in ["Dagsorden", "Punkt 3: Resultater fra undersøgelsen af seniormedarbejdere 2026",
                      "Punkt 3, Bilag 2: Sammenfatning af undersøgelsen", "Punkt 4: Lukket punkt"] {
            #expect(outline.contains("\"title\": \"\(title)\""), "no bookmark \(title)")
        }
    }

    @Test func theSiteStampsItsAttachmentsAndKeepsClosedOnesOut() throws {
        let folder = try TempFolder.withExamples()
        let result = try folder.run("bundle", Self.manifest, "-o", "site", timeout: 120)
        #expect(result.status == 0, "\(result)")
        let publicFiles = try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("site/bilag").path).sorted()
        #expect(publicFiles == ["punkt-2-bilag-1-referat-2026-08-28.pdf", "punkt-3-bilag-2-sammenfatning.pdf",
                                "punkt-5-bilag-1-orientering-fra-magistraten.pdf"])
        let closedFiles = try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("site-lukket/bilag").path)
        #expect(closedFiles.count == 5)
        #expect(!folder.exists("site/punkt-4-bilag-1.html") && folder.exists("site-lukket/punkt-4-bilag-1.html"))

        let summary = folder.url.appendingPathComponent("site/bilag/punkt-3-bilag-2-sammenfatning.pdf")
        #expect(try Self.pageCount(summary) == 2)
        for page in 1...2 {
            #expect(try Self.text(summary, page: page).contains("Punkt 3, Bilag 2: Sammenfatning af undersøgelsen"))
        }
        let index = try folder.read("site/index.html")
        #expect(index.contains("10.10–10.25 (15 min.)"))
        #expect(index.contains("Lukket punkt"))
        #expect(!index.contains("Omplacering"))
        #expect(index.contains("Fratrædelser fordelt på arbejdspladser</span> <span class=\"lukket\">– lukket bilag"))
        let recommendation = try folder.read("site/punkt-3-bilag-1.html")
        #expect(recommendation.contains("<p class=\"stempel\">Punkt 3, Bilag 1: Indstilling – Resultater fra undersøgelsen af seniormedarbejdere 2026</p>"))
        // Both numbers: the indstilling's own "Bilag 1" is the packet's "Punkt 3, Bilag 2".
        #expect(recommendation.contains("Bilag 1: Sammenfatning af undersøgelsen <span class=\"i-pakken\">– <a href=\"bilag/punkt-3-bilag-2-sammenfatning.pdf\"><span class=\"nr\">Punkt 3, Bilag 2</span>"))
        // The same packet again: the same bytes, stamped PDFs and converted Word files included.
        let again = try folder.run("bundle", Self.manifest, "-o", "igen", timeout: 120)
        #expect(again.status == 0, "\(again)")
        for file in publicFiles {
            let first = try Data(contentsOf: folder.url.appendingPathComponent("site/bilag/\(file)"))
            #expect(try Data(contentsOf: folder.url.appendingPathComponent("igen/bilag/\(file)")) == first, "\(file) differs between two runs")
        }
        #expect(try folder.read("igen/index.html") == index)
        for secret in ["FORTROLIGT", "Omplacering", "Team Borgerservice"] {
            let hits = try FileManager.default.subpathsOfDirectory(atPath: folder.url.appendingPathComponent("site").path)
                .filter { $0.hasSuffix(".html") }
                .filter { (try? folder.read("site/\($0)"))?.contains(secret) == true }
            #expect(hits.isEmpty, "\(secret) in \(hits)")
        }
    }

    /// The example with its manifest and documents changed.
    static func variant(_ edit: (inout String) -> Void, document: String? = nil, _ editDocument: ((inout String) -> Void)? = nil) throws -> TempFolder {
        let folder = try TempFolder.withExamples()
        var text = try folder.read(manifest)
        edit(&text)
        try folder.write(manifest, text)
        if let document, let editDocument {
            var documentText = try folder.read(document)
            editDocument(&documentText)
            try folder.write(document, documentText)
        }
        return folder
    }

    /// An agenda sent with records of each item: an item changed since is marked in the
    /// packets and warned about; an item added since is a note and gets its own packet.
    @Test func afterSendingTheChangedItemIsMarkedAndTheLateItemHasItsOwnPacket() throws {
        let folder = try TempFolder.withExamples()
        defer { folder.remove() }
        let manifest = folder.url.appendingPathComponent(Self.manifest)
        // Sent with records for items 1 and 6 (titles only: the fingerprint of no files) and
        // item 3 (a record its files no longer fit); items 2, 4 and 5 have none: they came later.
        var text = try String(contentsOf: manifest, encoding: .utf8)
        text = text.replacingOccurrences(of: "sted: \"Rådhuset, lokale 436\"\n", with: "sted: \"Rådhuset, lokale 436\"\nudsendt: 2026-08-28\n")
        text = text.replacingOccurrences(of: "  - titel: Godkendelse af dagsorden\n    minutter: 5\n",
                                         with: "  - titel: Godkendelse af dagsorden\n    minutter: 5\n    udsendt_version: e3b0c44298fc1c14\n")
        text = text.replacingOccurrences(of: "  - indstilling: punkt-3/seniorundersoegelse.md\n    minutter: 15\n",
                                         with: "  - indstilling: punkt-3/seniorundersoegelse.md\n    minutter: 15\n    udsendt_version: 00000000000000aa\n")
        text = text.replacingOccurrences(of: "  - titel: Bordrunde\n    minutter: 5\n",
                                         with: "  - titel: Bordrunde\n    minutter: 5\n    udsendt_version: e3b0c44298fc1c14\n")
        try text.write(to: manifest, atomically: true, encoding: .utf8)
        let check = try folder.run("check", Self.manifest, timeout: 60)
        #expect(check.stdout.contains("dagsorden.yml:21:1: warning: Punkt 3 er ændret, efter dagsordenen blev sendt den 28. august 2026"), "\(check)")
        #expect(check.stdout.contains("note: Punkt 2 er kommet til, efter dagsordenen blev sendt den 28. august 2026; det kommer på tillægsdagsordenen"), "\(check)")

        let result = try folder.run("bundle", Self.manifest, "-o", "ud", timeout: 300)
        #expect(result.status == 0, "\(result)")
        for name in ["ud", "ud-lukket", "ud-tillaeg", "ud-tillaeg-lukket"] {
            #expect(folder.exists("\(name)/index.html"), "\(name) is written")
        }
        #expect(result.stderr.contains("Skrev den offentlige tillægsdagsorden:"), "\(result.stderr)")
        let agenda = try folder.read("ud/index.html")
        #expect(agenda.contains("<h1>Dagsorden</h1>") && agenda.contains("Ændret efter udsendelse") && !agenda.contains("Omplacering"))
        let supplement = try folder.read("ud-tillaeg/index.html")
        #expect(supplement.contains("<h1>Tillægsdagsorden</h1>") && supplement.contains("efter dagsordenen blev sendt den 28. august 2026"))
        #expect(supplement.contains("Orientering fra Magistraten") && !supplement.contains("Bordrunde"), "late items only")
        #expect(!supplement.contains("Omplacering af en medarbejder") && supplement.contains("Lukket punkt"), "the public supplement holds nothing closed")
        #expect(try folder.read("ud-tillaeg-lukket/index.html").contains("Omplacering af en medarbejder"), "the closed supplement holds the closed item")
    }

    @Test func timesOverTheSlotAndMinutesThatDisagreeNameFileAndLine() throws {
        let folder = try Self.variant { text in
            text = text.replacingOccurrences(of: "    minutter: 15\n", with: "    minutter: 25\n")
            text = text.replacingOccurrences(of: "  - titel: Bordrunde\n    minutter: 5", with: "  - titel: Bordrunde\n    minutter: 30")
        }
        let manifest = try folder.read(Self.manifest)
        let result = try folder.run("bundle", Self.manifest, "-o", "site", timeout: 60)
        #expect(result.status == 1, "\(result)")
        #expect(!folder.exists("site"), "a packet with errors must not be written")
        let minutesLine = try #require(manifest.lineNumber(of: "    minutter: 25"))
        let lastLine = try #require(manifest.lineNumber(of: "    minutter: 30"))
        let found = result.diagnostics.map { "\($0.path):\($0.line) \($0.check)" }
        #expect(found.contains("\(Self.manifest):\(minutesLine) agenda.duration"), "\(result)")
        #expect(found.contains("\(Self.manifest):\(lastLine) agenda.time"), "\(result)")
        #expect(result.stdout.contains("forventer 15 min."), "\(result)")
        #expect(result.stdout.contains("Punkt 6 slutter kl. 11.35"), "\(result)")
    }

    @Test func aClosedRecommendationOnAnOpenItemAndAWrongMeetingDateAreErrors() throws {
        let folder = try Self.variant({ text in
            text = text.replacingOccurrences(of: "  - indstilling: punkt-4/omplacering.md\n", with: "  - indstilling: punkt-4/omplacering.md\n    status: åben\n")
        }, document: "examples/raadmandsmoede/punkt-3/seniorundersoegelse.md") { text in
            text = text.replacingOccurrences(of: "moededato: 2026-09-04", with: "moededato: 2026-09-11")
            text = text.replacingOccurrences(of: "titel: \"Sammenfatning af undersøgelsen\"", with: "titel: \"Resumé af undersøgelsen\"")
        }
        let manifest = try folder.read(Self.manifest)
        let result = try folder.run("check", Self.manifest, timeout: 60)
        #expect(result.status == 1, "\(result)")
        let found = result.diagnostics.map { "\($0.path):\($0.line) \($0.check)" }
        let statusLine = try #require(manifest.lineNumber(of: "    status: åben"))
        let itemLine = try #require(manifest.lineNumber(of: "  - indstilling: punkt-3/seniorundersoegelse.md"))
        #expect(found.contains("\(Self.manifest):\(statusLine) agenda.closed"), "\(result)")
        #expect(found.contains("\(Self.manifest):\(itemLine) agenda.meeting-date"), "\(result)")
        // The bilag list's title is not on the attachment's first page: a warning in the indstilling.
        let document = try folder.read("examples/raadmandsmoede/punkt-3/seniorundersoegelse.md")
        let entryLine = try #require(document.lineNumber(of: "  - titel: \"Resumé af undersøgelsen\""))
        #expect(result.diagnostics.contains { $0.path == "examples/raadmandsmoede/punkt-3/seniorundersoegelse.md" && $0.line == entryLine
            && $0.check == "agenda.title" && $0.severity == "warning" }, "\(result)")
    }

    @Test func leftoversInsideAPDFAttachmentAndAClosedItemWithoutReasonAreErrors() throws {
        let folder = try Self.variant { text in
            text = text.replacingOccurrences(of: "  - titel: Bordrunde\n    minutter: 5",
                                             with: "  - titel: Bordrunde\n    minutter: 5\n    status: lukket")
        }
        // An attachment whose second page still holds the template's "[Indsæt dato]".
        let html = folder.url.appendingPathComponent("skabelon.html")
        try Data("<html><body><h1>Referat af rådmandsmødet 28. august 2026</h1><p style=\"break-before: page\">Mødet blev holdt [Indsæt dato].</p></body></html>".utf8).write(to: html)
        try TestProcess.run("weasyprint", ["--quiet", html.path, folder.url.appendingPathComponent("examples/raadmandsmoede/punkt-2/referat-2026-08-28.pdf").path]).requireSuccess()
        let manifest = try folder.read(Self.manifest)
        let result = try folder.run("check", Self.manifest, timeout: 60)
        #expect(result.status == 1, "\(result)")
        let attachmentLine = try #require(manifest.lineNumber(of: "      - fil: punkt-2/referat-2026-08-28.pdf"))
        let statusLine = try #require(manifest.lineNumber(of: "    status: lukket"))
        #expect(result.diagnostics.contains { $0.line == attachmentLine && $0.check == "style.placeholder" && $0.message.contains("[Indsæt dato]« på side 2") }, "\(result)")
        #expect(result.diagnostics.contains { $0.line == statusLine && $0.check == "metadata.missing-field" }, "\(result)")
    }
}

extension AgendaCommandTests {
    @Test func aDamagedAttachmentIsADiagnosticNotACrash() throws {
        let folder = try TempFolder.withExamples()
        try folder.write("examples/raadmandsmoede/punkt-3/bilag/sammenfatning.pdf", "%PDF-1.7 cut off here")
        try folder.write("examples/raadmandsmoede/punkt-5/orientering-fra-magistraten.docx", "PK not really a zip")
        let result = try folder.run("bundle", Self.manifest, "--to", "pdf", "-o", "ud.pdf", timeout: 60)
        #expect(result.status == 1, "\(result)")
        #expect(!folder.exists("ud.pdf"))
        let document = try folder.read("examples/raadmandsmoede/punkt-3/seniorundersoegelse.md")
        let manifest = try folder.read(Self.manifest)
        let pdfLine = try #require(document.lineNumber(of: "  - titel: \"Sammenfatning af undersøgelsen\""))
        let docxLine = try #require(manifest.lineNumber(of: "      - fil: punkt-5/orientering-fra-magistraten.docx"))
        #expect(result.diagnostics.contains { $0.path.hasSuffix("seniorundersoegelse.md") && $0.line == pdfLine && $0.check == "input.invalid" }, "\(result)")
        #expect(result.diagnostics.contains { $0.path == Self.manifest && $0.line == docxLine && $0.check == "input.invalid" }, "\(result)")
    }
}
