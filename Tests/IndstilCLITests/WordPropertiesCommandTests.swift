import Foundation
import Testing
import IndstilCore

/// A Word document made by pandoc from a Markdown example keeps its front matter in the
/// document properties (`docProps/custom.xml`): `indstil import` reads it back, pandoc run
/// for real.
@Suite("Word documents made by pandoc (end to end)") struct WordPropertiesCommandTests {
    /// The front matter's lines (between the `---` lines), quoting taken off.
    static func frontMatter(_ text: String) -> [String] {
        let lines = text.components(separatedBy: "\n")
        guard let end = lines.dropFirst().firstIndex(of: "---") else { return [] }
        return lines[1..<end].map { line in
            guard let colon = line.firstIndex(of: ":") else { return line }
            var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return line[..<colon] + ": " + value
        }
    }

    static func antalTegn(_ stats: String) -> String? {
        stats.components(separatedBy: "\n").first { $0.contains("Antal tegn i alt") }?
            .components(separatedBy: "·").first?.trimmingCharacters(in: .whitespaces)
    }

    @Test("The betænkning example through pandoc: the same front matter (its profile too) and the same Antal tegn")
    func scalarFrontMatterRoundTrips() throws {
        let project = try TempFolder("word-pandoc")
        defer { project.remove() }
        let markdown = try Fixtures.exampleText(Fixtures.bilag)
        try project.write("kortlaegning.md", markdown)
        // No indstil.yml naming a profile: the document's own `profil` property names it.
        try TestProcess.run("pandoc", ["kortlaegning.md", "-o", "kortlaegning.docx"], in: project.url).requireSuccess()
        let imported = try project.run("import", "kortlaegning.docx", "-o", "tilbage.md")
        #expect(imported.status == 0, "\(imported)")
        let back = try String(contentsOf: project.url("tilbage.md"), encoding: .utf8)
        #expect(Self.frontMatter(back) == Self.frontMatter(markdown), "\(back.prefix(600))")
        #expect(!imported.stderr.contains("[word.skipped]"), "\(imported.stderr)")
        let original = try project.run("stats", "kortlaegning.md")
        let roundTrip = try project.run("stats", "tilbage.md")
        let count = try #require(Self.antalTegn(original.stdout))
        #expect(Self.antalTegn(roundTrip.stdout) == count, "\(original.stdout)\n\(roundTrip.stdout)")
        // check reads the .docx itself the same way.
        let checked = try project.run("check", "kortlaegning.docx", "--format", "json")
        #expect(!checked.stdout.contains("metadata.missing-field"), "\(checked.stdout.prefix(1500))")
    }

    @Test("The byråd example through pandoc: every single-valued field read; the lists and groups pandoc empties are named")
    func structuredFieldsAreNamed() throws {
        let project = try TempFolder("word-pandoc")
        defer { project.remove() }
        let markdown = try Fixtures.exampleText(Fixtures.byraad)
        try project.write("sag.md", markdown)
        try TestProcess.run("pandoc", ["sag.md", "-o", "sag.docx"], in: project.url).requireSuccess()
        let imported = try project.run("import", "sag.docx", "-o", "tilbage.md")
        #expect(imported.status == 0, "\(imported)")
        let back = Self.frontMatter(try String(contentsOf: project.url("tilbage.md"), encoding: .utf8))
        let scalars = Self.frontMatter(markdown).filter { !$0.hasPrefix(" ") && !$0.hasSuffix(": ") }
        #expect(back == scalars, "\(back)\n\(scalars)")
        #expect(imported.stderr.contains("Dokumentegenskaberne »bilag«, »sagsbehandler«, »tidligere_beslutninger« er tomme"), "\(imported.stderr)")
    }
}
