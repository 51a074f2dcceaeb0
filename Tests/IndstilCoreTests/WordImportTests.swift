import Foundation
import Testing
import IndstilCore
import IndstilTestSupport

/// WordprocessingML for the tests, in the forms Word writes it.
enum WordXMLText {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    }

    static func run(_ text: String, bold: Bool = false, italic: Bool = false) -> String {
        let properties = (bold ? "<w:b/>" : "") + (italic ? "<w:i/>" : "")
        return "<w:r>\(properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>")<w:t xml:space=\"preserve\">\(escape(text))</w:t></w:r>"
    }

    static func paragraph(_ content: String, style: String? = nil, list: Int? = nil) -> String {
        var pPr = style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? ""
        if let list { pPr += "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"\(list)\"/></w:numPr>" }
        return "<w:p>\(pPr.isEmpty ? "" : "<w:pPr>\(pPr)</w:pPr>")\(content)</w:p>"
    }

    static func text(_ text: String, style: String? = nil, list: Int? = nil) -> String {
        paragraph(run(text), style: style, list: list)
    }

    static func table(_ rows: [[String]]) -> String {
        "<w:tbl>" + rows.map { row in "<w:tr>" + row.map { "<w:tc>\(text($0))</w:tc>" }.joined() + "</w:tr>" }.joined() + "</w:tbl>"
    }

    /// Danish style names as a Danish Word writes them, and a house style based on one.
    static let danishStyles = """
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
        <w:style w:type="paragraph" w:styleId="Overskrift1"><w:name w:val="Overskrift 1"/><w:basedOn w:val="Normal"/></w:style>
        <w:style w:type="paragraph" w:customStyle="1" w:styleId="AAKSektion"><w:name w:val="AAK Sektion"/><w:basedOn w:val="Overskrift1"/></w:style>
        <w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Titel"/><w:basedOn w:val="Normal"/></w:style>
        <w:style w:type="paragraph" w:styleId="Listeafsnit"><w:name w:val="Listeafsnit"/><w:basedOn w:val="Normal"/></w:style>
        """

    /// List 1 numbers "At 1)", "At 2)" (the Aarhus template's decision points); list 2 is bullets.
    static let numbering = """
        <w:abstractNum w:abstractNumId="10"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="At %1)"/></w:lvl></w:abstractNum>
        <w:abstractNum w:abstractNumId="20"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
        <w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
        <w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num>
        """
}

/// A byrådsindstilling in the 2021 template's form (as seed 003), in our own words: the
/// header lines and a metadata table, Danish heading styles (one a house style based on
/// "Overskrift 1"), "At 1)" numbering, a footnote, a link, an image, a table, a tracked
/// change, a comment, a text box and a typed "Antal tegn" that is wrong.
enum SeedLikeWordDocument {
    typealias X = WordXMLText

