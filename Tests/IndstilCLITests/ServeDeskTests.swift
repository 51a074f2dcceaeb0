import Foundation
import IndstilTestSupport
import Testing

/// The secretariat's desk in the workspace, through the real server: an item's state
/// changed and written to the manifest, the agenda sent, packets built with progress
/// events, an item changed after sending marked in the next public packet and a late item
/// on the supplementary agenda. Each test has its own server (they change the agenda).
@Suite(.serialized) struct ServeDeskTests {
    static let agenda = "raadmandsmoede/dagsorden.yml"

    struct Event {
        let name: String
        let data: [String: Any]
    }

    /// The server-sent events of a whole build (the stream ends when the build does).
    static func build(_ served: ServedProject, _ manifest: String = agenda) throws -> [Event] {
        let reply = try served.get("/api/build/\(manifest)", timeout: 300)
        #expect(reply.status == 200, "\(reply.text)")
        #expect(reply.headers["content-type"]?.hasPrefix("text/event-stream") == true)
        return reply.text.components(separatedBy: "\n\n").compactMap { block in
            let lines = block.split(separator: "\n")
            guard let name = lines.first(where: { $0.hasPrefix("event: ") })?.dropFirst(7),
                  let data = lines.first(where: { $0.hasPrefix("data: ") })?.dropFirst(6),
                  let object = try? JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any]
            else { return nil }
            return Event(name: String(name), data: object)
        }
    }

    /// The text as the page would save it: the answer's text PUT with the version on disk.
    static func save(_ served: ServedProject, _ text: String, _ path: String = agenda) throws {
        let version = try #require(try served.get("/api/documents/\(path)").json()?["version"] as? String)
        let saved = try served.send("PUT", "/api/documents/\(path)", json: ["text": text, "version": version])
        #expect(saved.status == 200, "\(saved.text)")
    }

    static func download(_ served: ServedProject, _ href: String, to folder: URL) throws -> URL {
        let reply = try served.get(href, timeout: 60)
        #expect(reply.status == 200, "\(href): \(reply.status)")
        #expect(reply.body.prefix(5) == Data("%PDF-".utf8), "\(href) is a PDF")
        let file = folder.appendingPathComponent(URL(fileURLWithPath: href).lastPathComponent)
        try reply.body.write(to: file)
        return file
    }

    @Test("an item's state changed on the page is written to the manifest with who and when, and indstil check reads it")
    func stateChangeIsWrittenToTheManifest() throws {
        let served = try ServedProject()
        let text = try served.text(Self.agenda)
        let reply = try served.send("POST", "/api/agenda/item-state",
                                    json: ["path": Self.agenda, "text": text, "item": 3, "state": "godkendt", "by": "Ida Holm"])
        #expect(reply.status == 200, "\(reply.text)")
        let edited = try #require(reply.json()?["text"] as? String)
        try Self.save(served, edited)
        let saved = try served.text(Self.agenda)
        let item = try #require(saved.range(of: "  - indstilling: punkt-3/seniorundersoegelse.md\n    minutter: 15\n"))
        #expect(saved[item.upperBound...].hasPrefix("    tilstand: godkendt\n    tilstand_af: Ida Holm\n    tilstand_tid: \""), "\(saved)")
        #expect(saved.replacingOccurrences(of: #"    tilstand: godkendt\n    tilstand_af: Ida Holm\n    tilstand_tid: "[^"]*"\n"#, with: "", options: .regularExpression) == text,
                "nothing else of the manifest changed")
        // The CLI reads the states: every other item is now waiting for approval.
        let check = try served.folder.run("check", "examples/\(Self.agenda)", "--format", "json", timeout: 120)
        let waiting = check.stdout.components(separatedBy: "\"agenda.item-state\"").count - 1
        #expect(waiting == 5, "\(check.stdout.prefix(2000))")
        // The page's analysis shows the state, who and when.
        let analysis = try #require(try served.send("POST", "/api/analyse", json: ["path": Self.agenda, "text": saved]).json())
        let items = try #require((analysis["agenda"] as? [String: Any])?["items"] as? [[String: Any]])
        #expect(items[2]["state"] as? String == "godkendt" && items[2]["stateBy"] as? String == "Ida Holm")
        // Refused: a state that does not exist, an item that does not, a number that is a boolean.
        for (item, state) in [(3, "færdig"), (42, "klar")] as [(Any, String)] {
            let refused = try served.send("POST", "/api/agenda/item-state", json: ["path": Self.agenda, "text": saved, "item": item, "state": state, "by": "Ida"])
            #expect(refused.status == 422, "\(refused.text)")
        }
        let boolean = try served.send("POST", "/api/agenda/item-state", json: ["path": Self.agenda, "text": saved, "item": true, "state": "klar", "by": "Ida"])
        #expect(boolean.status == 400)
    }

    @Test("a packet build from the page reports its steps as events and ends with the public and the closed packet")
    func buildReportsProgressAndEndsWithBothPackets() throws {
        let served = try ServedProject()
        let events = try Self.build(served)
        let stages = Set(events.filter { $0.name == "step" }.compactMap { $0.data["stage"] as? String })
        #expect(stages.isSuperset(of: ["converting", "building", "setting", "stamping", "merging"]), "\(stages)")
        let done = try #require(events.last, "no events")
        #expect(done.name == "done", "\(done.data)")
        let packets = try #require(done.data["packets"] as? [[String: Any]])
        #expect(packets.map { $0["label"] as? String } == ["Dagsorden", "Lukket dagsorden"])
        #expect(packets.map { $0["closed"] as? Bool } == [false, true])
        let folder = try TempFolder("desk")
        defer { folder.remove() }
        for packet in packets { _ = try Self.download(served, try #require(packet["href"] as? String), to: folder.url) }
        #expect(try served.get("/api/build-result/nope/dagsorden.pdf").status == 404)
        #expect(try served.get("/api/build-result/../../etc/passwd").status == 404)
    }

    @Test("a build that cannot be made says why and where to fix it, never a command")
    func failedBuildSaysWhereToFixIt() throws {
        let served = try ServedProject()
        let text = try served.text(Self.agenda).replacingOccurrences(of: "fil: punkt-2/referat-2026-08-28.pdf", with: "fil: punkt-2/findes-ikke.pdf")
        try Self.save(served, text)
        let events = try Self.build(served)
        let failure = try #require(events.last)
        #expect(failure.name == "failure", "\(failure.data)")
        let message = try #require(failure.data["message"] as? String)
        #expect(message.contains("findes-ikke.pdf") && !message.contains("indstil "), "\(message)")
        #expect(failure.data["file"] as? String == Self.agenda)
        #expect(failure.data["line"] as? Int == 15)
        #expect(failure.data["href"] as? String == "/manifest/\(Self.agenda)")
    }

    @Test("sent, then a document changed and an item added: the next public packet marks the change, the late item has its own agenda")
    func afterSending() throws {
        let served = try ServedProject()
        let sent = try served.send("POST", "/api/agenda/send", json: ["path": Self.agenda, "text": try served.text(Self.agenda)])
        #expect(sent.status == 200, "\(sent.text)")
        let text = try #require(sent.json()?["text"] as? String)
        #expect(text.components(separatedBy: "udsendt_version: ").count - 1 == 6 && text.contains("\nudsendt: "))
        try Self.save(served, text)
        // Nothing new to send.
        #expect(try served.send("POST", "/api/agenda/send", json: ["path": Self.agenda, "text": text]).status == 422)

        // Item 3's indstilling changes on disk; an item comes after sending.
        let recommendation = served.root.appendingPathComponent("raadmandsmoede/punkt-3/seniorundersoegelse.md")
        try (try String(contentsOf: recommendation, encoding: .utf8) + "\nTilføjet efter udsendelsen.\n").write(to: recommendation, atomically: true, encoding: .utf8)
        try Self.save(served, text + "  - titel: Vinterberedskab på vejene\n    minutter: 5\n")
        let analysis = try #require(try served.send("POST", "/api/analyse", json: ["path": Self.agenda, "text": try served.text(Self.agenda)]).json())
        let desk = try #require(analysis["agenda"] as? [String: Any])
        #expect(desk["send"] as? String == "Send tillægsdagsordenen")
        let items = try #require(desk["items"] as? [[String: Any]])
        #expect(items.map { $0["changed"] as? Bool } == [false, false, true, false, false, false, false])
        #expect(items.map { $0["late"] as? Bool } == [false, false, false, false, false, false, true])

        let events = try Self.build(served)
        let done = try #require(events.last)
        #expect(done.name == "done", "\(done.data)")
        let packets = try #require(done.data["packets"] as? [[String: Any]])
        #expect(packets.map { $0["label"] as? String } == ["Dagsorden", "Lukket dagsorden", "Tillægsdagsorden"])
        let folder = try TempFolder("desk")
        defer { folder.remove() }
        let files = try packets.map { try Self.download(served, try #require($0["href"] as? String), to: folder.url) }
        let publicText = try AgendaCommandTests.text(files[0])
        #expect(publicText.contains("Ændret efter udsendelse"), "the public packet marks item 3")
        #expect(!publicText.contains("Vinterberedskab"), "the late item is not on the agenda as sent")
        let supplement = try AgendaCommandTests.text(files[2])
        #expect(supplement.contains("TILLÆGSDAGSORDEN") || supplement.contains("Tillægsdagsorden"))
        #expect(supplement.contains("Punkt 7: Vinterberedskab på vejene"), "\(supplement.prefix(1500))")

        // Sending again sends the supplementary agenda; the item stays on it.
        let second = try served.send("POST", "/api/agenda/send", json: ["path": Self.agenda, "text": try served.text(Self.agenda)])
        #expect(second.status == 200, "\(second.text)")
        #expect((second.json()?["message"] as? String)?.contains("Tillægsdagsordenen er sendt med punkt 7") == true)
        #expect((second.json()?["text"] as? String)?.hasSuffix("  - titel: Vinterberedskab på vejene\n    minutter: 5\n    udsendt_version: e3b0c44298fc1c14\n    tillæg: ja\n") == true)
    }

    @Test("minutes entered in the page: outcomes per decision point and attendance written to referat.yml; »godkendt med ændringer« needs the changes")
    func minutesOutcomesAreWrittenToTheManifest() throws {
        let served = try ServedProject()
        let minutes = "raadmandsmoede/referat.yml"
        // Item 6 not yet in the minutes: the form adds it.
        let text = try served.text(minutes).replacingOccurrences(of: "  - punkt: 6\n    beslutning: \"Intet at bemærke.\"\n", with: "")
        func send(_ item: Int, _ fields: [String: Any]) throws -> RawHTTP.Reply {
            var body: [String: Any] = ["path": minutes, "text": text, "item": item]
            body.merge(fields) { _, new in new }
            return try served.send("POST", "/api/minutes/item", json: body)
        }
        let unstated = try send(3, ["points": [["number": 1, "outcome": "taget til efterretning", "text": ""],
                                               ["number": 2, "outcome": "godkendt med ændringer", "text": " "]]])
        #expect(unstated.status == 422 && (unstated.json()?["message"] as? String)?.contains("kræver, at ændringerne skrives") == true, "\(unstated.text)")
        let stated = try send(3, ["points": [["number": 1, "outcome": "taget til efterretning", "text": ""],
                                             ["number": 2, "outcome": "godkendt med ændringer", "text": "Godkendt, idet nedsat tid også beskrives."]],
                                  "absent": ["Direktør Birthe Prøve"]])
        #expect(stated.status == 200, "\(stated.text)")
        let edited = try #require(stated.json()?["text"] as? String)
        #expect(edited.contains("""
          - punkt: 3
            beslutningspunkter: {1: taget til efterretning, 2: {udfald: godkendt med ændringer, tekst: "Godkendt, idet nedsat tid også beskrives."}}
            bemaerkninger: |
        """), "\(edited)")
        #expect(edited.contains("    fravaerende: [Direktør Birthe Prøve]\n"))
        let added = try served.send("POST", "/api/minutes/item", json: ["path": minutes, "text": edited, "item": 6, "outcome": "drøftet", "decision": ""])
        let final = try #require(added.json()?["text"] as? String, "\(added.text)")
        #expect(final.hasSuffix("  - punkt: 6\n    udfald: drøftet\n"), "\(final)")
        // Item 4 saved as the form shows it: its reason for not approving is kept.
        let kept = try served.send("POST", "/api/minutes/item", json: ["path": minutes, "text": final, "item": 4,
                                                                       "points": [["number": 1, "outcome": "ikke godkendt", "text": "",
                                                                                   "reason": "sagen først skal drøftes med den lokale MED-organisation"]]])
        let final4 = try #require(kept.json()?["text"] as? String, "\(kept.text)")
        #expect(final4.contains("    beslutningspunkter: {1: {udfald: ikke godkendt, begrundelse: sagen først skal drøftes med den lokale MED-organisation}}\n"), "\(final4)")
        try Self.save(served, final4, minutes)
        // The CLI reads what the form wrote: no minutes findings, and the page shows it back.
        let check = try served.folder.run("check", "examples/\(minutes)", "--format", "json", timeout: 120)
        #expect(!check.stdout.contains("\"minutes."), "\(check.stdout.prefix(3000))")
        let analysis = try #require(try served.send("POST", "/api/analyse", json: ["path": minutes, "text": final4]).json())
        let items = try #require((analysis["minutes"] as? [String: Any])?["items"] as? [[String: Any]])
        let points = try #require(items[2]["points"] as? [[String: Any]])
        #expect(points.map { $0["outcome"] as? String } == ["taget til efterretning", "godkendt med ændringer"])
        #expect(items[2]["absent"] as? [String] == ["Direktør Birthe Prøve"])
        #expect(items[5]["outcome"] as? String == "drøftet")
    }

    @Test("the item form: a new item with an appendix dropped on it, an item changed in place; both read by indstil check")
    func itemFormAddsAndChangesItems() throws {
        let served = try ServedProject()
        func upload(_ name: String, _ body: Data = Data("%PDF-1.4\n%%EOF\n".utf8), manifest: String = Self.agenda) throws -> RawHTTP.Reply {
            var query = URLComponents()
            query.queryItems = [URLQueryItem(name: "manifest", value: manifest), URLQueryItem(name: "punkt", value: "7"), URLQueryItem(name: "navn", value: name)]
            return try served.send("POST", "/api/upload?\(query.percentEncodedQuery ?? "")", body: body, headers: ["Content-Type": "application/octet-stream"])
        }
        let pdf = try Data(contentsOf: served.root.appendingPathComponent("raadmandsmoede/punkt-2/referat-2026-08-28.pdf"))
        let first = try upload("Notat om vejene.pdf", pdf)
        #expect(first.status == 200, "\(first.text)")
        #expect(first.json()?["path"] as? String == "raadmandsmoede/punkt-7/Notat-om-vejene.pdf")
        #expect(first.json()?["file"] as? String == "punkt-7/Notat-om-vejene.pdf")
        #expect(try upload("Notat om vejene.pdf", pdf).json()?["file"] as? String == "punkt-7/Notat-om-vejene-2.pdf", "nothing is overwritten")
        #expect(try upload("../../../udenfor.pdf").json()?["path"] as? String == "raadmandsmoede/punkt-7/udenfor.pdf", "a name is only a name")
        #expect(try upload("skript.sh").status == 415)
        #expect(try upload(".skjult.pdf").json()?["file"] as? String == "punkt-7/skjult.pdf")
        #expect([403, 404].contains(try upload("x.pdf", manifest: "indstil.yml").status))
        #expect(!FileManager.default.fileExists(atPath: served.folder.url.appendingPathComponent("udenfor.pdf").path))

        let text = try served.text(Self.agenda)
        func item(_ number: Int, _ fields: [String: Any], text: String) throws -> RawHTTP.Reply {
            var body: [String: Any] = ["path": Self.agenda, "text": text, "item": number]
            body.merge(fields) { _, new in new }
            return try served.send("POST", "/api/agenda/item", json: body)
        }
        let fields: [String: Any] = ["titel": "Vinterberedskab på vejene", "indstilling": "", "minutter": "10", "status": "lukket",
                                     "bilag": [["fil": "punkt-7/Notat-om-vejene.pdf", "titel": "Notat om vejene", "lukket": false]]]
        let unreasoned = try item(0, fields, text: text)
        #expect(unreasoned.status == 422 && (unreasoned.json()?["message"] as? String)?.contains("begrundelse") == true, "\(unreasoned.text)")
        var reasoned = fields
        reasoned["begrundelse"] = "Personsag"
        let added = try item(0, reasoned, text: text)
        #expect(added.status == 200 && added.json()?["item"] as? Int == 7, "\(added.text)")
        let withItem = try #require(added.json()?["text"] as? String)
        #expect(withItem == text + """
          - titel: Vinterberedskab på vejene
            minutter: 10
            status: lukket
            begrundelse: Personsag
            bilag: [{fil: punkt-7/Notat-om-vejene.pdf, titel: Notat om vejene}]

        """, "\(withItem)")
        // Item 2 changed in place: minutes, and its appendix list written anew.
        let changed = try item(2, ["titel": "Godkendelse af referat", "minutter": "7",
                                   "bilag": [["fil": "punkt-2/referat-2026-08-28.pdf", "titel": "Referat af rådmandsmødet 28. august 2026", "lukket": false]]],
                               text: withItem)
        let final = try #require(changed.json()?["text"] as? String, "\(changed.text)")
        #expect(final.contains("""
          - titel: Godkendelse af referat
            minutter: 7
            bilag: [{fil: punkt-2/referat-2026-08-28.pdf, titel: Referat af rådmandsmødet 28. august 2026}]
          - indstilling: punkt-3/seniorundersoegelse.md
        """), "\(final)")
        try Self.save(served, final)
        let check = try served.folder.run("check", "examples/\(Self.agenda)", "--format", "json", timeout: 120)
        #expect(check.status == 0 && !check.stdout.contains("\"severity\": \"error\""), "\(check.stdout.prefix(3000))")
        let analysis = try #require(try served.send("POST", "/api/analyse", json: ["path": Self.agenda, "text": final]).json())
        let items = try #require((analysis["agenda"] as? [String: Any])?["items"] as? [[String: Any]])
        #expect(items.count == 7 && items[6]["closed"] as? Bool == true)
    }
}
