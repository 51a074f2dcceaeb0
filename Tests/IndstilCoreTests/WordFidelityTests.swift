import Foundation
import Testing
import IndstilCore
import IndstilTestSupport

/// What real Word files hold beyond paragraphs and headings, read without silent loss:
/// document properties, documents without heading styles, notes, text boxes, headers and
/// footers, merged cells, list formats, charts and macros.
@Suite("Word documents in: nothing lost silently")
struct WordFidelityTests {
    typealias X = WordXMLText

    static let styles = WordMarkdownTests.styles

    /// A list lettered at level 0 ("a)") and one numbered 1. with a lettered level 1 ("a)").
    static let numbering = """
        <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>\
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>\
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/></w:lvl></w:abstractNum>
        <w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>
        """

    struct Imported {
        let markdown: String
        let analysis: FileAnalysis
        func findings(_ check: String) -> [Diagnostic] { analysis.diagnostics.filter { $0.check == check } }
    }

    static func imported(_ parts: [(String, Data)], profile: String? = "aarhus-byraad", name: String = "sag.docx") throws -> Imported {
        let folder = try TempFolder("word-fidelity")
        defer { folder.remove() }
        let url = folder.url(name)
        try WordFixture.write(parts, to: url)
        let workspace = Workspace(profileOverride: profile)
        let markdown = try workspace.importWord(url).get().markdown
        return Imported(markdown: markdown, analysis: workspace.analyze(url, displayPath: name))
    }

    static func item(_ text: String, level: Int) -> String {
        "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"\(level)\"/><w:numId w:val=\"3\"/></w:numPr></w:pPr>\(X.run(text))</w:p>"
    }

    static let sections = X.text("Plan for cykelstier", style: "Heading1") + X.text("Resume", style: "Heading2")

    // MARK: Properties

    @Test("Custom properties and content controls fill fields by key, label, the profile's aliases and case systems' names; the text wins")
    func propertiesFillFields() throws {
        var body = Self.sections + X.text("Byrådet får en plan for nye cykelstier.")
        body += "<w:sdt><w:sdtPr><w:tag w:val=\"Afdeling\"/></w:sdtPr><w:sdtContent>\(X.text("Teknik og Miljø"))</w:sdtContent></w:sdt>"
        let parts = WordFixture.parts(body: body, styles: Self.styles, customProperties: [
            ("CaseNumber", "26-004242"), ("Dokumentdato", "12.01.2026"), ("Sagsbehandler", "Bo Eksempel"),
            ("status", "Åben"), ("Ukendt egenskab", "noget"), ("afdeling", "Borgmesterens Afdeling"), ("Navn", "Et andet navn"),
        ])
        let result = try Self.imported(parts)
        let front = result.markdown.components(separatedBy: "\n---\n")[0]
        #expect(front.contains("sagsnummer: \"26-004242\""), "\(front)")
        #expect(front.contains("dato: 2026-01-12"), "\(front)")
        #expect(front.contains("sagsbehandler:\n  navn: \"Bo Eksempel\""), "\(front)")
        #expect(front.contains("status: \"åben\""), "\(front)")
        // The content control (in the text) is read before the properties.
        #expect(front.contains("afdeling: \"Teknik og Miljø\""), "\(front)")
        #expect(!front.contains("Ukendt") && !front.contains("Borgmesterens") && !front.contains("Et andet navn"), "\(front)")
    }

    @Test("A profile's own aliases name a property; the core title is the last resort, Word's file-name title never")
    func aliasesAndCoreTitle() throws {
        let folder = try TempFolder("word-fidelity")
        defer { folder.remove() }
        let profile = try String(contentsOf: TestPackage.root.appendingPathComponent("Templates/aarhus-byraad/profile.yml"), encoding: .utf8)
            .replacingOccurrences(of: "  - {key: afdeling, label: Afdeling, type: text, required: true, example: \"Borgmesterens Afdeling\"}",
                                  with: "  - {key: afdeling, label: Afdeling, type: text, required: true, aliases: [OrgEnhed], example: \"Borgmesterens Afdeling\"}")
        #expect(profile.contains("aliases: [OrgEnhed]"))
        // The project's own copy of the profile, with an alias its case system uses.
        try folder.write("profiles/aarhus-byraad/profile.yml", profile)
        try folder.write("indstil.yml", "profile: aarhus-byraad\n")
        let body = X.text("Resume", style: "Heading1") + X.text("Teksten.")
        let url = folder.url("sag.docx")
        try WordFixture.write(WordFixture.parts(body: body, styles: Self.styles, customProperties: [("OrgEnhed", "Kultur og Borgerservice")],
                                                coreTitle: "Nye åbningstider"), to: url)
        let workspace = try Workspace.discover(from: folder.url, profileOverride: nil)
        let markdown = try workspace.importWord(url).get().markdown
        #expect(markdown.contains("afdeling: \"Kultur og Borgerservice\""), "\(markdown)")
        #expect(markdown.contains("titel: \"Nye åbningstider\""), "\(markdown)")

        try WordFixture.write(WordFixture.parts(body: body, styles: Self.styles, coreTitle: "Microsoft Word - sag.doc"), to: url)
        #expect(try workspace.importWord(url).get().markdown.contains("titel: \"\""))
    }

