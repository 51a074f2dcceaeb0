import Foundation
import Testing
import IndstilCore
import IndstilTestSupport

/// Word documents made by other programs: pandoc from Markdown and LibreOffice from
/// HTML, their styles renamed to the Danish names a Danish Word writes ("Overskrift 1",
/// "Titel"). Each gives the findings of its Markdown twin.
@Suite("Word documents from pandoc and LibreOffice")
struct WordProducersTests {
    /// The twin: a byrådsindstilling with findings to find (a leftover TODO, a decision
    /// point without »Byrådet«, a missing section, no status).
    static let twin = """
        ---
        profil: aarhus-byraad
        titel: "Ny legeplads i Frederiksbjerg"
        til: Aarhus Byråd
        fra: Magistraten
        dato: 2026-05-06
        sagsnummer: 26-002222
        afdeling: Teknik og Miljø
        sagsbehandler:
          navn: Sofie Eksempel
          telefon: "89 40 22 22"
          email: sofie.eksempel@example.dk
        ---

        """ + body

    static let body = """
        # 1. Resume

        Beboerne i Frederiksbjerg har længe ønsket en legeplads i parken. TODO: indsæt antal underskrifter.

        # 2. Beslutningspunkter

        Det indstilles på magistratens anbefaling:

        1. Byrådet godkender en ny legeplads i parken ved Ingerslevs Boulevard.
        2. Magistraten bevilger 1,2 mio. kr. til legepladsen.

        # 3. Hvorfor skal byrådet behandle sagen?

        Sagen er principiel, fordi det er den første legeplads, som beboerne selv har tegnet.

        # 4. Hvorfor fremsendes indstillingen?

        Beboerne har samlet underskrifter og tegnet et forslag sammen med en landskabsarkitekt.

        # 5. Hvilken værdi skabes for borgere og samfund?

        Børnene i bydelen får et sted at lege tæt på, hvor de bor.

        # 6. Hvad igangsættes?

        Legepladsen anlægges i sommeren 2026.

        # 7. Hvem gør det og hvordan?

        Teknik og Miljø står for anlægget sammen med beboerne.

        # 9. Hvad er den videre proces og hvordan følges op?

        Byrådet får en status, når legepladsen har været åben et år.

        """

    /// The twin's header as the lines a Word template shows above the first heading.
    static let headerLines = ["Til Aarhus Byråd", "Fra Magistraten", "Dato 6. maj 2026", "Sagsnummer: 26-002222",
                              "Afdeling: Teknik og Miljø", "Sagsbehandler: Sofie Eksempel", "Tlf.: 89 40 22 22",
                              "E-post: sofie.eksempel@example.dk"]

