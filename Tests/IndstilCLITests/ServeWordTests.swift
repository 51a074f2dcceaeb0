import Foundation
import IndstilCore
import IndstilTestSupport
import Testing

/// Word documents in `indstil serve` over real HTTP: `/api/analyse-word` finds what
/// `indstil check` finds in the same .docx and writes nothing in the project;
/// `/api/import-word` writes what `indstil import` writes, once; anything but a .docx is
/// refused in Danish; "Nyt dokument" and /word preselect the project's most used profile.
@Suite(.serialized) struct ServeWordTests {
    /// A server of its own: these tests compare the project's files before and after.
    static let served: ServedProject = {
        do { return try ServedProject() } catch { fatalError("the test server could not start: \(error)") }
    }()
    static let source = "aarhus-byraad/ny-ordning-moedelokaler.md"
    static let profile = "aarhus-byraad"
    static let docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

    /// A .docx pandoc makes of an example (outside the project), and its folder.
    static func pandocDocx() throws -> (TempFolder, URL) {
        let folder = try TempFolder("serve-word")
        let docx = folder.url("moedelokaler.docx")
        try TestProcess.run("pandoc", [served.root.appendingPathComponent(source).path, "-f", "markdown", "-t", "docx",
                                       "-o", docx.path]).requireSuccess()
        return (folder, docx)
    }