    static var body: String {
        var body = X.text("Indstilling")
        body += X.text("Til Aarhus Byråd") + X.text("Fra Magistraten") + X.text("Dato 12. januar 2026")          // 2–4
        body += X.table([["Sagsnummer", "26-004711"], ["Sagsbehandler", "Bo Eksempel"],
                         ["Tlf.", "89 40 11 11"], ["E-post", "bo.eksempel@example.dk"]])                       // 5–12
        body += X.text("Ny cykelparkering ved Rådhuspladsen", style: "Titel")                                     // 13
        body += X.text("1. Resume", style: "AAKSektion")                                                         // 14
        body += X.paragraph(X.run("Der mangler ") + X.run("300", bold: true) + X.run(" pladser til cykler ved ")
                            + X.run("Rådhuspladsen", italic: true) + X.run(", se ")
                            + "<w:hyperlink r:id=\"rIdLink\">\(X.run("kommunens side"))</w:hyperlink>"
                            + X.run(".") + "<w:r><w:footnoteReference w:id=\"2\"/></w:r>")                   // 15
        body += X.text("2. Beslutningspunkter", style: "Overskrift1")                                             // 16
        body += X.text("Det indstilles på magistratens anbefaling:")                                              // 17
        body += X.text("Byrådet godkender en ny cykelparkering med 300 pladser.", style: "Listeafsnit", list: 1) // 18
        body += X.text("Byrådet afsætter 2,1 mio. kr. til parkeringen.", style: "Listeafsnit", list: 1)          // 19
        body += X.text("Magistraten følger op efter et år.", style: "Listeafsnit", list: 1)                      // 20
        body += X.text("3. Hvorfor fremsendes indstillingen?", style: "Overskrift1")                              // 21
        body += X.paragraph("<w:commentRangeStart w:id=\"5\"/>" + X.run("Cyklerne står i dag på fortovet")
                            + "<w:ins w:id=\"7\" w:author=\"Kim Eksempel\">\(X.run(" og spærrer for gående"))</w:ins>"
                            + "<w:del w:id=\"8\" w:author=\"Kim Eksempel\"><w:r><w:delText>og i vejen</w:delText></w:r></w:del>"
                            + X.run(".") + "<w:commentRangeEnd w:id=\"5\"/>")                                  // 22
        body += X.table([["Sted", "Pladser"], ["Rådhuspladsen", "300"]])                                          // 23–26
        body += X.text("4. Hvilken værdi skabes for borgere og samfund?", style: "Overskrift1")                   // 27
        body += X.paragraph(X.run("Fortovet bliver frit igen. ") + "<w:r><w:drawing><wp:inline><wp:docPr id=\"1\" name=\"Billede 1\" descr=\"Kort over pladsen\"/></wp:inline></w:drawing></w:r>") // 28
        body += X.text("5. Hvad igangsættes?", style: "Overskrift1")                                              // 29
        body += X.paragraph(X.run("Parkeringen anlægges i foråret.")
                            + "<w:r><w:pict><v:shape xmlns:v=\"urn:schemas-microsoft-com:vml\"><v:textbox><w:txbxContent>\(X.text("Husk at tjekke tegningen"))</w:txbxContent></v:textbox></v:shape></w:pict></w:r>") // 30
        body += X.text("6. Hvem gør det og hvordan?", style: "Overskrift1")                                       // 31
        body += X.text("Teknik og Miljø står for anlægget.")                                                     // 32
        body += X.text("Punkter:") + X.text("Stativer", list: 2) + X.text("Overdækning", list: 2)                // 33–35
        body += X.text("7. Hvilke ressourcer kræves?", style: "Overskrift1")                                      // 36
        body += X.text("Anlægget koster 2,1 mio. kr.")                                                           // 37
        body += X.text("8. Hvad er den videre proces og hvordan følges op?", style: "Overskrift1")                // 38
        body += X.text("Byrådet får en status efter et år.")                                                     // 39
        body += X.text("Antal tegn: 12.246")                                                                     // 40
        return body
    }

    static func write(to url: URL) throws {
        try WordFixture.write(WordFixture.parts(
            body: body, styles: X.danishStyles, numbering: X.numbering,
            comments: "<w:comment w:id=\"5\" w:author=\"Kim Eksempel\">\(X.text("Skal vi nævne fortovet?"))</w:comment>",
            footnotes: "<w:footnote w:id=\"2\">\(X.text("Optalt af Teknik og Miljø i 2025."))</w:footnote>",
            links: ["rIdLink": "https://www.example.dk/cykler"]), to: url)
    }
}

@Suite("Word documents in")
struct WordImportTests {
    static func workspace(_ folder: URL, profile: String?) throws -> Workspace {
        try Workspace.discover(from: folder, profileOverride: profile)
    }

