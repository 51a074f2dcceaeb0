import Foundation
import Testing
import IndstilCore

/// `indstil diff` run as the real binary on two versions of the byråd example: the text,
/// JSON, HTML and DOCX outputs (the DOCX opened in LibreOffice, its changes accepted and
/// rejected there), and `FILE@REV` in a git repository.
@Suite("indstil diff (end to end)") struct DiffCommandTests {
    /// The example with a table in "8. Hvilke ressourcer kræves?" (old), and the new version
    /// with five changes: a sentence edited, a decision point added, a cell changed, the date
    /// changed, and a paragraph moved from section 7 to the end of section 9.
    static func versions() throws -> (old: String, new: String) {
        var old = try Fixtures.exampleText(Fixtures.byraad)
        old = old.replacingOccurrences(of: "bygningerne.\n\nDer forventes",
                                       with: "bygningerne.\n\n| Udgift | Mio. kr. |\n| --- | ---: |\n| Bookingside | 0,4 |\n| Låse | 1,8 |\n\nDer forventes")
        #expect(old.contains("| Låse | 1,8 |"))
        let moved = "Foreningerne bliver inddraget undervejs gennem Folkeoplysningsudvalget og et\nbrugerpanel med repræsentanter for store og små foreninger.\n\n"
        #expect(old.contains(moved))
        var new = old.replacingOccurrences(of: "Kommunen har mere end 140 mødelokaler", with: "Kommunen har over 150 mødelokaler")
            .replacingOccurrences(of: "dato: 2026-03-31", with: "dato: 2026-04-07")
            .replacingOccurrences(of: "| Låse | 1,8 |", with: "| Låse | 2,1 |")
            .replacingOccurrences(of: moved, with: "")
            .replacingOccurrences(of: "   skejby (bilag 2).\n", with: "   skejby (bilag 2).\n")
        var lines = new.components(separatedBy: "\n")
        var index = try #require(lines.firstIndex { $0.hasPrefix("3. Byrådet") })
        while index + 1 < lines.count, lines[index + 1].hasPrefix("   ") { index += 1 }
        lines.insert("4. Byrådet beder om en status på ordningen efter det første år.", at: index + 1)
        new = lines.joined(separator: "\n").trimmingCharacters(in: .newlines) + "\n\n" + moved.trimmingCharacters(in: .newlines) + "\n"
        return (old, new)
    }

    static func project() throws -> TempFolder {
        let project = try TempFolder.withExamples()
        let (old, new) = try versions()
        try project.write("examples/aarhus-byraad/gammel.md", old)
        try project.write("examples/aarhus-byraad/ny.md", new)
        return project
    }

    static let folder = "examples/aarhus-byraad"

    @Test("Text and JSON: exactly the five changes with their sections, decision points first; exit 1, and 0 for no change")
    func textAndJSON() throws {
        let project = try Self.project()
        defer { project.remove() }
        let text = try CLI.run(["diff", "gammel.md", "ny.md"], in: project.url(Self.folder))
        #expect(text.status == 1, "\(text)")
        #expect(text.stdout.hasPrefix("Ændringer fra gammel.md til ny.md: 5 ændringer\n\nBeslutningspunkter\n  Beslutningspunkt 4 tilføjet"), "\(text.stdout)")
        #expect(text.stdout.contains("[-2026-03-31-]{+2026-04-07+}"))
        #expect(text.stdout.contains("Kommunen har [-mere end 140-]{+over 150+} mødelokaler"))
        #expect(text.stdout.contains("Tabel, række »Låse«, kolonne »Mio. kr.« ændret"))
        #expect(text.stdout.contains("Tekst flyttet fra »7. Hvem gør det og hvordan?«"))
        #expect(!text.stdout.contains("\u{1B}["), "no colour when not a terminal")

        let json = try CLI.run(["diff", "gammel.md", "ny.md", "--format", "json"], in: project.url(Self.folder))
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
        let changes = try #require(object["changes"] as? [[String: Any]])
        let listed = changes.map { "\($0["kind"]!) \($0["place"]!) \(($0["section"] as? String) ?? "-")" }
        #expect(listed == [
            "added decision-point 2. Beslutningspunkter",
            "changed field -",
            "changed paragraph 1. Resume",
            "changed table-cell 8. Hvilke ressourcer kræves?",
            "moved paragraph 9. Hvad er den videre proces og hvordan følges op?",
        ], "\(listed)")
        #expect(object["decisionPointsChanged"] as? Bool == true)

        let same = try CLI.run(["diff", "gammel.md", "gammel.md"], in: project.url(Self.folder))
        #expect(same.status == 0 && same.stdout == "Ændringer fra gammel.md til gammel.md: 0 ændringer\n", "\(same)")
        let missing = try CLI.run(["diff", "gammel.md", "findes-ikke.md"], in: project.url(Self.folder))
        #expect(missing.status == 2 && missing.stderr.contains("findes-ikke.md"), "\(missing)")
    }

    @Test("HTML shows exactly those changes, each deletion and insertion said in words; PDF is written and tagged")
    func htmlAndPDF() throws {
        let project = try Self.project()
        defer { project.remove() }
        let result = try CLI.run(["diff", "gammel.md", "ny.md", "--to", "html", "-o", "aendringer.html"], in: project.url(Self.folder))
        #expect(result.status == 1, "\(result)")
        let html = try String(contentsOf: project.url("\(Self.folder)/aendringer.html"), encoding: .utf8)
        func texts(_ element: String) -> [String] {
            html.matches(of: try! Regex("<\(element)><span class=\"visually-hidden\">[^<]*</span>([^<]*)<span")).map { String($0.output[1].substring ?? "") }
        }
        #expect(texts("del") == ["2026-03-31", "mere end 140", "1,8"], "\(texts("del"))")
        #expect(texts("ins") == ["Byrådet beder om en status på ordningen efter det første år.", "2026-04-07", "over 150", "2,1"], "\(texts("ins"))")
        #expect(html.contains("<html lang=\"da\">") && html.contains("<caption>Ændringer pr. afsnit</caption>"))
        #expect(html.contains("slettet: ") && html.contains("indsat: "))

        let pdf = try CLI.run(["diff", "gammel.md", "ny.md", "--to", "pdf", "-o", "aendringer.pdf"], in: project.url(Self.folder), timeout: 120)
        #expect(pdf.status == 1, "\(pdf)")
        let text = try TestProcess.run("pdftotext", [project.url("\(Self.folder)/aendringer.pdf").path, "-"]).requireSuccess().stdout
        #expect(text.contains("Beslutningspunkt 4 tilføjet"), "\(text.prefix(800))")
        let info = try TestProcess.run("pdfinfo", [project.url("\(Self.folder)/aendringer.pdf").path]).requireSuccess().stdout
        #expect(info.contains("Tagged:          yes"), "\(info)")
    }

    /// Writer's view of a .docx through LibreOffice (tests/redline_review.py).
    static func review(_ docx: URL) throws -> (redlines: [[String: String]], accepted: [String], rejected: [String]) {
        let script = Fixtures.packageRoot.appendingPathComponent("tests/redline_review.py").path
        let result = try TestProcess.run("/usr/bin/python3", [script, docx.path], timeout: 180).requireSuccess()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return (object["redlines"] as? [[String: String]] ?? [], object["accepted"] as? [String] ?? [], object["rejected"] as? [String] ?? [])
    }

    @Test("DOCX with Word revisions: LibreOffice lists them with author and date; accepting all gives the new text, rejecting all the old")
    func docxRevisions() throws {
        let project = try Self.project()
        defer { project.remove() }
        let folder = project.url(Self.folder)
        for (old, new, name) in [("gammel.md", "ny.md", "aendringer.docx"), ("ny.md", "ny.md", "ny.docx"), ("gammel.md", "gammel.md", "gammel.docx")] {
            let result = try CLI.run(["diff", old, new, "--to", "docx", "-o", name, "--author", "Ida Eksempel", "--date", "2026-04-07"], in: folder)
            #expect(result.status == (old == new ? 0 : 1), "\(result)")
        }
        let redline = try Self.review(folder.appendingPathComponent("aendringer.docx"))
        #expect(redline.redlines.count >= 9, "\(redline.redlines)")
        #expect(redline.redlines.allSatisfy { $0["author"] == "Ida Eksempel" && $0["date"] == "2026-04-07" }, "\(redline.redlines)")
        #expect(Set(redline.redlines.compactMap { $0["type"] }) == ["Insert", "Delete"])
        let newText = try Self.review(folder.appendingPathComponent("ny.docx"))
        let oldText = try Self.review(folder.appendingPathComponent("gammel.docx"))
        #expect(newText.redlines.isEmpty && oldText.redlines.isEmpty)
        #expect(redline.accepted == newText.accepted, "\(zip(redline.accepted, newText.accepted).filter { $0 != $1 }.prefix(3))")
        #expect(redline.rejected == oldText.accepted, "\(zip(redline.rejected, oldText.accepted).filter { $0 != $1 }.prefix(3))")
        #expect(redline.accepted.contains("dato: 2026-04-07") && redline.rejected.contains("dato: 2026-03-31"))

        // Deterministic: the same versions, author and date give the same bytes.
        _ = try CLI.run(["diff", "gammel.md", "ny.md", "--to", "docx", "-o", "igen.docx", "--author", "Ida Eksempel", "--date", "2026-04-07"], in: folder)
        #expect(try Data(contentsOf: folder.appendingPathComponent("igen.docx")) == Data(contentsOf: folder.appendingPathComponent("aendringer.docx")))
    }

    @Test("FILE@HEAD~1 in a git repository, with the revision's author in the DOCX; a clear error outside one")
    func gitRevisions() throws {
        let project = try Self.project()
        defer { project.remove() }
        let folder = project.url(Self.folder)
        let (old, new) = try Self.versions()
        func git(_ arguments: String...) throws {
            try TestProcess.run("git", ["-c", "user.name=Bo Eksempel", "-c", "user.email=bo@example.dk", "-c", "commit.gpgsign=false"] + arguments,
                                in: folder).requireSuccess()
        }
        try git("init", "-q")
        try old.write(to: folder.appendingPathComponent("sag.md"), atomically: true, encoding: .utf8)
        try git("add", "sag.md")
        try git("commit", "-q", "-m", "Første udgave")
        try new.write(to: folder.appendingPathComponent("sag.md"), atomically: true, encoding: .utf8)
        try git("commit", "-q", "-a", "-m", "Anden udgave")
        let json = try CLI.run(["diff", "sag.md@HEAD~1", "sag.md", "--format", "json"], in: folder)
        #expect(json.status == 1, "\(json)")
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
        #expect(object["count"] as? Int == 5, "\(json.stdout.prefix(600))")
        let both = try CLI.run(["diff", "sag.md@HEAD~1", "sag.md@HEAD"], in: folder)
        #expect(both.status == 1 && both.stdout.contains(": 5 ændringer"), "\(both)")
        let docx = try CLI.run(["diff", "sag.md@HEAD~1", "sag.md@HEAD", "--to", "docx", "-o", "git.docx"], in: folder)
        #expect(docx.status == 1, "\(docx)")
        let document = try #require(try WordFixture.read(folder.appendingPathComponent("git.docx")).first { $0.0 == "word/document.xml" }?.1)
        #expect(String(decoding: document, as: UTF8.self).contains("w:author=\"Bo Eksempel\""))

        let unknown = try CLI.run(["diff", "sag.md@ingen-saadan", "sag.md"], in: folder)
        #expect(unknown.status == 2 && unknown.stderr.contains("kan ikke læses med git"), "\(unknown)")
        let outside = try TempFolder("diff-outside")
        defer { outside.remove() }
        try old.write(to: outside.url("sag.md"), atomically: true, encoding: .utf8)
        let refused = try CLI.run(["diff", "sag.md@HEAD~1", "sag.md"], in: outside.url)
        #expect(refused.status == 2 && refused.stderr.contains("ikke i et git-arkiv"), "\(refused)")
    }
}
