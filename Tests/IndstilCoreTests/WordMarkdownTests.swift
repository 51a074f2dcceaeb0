import Foundation
import Testing
import IndstilCore
import IndstilTestSupport

/// The Markdown a Word body becomes: structure kept, text kept character for character.
@Suite("Word documents in: the Markdown")
struct WordMarkdownTests {
    typealias X = WordXMLText

    static let styles = """
        <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>
        <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>
        <w:style w:type="paragraph" w:styleId="Citat"><w:name w:val="Citat"/></w:style>
        """

    static let numbering = """
        <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>
        <w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>
        <w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>
        <w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>
        """

    static let awkward = "2026. Året med *stjerner*, _streger_, [klammer], <b>, # og | og \\ og & og 1) til sidst"

    static func imported(_ body: String, links: [String: String] = [:]) throws -> (markdown: String, analysis: FileAnalysis) {
        let folder = try TempFolder("word-markdown")
        defer { folder.remove() }
        let url = folder.url("sag.docx")
        try WordFixture.write(WordFixture.parts(body: body, styles: styles, numbering: numbering, links: links), to: url)
        let workspace = Workspace(profileOverride: "aarhus-byraad")
        let markdown = try workspace.importWord(url).get().markdown
        return (markdown, workspace.analyze(url, displayPath: "sag.docx"))
    }

    @Test("Raised and lowered digits keep their meaning: m², CO₂; letters raised stay as written")
    func superscriptAndSubscript() throws {
        func raised(_ text: String, _ position: String) -> String {
            "<w:r><w:rPr><w:vertAlign w:val=\"\(position)\"/></w:rPr><w:t>\(text)</w:t></w:r>"
        }
        var body = X.text("Plan for cykelstier", style: "Heading1")
        body += X.text("Resume", style: "Heading2")
        body += X.paragraph(X.run("Pladsen er 1.200 m") + raised("2", "superscript") + X.run(" og sparer 4 t CO") + raised("2", "subscript")
                            + X.run(" om året; den 1") + raised("st", "superscript") + X.run(" gang."))
        let (markdown, analysis) = try Self.imported(body)
        #expect(markdown.contains("Pladsen er 1.200 m² og sparer 4 t CO₂ om året; den 1st gang."), "\(markdown)")
        #expect(analysis.analyzed != nil)
    }

    @Test("A link keeps its fragment, whether Word wrote it in the address or as the link's anchor")
    func linkFragments() throws {
        var body = X.text("Plan for cykelstier", style: "Heading1")
        body += X.text("Resume", style: "Heading2")
        body += X.paragraph(X.run("Se ") + "<w:hyperlink r:id=\"rIdA\">\(X.run("vejledningen"))</w:hyperlink>"
                            + X.run(" og ") + "<w:hyperlink r:id=\"rIdB\" w:anchor=\"synopsis\">\(X.run("oversigten"))</w:hyperlink>" + X.run("."))
        let (markdown, _) = try Self.imported(body, links: ["rIdA": "https://www.example.dk/vejledning.html#trin-2", "rIdB": "https://www.example.dk/README.html"])
        #expect(markdown.contains("[vejledningen](https://www.example.dk/vejledning.html#trin-2)"), "\(markdown)")
        #expect(markdown.contains("[oversigten](https://www.example.dk/README.html#synopsis)"), "\(markdown)")
    }

    @Test("A drop cap is the first letter of the paragraph after it, not a paragraph of its own")
    func dropCap() throws {
        var body = X.text("Plan for cykelstier", style: "Heading1")
        body += X.text("Resume", style: "Heading2")
        body += "<w:p><w:pPr><w:framePr w:dropCap=\"drop\" w:lines=\"3\" w:wrap=\"around\" w:vAnchor=\"text\" w:hAnchor=\"text\"/></w:pPr>\(X.run("B"))</w:p>"
        body += X.text("yrådet godkender planen for cykelstier.")
        let (markdown, _) = try Self.imported(body)
        #expect(markdown.contains("\nByrådet godkender planen for cykelstier.\n"), "\(markdown)")
        #expect(!markdown.contains("\nB\n"))
    }

