import Foundation
import Testing

/// Hostile and broken input: every run must end within 10 s, never by a signal, with
/// exit code 0, 1 or 2, and must say what is wrong with a line number.
/// Serialized so the 10-second limits are not eaten by sibling tests on small machines.
@Suite("Hostile input (end to end)", .serialized)
struct HostileInputTests {
    static let timeout = 10.0

    /// The example byrådsindstilling with `block` put at the top of section 6.
    /// Returns the text and the line `block` starts on.
    static func withBlock(_ block: String) throws -> (text: String, line: Int) {
        let text = try Fixtures.exampleText(Fixtures.byraad)
        let heading = "# 6. Hvad igangsættes?\n"
        try #require(text.contains(heading))
        let changed = text.replacingOccurrences(of: heading, with: heading + "\n" + block + "\n")
        let line = try #require(changed.lineNumber(of: "# 6. Hvad igangsættes?")) + 2
        return (changed, line)
    }

    /// Runs check, stats and render on the file; each must survive. Returns the check run.
    @discardableResult
    static func survives(_ project: TempFolder, _ path: String) throws -> RunResult {
        var checkRun: RunResult?
        for arguments in [["check", path], ["stats", "--format", "json", path], ["render", "--to", "txt", path]] {
            let result = try project.run(arguments: arguments, timeout: timeout)
            #expect(!result.timedOut, "did not finish within \(timeout) s: \(result)")
            #expect(!result.signaled, "crashed: \(result)")
            #expect([0, 1, 2].contains(result.status), "exit code: \(result)")
            if arguments[0] == "check" {
                checkRun = result
                // Every line but the summary is a diagnostic with a line number.
                let lines = result.stdout.split(separator: "\n")
                #expect(lines.count >= 2, "no diagnostic: \(result)")
                for line in lines.dropLast() {
                    #expect(TextDiagnostic.parse(line: String(line)) != nil, "not a diagnostic: \(line.prefix(300))")
                }
                #expect(!result.diagnostics.isEmpty, "no diagnostic: \(result)")
                // No line beyond the file's: at most one per CR or LF byte, plus one.
                let lineBreaks = try Data(contentsOf: project.url(path)).count { $0 == 0x0A || $0 == 0x0D }
                #expect(result.diagnostics.allSatisfy { $0.line <= lineBreaks + 1 && $0.path == path }, "\(result)")
            }
        }
        return try #require(checkRun)
    }

    // MARK: Markdown bombs

    /// Pathological Markdown, named briefly so test output stays readable.
    enum MarkdownBomb: String, CaseIterable, CustomTestStringConvertible {
        case nestedQuotes = "20.000 nested block quotes"
        case nestedQuotesSpaced = "20.000 nested block quotes, spaced"
        case brackets = "50.000 ["
        case nestedLists = "20.000 nested list items"
        case emphasis = "50.000 emphasis markers each side"
        case openLinks = "20.000 unclosed links"

        var testDescription: String { rawValue }

        var block: String {
            switch self {
            case .nestedQuotes: String(repeating: ">", count: 20_000) + " dybt citat"
            case .nestedQuotesSpaced: String(repeating: "> ", count: 20_000) + "dybt citat"
            case .brackets: String(repeating: "[", count: 50_000)
            case .nestedLists: String(repeating: "- ", count: 20_000) + "punkt"
            case .emphasis: String(repeating: "*", count: 50_000) + "x" + String(repeating: "*", count: 50_000)
            case .openLinks: String(repeating: "[a](", count: 20_000)
            }
        }
    }

    @Test("Markdown bombs in a section: no crash, no hang, a diagnostic with a line", arguments: MarkdownBomb.allCases)
    func markdownBomb(bomb: MarkdownBomb) throws {
        let project = try TempFolder.withExamples()
        let (text, line) = try Self.withBlock(bomb.block)
        let path = "examples/aarhus-byraad/bombe.md"
        try project.write(path, text)
        let result = try Self.survives(project, path)
        #expect(result.status == 1, "\(bomb.rawValue): \(result)")
        for invalid in result.diagnostics where invalid.check == "input.invalid" {
            #expect(invalid.line == line, "\(bomb.rawValue): input.invalid should point at line \(line): \(result)")
        }
    }

