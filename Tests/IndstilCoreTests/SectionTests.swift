import Foundation
import Testing
import IndstilCore

@Suite("Sections of a loaded document")
struct SectionTests {
    static func sections(_ body: String) throws -> [Section] {
        let text = "---\nprofil: aarhus-raadmand\n---\n\n" + body
        guard case .document(let document) = DocumentLoader.parse(text, url: URL(fileURLWithPath: "/nonexistent/sag.md"), displayPath: "sag.md") else {
            Issue.record("the document did not load")
            return []
        }
        return document.sections
    }

    @Test("Headings split the body into sections with their lines and numbers")
    func split() throws {
        let sections = try Self.sections("# 1. Resume\n\nKort.\n\n# Økonomi\n\n## Under\n\nTekst.\n")
        #expect(sections.map(\.title) == ["Resume", "Økonomi"])
        #expect(sections.map(\.number) == [1, nil])
        #expect(sections.map(\.line) == [5, 9])
        #expect(sections[1].visibleText == "Under Tekst.")
    }

    @Test("A section of just an en dash is a dash, not empty")
    func enDash() throws {
        let section = try #require(try Self.sections("# Økonomi\n\n–\n").first)
        #expect(!section.isEmpty)
        #expect(section.isDashOnly)
    }

    @Test("A section of just a hyphen is a dash, not empty")
    func hyphen() throws {
        let section = try #require(try Self.sections("# Økonomi\n\n-\n").first)
        #expect(!section.isEmpty)
        #expect(section.isDashOnly)
    
    }

    @Test("A section with only a heading is empty")
    func empty() throws {
        let section = try #require(try Self.sections("# Økonomi\n\n# Kommunikation\n\nTekst.\n").first)
        #expect(section.isEmpty)
        #expect(!section.isDashOnly)
    }
}