    @Test("A paragraph whose style numbers it, with the numbering switched off, is no list item")
    func switchedOffNumbering() throws {
        let folder = try TempFolder("word-markdown")
        defer { folder.remove() }
        let url = folder.url("sag.docx")
        let styles = Self.styles + """
            <w:style w:type="paragraph" w:styleId="Nummereret"><w:name w:val="Nummereret afsnit"/>\
            <w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
            """
        var body = X.text("Plan for cykelstier", style: "Heading1")
        body += X.text("Resume", style: "Heading2")
        body += X.text("Første punkt.", style: "Nummereret")
        body += "<w:p><w:pPr><w:pStyle w:val=\"Nummereret\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"0\"/></w:numPr></w:pPr>\(X.run("Et afsnit uden nummer."))</w:p>"
        try WordFixture.write(WordFixture.parts(body: body, styles: styles, numbering: Self.numbering), to: url)
        let markdown = try Workspace(profileOverride: "aarhus-byraad").importWord(url).get().markdown
        #expect(markdown.contains("1. Første punkt.\n"), "\(markdown)")
        #expect(markdown.contains("\nEt afsnit uden nummer.\n") && !markdown.contains("2. Et afsnit"), "\(markdown)")
    }

    @Test("An equation is read as its text, with a finding on its paragraph")
    func equationIsReported() throws {
        var body = X.text("Plan for cykelstier", style: "Heading1")
        body += X.text("Resume", style: "Heading2")
        body += X.paragraph(X.run("Udgiften er ") + "<m:oMath xmlns:m=\"http://schemas.openxmlformats.org/officeDocument/2006/math\"><m:r><m:t>a+b</m:t></m:r></m:oMath>" + X.run(" kr."))
        let (markdown, analysis) = try Self.imported(body)
        #expect(markdown.contains("Udgiften er a+b kr."), "\(markdown)")
        let found = analysis.diagnostics.filter { $0.check == "word.skipped" && $0.message.da.contains("En ligning: »a+b« er læst som almindelig tekst") }
        #expect(found.count == 1, "\(analysis.diagnostics.map(\.message.da))")
    }

    @Test("A lone Heading 1 over Heading 2 sections is the title; lists, quotes and breaks keep their shape")
    func structure() throws {
        var body = X.text("Plan for cykelstier", style: "Heading1")
        body += "<w:sdt><w:sdtPr><w:alias w:val=\"Sagsnummer\"/></w:sdtPr><w:sdtContent>\(X.text("26-001234"))</w:sdtContent></w:sdt>"
        body += X.text("Resume", style: "Heading2")
        body += X.text(Self.awkward)
        body += X.paragraph(X.run("Første linje") + "<w:r><w:br/></w:r>" + X.run("anden linje"))
        body += X.text("Citeret tekst", style: "Citat")
        body += X.text("Beslutningspunkter", style: "Heading2")
        body += X.text("Byrådet godkender planen.", list: 3)
        body += X.paragraph(X.run("Stier i byen"), style: nil, list: nil).replacingOccurrences(of: "<w:p>", with: "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"3\"/></w:numPr></w:pPr>")
        body += X.text("Byrådet afsætter pengene.", list: 3)
        body += X.text("Byrådet beder om en status.", list: 4)
        let (markdown, analysis) = try Self.imported(body)
        #expect(markdown.contains("titel: \"Plan for cykelstier\""), "\(markdown)")
        #expect(markdown.contains("sagsnummer: \"26-001234\""), "\(markdown)")
        #expect(markdown.contains("# Resume\n"))
        #expect(!markdown.contains("# Plan for cykelstier"))
        #expect(markdown.contains("Første linje\\\nanden linje"))
        #expect(markdown.contains("> Citeret tekst"))
        #expect(markdown.contains("1. Byrådet godkender planen.\n   - Stier i byen\n2. Byrådet afsætter pengene.\n\n<!-- -->\n\n1. Byrådet beder om en status."), "\(markdown)")
        let analyzed = try #require(analysis.analyzed)
        // The awkward text reads back character for character.
        let resume = try #require(analyzed.sections.first)
        #expect(resume.section.blocks.first?.plainText == Self.awkward, "\(markdown)")
        #expect(analyzed.sections.map(\.section.title) == ["Resume", "Beslutningspunkter"])
        #expect(analyzed.decisionPoints.count == 3)
        // The second list is lettered in Word: written with numbers, and said so.
        let lettered = analysis.diagnostics.filter { $0.check == "word.skipped" && $0.message.da.contains("En liste nummereret med bogstaver er skrevet med tal") }
        #expect(lettered.count == 1, "\(analysis.diagnostics.map(\.message.da))")
    }

