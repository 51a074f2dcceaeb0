import Foundation
import Testing
import IndstilCore

/// `length.stated-count`: a typed "Antal tegn" agrees with the count to the character.
@Suite("Stated Antal tegn")
struct StatedCountTests {
    static func check(_ document: ExampleDocument) throws -> (diagnostics: [Diagnostic], count: Int) {
        let project = try TestProject()
        defer { project.remove() }
        let diagnostics = try project.check(document: document.text, files: document.files)
        let analyzed = try CharacterCountTests.analyze(document.text)
        return (diagnostics, analyzed.characterCount)
    }

    @Test("The exact count in front matter passes and is no unknown field; one more is a warning")
    func frontMatter() throws {
        let count = try CharacterCountTests.analyze(ExampleDocument.byraad.text).characterCount
        let exact = try Self.check(ExampleDocument.byraad.settingField("antal_tegn", "antal_tegn: \(count)"))
        #expect(exact.diagnostics.isEmpty, "\(exact.diagnostics)")
        let grouped = try Self.check(ExampleDocument.byraad.settingField("antal_tegn", "antal_tegn: \"\(DanishFormat.integer(count))\""))
        #expect(grouped.diagnostics.isEmpty, "\(grouped.diagnostics)")
        let off = try Self.check(ExampleDocument.byraad.settingField("antal_tegn", "antal_tegn: \(count + 1)"))
        #expect(off.diagnostics.map(\.check) == ["length.stated-count"])
        #expect(off.diagnostics.first?.severity == .warning)
        #expect(off.diagnostics.first?.message.da.contains("teksten har \(DanishFormat.integer(count)) tegn") == true)
        let word = try Self.check(ExampleDocument.byraad.settingField("antal_tegn", "antal_tegn: mange"))
        #expect(word.diagnostics.map(\.check) == ["length.stated-count"])
    }

    @Test("A paragraph stating the count is not counted itself")
    func paragraph() throws {
        let count = try CharacterCountTests.analyze(ExampleDocument.byraad.text).characterCount
        let body = "Byrådet får en status efter det første år."
        func stating(_ number: Int) -> ExampleDocument {
            ExampleDocument.byraad.replacingSection("9. Hvad er den videre proces", body: body + "\n\nAntal tegn: \(DanishFormat.integer(number))")
        }
        #expect(try Self.check(stating(count)).diagnostics.isEmpty)
        let off = try Self.check(stating(count - 10))
        #expect(off.diagnostics.map(\.check) == ["length.stated-count"], "\(off.diagnostics)")
    }
}