    @Test("A seed-like document: fields, sections, decision points, findings on their paragraphs and headings")
    func seedLikeDocument() throws {
        let folder = try TempFolder("word")
        defer { folder.remove() }
        let url = folder.url("sag.docx")
        try SeedLikeWordDocument.write(to: url)
        let started = Date()
        let analysis = try Self.workspace(folder.url, profile: "aarhus-byraad-2021").analyze(url, displayPath: "sag.docx")
        #expect(Date().timeIntervalSince(started) < 1)
        let analyzed = try #require(analysis.analyzed, "\(analysis.diagnostics)")
        let front = analyzed.document.frontMatter
        #expect(front["titel"]?.trimmedString == "Ny cykelparkering ved Rådhuspladsen")
        #expect(front["til"]?.trimmedString == "Aarhus Byråd")
        #expect(front["fra"]?.trimmedString == "Magistraten")
        #expect(front["dato"]?.trimmedString == "2026-01-12")
        #expect(front["sagsnummer"]?.trimmedString == "26-004711")
        #expect(front["sagsbehandler"]?["navn"]?.trimmedString == "Bo Eksempel")
        #expect(front["sagsbehandler"]?["telefon"]?.trimmedString == "89 40 11 11")
        #expect(front["sagsbehandler"]?["email"]?.trimmedString == "bo.eksempel@example.dk")
        #expect(analyzed.sections.count == 8)
        #expect(analyzed.sections.allSatisfy { $0.spec != nil })
        #expect(analyzed.decisionPoints.count == 3)

        let imported = try Self.workspace(folder.url, profile: "aarhus-byraad-2021").importWord(url).get()
        #expect(imported.markdown.contains("Der mangler **300** pladser til cykler ved *Rådhuspladsen*, se [kommunens side](https://www.example.dk/cykler).¹"))
        #expect(imported.markdown.contains("¹ Optalt af Teknik og Miljø i 2025."))
        #expect(imported.markdown.contains("Fortovet bliver frit igen. Kort over pladsen"))
        #expect(imported.markdown.contains("Cyklerne står i dag på fortovet og spærrer for gående."))
        #expect(!imported.markdown.contains("og i vejen"))
        #expect(imported.markdown.contains("| Rådhuspladsen | 300 |"))
        #expect(imported.markdown.contains("- Stativer\n- Overdækning"))

        func finding(_ check: String) -> Diagnostic? { analysis.diagnostics.first { $0.check == check } }
        let subject = try #require(finding("decision.subject"), "\(analysis.diagnostics)")
        #expect(subject.line == 20)
        #expect(subject.heading == "2. Beslutningspunkter")
        let change = try #require(finding("word.tracked-change"))
        #expect(change.line == 22)
        #expect(change.heading == "3. Hvorfor fremsendes indstillingen?")
        #expect(change.message.da.contains("Kim Eksempel"))
        #expect(analysis.diagnostics.filter { $0.check == "word.tracked-change" }.count == 1)  // one per paragraph
        let comment = try #require(finding("word.comment"))
        #expect(comment.line == 22 && comment.message.da.contains("Skal vi nævne fortovet?"))
        // A body table is read into the table model (a pipe table), not noted as text.
        #expect(finding("word.table") == nil)
        #expect(analyzed.document.tables.count == 1)
        // A text box is read after the paragraph it is anchored in (its paragraph is
        // counted: 31), not skipped.
        #expect(finding("word.skipped") == nil, "\(analysis.diagnostics)")
        #expect(imported.markdown.contains("Parkeringen anlægges i foråret.\n\nHusk at tjekke tegningen\n"), "\(imported.markdown)")
        let stated = try #require(finding("length.stated-count"))
        #expect(stated.line == 41)
        #expect(stated.message.da.contains("12.246"))
        #expect(stated.message.da.contains(DanishFormat.integer(analyzed.characterCount)))
    }