    // MARK: Size and time (issue 25)

    /// The fastest of three `check` runs of `path`, and that run.
    static func bestOfThree(_ project: TempFolder, _ path: String) throws -> (result: RunResult, seconds: Double) {
        var best: (result: RunResult, seconds: Double)?
        for _ in 0..<3 {
            let started = Date()
            let result = try project.run(arguments: ["check", path], timeout: 60)
            let seconds = Date().timeIntervalSince(started)
            #expect(!result.timedOut && !result.signaled, "\(result)")
            if seconds < best?.seconds ?? .infinity { best = (result, seconds) }
        }
        return try #require(best)
    }

    @Test("A flood of [ within the markup limit: 4 times as many, at most 5 times the time")
    func bracketFloodIsLinear() throws {
        let project = try TempFolder.withExamples()
        var times: [Double] = []
        for count in [50_000, 200_000] {
            let (text, _) = try Self.withBlock(String(repeating: "[", count: count))
            let path = "examples/aarhus-byraad/klammer-\(count).md"
            try project.write(path, text)
            let (result, seconds) = try Self.bestOfThree(project, path)
            #expect(!result.diagnostics.contains { $0.check == "input.invalid" }, "\(result)")
            times.append(seconds)
        }
        #expect(times[1] <= 5 * times[0] + 0.3, "\(times[0]) s at 1×, \(times[1]) s at 4×")
    }

    @Test("More [ than the markup limit: one input.invalid naming the limit, quickly")
    func bracketFloodPastTheLimit() throws {
        let project = try TempFolder.withExamples()
        let (text, line) = try Self.withBlock(String(repeating: "[", count: 1_200_000))
        let path = "examples/aarhus-byraad/klammer.md"
        try project.write(path, text)
        let result = try Self.survives(project, path)
        #expect(result.status == 1, "\(result)")
        #expect(result.diagnostics.map(\.check) == ["input.invalid"], "\(result)")
        #expect(result.diagnostics.first?.line == line, "\(result)")
        #expect(result.stdout.contains("højst 1.000.000"), "\(result)")
    }

    @Test("A NUL byte in the text: input.invalid on its line and column")
    func nulByte() throws {
        let project = try TempFolder.withExamples()
        let (text, line) = try Self.withBlock("Lokalerne\u{0} skal bruges.")
        let path = "examples/aarhus-byraad/nul.md"
        try project.write(path, text)
        let result = try Self.survives(project, path)
        #expect(result.status == 1, "\(result)")
        let invalid = result.diagnostics.filter { $0.check == "input.invalid" }
        #expect(invalid.count == 1, "\(result)")
        #expect(invalid.first?.line == line && invalid.first?.column == 10, "\(result)")
        #expect(invalid.first?.message.contains("NUL") == true, "\(result)")
    }

    // MARK: Front matter

    @Test("A YAML alias bomb in the front matter: input.invalid inside the front matter, quickly")
    func aliasBomb() throws {
        let project = try TempFolder.withExamples()
        let bomb = [
            "lol1: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]",
            "lol2: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]",
            "lol3: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]",
            "lol4: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]",
            "lol5: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]",
            "lol6: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]",
            "lol7: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]",
            "lol8: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]",
            "lol9: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]",
        ].joined(separator: "\n")
        let text = try Fixtures.exampleText(Fixtures.byraad).replacingOccurrences(of: "status: åben\n", with: "status: åben\n\(bomb)\n")
        let path = "examples/aarhus-byraad/bombe.md"
        try project.write(path, text)
        let result = try Self.survives(project, path)
        #expect(result.status == 1, "\(result)")
        let closing = try #require(text.components(separatedBy: "\n").dropFirst().firstIndex(of: "---")).advanced(by: 1)
        let invalid = result.diagnostics.filter { $0.check == "input.invalid" }
        #expect(!invalid.isEmpty, "\(result)")
        #expect(invalid.allSatisfy { (2...closing).contains($0.line) }, "\(result)")
    }

