import Foundation
import Testing

/// `indstil check` end to end: the real binary on real files in temporary folders.
@Suite("indstil check (end to end)")
struct CheckCommandTests {
    // MARK: Clean examples

    @Test("The shipped examples are clean: exit 0, no errors and no warnings")
    func cleanExamples() throws {
        let project = try TempFolder.withExamples()
        let result = try project.run("check", "examples/")
        #expect(result.status == 0, "\(result)")
        #expect(!result.signaled, "\(result)")
        #expect(!result.diagnostics.contains { $0.severity == "error" || $0.severity == "warning" }, "\(result)")
        #expect(result.stdout.contains("\(Fixtures.documentCount) filer kontrolleret: 0 fejl, 0 advarsler"), "\(result)")
    }

    @Test("Each shipped example named explicitly is clean, also with --strict", arguments: Fixtures.allDocuments)
    func cleanExampleStrict(document: String) throws {
        let project = try TempFolder.withExamples()
        let result = try project.run("check", "--strict", "examples/\(document)")
        #expect(result.status == 0, "\(result)")
        #expect(result.diagnostics.allSatisfy { $0.severity == "note" }, "\(result)")
        #expect(result.stdout.contains("1 fil kontrolleret: 0 fejl, 0 advarsler"), "\(result)")
    }

    // MARK: Findings