    @Test("Headings without styles are found by the profile's section names; bold runs are not headings")
    func unstyledHeadings() throws {
        var body = X.text("Indstilling") + X.text("Til Aarhus Byråd") + X.text("Nye cykelstier")
        body += X.paragraph(X.run("1. Resume", bold: true))
        body += X.text("Byen får nye stier.")
        body += X.text("2. Beslutningspunkter")
        body += X.text("At 1) Byrådet godkender stierne.")
        let (markdown, analysis) = try Self.imported(body)
        #expect(markdown.contains("titel: \"Nye cykelstier\""), "\(markdown)")
        #expect(markdown.contains("\n# 1. Resume\n"), "\(markdown)")
        let analyzed = try #require(analysis.analyzed)
        #expect(analyzed.sections.compactMap { $0.spec?.id } == ["resume", "beslutningspunkter"])
        #expect(analyzed.decisionPoints.count == 1)  // "At 1)" typed as text is a decision point too
    }
}

@Suite("Word documents in: what is reported")
struct WordFindingsTests {
    typealias X = WordXMLText

    @Test("A comment is one finding however it is marked; a tracked paragraph mark is a tracked change; fields and images are said")
    func findings() throws {
        let folder = try TempFolder("word-findings")
        defer { folder.remove() }
        var body = X.text("Resume", style: "Heading1")
        body += X.paragraph("<w:commentRangeStart w:id=\"1\"/>" + X.run("Tekst med kommentar.") + "<w:commentRangeEnd w:id=\"1\"/><w:r><w:commentReference w:id=\"1\"/></w:r>")  // 2
        body += X.paragraph(X.run("Kun en henvisning.") + "<w:r><w:commentReference w:id=\"2\"/></w:r>")                                           // 3
        body += "<w:p><w:pPr><w:rPr><w:ins w:id=\"9\" w:author=\"Ane Eksempel\"/></w:rPr></w:pPr>\(X.run("Nyt afsnit."))</w:p>"                       // 4
        body += X.paragraph("<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> DATE \\@ \"d. MMMM yyyy\" </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
                            + X.run("3. marts 2026") + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>")                                          // 5
        body += X.paragraph("<w:r><w:drawing><wp:inline><wp:docPr id=\"3\" name=\"Billede 3\"/></wp:inline></w:drawing></w:r>" + X.run("Billedtekst."))  // 6
        let url = folder.url("sag.docx")
        try WordFixture.write(WordFixture.parts(body: body, styles: WordMarkdownTests.styles,
                                                comments: "<w:comment w:id=\"1\" w:author=\"Bo\">\(X.text("Ret dette"))</w:comment><w:comment w:id=\"2\">\(X.text("Og dette"))</w:comment>"),
                              to: url)
        let analysis = Workspace().analyze(url, displayPath: "sag.docx")
        let comments = analysis.diagnostics.filter { $0.check == "word.comment" }
        #expect(comments.map(\.line) == [2, 3], "\(analysis.diagnostics)")
        #expect(comments.first?.message.da.contains("fra Bo: »Ret dette«") == true)
        #expect(analysis.diagnostics.first { $0.check == "word.tracked-change" }?.line == 4)
        let skipped = analysis.diagnostics.filter { $0.check == "word.skipped" }
        #expect(skipped.map(\.line) == [5, 6], "\(skipped)")
        #expect(skipped.first?.message.da.contains("»DATE«") == true)
        #expect(skipped.allSatisfy { $0.heading == "Resume" && $0.severity == .warning })
        // No profile given: said the Word way, not "write profil: in the front matter".
        let missing = try #require(analysis.diagnostics.first { $0.check == "metadata.missing-field" })
        #expect(missing.message.da.contains("--profile"))
        let markdown = try Workspace().importWord(url).get().markdown
        #expect(markdown.contains("\n3\\. marts 2026\n"), "the field shows its last result; the escape keeps it from being a list")
    }
}

@Suite("Word documents in: a document pasted from the printed page")
struct WordPastedDocumentTests {
    typealias X = WordXMLText