    @Test("Broken YAML: `titel: \"unterminated` on line 3 is reported on line 3 or 4", arguments: [false, true])
    func brokenYAML(minimal: Bool) throws {
        let project = try TempFolder.withExamples()
        let text: String
        if minimal {
            text = "---\nprofil: aarhus-byraad\ntitel: \"unterminated\ntil: Aarhus Byråd\nfra: Magistraten\n---\n\n# 1. Resume\n\nTekst.\n"
        } else {
            text = try Fixtures.exampleText(Fixtures.byraad).replacingLine(3, with: "titel: \"unterminated")
        }
        try #require(text.components(separatedBy: "\n")[2] == "titel: \"unterminated")
        let path = "examples/aarhus-byraad/yaml.md"
        try project.write(path, text)
        let result = try Self.survives(project, path)
        #expect(result.status == 1, "\(result)")
        let invalid = result.diagnostics.filter { $0.check == "input.invalid" }
        #expect(invalid.count == 1, "\(result)")
        #expect(invalid.allSatisfy { (3...4).contains($0.line) }, "expected line 3 or 4: \(result)")
    }

    @Test("Unterminated front matter: input.invalid on line 1")
    func unterminatedFrontMatter() throws {
        let project = try TempFolder.withExamples()
        let text = try Fixtures.exampleText(Fixtures.byraad).replacingOccurrences(of: "---\n\n# 1. Resume", with: "\n# 1. Resume")
        try project.write("examples/aarhus-byraad/aaben.md", text)
        let result = try Self.survives(project, "examples/aarhus-byraad/aaben.md")
        #expect(result.status == 1)
        #expect(result.diagnostics.map(\.check) == ["input.invalid"], "\(result)")
        #expect(result.diagnostics.first?.line == 1)
    }

    // MARK: Bytes

    @Test("Invalid UTF-8 (byte 0xFF on line 5): input.invalid on line 5")
    func invalidUTF8() throws {
        let project = try TempFolder.withExamples()
        var lines = try Fixtures.exampleText(Fixtures.byraad).components(separatedBy: "\n").map { Data($0.utf8) }
        lines[4] = Data("fra: Magistrat".utf8) + Data([0xFF]) + Data("en".utf8)
        let data = lines.reduce(into: Data()) { all, line in
            if !all.isEmpty { all.append(0x0A) }
            all.append(line)
        }
        let path = "examples/aarhus-byraad/utf8.md"
        try project.write(path, data: data)
        let result = try Self.survives(project, path)
        #expect(result.status == 1, "\(result)")
        let invalid = result.diagnostics.filter { $0.check == "input.invalid" }
        #expect(invalid.count == 1, "\(result)")
        #expect(invalid.first?.line == 5, "\(result)")
        #expect(invalid.first?.column == 15, "\(result)")
    }

    @Test("A 50 MB file: an error with a line, quickly, without reading it all into the checks")
    func fiftyMegabytes() throws {
        let project = try TempFolder.withExamples()
        var data = Data(try Fixtures.exampleText(Fixtures.byraad).utf8)
        let filler = Data(String(repeating: "Ordningen giver foreningerne flere lokaler om aftenen. ", count: 40).utf8 + [0x0A, 0x0A])
        data.reserveCapacity(50 * 1_048_576 + filler.count)
        while data.count < 50 * 1_048_576 { data.append(filler) }
        let path = "examples/aarhus-byraad/stor.md"
        try project.write(path, data: data)
        let result = try Self.survives(project, path)
        #expect(result.status == 1, "\(result)")
        #expect(result.diagnostics.contains { $0.severity == "error" }, "\(result)")
    }

    // MARK: Paths