    // MARK: Documents without heading styles

    @Test("Without heading styles the last paragraph stays text, a table stays a table and its notes stay")
    func noHeadingStyles() throws {
        var body = X.text("Til Aarhus Byråd") + X.text("Cykelstier i midtbyen")
        body += X.text("Byen får nye stier i de næste tre år.")
        body += X.table([["År", "Km"], ["2026", "4"], ["2027", "6"]])
        body += X.paragraph(X.run("Planen er godkendt af udvalget.") + "<w:r><w:footnoteReference w:id=\"2\"/></w:r>")
        let footnotes = "<w:footnote w:id=\"2\">\(X.text("Teknisk Udvalg, 3. marts 2026."))</w:footnote>"
        let result = try Self.imported(WordFixture.parts(body: body, styles: Self.styles, footnotes: footnotes))
        #expect(result.markdown.contains("titel: \"Cykelstier i midtbyen\""), "\(result.markdown)")
        #expect(result.markdown.contains("til: \"Aarhus Byråd\""), "\(result.markdown)")
        #expect(result.markdown.contains("\nByen får nye stier i de næste tre år.\n"), "\(result.markdown)")
        #expect(result.markdown.contains("| År | Km |\n| --- | --- |\n| 2026 | 4 |"), "\(result.markdown)")
        #expect(result.markdown.contains("Planen er godkendt af udvalget.¹\n\n¹ Teknisk Udvalg, 3. marts 2026."), "\(result.markdown)")
        #expect(result.findings("word.table").isEmpty)
    }

    @Test("A long first paragraph is no title, and a document of one list item is no title")
    func noTitleFromText() throws {
        let long = "Byrådet har i flere år drøftet, hvordan byens cykelstier kan blive mere sammenhængende, og her er svaret."
        let result = try Self.imported(WordFixture.parts(body: X.text(long) + X.text("Mere tekst."), styles: Self.styles))
        #expect(result.markdown.contains("titel: \"\""), "\(result.markdown)")
        #expect(result.markdown.contains("\n\(long)\n"), "\(result.markdown)")
        let list = try Self.imported(WordFixture.parts(body: Self.item("Et punkt", level: 0) + X.text("Og så videre"), styles: Self.styles, numbering: Self.numbering))
        #expect(list.markdown.contains("1. Et punkt"), "\(list.markdown)")
    }

    // MARK: Notes, text boxes, headers and footers

