import Foundation
import Testing

/// The README and the manuals in docs/: the check tables are what `indstil checks --format markdown`
/// prints, the README is short and opens with its title, and every link between them leads somewhere.
@Suite("README and docs/ (generated check tables, links)")
struct DocumentationTests {
    static let checkTables: [(file: String, lang: String)] = [("docs/checks.md", "da"), ("docs/checks-en.md", "en")]
    static let beginMarker = "<!-- checks:begin -->"
    static let endMarker = "<!-- checks:end -->"

    @Test("the check table in docs/ is the output of indstil checks --format markdown", arguments: checkTables)
    func checkTableIsCurrent(file: String, lang: String) throws {
        let folder = try TempFolder()
        let result = try folder.run("checks", "--format", "markdown", "--lang", lang)
        try #require(result.status == 0, "\(result)")
        let text = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent(file), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let begin = try #require(lines.firstIndex(of: Self.beginMarker), "\(file) has no line \(Self.beginMarker)")
        let end = try #require(lines.firstIndex(of: Self.endMarker), "\(file) has no line \(Self.endMarker)")
        try #require(begin < end, "\(file): \(Self.endMarker) comes before \(Self.beginMarker)")
        let documented = lines[(begin + 1)..<end].joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        let generated = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let firstDifference = zip(documented.components(separatedBy: "\n"), generated.components(separatedBy: "\n"))
            .first { $0 != $1 }.map { "docs: \($0)\nnow:  \($1)" } ?? "(one table is longer than the other)"
        #expect(documented == generated, """
            \(file) is out of date: its check table is not what `indstil checks --format markdown --lang \(lang)` prints now. \
            Regenerate it with `make docs` and commit the result. First difference:
            \(firstDifference)
            """)
    }

    @Test("checks --format markdown: one row of four cells per check, the same ids as the text list")
    func markdownTableListsEveryCheck() throws {
        let folder = try TempFolder()
        let text = try folder.run("checks")
        let markdown = try folder.run("checks", "--format", "markdown")
        try #require(text.status == 0 && markdown.status == 0, "\(text)\n\(markdown)")
        let textIDs = text.stdout.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) }
        let lines = markdown.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "| id | standardniveau | altid fejl | beskrivelse |")
        #expect(lines.dropFirst().first == "|---|---|---|---|")
        let rows = lines.dropFirst(2).filter { !$0.isEmpty }
        #expect(!lines.dropFirst(2).dropLast().contains(""), "a blank line ends a table on GitHub")
        var ids: [String] = []
        for row in rows {
            let cells = Self.cells(of: row)
            #expect(cells.count == 4, "not four cells: \(row)")
            ids.append(cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`")))
            #expect(["error", "warning", "note"].contains(cells[1]), "level: \(row)")
            #expect(["", "ja"].contains(cells[2]), "altid fejl: \(row)")
            #expect(!cells[3].isEmpty, "no description: \(row)")
        }
        #expect(ids == textIDs)
        #expect(ids.contains("publication.closed-file") && ids.contains("privacy.cpr") && ids.contains("plugin.failed"))
        // A mandatory rule says so in the table as in the text list.
        let mandatoryInText = Set(text.stdout.split(separator: "\n").filter { $0.hasSuffix("(altid fejl)") }.compactMap { $0.split(separator: " ").first.map(String.init) })
        let mandatoryInTable = Set(rows.map { Self.cells(of: $0) }.filter { $0.count == 4 && $0[2] == "ja" }.map { $0[0].trimmingCharacters(in: CharacterSet(charactersIn: "`")) })
        #expect(!mandatoryInText.isEmpty && mandatoryInTable == mandatoryInText)

        let english = try folder.run("checks", "--format", "markdown", "--lang", "en")
        #expect(english.stdout.hasPrefix("| id | default level | always an error | description |\n"), "\(english)")
        let mixed = try folder.run("checks", "--format", "markdown", "--examples")
        #expect(mixed.status == 2, "\(mixed)")
        let help = try folder.run("checks", "--help")
        #expect(help.stdout.contains("--format") && help.stdout.contains("markdown"), "\(help)")
    }

    /// The manual page is made from the commands' help (`generate-manual`), so every check is
    /// in it when `indstil checks --help` lists it.
    @Test("indstil checks --help (and so the manual page) lists every registered check")
    func helpListsEveryCheck() throws {
        let folder = try TempFolder()
        let text = try folder.run("checks")
        let help = try folder.run("checks", "--help")
        try #require(text.status == 0 && help.status == 0, "\(help)")
        let ids = text.stdout.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(ids.count > 50)
        for id in ids { #expect(help.stdout.contains("\(id) ("), "\(id) is not in indstil checks --help") }
    }

    @Test("docs/README.md lists every command with every option its --help names")
    func everyCommandDocumented() throws {
        let folder = try TempFolder()
        let help = try folder.run("--help")
        try #require(help.status == 0, "\(help)")
        let afterHeading = try #require(help.stdout.components(separatedBy: "UNDERKOMMANDOER:").dropFirst().first)
        let commands = afterHeading.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
            return line.split(separator: " ").first.map(String.init)
        }.filter { $0.allSatisfy(\.isLowercase) }
        #expect(commands.count >= 11, "\(commands)")
        let manual = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("docs/README.md"), encoding: .utf8)
        for command in commands {
            let row = manual.split(separator: "\n").first { $0.hasPrefix("| `indstil \(command) ") || $0.hasPrefix("| `indstil \(command)`") }
            guard let row else { Issue.record("docs/README.md has no row for `indstil \(command)`"); continue }
            let commandHelp = try folder.run(command, "--help")
            for line in commandHelp.stdout.split(separator: "\n") where line.hasPrefix("  -") {
                let names = line.split(separator: " ").prefix { $0.hasPrefix("-") }.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ",")) }
                guard !names.contains("--help"), !names.contains("--version") else { continue }
                #expect(names.contains { row.contains("\($0) ") || row.contains("\($0)]") }, "docs/README.md: `indstil \(command)` lacks \(names)")
            }
        }
    }

    @Test("README.md: the title first, at most 300 lines, tables unbroken, self-contained")
    func readmeShape() throws {
        let text = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        #expect(lines.first == "# indstil", "README.md must open with its title")
        #expect(lines.count <= 301, "README.md has \(lines.count) lines; at most 300 (the rest belongs in docs/)")
        #expect(!text.lowercased().contains("contract"), "README.md names a file outside the repository")
        for file in try Self.markdownFiles() {
            let broken = Self.brokenTables(in: try String(contentsOf: file, encoding: .utf8))
            #expect(broken.isEmpty, "\(file.lastPathComponent): a blank line splits a table at line(s) \(broken)")
        }
    }

    @Test("every relative link in README.md and docs/ names a file that exists, and a heading in it")
    func linksResolve() throws {
        let root = Fixtures.packageRoot.standardizedFileURL
        var problems: [String] = []
        for file in try Self.markdownFiles() {
            let text = try String(contentsOf: file, encoding: .utf8)
            for (line, target) in Self.links(in: text) {
                if target.hasPrefix("http://") || target.hasPrefix("https://") || target.hasPrefix("mailto:") { continue }
                let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let path = parts[0], anchor = parts.count > 1 ? parts[1] : nil
                let destination = path.isEmpty ? file : file.deletingLastPathComponent().appendingPathComponent(path).standardizedFileURL
                let name = "\(file.path.dropFirst(root.path.count + 1)):\(line): \(target)"
                guard destination.path.hasPrefix(root.path + "/") else { problems.append("\(name) leads out of the repository"); continue }
                guard FileManager.default.fileExists(atPath: destination.path) else { problems.append("\(name): no such file"); continue }
                if let anchor, destination.pathExtension == "md" {
                    let anchors = Self.anchors(in: try String(contentsOf: destination, encoding: .utf8))
                    if !anchors.contains(anchor) { problems.append("\(name): no heading with the anchor #\(anchor)") }
                }
            }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test("the link checker finds a missing file and a missing anchor")
    func linkCheckerFindsBreakage() {
        let text = "# Title\n\n## How \"Antal tegn\" is counted\n\nSee [x](#how-antal-tegn-is-counted), `[y](#not-a-link)` and \\[w\\](#escaped).\n```\n[z](#in-code)\n```\n"
        #expect(Self.links(in: text).map(\.target) == ["#how-antal-tegn-is-counted"])
        #expect(Self.anchors(in: text) == ["title", "how-antal-tegn-is-counted"])
        #expect(Self.anchors(in: "## The browser workspace (`indstil serve`)\n## A\n## A\n") == ["the-browser-workspace-indstil-serve", "a", "a-1"])
        #expect(Self.brokenTables(in: "| a | b |\n|---|---|\n| 1 | 2 |\n\n| 3 | 4 |\n") == [5])
        #expect(Self.brokenTables(in: "| a | b |\n|---|---|\n| 1 | 2 |\n\n| c | d |\n|---|---|\n").isEmpty)
    }

    // MARK: Reading Markdown the way GitHub does, as far as these tests need

    static func markdownFiles() throws -> [URL] {
        let docs = Fixtures.packageRoot.appendingPathComponent("docs")
        let inDocs = try FileManager.default.contentsOfDirectory(at: docs, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "md" }.sorted { $0.path < $1.path }
        return [Fixtures.packageRoot.appendingPathComponent("README.md")] + inDocs
    }

    /// The lines outside fenced code blocks, numbered from 1.
    static func proseLines(_ text: String) -> [(number: Int, text: String)] {
        var fence: String?
        var out: [(Int, String)] = []
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let open = fence {
                if trimmed.hasPrefix(open) && trimmed.allSatisfy({ $0 == open.first }) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = String(trimmed.prefix { $0 == trimmed.first })
                continue
            }
            out.append((index + 1, line))
        }
        return out
    }

    /// `[text](target)` and `![alt](target)` outside code; `\[x\](y)` is text.
    static func links(in text: String) -> [(line: Int, target: String)] {
        let escape = try! NSRegularExpression(pattern: "\\\\[!-/:-@\\[-`{-~]")
        let code = try! NSRegularExpression(pattern: "(`+).+?\\1")
        let link = try! NSRegularExpression(pattern: "\\]\\(([^)\\s]+)\\)")
        var out: [(Int, String)] = []
        for (number, line) in proseLines(text) {
            let unescaped = escape.stringByReplacingMatches(in: line, range: NSRange(line.startIndex..., in: line), withTemplate: "")
            let withoutCode = code.stringByReplacingMatches(in: unescaped, range: NSRange(unescaped.startIndex..., in: unescaped), withTemplate: "")
            for match in link.matches(in: withoutCode, range: NSRange(withoutCode.startIndex..., in: withoutCode)) {
                out.append((number, String(withoutCode[Range(match.range(at: 1), in: withoutCode)!])))
            }
        }
        return out
    }

    /// GitHub's heading anchors: lower case, punctuation dropped, spaces as `-`, repeats numbered.
    static func anchors(in text: String) -> [String] {
        var seen: [String: Int] = [:]
        var out: [String] = []
        for (_, line) in proseLines(text) {
            guard let hashes = line.range(of: "^#{1,6} ", options: .regularExpression) else { continue }
            let heading = line[hashes.upperBound...].lowercased()
            let slug = String(heading.compactMap { character -> Character? in
                if character == " " { return "-" }
                return character.isLetter || character.isNumber || character == "-" || character == "_" ? character : nil
            })
            let count = seen[slug, default: 0]
            seen[slug] = count + 1
            out.append(count == 0 ? slug : "\(slug)-\(count)")
        }
        return out
    }

    /// Lines where a table row follows a blank line after a table without starting a new table.
    static func brokenTables(in text: String) -> [Int] {
        let lines = proseLines(text)
        var out: [Int] = []
        for index in lines.indices.dropFirst(2) {
            let (number, line) = lines[index]
            guard line.hasPrefix("|"), lines[index - 1].text.trimmingCharacters(in: .whitespaces).isEmpty,
                  lines[index - 2].text.hasPrefix("|") else { continue }
            let next = index + 1 < lines.count ? lines[index + 1].text : ""
            if !next.hasPrefix("|-") && !next.hasPrefix("| -") && !next.hasPrefix("|:") { out.append(number) }
        }
        return out
    }

    /// The cells of a table row, `\|` kept inside its cell.
    static func cells(of row: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in row.trimmingCharacters(in: .whitespaces).dropFirst() {
            if escaped { current.append(character); escaped = false; continue }
            if character == "\\" { current.append(character); escaped = true; continue }
            if character == "|" { cells.append(current.trimmingCharacters(in: .whitespaces)); current = ""; continue }
            current.append(character)
        }
        return cells
    }
}
