import Foundation
import Testing
import IndstilCore
import IndstilTestSupport

/// Each hostile .docx is one `input.invalid` finding within a second, never a crash.
@Suite("Word documents: hostile input")
struct WordHostileInputTests {
    static let body = WordXMLText.text("1. Resume", style: "Heading1") + WordXMLText.text("Teksten.")

    static func check(_ write: (URL) throws -> Void, file: String = "sag.docx") throws -> (diagnostics: [Diagnostic], seconds: Double) {
        let folder = try TempFolder("word-hostile")
        defer { folder.remove() }
        let url = folder.url(file)
        try write(url)
        let started = Date()
        let analysis = Workspace(profileOverride: "aarhus-byraad").analyze(url, displayPath: file)
        return (analysis.diagnostics, Date().timeIntervalSince(started))
    }

    static func expectOneInvalid(_ result: (diagnostics: [Diagnostic], seconds: Double), mentioning words: String...) {
        #expect(result.diagnostics.count == 1, "\(result.diagnostics)")
        #expect(result.diagnostics.first?.check == "input.invalid")
        #expect(result.diagnostics.first?.line == 1)
        for word in words { #expect(result.diagnostics.first?.message.da.contains(word) == true, "\(result.diagnostics)") }
        #expect(result.seconds < 1, "took \(result.seconds) s")
    }

    @Test("A file that is not a zip")
    func notAZip() throws {
        Self.expectOneInvalid(try Self.check { try Data("---\nprofil: aarhus-byraad\n---\n# Resume\n".utf8).write(to: $0) }, mentioning: "ikke et Word-dokument")
    }

    @Test("An empty file")
    func empty() throws {
        Self.expectOneInvalid(try Self.check { try Data().write(to: $0) }, mentioning: "ikke et Word-dokument")
    }

    @Test("A zip without word/document.xml")
    func missingDocument() throws {
        Self.expectOneInvalid(try Self.check { url in
            try WordFixture.write(WordFixture.parts(body: Self.body).filter { $0.0 != "word/document.xml" }, to: url)
        }, mentioning: "word/document.xml")
    }

    @Test("A zip bomb by its declared size (30 MB of spaces in a few KB)")
    func declaredBomb() throws {
        Self.expectOneInvalid(try Self.check { try WordFixture.writeBomb(path: "word/document.xml", megabytes: 30, to: $0) }, mentioning: "zip-bombe")
    }

    @Test("A zip bomb that lies about its size")
    func lyingBomb() throws {
        Self.expectOneInvalid(try Self.check { url in
            let paragraphs = String(repeating: WordXMLText.text("Den samme sætning igen og igen."), count: 20_000)
            try WordFixture.write(WordFixture.parts(body: Self.body + paragraphs), to: url)
            try WordFixture.lyingAboutSizes(url, size: 2_000)
        }, mentioning: "zip-bombe")
    }

    @Test("XML with an external entity (XXE)")
    func externalEntity() throws {
        Self.expectOneInvalid(try Self.check { url in
            var parts = WordFixture.parts(body: Self.body)
            let document = "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]><w:document xmlns:w=\"\(WordFixture.w)\"><w:body><w:p><w:r><w:t>&secret;</w:t></w:r></w:p></w:body></w:document>"
            parts = parts.map { $0.0 == "word/document.xml" ? ($0.0, Data(document.utf8)) : $0 }
            try WordFixture.write(parts, to: url)
        }, mentioning: "DOCTYPE")
    }

    @Test("Entities that expand (billion laughs) in styles.xml")
    func billionLaughs() throws {
        Self.expectOneInvalid(try Self.check { url in
            var entities = "<!ENTITY a0 \"ha\">"
            for level in 1...10 { entities += "<!ENTITY a\(level) \"" + String(repeating: "&a\(level - 1);", count: 10) + "\">" }
            var parts = WordFixture.parts(body: Self.body, styles: WordXMLText.danishStyles)
            let styles = "<?xml version=\"1.0\"?><!DOCTYPE w:styles [\(entities)]><w:styles xmlns:w=\"\(WordFixture.w)\"><w:style w:styleId=\"x\"><w:name w:val=\"&a10;\"/></w:style></w:styles>"
            parts = parts.map { $0.0 == "word/styles.xml" ? ($0.0, Data(styles.utf8)) : $0 }
            try WordFixture.write(parts, to: url)
        }, mentioning: "DOCTYPE")
    }

    @Test("10 000 levels of nested elements")
    func deepNesting() throws {
        Self.expectOneInvalid(try Self.check { url in
            let deep = String(repeating: "<w:sdt><w:sdtContent>", count: 10_000) + String(repeating: "</w:sdtContent></w:sdt>", count: 10_000)
            try WordFixture.write(WordFixture.parts(body: Self.body + deep), to: url)
        }, mentioning: "nestet")
    }

    @Test("XML that is not well-formed")
    func brokenXML() throws {
        Self.expectOneInvalid(try Self.check { url in
            var parts = WordFixture.parts(body: Self.body)
            parts = parts.map { $0.0 == "word/document.xml" ? ($0.0, Data("<w:document><w:body><w:p>".utf8)) : $0 }
            try WordFixture.write(parts, to: url)
        }, mentioning: "XML")
    }

    @Test("Random bytes after a zip signature")
    func damagedZip() throws {
        Self.expectOneInvalid(try Self.check { url in
            var bytes: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
            var seed: UInt32 = 17
            for _ in 0..<4096 {
                seed = seed &* 1_103_515_245 &+ 12345
                bytes.append(UInt8(truncatingIfNeeded: seed >> 16))
            }
            try Data(bytes).write(to: url)
        })
    }
}
