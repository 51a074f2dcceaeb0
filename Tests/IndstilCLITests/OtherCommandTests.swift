import Foundation
import Testing

/// `indstil stats`, `render`, `new`, `checks` and `profiles` end to end.
@Suite("indstil stats, render, new, checks (end to end)")
struct OtherCommandTests {
    @Test("stats --format json: characters = render --to txt without line breaks (Antal tegn)", arguments: Fixtures.allDocuments)
    func statsMatchesRender(document: String) throws {
        let project = try TempFolder.withExamples()
        let path = "examples/\(document)"
        let stats = try project.run("stats", "--format", "json", path)
        #expect(stats.status == 0, "\(stats)")
        let json = try #require(try JSONSerialization.jsonObject(with: stats.stdoutData) as? [String: Any], "\(stats)")
        let files = try #require(json["files"] as? [[String: Any]], "\(stats)")
        try #require(files.count == 1)
        let file = files[0]
        #expect(file["path"] as? String == path)
        let characters = try #require(file["characters"] as? Int, "\(stats)")

        let render = try project.run("render", "--to", "txt", path)
        #expect(render.status == 0, "\(render)")
        #expect(!render.stdout.isEmpty)
        #expect(characters == render.stdout.countedCharacters, "stats says \(characters), render --to txt has \(render.stdout.countedCharacters)")
        // The rendered text carries the title and every section heading.
        let sections = try #require(file["sections"] as? [[String: Any]])
        for section in sections {
            let heading = try #require(section["heading"] as? String)
            #expect((section["line"] as? Int ?? 0) >= 1)
            #expect((section["characters"] as? Int ?? 0) > 0)
            #expect(render.stdout.lowercased().contains(heading.lowercased().drop { $0.isNumber || $0 == "." || $0 == " " }), "\(heading)")
        }
        #expect(sections.reduce(0) { $0 + ($1["characters"] as? Int ?? 0) } <= characters)
    }