    @Test("An appendix path leaving the project: appendix.path-escape on the fil line",
          arguments: ["../../etc/passwd", "/etc/passwd", "bilag/../../../../../../etc/passwd"])
    func pathEscape(target: String) throws {
        let project = try TempFolder.withExamples()
        let text = try Fixtures.exampleText(Fixtures.byraad)
            .replacingOccurrences(of: "    fil: bilag/lokaleoversigt.md", with: "    fil: \(target)")
        let path = "examples/aarhus-byraad/flugt.md"
        try project.write(path, text)
        let result = try Self.survives(project, path)
        #expect(result.status == 1, "\(result)")
        let escapes = result.diagnostics.filter { $0.check == "appendix.path-escape" }
        #expect(escapes.count == 1, "\(result)")
        #expect(escapes.first?.line == text.lineNumber(of: "    fil: \(target)"), "\(result)")
        #expect(!result.stdout.contains("root:"), "the file's contents must not leak")
    }

    @Test("An appendix that is a symbolic link out of the project: appendix.path-escape")
    func symlinkEscape() throws {
        let project = try TempFolder.withExamples()
        let outside = try TempFolder()
        try outside.write("hemmelig.md", "# Hemmelig\n")
        try FileManager.default.createSymbolicLink(
            at: project.url.appendingPathComponent("examples/aarhus-byraad/bilag/link.md"),
            withDestinationURL: outside.url.appendingPathComponent("hemmelig.md"))
        let text = try Fixtures.exampleText(Fixtures.byraad)
            .replacingOccurrences(of: "    fil: bilag/lokaleoversigt.md", with: "    fil: bilag/link.md")
        let path = "examples/aarhus-byraad/link.md"
        try project.write(path, text)
        let result = try Self.survives(project, path)
        #expect(result.status == 1, "\(result)")
        #expect(result.diagnostics.contains { $0.check == "appendix.path-escape" && $0.line == text.lineNumber(of: "    fil: bilag/link.md") }, "\(result)")
    }
}

/// The smaller hostile cases: characters HTML does not allow, raw HTML, a profil that is
/// not one name, plugin lines past the end.
@Suite("Hostile text, small cases (end to end)")
struct HostileTextTests {
    @Test("C0 controls, U+FFFE and U+FFFF in the front matter and text never reach the HTML")
    func controlCharactersStayOutOfHTML() throws {
        let folder = try TempFolder.withExamples()
        var text = try Fixtures.exampleText(Fixtures.byraad)
        let before = text
        text = text.replacingOccurrences(of: "\ntitel: ", with: "\ntitel: \"Klokke \\a, \\x01 og \\uFFFE \\uFFFF\" # ")
        text = text.replacingOccurrences(of: "Kommunen har mere end", with: "Kommunen \u{02}har\u{FFFE} mere end")
        #expect(text != before)
        try folder.write("examples/aarhus-byraad/kontrol.md", text)
        let result = try folder.run("render", "--to", "html", "examples/aarhus-byraad/kontrol.md", "-o", "kontrol.html")
        #expect(result.status == 0, "\(result)")
        let html = try Data(contentsOf: folder.url.appendingPathComponent("kontrol.html"))
        let forbidden = html.enumerated().filter { $0.element < 0x20 && ![0x09, 0x0A, 0x0D].contains($0.element) }
        #expect(forbidden.isEmpty, "control bytes in the HTML: \(forbidden.prefix(5).map(\.element))")
        #expect(html.range(of: Data([0xEF, 0xBF, 0xBE])) == nil && html.range(of: Data([0xEF, 0xBF, 0xBF])) == nil)
        #expect(String(decoding: html, as: UTF8.self).contains("Kommunen har mere end"))
    }