    /// Renames the heading and title styles to their Danish names, in styles.xml and in
    /// the paragraphs that use them.
    static func danishStyleNames(_ url: URL) throws {
        let parts = try WordFixture.read(url).map { path, data -> (String, Data) in
            guard path == "word/document.xml" || path == "word/styles.xml" else { return (path, data) }
            var xml = String(decoding: data, as: UTF8.self)
            for level in 1...6 {
                xml = xml.replacingOccurrences(of: "\"Heading\(level)\"", with: "\"Overskrift\(level)\"")
                    .replacingOccurrences(of: "w:val=\"heading \(level)\"", with: "w:val=\"Overskrift \(level)\"")
                    .replacingOccurrences(of: "w:val=\"Heading \(level)\"", with: "w:val=\"Overskrift \(level)\"")
            }
            xml = xml.replacingOccurrences(of: "\"Title\"", with: "\"Titel\"")
            return (path, Data(xml.utf8))
        }
        let document = String(decoding: try #require(parts.first { $0.0 == "word/document.xml" }).1, as: UTF8.self)
        #expect(document.contains("Overskrift1") && !document.contains("Heading1"), "the renaming must take")
        try WordFixture.write(parts, to: url)
    }

    static func findings(_ analysis: FileAnalysis) -> Set<WordImportTests.Finding> {
        Set(analysis.diagnostics.map(WordImportTests.finding))
    }

    func expectTwinFindings(_ docx: URL, in folder: TempFolder) throws {
        let twinURL = try folder.write("twin.md", Self.twin)
        let workspace = try WordImportTests.workspace(folder.url, profile: "aarhus-byraad")
        let twin = workspace.analyze(twinURL, displayPath: "twin.md")
        let word = workspace.analyze(docx, displayPath: docx.lastPathComponent)
        let expected = Self.findings(twin)
        // Not a vacuous comparison: the twin's findings are the planted ones.
        let planted: Set<String> = ["style.placeholder", "decision.subject", "skeleton.missing-section", "metadata.missing-field", "skeleton.numbering"]
        #expect(Set(expected.map(\.check)).isSubset(of: planted), "\(expected)")
        #expect(expected.contains { $0.check == "decision.subject" } && expected.contains { $0.check == "style.placeholder" })
        #expect(Self.findings(word) == expected, "\(docx.lastPathComponent): \(word.diagnostics)")
        #expect(word.analyzed?.characterCount == twin.analyzed?.characterCount)
        // The finding names the Word paragraph and its heading.
        let subject = try #require(word.diagnostics.first { $0.check == "decision.subject" })
        #expect(subject.heading == "2. Beslutningspunkter")
        #expect(subject.line > Self.headerLines.count + 4)
    }

    @Test("pandoc from Markdown, styles renamed to Danish")
    func pandoc() throws {
        let folder = try TempFolder("word-pandoc")
        defer { folder.remove() }
        let source = "---\ntitle: \"Ny legeplads i Frederiksbjerg\"\n---\n\n" + Self.headerLines.joined(separator: "\n\n") + "\n\n" + Self.body
        let input = try folder.write("kilde.md", source)
        try TestProcess.run("pandoc", [input.path, "-f", "markdown", "-t", "docx", "-o", folder.url("pandoc.docx").path]).requireSuccess()
        try Self.danishStyleNames(folder.url("pandoc.docx"))
        try expectTwinFindings(folder.url("pandoc.docx"), in: folder)
    }

    @Test("LibreOffice from HTML, styles renamed to Danish")
    func libreOffice() throws {
        let folder = try TempFolder("word-libreoffice")
        defer { folder.remove() }
        var html = "<!DOCTYPE html><html lang=\"da\"><head><meta charset=\"utf-8\"><title>Legeplads</title></head><body>\n"
        html += Self.headerLines.map { "<p>\($0)</p>\n" }.joined()
        html += "<p>Ny legeplads i Frederiksbjerg</p>\n"
        var inList = false
        for line in Self.body.split(separator: "\n") {
            if line.hasPrefix("# ") {
                html += "<h1>\(line.dropFirst(2))</h1>\n"
            } else if let dot = line.firstIndex(of: "."), line[..<dot].allSatisfy(\.isNumber) {
                if !inList { html += "<ol>"; inList = true }
                html += "<li>\(line[line.index(dot, offsetBy: 2)...])</li>"
            } else {
                if inList { html += "</ol>\n"; inList = false }
                html += "<p>\(line)</p>\n"
            }
        }
        html += "</body></html>\n"
        let input = try folder.write("kilde.html", html)
        try TestProcess.run("soffice", ["--headless", "-env:UserInstallation=file://\(folder.url("lo-profile").path)",
                                        "--infilter=HTML (StarWriter)", "--convert-to", "docx:MS Word 2007 XML",
                                        "--outdir", folder.url.path, input.path], timeout: 90).requireSuccess()
        try Self.danishStyleNames(folder.url("kilde.docx"))
        try expectTwinFindings(folder.url("kilde.docx"), in: folder)
    }

    @Test("LibreOffice from an ODT whose decision points are numbered \"At 1)\", styles renamed to Danish")
    func libreOfficeFromODT() throws {
        let folder = try TempFolder("word-odt")
        defer { folder.remove() }
        func escape(_ text: Substring) -> String { text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;") }
        var text = Self.headerLines.map { "<text:p>\($0)</text:p>" }.joined() + "<text:p>Ny legeplads i Frederiksbjerg</text:p>"
        var inList = false
        for line in Self.body.split(separator: "\n") {
            let isItem = line.firstIndex(of: ".").map { line[..<$0].allSatisfy(\.isNumber) && !line.hasPrefix("#") } ?? false
            if inList && !isItem { text += "</text:list>"; inList = false }
            if line.hasPrefix("# ") {
                text += "<text:h text:outline-level=\"1\">\(escape(line.dropFirst(2)))</text:h>"
            } else if isItem, let dot = line.firstIndex(of: ".") {
                if !inList { text += "<text:list text:style-name=\"At\">"; inList = true }
                text += "<text:list-item><text:p>\(escape(line[line.index(dot, offsetBy: 2)...]))</text:p></text:list-item>"
            } else {
                text += "<text:p>\(escape(line))</text:p>"
            }
        }
        if inList { text += "</text:list>" }
        let content = """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" office:version="1.2">
            <office:automatic-styles><text:list-style style:name="At"><text:list-level-style-number text:level="1" style:num-prefix="At " style:num-suffix=")" style:num-format="1"/></text:list-style></office:automatic-styles>
            <office:body><office:text>\(text)</office:text></office:body></office:document-content>
            """
        let manifest = """
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
            <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
            <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
            </manifest:manifest>
            """
        let odt = folder.url("kilde.odt")
        try WordFixture.write([("mimetype", Data("application/vnd.oasis.opendocument.text".utf8)), ("content.xml", Data(content.utf8)),
                               ("META-INF/manifest.xml", Data(manifest.utf8))], to: odt, stored: ["mimetype"])
        try TestProcess.run("soffice", ["--headless", "-env:UserInstallation=file://\(folder.url("lo-profile").path)",
                                        "--convert-to", "docx:MS Word 2007 XML", "--outdir", folder.url.path, odt.path], timeout: 90).requireSuccess()
        let docx = folder.url("kilde.docx")
        let numbering = String(decoding: try #require(try WordFixture.read(docx).first { $0.0 == "word/numbering.xml" }).1, as: UTF8.self)
        #expect(numbering.contains("At %1)"), "LibreOffice keeps the \"At 1)\" numbering")
        try Self.danishStyleNames(docx)
        try expectTwinFindings(docx, in: folder)
    }
}