    @Test("Every Markdown example rendered to DOCX and imported checks the same and counts the same")
    func roundTripOverExamples() throws {
        let folder = try TempFolder("word-roundtrip")
        defer { folder.remove() }
        let examples = folder.url("examples")
        try FileManager.default.copyItem(at: TestPackage.examples, to: examples)
        let files = try FileManager.default.subpathsOfDirectory(atPath: examples.path).filter { $0.hasSuffix(".md") }.sorted()
        var checked = 0
        for relative in files {
            let url = examples.appendingPathComponent(relative).standardizedFileURL
            let folderURL = url.deletingLastPathComponent()
            let workspace = try Self.workspace(folderURL, profile: nil)
            guard let original = workspace.analyze(url, displayPath: relative, requirement: .optional).analyzed else { continue }
            let docx = url.deletingPathExtension().appendingPathExtension("docx")
            try Renderer.render(original, to: .docx).write(to: docx)
            let wordWorkspace = try Self.workspace(folderURL, profile: original.profile.id)
            let word = wordWorkspace.analyze(docx, displayPath: relative, requirement: .optional)
            let analyzed = try #require(word.analyzed, "\(relative): \(word.diagnostics)")
            let originalFindings = Set(workspace.analyze(url, displayPath: relative, requirement: .optional).diagnostics.map(Self.finding))
            // A DOCX does not carry what its rendering does not show: the appendices' files
            // and fields the profile's layout leaves out (a byrådsindstilling's status).
            let shown = Set((original.profile.layout.header + original.profile.layout.afterTitle + original.profile.layout.sidebar)
                .flatMap { $0.split(separator: "{").dropFirst().compactMap { $0.split(separator: "}").first?.split(separator: "|").first.map(String.init) } })
            let wordFindings = Set(word.diagnostics.map(Self.finding)).filter { finding in
                guard finding.check == "metadata.missing-field" else { return true }
                if finding.message.contains("»bilag[") && finding.message.contains(".fil«") { return false }
                return !original.profile.fields.contains { field in
                    finding.message.contains("»\(field.key)«") && !shown.contains(field.key) && original.document.frontMatter[field.key] != nil
                }
            }
            #expect(wordFindings == originalFindings, "\(relative)")
            // `[](bilag:ID)` resolves only inside a bundle; a standalone DOCX shows its target.
            if !(try String(contentsOf: url, encoding: .utf8)).contains("](bilag:") {
                #expect(analyzed.characterCount == original.characterCount, "\(relative)")
            }
            #expect(analyzed.decisionPoints.count == original.decisionPoints.count, "\(relative)")
            #expect(analyzed.sections.map { $0.spec?.id } == original.sections.map { $0.spec?.id }, "\(relative)")
            checked += 1
        }
        #expect(checked >= 8)
    }

    static func finding(_ diagnostic: Diagnostic) -> Finding {
        Finding(check: diagnostic.check, severity: diagnostic.severity, message: diagnostic.message.da)
    }

    struct Finding: Hashable, CustomStringConvertible {
        let check: String
        let severity: Severity
        let message: String
        var description: String { "\(severity) \(check): \(message)" }
    }
}

@Suite("Word documents in: seed 003 as DOCX")
struct WordSeedTests {
    /// The Aarhuskompasset recommendation (seed 003, Tests/Fixtures) rendered to DOCX.
    @Test("Checked within a second; a line named in a message is a paragraph too")
    func seedDocument() throws {
        let folder = try TempFolder("word-seed")
        defer { folder.remove() }
        let project = folder.url("aarhuskompasset-2021")
        try FileManager.default.copyItem(at: TestPackage.root.appendingPathComponent("Tests/Fixtures/aarhuskompasset-2021"), to: project)
        let markdown = project.appendingPathComponent("aarhuskompasset.md").standardizedFileURL
        let workspace = try WordImportTests.workspace(project, profile: "aarhus-byraad-2021")
        let original = try #require(workspace.analyze(markdown, displayPath: "aarhuskompasset.md").analyzed)
        let docx = project.appendingPathComponent("aarhuskompasset.docx")
        try Renderer.render(original, to: .docx).write(to: docx)
        let started = Date()
        let word = workspace.analyze(docx, displayPath: "aarhuskompasset.docx")
        let seconds = Date().timeIntervalSince(started)
        #expect(seconds < 1, "\(seconds) s")
        let analyzed = try #require(word.analyzed)
        #expect(analyzed.characterCount == original.characterCount)
        #expect(analyzed.characterCount > 10_000)
        // The paragraphs of document.xml, in order, as text.
        let xml = String(decoding: try #require(try WordFixture.read(docx).first { $0.0 == "word/document.xml" }).1, as: UTF8.self)
        let paragraphs = xml.components(separatedBy: "<w:p>").dropFirst().map { chunk in
            chunk.components(separatedBy: "</w:p>")[0].components(separatedBy: "<w:t xml:space=\"preserve\">").dropFirst()
                .map { $0.components(separatedBy: "</w:t>")[0] }.joined()
        }
        let duplicate = try #require(word.diagnostics.first { $0.check == "style.duplicate-paragraph" }, "\(word.diagnostics)")
        let named = try #require(duplicate.message.da.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .punctuationCharacters)) }.first)
        #expect(paragraphs[duplicate.line - 1] == paragraphs[named - 1], "paragraph \(duplicate.line) repeats paragraph \(named)")
        #expect(!paragraphs[named - 1].isEmpty)
        #expect(duplicate.heading == "7. Hvilke ressourcer kræves?")
    }
}