    @Test("stats --format json for the byrådsindstilling: 9 sections, 3 decision points, 2 appendices, LIX")
    func statsShape() throws {
        let project = try TempFolder.withExamples()
        let stats = try project.run("stats", "--format", "json", "examples/\(Fixtures.byraad)")
        #expect(stats.status == 0, "\(stats)")
        let json = try #require(try JSONSerialization.jsonObject(with: stats.stdoutData) as? [String: Any])
        let file = try #require((json["files"] as? [[String: Any]])?.first)
        #expect(file["decisions"] as? Int == 3)
        #expect(file["appendices"] as? Int == 2)
        let lix = try #require(file["lix"] as? Double)
        #expect(lix > 10 && lix < 55)
        let characters = try #require(file["characters"] as? Int)
        #expect((4_000...12_000).contains(characters), "\(characters)")
        let sections = try #require(file["sections"] as? [[String: Any]])
        #expect(sections.compactMap { $0["id"] as? String } == [
            "resume", "beslutningspunkter", "hvorfor-byraadet", "hvorfor-fremsendes", "vaerdi",
            "igangsaettes", "hvem-hvordan", "ressourcer", "videre-proces",
        ])
        let text = try Fixtures.exampleText(Fixtures.byraad)
        #expect(sections.first?["line"] as? Int == text.lineNumber(of: "# 1. Resume"))
    }

    @Test("Antal tegn counts a title change one for one, and ignores line breaks in the source")
    func characterCountFollowsText() throws {
        let project = try TempFolder.withExamples()
        func count(_ relative: String) throws -> Int {
            let stats = try project.run("stats", "--format", "json", relative)
            #expect(stats.status == 0, "\(stats)")
            let json = try JSONSerialization.jsonObject(with: stats.stdoutData) as? [String: Any]
            return ((json?["files"] as? [[String: Any]])?.first?["characters"] as? Int) ?? -1
        }
        let original = try Fixtures.exampleText(Fixtures.byraad)
        let base = try count("examples/\(Fixtures.byraad)")
        try #require(original.contains("til foreninger\"\n"))
        try #require(original.contains("skoler, biblioteker, lokalcentre og\nrådhuse."))
        try project.write("examples/aarhus-byraad/laengere.md",
                          original.replacingOccurrences(of: "til foreninger\"", with: "til foreninger og klubber\""))
        #expect(try count("examples/aarhus-byraad/laengere.md") == base + " og klubber".count)
        // Re-wrapping a paragraph (a soft line break becomes a space) changes nothing.
        try project.write("examples/aarhus-byraad/ombrudt.md",
                          original.replacingOccurrences(of: "skoler, biblioteker, lokalcentre og\nrådhuse.", with: "skoler, biblioteker,\nlokalcentre og rådhuse."))
        #expect(try count("examples/aarhus-byraad/ombrudt.md") == base)
    }

    @Test("render --to txt -o writes the file; stdout stays empty")
    func renderToFile() throws {
        let project = try TempFolder.withExamples()
        let toStdout = try project.run("render", "--to", "txt", "examples/\(Fixtures.byraad)")
        let result = try project.run("render", "--to", "txt", "examples/\(Fixtures.byraad)", "-o", "out/sag.txt")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
        #expect(try project.read("out/sag.txt") == toStdout.stdout)
        #expect(toStdout.stdout.contains("Ny ordning for udlån af kommunens mødelokaler til foreninger"))
        #expect(toStdout.stdout.contains("At 1) Byrådet godkender"), "decision points in the profile's form")
    }

    @Test("new indstilling x.md, then check x.md: exit 1 with style.placeholder")
    func newThenCheck() throws {
        let folder = try TempFolder()
        let created = try folder.run("new", "indstilling", "x.md")
        #expect(created.status == 0, "\(created)")
        #expect(folder.exists("x.md"))
        let skeleton = try folder.read("x.md")
        #expect(skeleton.hasPrefix("---\n"))
        for heading in ["Resume", "Beslutningspunkter", "Hvorfor skal byrådet behandle sagen?", "Hvad er den videre proces og hvordan følges op?"] {
            #expect(skeleton.contains(heading), "\(heading)")
        }

        let checked = try folder.run("check", "x.md")
        #expect(checked.status == 1, "\(checked)")
        #expect(checked.diagnostics.contains { $0.check == "style.placeholder" && $0.path == "x.md" }, "\(checked)")
        #expect(!checked.diagnostics.contains { $0.check == "skeleton.missing-section" }, "every section is written: \(checked)")

        let again = try folder.run("new", "indstilling", "x.md")
        #expect(again.status == 2, "refuses to overwrite: \(again)")
        #expect(try folder.read("x.md") == skeleton)
    }

    @Test("new with each shipped profile writes a document that names it", arguments: [
        ("indstilling", "aarhus-byraad"), ("indstilling", "aarhus-byraad-2021"), ("indstilling", "aarhus-raadmand"), ("bilag", "betaenkning-bilag"),
    ])
    func newPerProfile(type: String, profile: String) throws {
        let folder = try TempFolder()
        let created = try folder.run("new", type, "ny.md", "--profile", profile)
        #expect(created.status == 0, "\(created)")
        let text = try folder.read("ny.md")
        #expect(text.contains("profil: \(profile)"), "\(text.prefix(300))")
        let checked = try folder.run("check", "ny.md")
        #expect(checked.status == 1, "a fresh skeleton is not clean: \(checked)")
        #expect(!checked.diagnostics.contains { $0.check == "input.invalid" }, "\(checked)")
    }

    @Test("checks lists every single-document check id of contract §6")
    func checksList() throws {
        let folder = try TempFolder()
        let result = try folder.run("checks")
        #expect(result.status == 0, "\(result)")
        let listed = Set(result.stdout.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) })
        let contract = [
            "skeleton.missing-section", "skeleton.order", "skeleton.unknown-section", "skeleton.empty-section",
            "metadata.missing-field", "metadata.invalid-field", "length.total", "length.section",
            "decision.missing", "decision.numbering", "decision.subject", "council.reason",
            "appendix.unknown-reference", "appendix.unreferenced", "appendix.missing-file", "appendix.path-escape",
            "style.placeholder", "style.duplicate-paragraph", "readability.lix", "readability.long-sentence",
            "input.invalid",
        ]
        for id in contract {
            #expect(listed.contains(id), "indstil checks does not list \(id)")
        }
        // Default severities the contract names.
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        func severity(_ id: String) -> String? { lines.first { $0.first == id }?.dropFirst().first }
        #expect(severity("appendix.unreferenced") == "warning")
        #expect(severity("style.duplicate-paragraph") == "warning")
        #expect(severity("readability.lix") == "warning")
        #expect(severity("readability.long-sentence") == "note")
        #expect(severity("input.invalid") == "error")
    }

    @Test("profiles lists the four shipped profiles")
    func profilesList() throws {
        let folder = try TempFolder()
        let result = try folder.run("profiles")
        #expect(result.status == 0, "\(result)")
        for id in ["aarhus-byraad", "aarhus-byraad-2021", "aarhus-raadmand", "betaenkning-bilag"] {
            #expect(result.stdout.split(separator: "\n").contains { $0.hasPrefix(id + " ") }, "\(id): \(result)")
        }
        #expect(!result.stdout.contains("FEJL"), "\(result)")
    }
}

