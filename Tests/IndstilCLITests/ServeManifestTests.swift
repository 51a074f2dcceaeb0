import Foundation
import IndstilCore
import IndstilTestSupport
import Testing

/// A packet's manifest is edited in the workspace like a document: its unsaved text checked
/// live by the same assembly and checks as `indstil check`, saved with versions, reached from
/// the packet's page.
@Suite(.serialized) struct ServeManifestTests {
    static let served: ServedProject = { try! ServedProject() }()
    static let agenda = "raadmandsmoede/dagsorden.yml"

    /// The agenda with its first item lasting `minutes` minutes.
    static func agenda(lasting minutes: Int) throws -> String {
        let text = try served.text(agenda)
        let range = try #require(text.range(of: "minutter: 5"))
        return text.replacingCharacters(in: range, with: "minutter: \(minutes)")
    }

    @Test("an agenda's unsaved text: the same agenda findings, with their lines, as indstil check of it saved")
    func unsavedAgendaIsCheckedAsTheCLIChecksIt() throws {
        let text = try Self.agenda(lasting: 500)
        let reply = try Self.served.send("POST", "/api/analyse", json: ["path": Self.agenda, "text": text])
        #expect(reply.status == 200, "\(reply.text)")
        let answer = try #require(reply.json())
        #expect(answer["kind"] as? String == "manifest")
        let found = (answer["diagnostics"] as? [[String: Any]] ?? []).map { "\($0["check"] ?? ""):\($0["line"] ?? "")" }
        #expect(found.contains { $0.hasPrefix("agenda.time:") }, "\(found)")
        // The CLI on the same text, saved in a copy of the project.
        let folder = try TempFolder.withExamples()
        try text.write(to: folder.url.appendingPathComponent("examples/\(Self.agenda)"), atomically: true, encoding: .utf8)
        let check = try folder.run("check", "examples/\(Self.agenda)", "--format", "json", timeout: 60)
        let files = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])["files"] as? [[String: Any]]
        let own = try #require(files?.first { ($0["path"] as? String)?.hasSuffix(Self.agenda) == true })
        let expected = (own["diagnostics"] as? [[String: Any]] ?? []).map { "\($0["check"] ?? ""):\($0["line"] ?? "")" }
        #expect(found.sorted() == expected.sorted(), "workspace \(found) vs check \(expected)")
        #expect((answer["html"] as? String)?.contains("Punkterne varer") == true, "the preview of the agenda's items")
        // The saved agenda is untouched by checking.
        #expect(try Self.served.text(Self.agenda).contains("minutter: 5"))
    }

    @Test("the agenda's preview says when it must be sent (4 Danish working days before), or when it was")
    func sendingDeadline() throws {
        let text = try Self.served.text(Self.agenda)
        for (manifest, expected) in [
            (text, "Dagsordenen skal udsendes senest mandag den 31. august 2026 – "),
            (text.replacingOccurrences(of: "sted:", with: "udsendt: 2026-09-01\nsted:"),
             "Udsendt tirsdag den 1. september 2026; fristen var mandag den 31. august 2026 (for sent)."),
            (text.replacingOccurrences(of: "sted:", with: "udsendt: 2026-08-28\nsted:"),
             "Udsendt fredag den 28. august 2026; fristen var mandag den 31. august 2026."),
        ] {
            let reply = try Self.served.send("POST", "/api/analyse", json: ["path": Self.agenda, "text": manifest])
            let html = try #require(reply.json()?["html"] as? String, "\(reply.text)")
            #expect(html.contains("<p class=\"frist\"><strong>\(expected)"), "\(html.prefix(1200))")
        }
    }

    @Test("the manifest page: the editor without a form of fields, a link to its packet; the packet page links back")
    func manifestPage() throws {
        let page = try Self.served.get("/manifest/\(Self.agenda)")
        #expect(page.status == 200)
        #expect(page.text.contains("data-kind=\"manifest\"") && !page.text.contains("id=\"fields\"") && page.text.contains("/pakke/raadmandsmoede/dagsorden.yml"))
        let packet = try Self.served.get("/pakke/\(Self.agenda)")
        #expect(packet.text.contains("href=\"/manifest/raadmandsmoede/dagsorden.yml\""))
        #expect([403, 404].contains(try Self.served.get("/manifest/indstil.yml").status))
        #expect([403, 404].contains(try Self.served.get("/manifest/aarhus-byraad/ny-ordning-moedelokaler.md").status))
    }

    @Test("a manifest is saved with its version; indstil.yml is not")
    func manifestIsSaved() throws {
        let opened = try #require(try Self.served.get("/api/documents/\(Self.agenda)").json())
        let version = try #require(opened["version"] as? String)
        let text = try Self.agenda(lasting: 6)
        let saved = try Self.served.send("PUT", "/api/documents/\(Self.agenda)", json: ["text": text, "version": version])
        #expect(saved.status == 200, "\(saved.text)")
        #expect(try Self.served.text(Self.agenda) == text)
        let config = try Self.served.send("PUT", "/api/documents/indstil.yml", json: ["text": "profile: x\n", "version": "missing"])
        #expect([403, 404].contains(config.status), "\(config.status)")
    }
}