    @Test("A raw HTML block is a style.raw-html warning on its line naming the text that would be lost")
    func rawHTMLBlockIsSaid() throws {
        let folder = try TempFolder.withExamples()
        let text = try Fixtures.exampleText(Fixtures.byraad)
            .replacingOccurrences(of: "Kommunen har mere end", with: "<div>Fristen er 1. oktober.</div>\n\nKommunen har mere end")
        try folder.write("examples/aarhus-byraad/html.md", text)
        let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("<div>") }) + 1
        let result = try folder.run("check", "examples/aarhus-byraad/html.md")
        #expect(result.diagnostics.contains { $0.check == "style.raw-html" && $0.line == line && $0.message.contains("Fristen er 1. oktober.") }, "\(result)")
    }

    @Test("profil as a list is invalid, not missing; a NUL in profil is shown escaped", arguments: ["[aarhus-byraad]", "\"aarhus\\0byraad\""])
    func profileThatIsNotOneName(value: String) throws {
        let folder = try TempFolder.withExamples()
        let original = try Fixtures.exampleText(Fixtures.byraad)
        let text = original.replacingOccurrences(of: "\nprofil: aarhus-byraad\n", with: "\nprofil: \(value)\n")
        #expect(text != original, "the example's profil line changed; update the test")
        try folder.write("examples/aarhus-byraad/profil.md", text)
        let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("profil:") }) + 1
        let result = try folder.run("check", "--format", "json", "examples/aarhus-byraad/profil.md")
        #expect(result.status == 1, "\(result)")
        #expect(!result.stdoutData.contains(0) && !result.stdout.contains("\\u0000"), "a NUL reached the message")
        #expect(result.stdout.contains("\"metadata.invalid-field\"") && !result.stdout.contains("metadata.missing-field"), "\(result)")
        #expect(result.stdout.contains("\"line\": \(line)"), "\(result)")
    }

    @Test("A plugin's line past the end of the document is put on the last line, not after it")
    func pluginLinePastTheEnd() throws {
        let folder = try TempFolder.withExamples()
        let answer = #"{\"diagnostics\": [{\"check\": \"langt.vaek\", \"severity\": \"warning\", \"message\": \"x\", \"line\": 100000}]}"#
        try folder.write("examples/indstil.yml", "plugins:\n  - name: langt\n    command: [sh, -c, \"cat >/dev/null; echo '\(answer)'\"]\n")
        let path = "aarhus-byraad/ny-ordning-moedelokaler.md"
        let lines = try Fixtures.exampleText(Fixtures.byraad).split(separator: "\n", omittingEmptySubsequences: false)
        let last = lines.last?.isEmpty == true ? lines.count - 1 : lines.count
        let result = try CLI.run(["check", path], in: folder.url.appendingPathComponent("examples"), timeout: 30)
        #expect(result.diagnostics.contains { $0.check == "langt.vaek" && $0.line == last }, "\(result)")
    }
}

@Suite("Stated character count (end to end)")
struct StatedCountEndToEndTests {
    @Test("An »Antal tegn« line before the first heading is compared with the whole count, never a negative one")
    func statedCountBeforeTheFirstHeading() throws {
        let folder = try TempFolder.withExamples()
        let text = try Fixtures.exampleText(Fixtures.byraad)
        let body = try #require(text.range(of: "\n---\n", range: text.index(after: text.startIndex)..<text.endIndex))
        let changed = text.replacingCharacters(in: body, with: "\n---\n\nAntal tegn: 12.246\n")
        try folder.write("examples/aarhus-byraad/optalt.md", changed)
        let stats = try folder.run("stats", "--format", "json", "examples/aarhus-byraad/optalt.md")
        let result = try folder.run("check", "examples/aarhus-byraad/optalt.md")
        let finding = try #require(result.diagnostics.first { $0.check == "length.stated-count" }, "\(result)")
        #expect(!finding.message.contains("har -"), "\(finding.message)")
        let json = try #require(try JSONSerialization.jsonObject(with: stats.stdoutData) as? [String: Any], "\(stats)")
        let files = json["files"] as? [[String: Any]] ?? []
        let characters = try #require(files.first?["characters"] as? Int, "\(stats)")
        #expect(finding.message.contains("har \(DanishNumber.integer(characters)) tegn"), "\(finding.message) vs \(characters)")
    }
}

/// Danish thousands separators, as the messages write counts.
enum DanishNumber {
    static func integer(_ value: Int) -> String {
        let digits = String(value)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "." }
            out.append(character)
        }
        return out
    }
}
