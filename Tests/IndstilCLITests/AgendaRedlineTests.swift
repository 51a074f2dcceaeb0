import Foundation
import Testing
import IndstilCore

/// `indstil bundle --redline`: an item whose indstilling changed after the agenda was sent
/// gets a page of what changed since the day of sending (the indstilling as git held it then),
/// in the site and in the PDF; an item git has no version of is said, not guessed.
@Suite("Agenda packets with the changes since sending (end to end)") struct AgendaRedlineTests {
    /// A rådmandsmøde agenda with the example rådmandsindstilling as punkt-2/sag.md, after `items`.
    static func agendaProject(_ name: String, items: String = "") throws -> TempFolder {
        let project = try TempFolder(name)
        try project.write("punkt-2/sag.md", ExampleDocument.raadmand.text)
        try project.write("dagsorden.yml", """
            type: dagsorden
            udvalg: "Rådmandsmøde"
            dato: 2026-09-04
            start: "10:00"
            slut: "11:00"
            punkter:
            \(items.isEmpty ? "" : items + "\n")  - indstilling: punkt-2/sag.md
                minutter: 10

            """)
        return project
    }

    /// git in `project`, as an invented committer, without signing.
    static func git(_ arguments: [String], in project: TempFolder) throws {
        try TestProcess.run("git", ["-c", "user.name=Bo Eksempel", "-c", "user.email=bo@example.dk", "-c", "commit.gpgsign=false"] + arguments,
                            in: project.url).requireSuccess()
    }

    @Test("A decision point reworded after sending: the packet's item has »Ændringer siden udsendelsen« with exactly that change")
    func redlineAfterSending() throws {
        let project = try Self.agendaProject("agenda-redline", items: """
              - titel: Godkendelse af dagsorden
                minutter: 5
            """)
        defer { project.remove() }
        let document = ExampleDocument.raadmand.text
        func git(_ arguments: String...) throws { try Self.git(arguments, in: project) }
        try git("init", "-q")
        try git("add", ".")
        try git("commit", "-q", "-m", "Dagsorden som udsendt")
        // Sent today (the commit is from today too), then the decision point is reworded.
        let url = project.url.appendingPathComponent("dagsorden.yml")
        let text = try String(contentsOf: url, encoding: .utf8)
        let (sent, _) = try AgendaSending.apply(to: text, url: url, displayPath: "dagsorden.yml", workspace: Workspace(), today: CalendarDate.today())
        try sent.write(to: url, atomically: true, encoding: .utf8)
        try project.write("punkt-2/sag.md", document.replacingOccurrences(of: "1) at rådmanden tager status på ordningen til efterretning.",
                                                                         with: "1) at rådmanden godkender, at ordningen fortsætter i 2027."))

        let site = try CLI.run(["bundle", "dagsorden.yml", "--redline", "-o", "ud"], in: project.url, timeout: 120)
        #expect(site.status == 0, "\(site)")
        let pages = try FileManager.default.contentsOfDirectory(atPath: project.url.appendingPathComponent("ud").path)
        let pageTexts = try pages.filter { $0.hasSuffix(".html") }.map { try String(contentsOf: project.url.appendingPathComponent("ud/\($0)"), encoding: .utf8) }
        let redline = try #require(pageTexts.first { $0.contains("<h1>Ændringer siden udsendelsen</h1>") }, "\(pages)")
        #expect(redline.contains("Punkt 2, Bilag 2"), "the page is the item's next appendix")
        #expect(redline.contains("Beslutningspunkt 1 ændret"), "\(redline)")
        #expect(redline.contains("at rådmanden <del>[slettet: tager status på]</del> <ins>[indsat: godkender, at]</ins> ordningen <del>[slettet: til efterretning]</del> <ins>[indsat: fortsætter i 2027]</ins>."), "\(redline)")
        #expect(pageTexts.contains { $0.contains("Ændret efter udsendelse") }, "the item is still marked in the index")

        let pdf = try CLI.run(["bundle", "dagsorden.yml", "--redline", "--to", "pdf", "-o", "dagsorden.pdf"], in: project.url, timeout: 240)
        #expect(pdf.status == 0, "\(pdf)")
        let pdfText = try TestProcess.run("pdftotext", [project.url.appendingPathComponent("dagsorden.pdf").path, "-"]).requireSuccess().stdout
        #expect(pdfText.contains("Ændringer siden udsendelsen") && pdfText.contains("[indsat: fortsætter i 2027]"), "\(pdfText.prefix(1500))")

        // Without --redline the packet has no such page; outside git the change cannot be shown and is said.
        let plain = try CLI.run(["bundle", "dagsorden.yml", "-o", "ud-uden"], in: project.url, timeout: 120)
        #expect(plain.status == 0)
        let plainPages = try FileManager.default.contentsOfDirectory(atPath: project.url.appendingPathComponent("ud-uden").path)
        #expect(try plainPages.filter { $0.hasSuffix(".html") }.allSatisfy {
            !(try String(contentsOf: project.url.appendingPathComponent("ud-uden/\($0)"), encoding: .utf8)).contains("Ændringer siden udsendelsen")
        })
        try FileManager.default.removeItem(at: project.url.appendingPathComponent(".git"))
        let noGit = try CLI.run(["bundle", "dagsorden.yml", "--redline", "-o", "ud-uden-git"], in: project.url, timeout: 120)
        #expect(noGit.status == 0 && noGit.stderr.contains("Punkt 2: git har ingen udgave af"), "\(noGit)")
    }

    @Test("The version sent held a CPR number taken out since: an open item's packet shows no changes, and says why")
    func personalDataInTheOldVersionStaysOut() throws {
        let project = try Self.agendaProject("agenda-redline-privacy")
        defer { project.remove() }
        let document = ExampleDocument.raadmand.text
        let url = project.url.appendingPathComponent("dagsorden.yml")
        let (sent, _) = try AgendaSending.apply(to: try String(contentsOf: url, encoding: .utf8), url: url, displayPath: "dagsorden.yml",
                                                workspace: Workspace(), today: CalendarDate.today())
        try sent.write(to: url, atomically: true, encoding: .utf8)
        // The version git holds from the sending day has a citizen's CPR number in it.
        try project.write("punkt-2/sag.md", document.replacingOccurrences(
            of: "Ordningen har nu kørt et halvt år", with: "Borgerens CPR-nr. 010190-1234 fremgår af sagen. Ordningen har nu kørt et halvt år"))
        func git(_ arguments: String...) throws { try Self.git(arguments, in: project) }
        try git("init", "-q")
        try git("add", ".")
        try git("commit", "-q", "-m", "Med CPR-nummer")
        try project.write("punkt-2/sag.md", document.replacingOccurrences(of: "1) at rådmanden tager status på ordningen til efterretning.",
                                                                         with: "1) at rådmanden godkender, at ordningen fortsætter i 2027."))
        let site = try CLI.run(["bundle", "dagsorden.yml", "--redline", "-o", "ud"], in: project.url, timeout: 120)
        #expect(site.status == 0 && site.stderr.contains("indeholder personoplysninger"), "\(site)")
        let pages = try FileManager.default.contentsOfDirectory(atPath: project.url.appendingPathComponent("ud").path).filter { $0.hasSuffix(".html") }
        for page in pages {
            let html = try String(contentsOf: project.url.appendingPathComponent("ud/\(page)"), encoding: .utf8)
            #expect(!html.contains("010190") && !html.contains("Ændringer siden udsendelsen"), "\(page)")
        }
    }
}