    @Test("A missing section: exit 1, path:LINE:COLUMN and [skeleton.missing-section] at the next heading")
    func missingSection() throws {
        let project = try TempFolder.withExamples()
        let text = try Fixtures.exampleText(Fixtures.byraad).removingSection("# 5. Hvilken værdi")
        try project.write("examples/aarhus-byraad/mangler.md", text)
        let nextHeading = try #require(text.lineNumber(startingWith: "# 6. Hvad igangsættes"))

        let result = try project.run("check", "examples/aarhus-byraad/mangler.md")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("examples/aarhus-byraad/mangler.md:\(nextHeading):"), "\(result)")
        #expect(result.stdout.contains("[skeleton.missing-section]"), "\(result)")
        let missing = result.diagnostics.filter { $0.check == "skeleton.missing-section" }
        #expect(missing.count == 1, "\(result)")
        #expect(missing.first?.severity == "error")
        #expect(missing.first?.line == nextHeading, "\(result)")
        #expect(missing.first?.message.contains("Hvilken værdi skabes for borgere og samfund?") == true, "\(result)")
    }

    @Test("Every text output line is a diagnostic with a line number, or the summary")
    func textFormatShape() throws {
        let project = try TempFolder.withExamples()
        let text = try Fixtures.exampleText(Fixtures.byraad)
            .removingSection("# 5. Hvilken værdi")
            .replacingOccurrences(of: "sagsnummer: 26-000123", with: "sagsnummer: 26-123")
        try project.write("examples/aarhus-byraad/flere-fejl.md", text)
        let result = try project.run("check", "examples/aarhus-byraad/flere-fejl.md")
        #expect(result.status == 1, "\(result)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        try #require(lines.count >= 3, "\(result)")
        // A line of the file, or the one after its last (a missing section at the end).
        let lineCount = text.components(separatedBy: "\n").count
        for line in lines.dropLast() {
            let parsed = TextDiagnostic.parse(line: line)
            #expect(parsed != nil, "not a diagnostic: \(line)")
            #expect((1...lineCount).contains(parsed?.line ?? 0), "\(line)")
        }
        #expect(lines.last?.contains("kontrolleret") == true, "\(result)")
        let invalid = result.diagnostics.filter { $0.check == "metadata.invalid-field" }
        #expect(invalid.map(\.line) == [text.lineNumber(of: "sagsnummer: 26-123")], "\(result)")
    }

    // MARK: JSON

    @Test("--format json: version 1, files with diagnostics, summary counts")
    func jsonFormat() throws {
        let project = try TempFolder.withExamples()
        let text = try Fixtures.exampleText(Fixtures.byraad).removingSection("# 5. Hvilken værdi")
        try project.write("examples/aarhus-byraad/mangler.md", text)

        let result = try project.run("check", "--format", "json", "examples/")
        #expect(result.status == 1, "\(result)")
        let object = try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any]
        let json = try #require(object, "\(result)")
        #expect(json["version"] as? Int == 1)
        let files = try #require(json["files"] as? [[String: Any]], "\(result)")
        #expect(files.count == Fixtures.documentCount + 1, "\(result)")
        let paths = files.compactMap { $0["path"] as? String }
        #expect(paths.contains("examples/aarhus-byraad/mangler.md"), "\(paths)")
        #expect(paths.contains("examples/\(Fixtures.byraad)"), "\(paths)")

        var errors = 0, warnings = 0, notes = 0
        var checks: [String] = []
        for file in files {
            let diagnostics = try #require(file["diagnostics"] as? [[String: Any]])
            let sourceLines = try project.read(try #require(file["path"] as? String)).components(separatedBy: "\n")
            for diagnostic in diagnostics {
                #expect(diagnostic["check"] is String)
                #expect(diagnostic["message"] is String)
                // On a line of the file (or just after it), at a column within that line.
                let line = diagnostic["line"] as? Int ?? 0
                #expect((1...sourceLines.count).contains(line), "\(diagnostic)")
                let lineLength = sourceLines.indices.contains(line - 1) ? sourceLines[line - 1].utf8.count : 0
                #expect((1...lineLength + 1).contains(diagnostic["column"] as? Int ?? 0), "\(diagnostic)")
                switch diagnostic["severity"] as? String {
                case "error": errors += 1
                case "warning": warnings += 1
                case "note": notes += 1
                default: Issue.record("bad severity in \(diagnostic)")
                }
                checks.append(diagnostic["check"] as? String ?? "")
            }
        }
        #expect(checks.contains("skeleton.missing-section"))
        let summary = try #require(json["summary"] as? [String: Any], "\(result)")
        #expect(summary["errors"] as? Int == errors)
        #expect(errors >= 1)
        #expect(summary["warnings"] as? Int == warnings)
        #expect(summary["notes"] as? Int == notes)
        #expect(summary["files"] as? Int == Fixtures.documentCount + 1)
    }

    @Test("--format json on the clean examples: 0 errors, 0 warnings, exit 0")
    func jsonClean() throws {
        let project = try TempFolder.withExamples()
        let result = try project.run("check", "--format", "json", "examples")
        #expect(result.status == 0, "\(result)")
        let json = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any], "\(result)")
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["errors"] as? Int == 0)
        #expect(summary["warnings"] as? Int == 0)
        #expect(summary["files"] as? Int == Fixtures.documentCount)
    }

    // MARK: Language and strictness

    @Test("--lang en gives English messages and summary; Danish is the default")
    func englishMessages() throws {
        let project = try TempFolder.withExamples()
        try project.write("examples/aarhus-byraad/mangler.md",
                          try Fixtures.exampleText(Fixtures.byraad).removingSection("# 5. Hvilken værdi"))
        let english = try project.run("check", "--lang", "en", "examples/aarhus-byraad/mangler.md")
        #expect(english.status == 1, "\(english)")
        #expect(english.stdout.contains("1 file checked: 1 error"), "\(english)")
        #expect(english.stdout.contains("is missing"), "\(english)")
        #expect(!english.stdout.contains("mangler;"), "\(english)")
        #expect(!english.stdout.contains("kontrolleret"), "\(english)")

        let danish = try project.run("check", "examples/aarhus-byraad/mangler.md")
        #expect(danish.stdout.contains("1 fil kontrolleret: 1 fejl"), "\(danish)")
        #expect(danish.stdout.contains("mangler"), "\(danish)")
        // Same findings, same places, whatever the language.
        #expect(english.diagnostics.map { [$0.check, "\($0.line)", "\($0.column)"] }
                == danish.diagnostics.map { [$0.check, "\($0.line)", "\($0.column)"] })
    }

    @Test("--strict turns a warning-only file into exit 1")
    func strictWarnings() throws {
        let project = try TempFolder.withExamples()
        // Appendix 2 is listed but never referenced: appendix.unreferenced (a warning) only.
        let text = try Fixtures.exampleText(Fixtures.byraad)
            .replacingOccurrences(of: " (bilag 2)", with: "")
            .replacingOccurrences(of: "(bilag 2)", with: "")
        try #require(!text.contains("bilag 2"))
        try project.write("examples/aarhus-byraad/advarsel.md", text)

        let relaxed = try project.run("check", "examples/aarhus-byraad/advarsel.md")
        #expect(relaxed.status == 0, "\(relaxed)")
        #expect(relaxed.diagnostics.filter { $0.severity == "error" }.isEmpty, "\(relaxed)")
        let warnings = relaxed.diagnostics.filter { $0.severity == "warning" }
        #expect(warnings.map(\.check) == ["appendix.unreferenced"], "\(relaxed)")
        #expect(warnings.first?.line == text.lineNumber(of: "  - titel: \"Erfaringer fra forsøget i Gellerup og Skejby\""), "\(relaxed)")

        let strict = try project.run("check", "--strict", "examples/aarhus-byraad/advarsel.md")
        #expect(strict.status == 1, "\(strict)")
        #expect(strict.diagnostics == relaxed.diagnostics)
    }

    // MARK: The command could not run (exit 2)

    @Test("A nonexistent path: exit 2, said on stderr")
    func nonexistentPath() throws {
        let folder = try TempFolder()
        let result = try folder.run("check", "findes-ikke.md")
        #expect(result.status == 2, "\(result)")
        #expect(!result.signaled)
        #expect(result.stderr.contains("findes-ikke.md"), "\(result)")
    }

    @Test("An unknown --profile: exit 2, naming the profile")
    func unknownProfile() throws {
        let project = try TempFolder.withExamples()
        let result = try project.run("check", "--profile", "findes-ikke", "examples/\(Fixtures.byraad)")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("findes-ikke"), "\(result)")
    }

    @Test("An unknown option or format: exit 2")
    func usageErrors() throws {
        let project = try TempFolder.withExamples()
        let badFormat = try project.run("check", "--format", "yaml", "examples/")
        #expect(badFormat.status == 2, "\(badFormat)")
        let badOption = try project.run("check", "--no-such-option", "examples/")
        #expect(badOption.status == 2, "\(badOption)")
    }

    // MARK: Folders

    @Test("A folder's .md without front matter is skipped silently; named explicitly it is input.invalid")
    func noFrontMatter() throws {
        let project = try TempFolder.withExamples()
        let notes = "# Noter til mødet\n\nIngen front matter her, bare noter.\n"
        try project.write("noter/noter.md", notes)
        try project.write("examples/aarhus-byraad/noter.md", notes)

        let onlyNotes = try project.run("check", "noter")
        #expect(onlyNotes.status == 0, "\(onlyNotes)")
        #expect(onlyNotes.diagnostics.isEmpty, "\(onlyNotes)")

        let mixed = try project.run("check", "examples/")
        #expect(mixed.status == 0, "\(mixed)")
        #expect(!mixed.stdout.contains("noter.md"), "\(mixed)")

        let explicit = try project.run("check", "noter/noter.md")
        #expect(explicit.status == 1, "\(explicit)")
        let invalid = explicit.diagnostics.filter { $0.check == "input.invalid" }
        #expect(invalid.count == 1, "\(explicit)")
        #expect(invalid.first?.path == "noter/noter.md")
        #expect(invalid.first?.line == 1)
    }

    @Test("check with no path checks the current folder recursively")
    func defaultPath() throws {
        let project = try TempFolder.withExamples()
        let result = try CLI.run(["check"], in: project.url.appendingPathComponent("examples"))
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("\(Fixtures.documentCount) filer kontrolleret"), "\(result)")
    }

    // MARK: Profiles

    @Test("A rådmandsindstilling may hold just \"-\" in the sections its profile allows (contract §4)")
    func raadmandDashSections() throws {
        let project = try TempFolder.withExamples()
        var text = try Fixtures.exampleText(Fixtures.raadmand)
        for heading in ["# Handlemuligheder/løsninger", "# Kommunikation"] {
            let start = try #require(text.lineNumber(of: heading))
            var lines = text.components(separatedBy: "\n")
            let end = lines[start...].firstIndex { $0.hasPrefix("# ") } ?? lines.endIndex
            lines.replaceSubrange(start..<end, with: ["", "-", ""])
            text = lines.joined(separator: "\n")
        }
        try project.write("examples/aarhus-raadmand/streg.md", text)
        let result = try project.run("check", "examples/aarhus-raadmand/streg.md")
        #expect(result.status == 0, "\(result)")
        #expect(!result.diagnostics.contains { $0.check == "skeleton.empty-section" }, "\(result)")

        // … but not in Sagsfremstilling.
        let start = try #require(text.lineNumber(of: "# Sagsfremstilling"))
        var lines = text.components(separatedBy: "\n")
        let end = lines[start...].firstIndex { $0.hasPrefix("# ") } ?? lines.endIndex
        lines.replaceSubrange(start..<end, with: ["", "-", ""])
        try project.write("examples/aarhus-raadmand/tom.md", lines.joined(separator: "\n"))
        let empty = try project.run("check", "examples/aarhus-raadmand/tom.md")
        #expect(empty.status == 1, "\(empty)")
        #expect(empty.diagnostics.contains { $0.check == "skeleton.empty-section" && $0.line == start }, "\(empty)")
    }

    @Test("A project's profiles/<id>/profile.yml overrides the shipped profile")
    func projectProfileOverride() throws {
        let project = try TempFolder.withExamples()
        // The shipped aarhus-byraad with a 2.000-character limit: the 5.6k example is now too long.
        let shipped = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("Templates/aarhus-byraad/profile.yml"), encoding: .utf8)
        try #require(shipped.contains("max_characters: 12000"))
        try project.write("examples/profiles/aarhus-byraad/profile.yml",
                          shipped.replacingOccurrences(of: "max_characters: 12000", with: "max_characters: 2000"))
        let result = try project.run("check", "examples/\(Fixtures.byraad)")
        #expect(result.status == 1, "\(result)")
        #expect(result.diagnostics.contains { $0.check == "length.total" }, "\(result)")

        let profiles = try CLI.run(["profiles"], in: project.url.appendingPathComponent("examples"))
        #expect(profiles.status == 0, "\(profiles)")
        #expect(profiles.stdout.contains("profiles/aarhus-byraad"), "\(profiles)")
    }
}