    @Test("Notes after headings and tables, a note with a link, and what a note holds is reported on the paragraph that refers to it")
    func notesEverywhere() throws {
        var body = X.text("Plan for cykelstier", style: "Heading1")
        body += X.paragraph(X.run("Resume") + "<w:r><w:footnoteReference w:id=\"2\"/></w:r>", style: "Heading2")
        body += X.text("Stierne bygges.")
        body += "<w:tbl><w:tr><w:tc>\(X.paragraph(X.run("Sted") + "<w:r><w:endnoteReference w:id=\"3\"/></w:r>"))</w:tc><w:tc>\(X.text("Km"))</w:tc></w:tr></w:tbl>"
        let footnotes = "<w:footnote w:id=\"2\"><w:p>\(X.run("Se "))<w:hyperlink r:id=\"rIdL\">\(X.run("planen"))</w:hyperlink><w:ins w:id=\"9\" w:author=\"Kim Eksempel\">\(X.run(" nu"))</w:ins></w:p></w:footnote>"
        let endnotes = "<w:endnote w:id=\"3\"><w:p>\(X.run("Målt i 2025."))<w:commentRangeStart w:id=\"4\"/></w:p></w:endnote>"
        let comments = "<w:comment w:id=\"4\" w:author=\"Ane Eksempel\">\(X.text("Kilde?"))</w:comment>"
        let result = try Self.imported(WordFixture.parts(body: body, styles: Self.styles, comments: comments, footnotes: footnotes,
                                                         endnotes: endnotes, links: ["rIdL": "https://www.example.dk/plan"]))
        #expect(result.markdown.contains("# Resume¹\n\n¹ Se planen nu"), "\(result.markdown)")
        #expect(result.markdown.contains("| Sted² | Km |\n| --- | --- |\n\n² Målt i 2025."), "\(result.markdown)")
        let change = try #require(result.findings("word.tracked-change").first, "\(result.analysis.diagnostics)")
        #expect(change.message.da.hasPrefix("I en fodnote: "), "\(change.message.da)")
        let comment = try #require(result.findings("word.comment").first, "\(result.analysis.diagnostics)")
        #expect(comment.message.da.hasPrefix("I en slutnote: ") && comment.message.da.contains("Kilde?"), "\(comment.message.da)")
    }

    @Test("Every text box and shape with text is read after its paragraph, once (not again from the old readers' fallback)")
    func textBoxesAreRead() throws {
        let box = { (text: String) in
            "<w:r><mc:AlternateContent xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><wp:docPr id=\"1\" name=\"Tekstboks\"/><a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\"><wps:wsp xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\"><wps:txbx><w:txbxContent>\(X.text(text))</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape xmlns:v=\"urn:schemas-microsoft-com:vml\"><v:textbox><w:txbxContent>\(X.text(text))</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
        }
        let body = Self.sections + X.paragraph(X.run("Kortet viser stierne.") + box("Figur 1: Stierne i 2026") + box("Kilde: Teknik og Miljø"))
            + X.paragraph(box("Faktaboks: 12 km nye stier"))  // anchored in an empty paragraph, as Word does
        let result = try Self.imported(WordFixture.parts(body: body, styles: Self.styles))
        #expect(result.markdown.contains("Kortet viser stierne.\n\nFigur 1: Stierne i 2026\n\nKilde: Teknik og Miljø\n\nFaktaboks: 12 km nye stier\n"), "\(result.markdown)")
        #expect(result.markdown.components(separatedBy: "Figur 1").count == 2)
        #expect(result.findings("word.skipped").isEmpty, "\(result.analysis.diagnostics)")
    }

    @Test("Headers and footers: their text kept as a comment outside the count, a tracked change there reported, the page number not")
    func headersAndFooters() throws {
        let body = Self.sections + X.text("Stierne bygges.")
        let header = X.text("Aarhus Kommune · Teknik og Miljø") + "<w:p><w:ins w:id=\"7\" w:author=\"Kim Eksempel\">\(X.run("Udkast"))</w:ins></w:p>"
            + X.text("Slut --->")
        let footer = "<w:p>\(X.run("Side "))<w:fldSimple w:instr=\" PAGE \">\(X.run("1"))</w:fldSimple></w:p>"
        let result = try Self.imported(WordFixture.parts(body: body, styles: Self.styles, headers: [header], footers: [footer]))
        #expect(result.markdown.contains("<!-- Sidehoved og sidefod i Word:\nSidehoved: Aarhus Kommune · Teknik og Miljø\nSidehoved: Udkast\nSidehoved: Slut - - ->\nSidefod: Side 1\n-->"), "\(result.markdown)")
        // A header's own "--->" cannot end the comment: the comment's "-->" is the only one.
        #expect(result.markdown.components(separatedBy: "-->").count == 2, "\(result.markdown)")
        let change = try #require(result.findings("word.tracked-change").first, "\(result.analysis.diagnostics)")
        #expect(change.line == 1 && change.message.da.hasPrefix("I sidehovedet: "), "\(change.message.da)")
        #expect(result.findings("word.skipped").isEmpty, "\(result.analysis.diagnostics)")
        let plain = try Self.imported(WordFixture.parts(body: body, styles: Self.styles))
        #expect(result.analysis.analyzed?.characterCount == plain.analysis.analyzed?.characterCount)
    }

    // MARK: Tables, lists, objects

    @Test("Merged cells keep each value under its column")
    func mergedCells() throws {
        let cell = { (text: String, properties: String) in "<w:tc><w:tcPr>\(properties)</w:tcPr>\(X.text(text))</w:tc>" }
        var table = "<w:tbl>"
        table += "<w:tr>" + cell("Område", "") + cell("2026", "") + cell("2027", "") + cell("I alt", "") + "</w:tr>"
        table += "<w:tr>" + cell("Midtbyen", "<w:vMerge w:val=\"restart\"/>") + cell("4 km i alt", "<w:gridSpan w:val=\"2\"/>") + cell("4", "") + "</w:tr>"
        table += "<w:tr>" + "<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>" + cell("1", "") + cell("2", "") + cell("3", "") + "</w:tr>"
        table += "<w:tr><w:trPr><w:gridBefore w:val=\"2\"/></w:trPr>" + cell("Sum", "") + cell("7", "") + "</w:tr></w:tbl>"
        let result = try Self.imported(WordFixture.parts(body: Self.sections + table, styles: Self.styles))
        #expect(result.markdown.contains("""
            | Område | 2026 | 2027 | I alt |
            | --- | --- | --- | --- |
            | Midtbyen | 4 km i alt |  | 4 |
            |  | 1 | 2 | 3 |
            |  |  | Sum | 7 |
            """), "\(result.markdown)")
    }

    @Test("A lettered sub-list keeps its labels as text inside the item; a numbered list in a cell keeps its numbers")
    func listFormats() throws {
        var body = Self.sections
        body += Self.item("Byrådet godkender planen:", level: 0)
        body += Self.item("stier i midtbyen", level: 1) + Self.item("stier i forstæderne", level: 1)
        body += Self.item("i den rækkefølge", level: 2)
        body += Self.item("Byrådet afsætter pengene.", level: 0)
        body += "<w:tbl><w:tr><w:tc>\(Self.item("Første", level: 0))\(Self.item("Anden", level: 0))</w:tc></w:tr></w:tbl>"
        let result = try Self.imported(WordFixture.parts(body: body, styles: Self.styles, numbering: Self.numbering))
        #expect(result.markdown.contains("1. Byrådet godkender planen:\n\n   a) stier i midtbyen\n\n   b) stier i forstæderne\n\n   (i) i den rækkefølge\n2. Byrådet afsætter pengene."), "\(result.markdown)")
        // The cell's items go on with the same list (as Word numbers them): 3 and 4.
        #expect(result.markdown.contains("| 3. Første 4. Anden |"), "\(result.markdown)")
        let reported = result.findings("word.skipped").filter { $0.message.da.contains("underliste nummereret med bogstaver") }
        #expect(reported.count == 1, "\(result.analysis.diagnostics.map(\.message.da))")
    }

    @Test("A list that starts at 100 billion, or below zero, is bounded: no crash, no label of billions of letters")
    func hostileListStart() throws {
        let numbering = "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"99999999999\"/><w:numFmt w:val=\"decimal\"/></w:lvl>"
            + "<w:lvl w:ilvl=\"1\"><w:start w:val=\"99999999999\"/><w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"%2)\"/></w:lvl></w:abstractNum>"
            + "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"-9223372036854775808\"/></w:lvlOverride></w:num>"
        let body = Self.sections + Self.item("Første", level: 0) + Self.item("under", level: 1) + Self.item("Anden", level: 0)
        let started = Date()
        let result = try Self.imported(WordFixture.parts(body: body, styles: Self.styles, numbering: numbering))
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(result.markdown.contains("Første") && result.markdown.contains("under") && result.markdown.contains("Anden"), "\(result.markdown)")
        #expect(result.markdown.count < 5_000, "\(result.markdown.count)")
    }

    @Test("A chart and a SmartArt graphic are reported once each, with their description; images' descriptions stand apart")
    func chartsAndDiagrams() throws {
        func graphic(_ uri: String, _ description: String) -> String {
            "<w:r><w:drawing><wp:inline><wp:docPr id=\"1\" name=\"Objekt\" descr=\"\(description)\"/><a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><a:graphicData uri=\"\(uri)\"/></a:graphic></wp:inline></w:drawing></w:r>"
        }
        var body = Self.sections
        body += X.paragraph(graphic("http://schemas.openxmlformats.org/drawingml/2006/chart", "Udgifter pr. år"))
        body += X.paragraph(graphic("http://schemas.openxmlformats.org/drawingml/2006/diagram", ""))
        body += X.paragraph(X.run("Billeder:") + graphic("http://schemas.openxmlformats.org/drawingml/2006/picture", "kort.png") + graphic("http://schemas.openxmlformats.org/drawingml/2006/picture", "foto.jpg"))
        let result = try Self.imported(WordFixture.parts(body: body, styles: Self.styles))
        let skipped = result.findings("word.skipped").map(\.message.da)
        #expect(skipped.contains { $0.hasPrefix("Et diagram (graf): »Udgifter pr. år« er sprunget over") }, "\(skipped)")
        #expect(skipped.contains { $0.hasPrefix("En SmartArt-figur er sprunget over") }, "\(skipped)")
        #expect(result.markdown.contains("Billeder: kort.png foto.jpg"), "\(result.markdown)")
    }

    @Test("A macro-enabled document (.docm) is imported; its macros are said, never run")
    func macroEnabledDocument() throws {
        let body = Self.sections + X.text("Stierne bygges.")
        let folder = try TempFolder("word-fidelity")
        defer { folder.remove() }
        let url = folder.url("sag.docm")
        try WordFixture.write(WordFixture.parts(body: body, styles: Self.styles, macros: true), to: url)
        let imported = try Workspace(profileOverride: "aarhus-byraad").importWord(url).get()
        #expect(imported.markdown.contains("Stierne bygges."))
        #expect(imported.findings.contains { $0.check == "word.skipped" && $0.message.da.contains("makroer (VBA)") }, "\(imported.findings)")
    }
}