    /// Every file in the project with its size and modification time.
    static func snapshot(_ root: URL) -> [String: String] {
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.contentModificationDateKey, .fileSizeKey])
        while let url = enumerator?.nextObject() as? URL {
            let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey])
            files[url.path] = "\(values?.fileSize ?? -1) \(values?.contentModificationDate?.timeIntervalSince1970 ?? 0)"
        }
        return files
    }

    /// The text of each paragraph of the .docx's body, in order (numbered from 1 by the index + 1).
    static func paragraphTexts(_ docx: URL) throws -> [String] {
        let body = try #require(try WordFixture.read(docx).first { $0.0 == "word/document.xml" }?.1)
        let xml = String(decoding: body, as: UTF8.self)
        return xml.split(separator: /<w:p[ >]/, omittingEmptySubsequences: false).dropFirst()
            .map { chunk in
                chunk.matches(of: /<w:t(?: [^>]*)?>([^<]*)<\/w:t>/).map { String($0.1) }.joined()
            }
    }

    static func findingIDs(_ diagnostics: [[String: Any]]) -> [String] {
        diagnostics.map { "\($0["check"] as? String ?? "?"):\($0["line"] as? Int ?? 0)" }.sorted()
    }

    @Test func analyseWordFindsWhatCheckFindsAndWritesNothing() throws {
        let (folder, docx) = try Self.pandocDocx()
        defer { folder.remove() }
        let served = Self.served
        let check = try CLI.run(["check", "--profile", Self.profile, "--format", "json", docx.path], in: served.root, timeout: 60)
        let report = try #require(try JSONSerialization.jsonObject(with: check.stdoutData) as? [String: Any], "\(check)")
        let file = try #require((report["files"] as? [[String: Any]])?.first)
        let expected = Self.findingIDs(file["diagnostics"] as? [[String: Any]] ?? [])
        #expect(!expected.isEmpty, "the example's .docx should have findings to compare")

        let before = Self.snapshot(served.root)
        let reply = try served.send("POST", "/api/analyse-word?profil=\(Self.profile)&navn=moedelokaler.docx",
                                    body: try Data(contentsOf: docx), headers: ["Content-Type": Self.docxType])
        #expect(reply.status == 200, "\(reply.text)")
        let answer = try #require(reply.json())
        let diagnostics = try #require(answer["diagnostics"] as? [[String: Any]])
        #expect(Self.findingIDs(diagnostics) == expected)
        #expect(diagnostics.contains { $0["heading"] is String }, "findings name the heading above their paragraph")
        let summary = try #require(answer["summary"] as? [String: Int])
        #expect(summary["errors"] == (report["summary"] as? [String: Any])?["errors"] as? Int)
        #expect(answer["limit"] as? Int != nil && answer["limitedCharacters"] as? Int != nil)
        let points = try #require(answer["decisionPoints"] as? [[String: Any]])
        #expect(!points.isEmpty)
        // A decision point's line is its Word paragraph, as the findings' lines are.
        let paragraphs = try Self.paragraphTexts(docx)
        for point in points {
            let line = try #require(point["line"] as? Int), text = try #require(point["text"] as? String)
            #expect(line >= 1 && line <= paragraphs.count && paragraphs[line - 1].contains(text.prefix(30)),
                    "paragraph \(line): \(line <= paragraphs.count ? paragraphs[line - 1] : "–") ≠ \(text)")
        }
        #expect((answer["html"] as? String)?.contains("mødelokaler") == true)
        #expect(answer["path"] as? String == "moedelokaler.docx")
        #expect(Self.snapshot(served.root) == before, "nothing is written in the project")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())
            .filter { $0.contains(".word.") && $0.hasPrefix("indstil-tmp.") }
        #expect(leftovers.isEmpty, "the private temporary copy is removed: \(leftovers)")
    }

    @Test func whatIsNotADocxIsRefusedInDanish() throws {
        let served = Self.served
        let pdf = try served.send("POST", "/api/analyse-word?navn=referat.pdf", body: Data("%PDF-1.7\n".utf8),
                                  headers: ["Content-Type": "application/pdf"])
        #expect(pdf.status == 415)
        #expect((pdf.json()?["message"] as? String)?.contains("ikke et Word-dokument (.docx)") == true, "\(pdf.text)")
        // A ZIP that is no Word document.
        let folder = try TempFolder("serve-word-zip")
        defer { folder.remove() }
        let zip = folder.url("tom.docx")
        try WordFixture.write([("noget.txt", Data("hej".utf8))], to: zip)
        let notWord = try served.send("POST", "/api/analyse-word?profil=\(Self.profile)", body: try Data(contentsOf: zip),
                                      headers: ["Content-Type": Self.docxType])
        #expect(notWord.status == 422)
        #expect((notWord.json()?["message"] as? String)?.contains("kan ikke læses som et Word-dokument") == true, "\(notWord.text)")
        let unknown = try served.send("POST", "/api/analyse-word?profil=findes-ikke", body: try Data(contentsOf: zip),
                                      headers: ["Content-Type": Self.docxType])
        #expect(unknown.status == 400)
        // Like every change: without the token (and without an Origin) it is refused.
        let anonymous = try served.send("POST", "/api/analyse-word", body: try Data(contentsOf: zip), headers: ["X-Indstil-Token": nil])
        #expect(anonymous.status == 403)
    }

    @Test func importWordWritesWhatIndstilImportWritesOnce() throws {
        let (folder, docx) = try Self.pandocDocx()
        defer { folder.remove() }
        let served = Self.served
        let cli = try CLI.run(["import", "--profile", Self.profile, docx.path], in: served.root, timeout: 60)
        #expect(cli.status == 0, "\(cli)")
        let path = "importeret/moedelokaler.md"
        let reply = try served.send("POST", "/api/import-word?profil=\(Self.profile)&navn=moedelokaler.docx&sti=\(path)",
                                    body: try Data(contentsOf: docx), headers: ["Content-Type": Self.docxType])
        #expect(reply.status == 201, "\(reply.text)")
        #expect(reply.json()?["page"] as? String == "/dokument/importeret/moedelokaler.md")
        #expect(try served.text(path) == cli.stdout)
        let again = try served.send("POST", "/api/import-word?profil=\(Self.profile)&sti=\(path)",
                                    body: try Data(contentsOf: docx), headers: ["Content-Type": Self.docxType])
        #expect(again.status == 409)
        #expect(try served.text(path) == cli.stdout, "an existing file is never overwritten")
        let outside = try served.send("POST", "/api/import-word?sti=..%2Fudenfor.md", body: try Data(contentsOf: docx),
                                      headers: ["Content-Type": Self.docxType])
        #expect(outside.status == 403)
    }

    @Test func newDocumentAndWordPreselectTheMostUsedProfile() throws {
        let served = Self.served
        let documents = try #require(try JSONSerialization.jsonObject(with: served.get("/api/documents").body) as? [[String: Any]])
        var counts: [String: Int] = [:]
        for case let profile? in documents.map({ $0["profile"] as? String }) { counts[profile, default: 0] += 1 }
        let most = try #require(counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key)
        for page in ["/ny", "/word"] {
            let html = try served.get(page).text
            let selected = html.split(separator: "\n").filter { $0.contains("<option") && $0.contains(" selected>") }
            #expect(selected.count == 1, "\(page)")
            #expect(selected.first?.contains("value=\"\(most)\"") == true, "\(page): \(selected)")
        }
    }

    @Test func theOverviewListsTitlesDatesAndClosedDocuments() throws {
        let html = try Self.served.get("/").text
        // Titles from the front matter, the path as a second line, the date in Danish.
        let text = try Self.served.text(Self.source)
        let title = try #require(text.split(separator: "\n").first { $0.hasPrefix("titel:") }?
            .dropFirst("titel:".count).trimmingCharacters(in: CharacterSet(charactersIn: " \"")))
        #expect(html.contains(">\(title.replacingOccurrences(of: "&", with: "&amp;"))</a>"), "\(title)")
        #expect(html.contains("<span class=\"path\">\(Self.source)</span>"))
        #expect(html.contains(#/\d{1,2}\. (januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december) \d{4}/#))
        #expect(html.contains("id=\"state-filter\"") && html.contains("<option value=\"closed\">"))
        #expect(html.contains("href=\"/word\""))
        #expect(!html.contains(" 1 dokumenter"), "one document is »1 dokument«")
    }
}