    /// No styles at all, as when the printed recommendation is pasted into a blank
    /// document: the header lines in one paragraph with line breaks, the signature, the
    /// appendix list and the earlier decisions after the sections, then the sidebar.
    @Test("Header lines, signature, appendices, earlier decisions and the sidebar are found by their text")
    func pasted() throws {
        var body = X.text("Indstilling")
        body += X.paragraph(X.run("Til Aarhus Byråd") + "<w:r><w:br/></w:r>" + X.run("Fra Magistraten") + "<w:r><w:br/></w:r>" + X.run("Dato 2. februar 2026"))
        body += X.text("Nye bænke i Botanisk Have")
        body += X.text("1. Resume") + X.text("Haven får tyve nye bænke (bilag 1).")
        body += X.text("2. Beslutningspunkter") + X.text("Det indstilles på magistratens anbefaling:")
        body += X.text("At 1) Byrådet godkender de nye bænke.")
        for (index, heading) in ["Hvorfor fremsendes indstillingen?", "Hvilken værdi skabes for borgere og samfund?", "Hvad igangsættes?",
                                 "Hvem gør det og hvordan?", "Hvilke ressourcer kræves?", "Hvad er den videre proces og hvordan følges op?"].enumerated() {
            body += X.text("\(index + 3). \(heading)") + X.text("Afsnittet handler om bænkene i haven, nummer \(index + 3).")
        }
        body += X.text("Magistraten / Direktørgruppen")
        body += X.text("Bilag") + X.text("Bilag 1: Kort over") + X.text("bænkenes placering")
        body += X.text("Tidligere beslutninger") + X.text("4. maj 2025: Sag nr. 3 Plan for Botanisk Have (25/001122)")
        body += X.text("Sagsnummer: 26-003344") + X.text("Antal tegn: 99") + X.text("Teknik og Miljø")
        body += X.text("Sagsbehandler: Sif Eksempel") + X.text("Tlf.: 89 40 33 33") + X.text("Tlf.: 41 00 00 01")
        body += X.text("E-post: sif.eksempel@example.dk")
        let folder = try TempFolder("word-pasted")
        defer { folder.remove() }
        let url = folder.url("sag.docx")
        try WordFixture.write(WordFixture.parts(body: body), to: url)
        let workspace = Workspace(profileOverride: "aarhus-byraad-2021")
        let markdown = try workspace.importWord(url).get().markdown
        let expectedFrontMatter = """
            ---
            profil: "aarhus-byraad-2021"
            titel: "Nye bænke i Botanisk Have"
            til: "Aarhus Byråd"
            fra: "Magistraten"
            dato: 2026-02-02
            sagsnummer: "26-003344"
            afdeling: "Teknik og Miljø"
            sagsbehandler:
              navn: "Sif Eksempel"
              telefon: "89 40 33 33"
              email: "sif.eksempel@example.dk"
            bilag:
              - titel: "Kort over bænkenes placering"
            tidligere_beslutninger:
              - dato: 2025-05-04
                tekst: "Sag nr. 3 Plan for Botanisk Have"
                sagsnummer: "25/001122"
            antal_tegn: 99
            ---

            # 1. Resume

            """
        #expect(markdown.hasPrefix(expectedFrontMatter), "\(markdown)")
        // Unstyled, the signature is the last section's text (indstil's own DOCX styles it "Signature").
        #expect(markdown.contains("\nMagistraten / Direktørgruppen\n"))
        let analysis = workspace.analyze(url, displayPath: "sag.docx")
        let analyzed = try #require(analysis.analyzed)
        #expect(analyzed.sections.count == 8 && analyzed.decisionPoints.count == 1)
        let unread = try #require(analysis.diagnostics.first { $0.check == "word.skipped" })
        #expect(unread.message.da.contains("»Tlf.: 41 00 00 01«"))
        #expect(unread.heading == "Tidligere beslutninger")
        #expect(analysis.diagnostics.contains { $0.check == "length.stated-count" })
    }
}
