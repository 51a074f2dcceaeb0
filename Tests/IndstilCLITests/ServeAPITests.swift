import Foundation
import IndstilCore
import IndstilTestSupport
import Testing

/// The JSON API of `indstil serve` over real HTTP: the overview, analysis in the CLI's
/// shapes, reading and saving with versions, new documents, downloads, events.
@Suite(.serialized) struct ServeAPITests {
    let served = ServedProject.shared
    static let document = "aarhus-byraad/ny-ordning-moedelokaler.md"

    @Test func theOverviewListsDocumentsAndPacketsWithTheirFigures() throws {
        let reply = try served.get("/api/documents")
        #expect(reply.status == 200)
        let documents = try #require(try JSONSerialization.jsonObject(with: reply.body) as? [[String: Any]])
        let recommendation = try #require(documents.first { $0["path"] as? String == Self.document })
        #expect(recommendation["kind"] as? String == "indstilling")
        #expect(recommendation["profile"] as? String == "aarhus-byraad")
        #expect((recommendation["characters"] as? Int ?? 0) > 1000)
        #expect(recommendation["limit"] as? Int != nil)
        #expect(documents.contains { $0["path"] as? String == "raadmandsmoede/dagsorden.yml" && $0["kind"] as? String == "dagsorden" })
        #expect(documents.contains { $0["path"] as? String == "bilagsmateriale/bundle.yml" && $0["kind"] as? String == "betaenkning" })
        // Chapter introductions (Markdown without front matter) are not documents of their own.
        #expect(!documents.contains { $0["kind"] as? String == "markdown" })
    }

    @Test func analyseAnswersInTheShapesOfCheckAndStatsJSON() throws {
        let text = try served.text(Self.document) + "\nEn ny sætning <script>alert(1)</script> i slutningen.\n"
        let reply = try served.send("POST", "/api/analyse", json: ["path": Self.document, "text": text])
        #expect(reply.status == 200, "\(reply.text)")
        let answer = try #require(reply.json())
        // The same work through the core: the CLI's JSON for one file.
        let workspace = try Workspace.discover(from: served.root)
        let url = served.root.appendingPathComponent(Self.document)
        let analysis = Workspace(configuration: workspace.configuration).analyze(text: text, url: url, displayPath: Self.document)
        let analyzed = try #require(analysis.analyzed)
        let expectedDiagnostics = try JSONSerialization.jsonObject(with: Data(JSONReporter.diagnostics(analysis.diagnostics, language: .da).serialized().utf8))
        let expectedStats = try JSONSerialization.jsonObject(with: Data(DocumentStatistics(path: Self.document, analyzed: analyzed).json.serialized().utf8))
        #expect(NSArray(array: answer["diagnostics"] as? [Any] ?? []).isEqual(expectedDiagnostics))
        #expect(NSDictionary(dictionary: answer["stats"] as? [String: Any] ?? [:]).isEqual(expectedStats))
        let diagnostic = try #require((answer["diagnostics"] as? [[String: Any]])?.first)
        #expect(Set(diagnostic.keys) == ["check", "severity", "message", "line", "column"])
        let html = try #require(answer["html"] as? String)
        #expect(html.contains("En ny sætning"))
        #expect(!html.contains("<script>alert(1)"), "raw HTML from the document must never reach a page")
        #expect(answer["limit"] as? Int != nil && answer["limitedCharacters"] as? Int != nil)
        #expect((answer["decisionPoints"] as? [Any])?.isEmpty == false)
    }

    @Test func aSaveWithTheOpenedVersionWritesAndAStaleOneIsAConflictThatKeepsTheFile() throws {
        let path = "aarhus-raadmand/status-praktikpladser.md"
        let opened = try #require(served.get("/api/documents/\(path)").json())
        let version = try #require(opened["version"] as? String)
        let original = try #require(opened["text"] as? String)
        let edited = original + "\nTilføjet i browseren.\n"
        let saved = try served.send("PUT", "/api/documents/\(path)", json: ["text": edited, "version": version])
        #expect(saved.status == 200, "\(saved.text)")
        #expect(try served.text(path) == edited)
        let newVersion = try #require(saved.json()?["version"] as? String)
        #expect(newVersion != version)

        // Someone else saves; the browser still holds `newVersion`.
        let elsewhere = edited + "\nÆndret i en anden editor.\n"
        try elsewhere.write(to: served.root.appendingPathComponent(path), atomically: true, encoding: .utf8)
        let conflict = try served.send("PUT", "/api/documents/\(path)", json: ["text": edited + "\nMin ændring.\n", "version": newVersion])
        #expect(conflict.status == 409)
        let answer = try #require(conflict.json())
        #expect(answer["text"] as? String == elsewhere, "the page gets the version on disk, so both are kept")
        #expect((answer["message"] as? String)?.contains("ændret på disken") == true)
        #expect(try served.text(path) == elsewhere, "nothing is overwritten")
    }