/// A command that cannot run says why in the language of `--lang` (Danish by default), with
/// the file it is about, and exits 2.
@Suite("Errors in both languages (end to end)")
struct ErrorLanguageTests {
    @Test("check, bundle and register: a missing path, Danish by default and English with --lang en")
    func missingPath() throws {
        let folder = try TempFolder.withExamples()
        for arguments in [["check", "mangler.md"], ["bundle", "mangler.yml"], ["register", "mangler"]] {
            let danish = try folder.run(arguments: arguments)
            #expect(danish.status == 2 && danish.stderr == "indstil: fejl: »mangler\(arguments[1].dropFirst(7))« findes ikke\n", "\(danish)")
            let english = try folder.run(arguments: arguments + ["--lang", "en"])
            #expect(english.status == 2 && english.stderr == "indstil: error: \"mangler\(arguments[1].dropFirst(7))\" does not exist\n", "\(english)")
            let equals = try folder.run(arguments: arguments + ["--lang=en"])
            #expect(equals.stderr == english.stderr, "\(equals)")
        }
    }

    @Test("bundle -o over its own folder, in English: the collision in English, nothing replaced")
    func collisionInEnglish() throws {
        let folder = try TempFolder.withExamples()
        let result = try folder.run("bundle", "examples/bilagsmateriale/bundle.yml", "-o", "examples/bilagsmateriale", "--lang", "en", timeout: 60)
        #expect(result.status == 2 && result.stderr.contains("indstil: error: ") && result.stderr.contains("holds the source file"), "\(result)")
        #expect(!result.stderr.contains("kildefilen"), "\(result)")
    }

    @Test("an invalid indstil.yml stops every command with its file and line, in English with --lang en")
    func invalidConfiguration() throws {
        let folder = try TempFolder.withExamples()
        _ = try folder.write("indstil.yml", "profile: aarhus-byraad\nchecks: 5\n")
        let result = try folder.run("check", "examples/\(Fixtures.byraad)", "--lang", "en")
        #expect(result.status == 2 && result.stderr.hasPrefix("indstil: error: ") && result.stderr.contains("indstil.yml:2:"), "\(result)")
    }
}

/// swift-argument-parser's usage errors speak English; indstil says them in Danish (English
/// with --lang en), with the command's own usage line unchanged, exit 2.
@Suite("Usage errors in Danish (end to end)")
struct UsageErrorLanguageTests {
    @Test("an unknown option, a missing argument, a value not allowed and too many arguments")
    func danishUsageErrors() throws {
        let folder = try TempFolder()
        let cases: [([String], String)] = [
            (["check", "--bogus"], "Fejl: ukendt tilvalg »--bogus«"),
            (["render"], "Fejl: argumentet »<files> ...« mangler"),
            (["stats", "--format", "xml", "x.md"], "Fejl: værdien »xml« kan ikke bruges til »--format <format>«; brug en af 'text' eller 'json'"),
            (["bundle", "a", "b", "c"], "Fejl: 2 uventede argumenter: 'b', 'c'"),
        ]
        for (arguments, first) in cases {
            let result = try folder.run(arguments: arguments)
            let lines = result.stderr.split(separator: "\n").map(String.init)
            #expect(result.status == 2 && lines.first == first, "\(arguments): \(result)")
            #expect(lines.contains { $0.hasPrefix("Brug: indstil \(arguments[0])") }, "\(arguments): \(result.stderr)")
            #expect(lines.last?.trimmingCharacters(in: .whitespaces) == "Se »indstil \(arguments[0]) --help« for mere hjælp.", "\(result.stderr)")
        }
        let help = try folder.run("check", "--help")
        #expect(help.status == 0 && help.stdout.hasPrefix("OVERSIGT: ") && help.stdout.contains("\nBRUG: indstil check")
                && help.stdout.contains("\nTILVALG:") && help.stdout.contains("Vis hjælpen."), "\(help)")
        let english = try folder.run("check", "--bogus", "--lang", "en")
        #expect(english.status == 2 && english.stderr.hasPrefix("Error: Unknown option '--bogus'"), "\(english)")
    }
}
