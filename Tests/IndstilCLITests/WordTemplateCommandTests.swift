import Foundation
import Testing

/// `indstil render --to docx` with a profile whose `look.word_template` names a Word
/// template: the Randers example's profile, given Testkommune's LibreOffice template.
@Suite("Render with a Word template (end to end)") struct WordTemplateCommandTests {
    static let template = Fixtures.packageRoot.appendingPathComponent("Tests/Fixtures/word-template/testkommune.dotx")
    static let document = "aabningstider-borgerservice.md"

    /// A copy of examples/randers whose profile uses `template` (copied in as skabelon.dotx).
    static func project(template: Data) throws -> TempFolder {
        let folder = try TempFolder("wordtpl")
        for item in try FileManager.default.contentsOfDirectory(atPath: Fixtures.examples.appendingPathComponent("randers").path) {
            try FileManager.default.copyItem(at: Fixtures.examples.appendingPathComponent("randers/\(item)"), to: folder.url(item))
        }
        let profile = "profiles/randers-byraad/profile.yml"
        try folder.write(profile, try folder.read(profile) + """

            look:
              word_template: skabelon.dotx
              letterhead:
                - "{forvaltning}"
                - "Rådhuspladsen 1, 9999 Testby"
                - "Sagsbehandler: {sagsbehandler.navn}"

            """)
        try folder.write("profiles/randers-byraad/skabelon.dotx", data: template)
        return folder
    }

    @Test func theDocumentIsWrittenIntoTheTemplateTheSameEveryTime() throws {
        let project = try Self.project(template: try Data(contentsOf: Self.template))
        defer { project.remove() }
        let first = try project.run("render", "--to", "docx", Self.document, "-o", "ud/en.docx", timeout: 60)
        #expect(first.status == 0, "\(first)")
        let second = try project.run("render", "--to", "docx", Self.document, "-o", "ud/to.docx", timeout: 60)
        #expect(second.status == 0, "\(second)")
        let one = try Data(contentsOf: project.url("ud/en.docx"))
        #expect(one == (try Data(contentsOf: project.url("ud/to.docx"))))
        let parts = try WordFixture.read(project.url("ud/en.docx"))
        let header = String(decoding: try #require(parts.first { $0.0 == "word/header1.xml" }).1, as: UTF8.self)
        #expect(header.contains("TESTKOMMUNE · Nye åbningstider i Borgerservice"))
        #expect(header.contains("Sagsbehandler: Karen Eksempel"))
        let document = String(decoding: try #require(parts.first { $0.0 == "word/document.xml" }).1, as: UTF8.self)
        #expect(document.contains("Rådhuspladsen 1, 9999 Testby"))
        #expect(document.contains("<w:t xml:space=\"preserve\">Kultur og Borgerservice</w:t>"))
    }

    @Test func aTemplateThatCannotBeUsedStopsTheRenderWithExitCode2() throws {
        let project = try Self.project(template: Data("ikke en zip-fil".utf8))
        defer { project.remove() }
        let result = try project.run("render", "--to", "docx", Self.document, "-o", "ud/sag.docx", timeout: 60)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("Word-skabelonen "), "\(result)")
        #expect(result.stderr.contains("profiles/randers-byraad/skabelon.dotx kan ikke bruges"), "\(result)")
        #expect(!FileManager.default.fileExists(atPath: project.url("ud/sag.docx").path))
        // The other formats do not need the template.
        let html = try project.run("render", "--to", "html", Self.document, "-o", "ud/sag.html", timeout: 60)
        #expect(html.status == 0, "\(html)")
    }
}