    @Test func aNewDocumentIsWrittenFromTheProfilesSkeletonOnce() throws {
        let reply = try served.send("POST", "/api/documents", json: ["path": "nye/udkast.md", "profile": "aarhus-byraad"])
        #expect(reply.status == 201, "\(reply.text)")
        #expect(reply.json()?["page"] as? String == "/dokument/nye/udkast.md")
        let text = try served.text("nye/udkast.md")
        #expect(text.hasPrefix("---\nprofil: aarhus-byraad"))
        let again = try served.send("POST", "/api/documents", json: ["path": "nye/udkast.md", "profile": "aarhus-byraad"])
        #expect(again.status == 409)
        #expect(try served.text("nye/udkast.md") == text)
        let unknown = try served.send("POST", "/api/documents", json: ["path": "nye/andet.md", "profile": "findes-ikke"])
        #expect(unknown.status == 400)
    }

    @Test func docxAndPDFAreDownloads() throws {
        let docx = try served.get("/api/render/docx/\(Self.document)")
        #expect(docx.status == 200)
        #expect(docx.body.prefix(2) == Data("PK".utf8))
        #expect(docx.headers["content-disposition"]?.contains("ny-ordning-moedelokaler.docx") == true)
        let pdf = try served.get("/api/render/pdf/\(Self.document)")
        #expect(pdf.status == 200, "\(pdf.text.prefix(300))")
        #expect(pdf.body.prefix(5) == Data("%PDF-".utf8))
        #expect(try served.get("/api/render/exe/\(Self.document)").status == 404)
    }

    @Test func anAgendaHasAPublicAndAClosedPacketClearlyMarked() throws {
        let page = try served.get("/pakke/raadmandsmoede/dagsorden.yml")
        #expect(page.status == 200)
        #expect(page.text.contains("LUKKET – må ikke offentliggøres"))
        #expect(page.text.contains("/websted/offentlig/raadmandsmoede/dagsorden.yml/index.html"))
        #expect(page.text.contains("/websted/lukket/raadmandsmoede/dagsorden.yml/index.html"))
        let site = try served.get("/websted/offentlig/raadmandsmoede/dagsorden.yml/index.html")
        #expect(site.status == 200)
        #expect(site.headers["content-type"]?.hasPrefix("text/html") == true)
        let closed = try served.get("/websted/lukket/raadmandsmoede/dagsorden.yml/index.html")
        #expect(closed.status == 200)
        #expect(closed.text.contains("Lukket dagsorden"))
        #expect(!site.text.contains("Lukket dagsorden"))
        #expect(!site.text.contains("Personsag"))
        #expect(try served.get("/websted/offentlig/raadmandsmoede/dagsorden.yml/../../../udenfor.md").status == 403)
    }

    @Test func theOpenPageHearsOfAnEditMadeElsewhere() throws {
        let path = "randers/aabningstider-borgerservice.md"
        let url = served.root.appendingPathComponent(path)
        let before = try #require(FileManager.default.contents(atPath: url.path))
        let port = served.port
        // Change the file shortly after the stream opened.
        DispatchQueue.global().asyncAfter(deadline: .now() + 1) {
            try? (String(decoding: before, as: UTF8.self) + "\nÆndret udefra.\n").write(to: url, atomically: true, encoding: .utf8)
        }
        let events = try RawHTTP.stream(port: port, "/api/events/\(path)", headers: ["X-Indstil-Token": served.token], until: { $0.components(separatedBy: "event: version").count > 2 },
                                        timeout: 10)
        #expect(events.contains("text/event-stream"))
        #expect(events.components(separatedBy: "event: version").count == 3, "\(events)")
    }
}
