import Foundation
import Testing
import IndstilCore

/// `indstil check` and `indstil import` on Word documents, run as the real binary.
@Suite("Word documents (end to end)") struct WordCommandTests {
    /// A project (profile in indstil.yml) with the byråd example rendered to sag.docx, its
    /// second decision point rewritten so it lacks »Byrådet«.
    static func project() throws -> TempFolder {
        let project = try TempFolder("word-e2e")
        try project.write("indstil.yml", "profile: aarhus-byraad\n")
        let text = try Fixtures.exampleText(Fixtures.byraad)
            .replacingOccurrences(of: "2. Byrådet godkender, at udlånet", with: "2. Magistraten sikrer, at udlånet")
        try project.write("kilde/sag.md", text)
        let rendered = try project.run("render", "kilde/sag.md", "--to", "docx", "-o", "sag.docx")
        #expect(rendered.status == 0, "\(rendered)")
        return project
    }

    @Test func checkReportsTheParagraphAndItsHeadingInTextJSONAndSARIF() throws {
        let project = try Self.project()
        defer { project.remove() }
        let result = try project.run("check", "sag.docx")
        #expect(result.status == 1, "\(result)")
        let subject = try #require(result.diagnostics.first { $0.check == "decision.subject" }, "\(result)")
        #expect(subject.path == "sag.docx")
        #expect(subject.message.hasSuffix("(under »2. Beslutningspunkter«)"), "\(subject.message)")
        // Paragraph numbers: the label, the header table's paragraphs, the title … then the second point.
        #expect(subject.line > 10 && subject.line < 40, "\(subject.line)")
        let english = try project.run("check", "sag.docx", "--lang", "en")
        #expect(english.stdout.contains("(under \"2. Beslutningspunkter\") [decision.subject]"), "\(english)")

        let json = try project.run("check", "sag.docx", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
        let diagnostics = try #require(((object["files"] as? [[String: Any]])?.first?["diagnostics"]) as? [[String: Any]])
        let jsonSubject = try #require(diagnostics.first { $0["check"] as? String == "decision.subject" })
        #expect(jsonSubject["heading"] as? String == "2. Beslutningspunkter")
        #expect(jsonSubject["line"] as? Int == subject.line)

        // stats puts a Word document's sections on paragraphs too: the decision section
        // starts before the point found in it, and the next section after it.
        let stats = try project.run("stats", "sag.docx", "--format", "json")
        let statsObject = try #require(try JSONSerialization.jsonObject(with: stats.stdoutData) as? [String: Any])
        let sections = try #require(((statsObject["files"] as? [[String: Any]])?.first?["sections"]) as? [[String: Any]])
        let sectionLines = sections.compactMap { $0["line"] as? Int }
        #expect(sectionLines.count == 9)
        #expect(sectionLines[1] < subject.line && subject.line < sectionLines[2], "\(sectionLines), \(subject.line)")

        let sarif = try project.run("check", "sag.docx", "--format", "sarif")
        #expect(sarif.stdout.contains("\"logicalLocations\""), "\(sarif.stdout.prefix(2000))")
        #expect(sarif.stdout.contains("\"name\": \"2. Beslutningspunkter\"") || sarif.stdout.contains("\"name\":\"2. Beslutningspunkter\""))
    }

    @Test func markdownFindingsNameNoHeading() throws {
        let project = try Self.project()
        defer { project.remove() }
        let result = try project.run("check", "kilde/sag.md", "--format", "json")
        #expect(result.status == 1)
        #expect(!result.stdout.contains("\"heading\""), "Markdown output is unchanged")
        #expect(!(try project.run("check", "kilde/sag.md")).stdout.contains("(under »"))
    }

    @Test func importWritesMarkdownThatChecksTheSame() throws {
        let project = try Self.project()
        defer { project.remove() }
        let imported = try project.run("import", "sag.docx", "-o", "importeret.md")
        #expect(imported.status == 0, "\(imported)")
        let markdown = try project.read("importeret.md")
        #expect(markdown.hasPrefix("---\nprofil: \"aarhus-byraad\"\ntitel: \"Ny ordning for udlån af kommunens mødelokaler til foreninger\"\n"))
        #expect(markdown.contains("2. Magistraten sikrer, at udlånet"))
        let fromWord = try project.run("check", "sag.docx")
        let fromMarkdown = try project.run("check", "importeret.md")
        #expect(Set(fromWord.diagnostics.map(\.check)) == Set(fromMarkdown.diagnostics.map(\.check)), "\(fromWord)\n\(fromMarkdown)")
        #expect(fromMarkdown.status == fromWord.status)
        // To standard output without -o.
        let printed = try project.run("import", "sag.docx")
        #expect(printed.status == 0 && printed.stdout == markdown)
    }

    @Test func importRefusesToOverwriteItsInputAndReadsOnlyWordFiles() throws {
        let project = try Self.project()
        defer { project.remove() }
        let before = try Data(contentsOf: project.url("sag.docx"))
        let refused = try project.run("import", "sag.docx", "-o", "sag.docx")
        #expect(refused.status == 2, "\(refused)")
        #expect(try Data(contentsOf: project.url("sag.docx")) == before)
        let markdown = try project.run("import", "kilde/sag.md")
        #expect(markdown.status == 2 && markdown.stderr.contains(".docx"), "\(markdown)")
        try project.write("falsk.docx", "ikke en zip-fil\n")
        let invalid = try project.run("import", "falsk.docx", "-o", "falsk.md")
        #expect(invalid.status == 2 && invalid.stderr.contains("[input.invalid]"), "\(invalid)")
        #expect(!project.exists("falsk.md"))
    }

    @Test func aFolderChecksWordRecommendationsAndSkipsOtherWordFiles() throws {
        let project = try Self.project()
        defer { project.remove() }
        try WordFixture.write(WordFixture.parts(body: "<w:p><w:r><w:t>Kære forening, tak for jeres brev.</w:t></w:r></w:p>"), to: project.url("brev.docx"))
        try Data("låst af Word".utf8).write(to: project.url("~$sag.docx"))
        let result = try project.run("check", ".", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        let paths = ((object["files"] as? [[String: Any]]) ?? []).compactMap { $0["path"] as? String }
        #expect(paths.contains("sag.docx") && paths.contains("kilde/sag.md"), "\(paths)")
        #expect(!paths.contains { $0.contains("brev") || $0.contains("~$") }, "\(paths)")
        // Named explicitly, the letter is checked (and fails: it is no recommendation).
        #expect(try project.run("check", "brev.docx").status == 1)
        // A Word file that cannot be read is reported even when found in a folder.
        try project.write("beskadiget.docx", "ikke en zip\n")
        let damaged = try project.run("check", ".")
        #expect(damaged.diagnostics.contains { $0.path == "beskadiget.docx" && $0.check == "input.invalid" }, "\(damaged)")
    }

    @Test func hostileWordFilesAreOneFindingQuickly() throws {
        let project = try TempFolder("word-hostile-e2e")
        defer { project.remove() }
        try WordFixture.writeBomb(path: "word/document.xml", megabytes: 40, to: project.url("bombe.docx"))
        let deep = String(repeating: "<w:sdt><w:sdtContent>", count: 10_000) + String(repeating: "</w:sdtContent></w:sdt>", count: 10_000)
        try WordFixture.write(WordFixture.parts(body: deep), to: project.url("dyb.docx"))
        try project.write("tekst.docx", "Bare tekst\n")
        for name in ["bombe.docx", "dyb.docx", "tekst.docx"] {
            let result = try project.run("check", name, "--profile", "aarhus-byraad")
            #expect(result.status == 1, "\(result)")
            #expect(result.diagnostics.count == 1 && result.diagnostics.first?.check == "input.invalid", "\(result)")
            #expect(result.seconds < 2, "\(name): \(result.seconds) s")
        }
    }
}
