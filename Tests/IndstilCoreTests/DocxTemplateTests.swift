import Foundation
import Testing
@testable import IndstilCore
@testable import IndstilSupport
@testable import IndstilDocument
@testable import IndstilChecks
@testable import IndstilRender
@testable import IndstilWorkspace
@testable import IndstilPackets

/// Writing a document into a municipality's Word template: Tests/Fixtures/word-template/
/// testkommune.dotx, made with LibreOffice by make-template.sh from testkommune.fodt.
@Suite("DOCX with a Word template")
struct DocxTemplateTests {
    static let fixtures = TestPackage.root.appendingPathComponent("Tests/Fixtures/word-template")
    static let template = fixtures.appendingPathComponent("testkommune.dotx")

    /// The rich example with a third-level heading, in the Aarhus byråd profile.
    static let text = DocxWriterTests.richExample.text
        .replacingOccurrences(of: "## Sådan virker det", with: "## Sådan virker det\n\n### Detaljer\n\nTekst under detaljerne.")

    static func model(template: URL? = Self.template, logo: ResolvedProfileLook.Logo? = nil, letterhead: [String] = [],
                      theme: [(variable: ThemeVariable, value: String)] = []) throws -> RenderModel {
        var model = try DocxWriterTests.model(Self.text)
        let fields = try #require(model.look.fields, "the built model has the document's fields")
        model.look = RenderLook(logo: logo, letterhead: letterhead, theme: theme, wordTemplate: template, fields: fields)
        return model
    }

    static func render(_ model: RenderModel) throws -> [(path: String, data: Data)] {
        try DocxWriterTests.unzip(try DocxWriter.docx(model))
    }

    static func part(_ path: String, _ entries: [(path: String, data: Data)]) throws -> String {
        try DocxWriterTests.part(path, in: entries)
    }

    // MARK: Template parts

    @Test("Headings and the other parts use the template's styles; styles.xml is the template's")
    func styles() throws {
        let entries = try Self.render(try Self.model())
        let document = try Self.part("word/document.xml", entries)
        #expect(document.contains("<w:pStyle w:val=\"Heading1\"/><w:bookmarkStart") || document.contains("<w:pStyle w:val=\"Heading1\"/></w:pPr>"))
        #expect(document.contains("<w:pStyle w:val=\"Title\"/>"))
        // "Kommune Underoverskrift" has outline level 3 and stands in for heading 3.
        #expect(document.contains("<w:pStyle w:val=\"KommuneUnderoverskrift\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Detaljer"))
        // The Danish name "Citat" is the template's quote style.
        #expect(document.contains("<w:pStyle w:val=\"Citat\"/>"))
        #expect(!document.contains("<w:pStyle w:val=\"Quote\"/>"))
        // The template's body is not copied.
        #expect(!document.contains("Skabelonens eget indhold"))
        #expect(!document.contains("hører til skabelonen"))

        let styles = try Self.part("word/styles.xml", entries)
        let original = try Self.templatePart("word/styles.xml")
        // The template's styles as written, indstil's missing ones added at the end.
        let templateStyles = String(original[..<original.range(of: "</w:styles>")!.lowerBound])
        #expect(styles.hasPrefix(templateStyles))
        #expect(styles.contains("DejaVu Serif"))
        #expect(styles.contains("w:styleId=\"DecisionPoint\"><w:name w:val=\"Beslutningspunkt\"/>"))
        #expect(styles.contains("w:styleId=\"ListParagraph\"><w:name w:val=\"List Paragraph\"/>"))
        // Styles the template has are not defined twice.
        #expect(styles.components(separatedBy: "w:styleId=\"Heading1\"").count == 2)
        #expect(styles.components(separatedBy: "w:styleId=\"Title\"").count == 2)
        #expect(!styles.contains("w:styleId=\"Heading3\""))
    }

    @Test("The header keeps its logo picture and fills {titel} and a field split over runs")
    func header() throws {
        let model = try Self.model()
        let entries = try Self.render(model)
        let header = try Self.part("word/header1.xml", entries)
        #expect(header.contains("TESTKOMMUNE · Ny ordning for udlån af kommunens mødelokaler"))
        #expect(!header.contains("{titel}"))
        // LibreOffice wrote "{", "sagsbehandler.navn" (bold) and "}" as three runs.
        #expect(!header.contains("sagsbehandler.navn"))
        let name = try #require(model.look.fields?.display("sagsbehandler.navn"))
        #expect(header.contains("Sagsbehandler: \(name)</w:t>"))
        let relationships = try Self.part("word/_rels/header1.xml.rels", entries)
        #expect(relationships.contains("relationships/image\" Target=\"media/template1.png\""))
        let picture = try #require(entries.first { $0.path == "word/media/template1.png" })
        #expect(picture.data.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(header.contains("r:embed=\"rId1\""))

        let footer = try Self.part("word/footer1.xml", entries)
        #expect(footer.contains("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>"))
        #expect(footer.contains("<w:instrText xml:space=\"preserve\"> NUMPAGES </w:instrText>"))

        let document = try Self.part("word/document.xml", entries)
        #expect(document.contains("<w:headerReference w:type=\"default\" r:id=\"rIdHeader1\"/><w:footerReference w:type=\"default\" r:id=\"rIdFooter1\"/>"))
        // The template's margins (2.2 cm = 1247 twentieths of a point), not indstil's.
        #expect(document.contains("w:left=\"1247\""))
        let documentRelationships = try Self.part("word/_rels/document.xml.rels", entries)
        #expect(documentRelationships.contains("Id=\"rIdHeader1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\""))
        #expect(documentRelationships.contains("Target=\"fontTable.xml\""))
    }

    @Test("The main part is a document, not a template, and the content types cover every part")
    func contentTypes() throws {
        let entries = try Self.render(try Self.model())
        let types = try Self.part("[Content_Types].xml", entries)
        #expect(types.contains("<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"))
        #expect(!types.contains("template.main"))
        #expect(types.contains("<Default Extension=\"png\" ContentType=\"image/png\"/>"))
        for entry in entries where entry.path.hasSuffix(".xml") && entry.path != "[Content_Types].xml" {
            #expect(types.contains("PartName=\"/\(entry.path)\""), "no content type for \(entry.path)")
        }
    }

    @Test("indstil's lists are numbered after the template's, which stay as they are")
    func numbering() throws {
        let entries = try Self.render(try Self.model())
        let numbering = try Self.part("word/numbering.xml", entries)
        let original = try Self.templatePart("word/numbering.xml")
        // The template's outline list (numId 1, used by its heading styles) is kept.
        #expect(numbering.contains("<w:num w:numId=\"1\">"))
        #expect(numbering.contains("<w:abstractNum w:abstractNumId=\"1\">"))
        #expect(numbering.contains("<w:lvlText w:val=\"At %1)\"/>"))
        // Every abstract definition comes before the first list (the schema's order).
        let lastAbstract = try #require(numbering.range(of: "<w:abstractNum ", options: .backwards))
        let firstList = try #require(numbering.range(of: "<w:num "))
        #expect(lastAbstract.lowerBound < firstList.lowerBound)
        #expect(numbering.count > original.count)
        let document = try Self.part("word/document.xml", entries)
        #expect(!document.contains("<w:numId w:val=\"1\"/>"))
        #expect(document.contains("<w:numId w:val=\"2\"/>"))
    }

    @Test("Two renders with the template give the same bytes")
    func deterministic() throws {
        let first = try DocxWriter.docx(try Self.model())
        let second = try DocxWriter.docx(try Self.model())
        #expect(first == second)
    }

    // MARK: Refused templates

    @Test("A template that is not a zip, has no styles.xml or holds macros is refused with its path")
    func refused() throws {
        let folder = try TempFolder("wordtpl")
        defer { folder.remove() }
        let notAZip = folder.url.appendingPathComponent("tekst.dotx")
        try Data("ikke en zip".utf8).write(to: notAZip)
        let noStyles = folder.url.appendingPathComponent("uden-typografier.dotx")
        try Self.copyTemplate(to: noStyles, dropping: ["word/styles.xml"])
        let macros = folder.url.appendingPathComponent("makro.dotx")
        try Self.copyTemplate(to: macros, adding: [("word/vbaProject.bin", Data([1, 2, 3]))])
        let macroType = folder.url.appendingPathComponent("makrotype.dotx")
        try Self.copyTemplate(to: macroType, replacing: ["[Content_Types].xml": { $0.replacingOccurrences(of: "template.main+xml", with: "template.macroEnabledTemplate.main+xml") }])
        let damaged = folder.url.appendingPathComponent("beskadiget.dotx")
        var bytes = try Data(contentsOf: Self.template)
        bytes.replaceSubrange(200..<1200, with: Data(repeating: 0x41, count: 1000))
        try bytes.write(to: damaged)

        for (url, expected) in [(notAZip, "ikke et Word-dokument"), (noStyles, "ingen word/styles.xml"),
                                (macros, "makroer"), (macroType, "makroer"), (damaged, "")] {
            let model = try Self.model(template: url)
            #expect {
                try DocxWriter.docx(model)
            } throws: { error in
                guard let failure = error as? DocxTemplateFailure else { return false }
                return failure.description.hasPrefix("Word-skabelonen \(url.path) kan ikke bruges: ") && (expected.isEmpty || failure.reason.da.contains(expected))
            }
        }
    }

    @Test("External relationships in a header are dropped with the attributes that name them")
    func externalReferences() throws {
        let folder = try TempFolder("wordtpl")
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent("ekstern.dotx")
        try Self.copyTemplate(to: url, replacing: [
            "word/_rels/header1.xml.rels": {
                $0.replacingOccurrences(of: "</Relationships>", with:
                    "<Relationship Id=\"rId7\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"file:///etc/passwd\" TargetMode=\"External\"/>"
                    + "<Relationship Id=\"rId8\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"https://vesteraa.example.dk\" TargetMode=\"External\"/>"
                    + "<Relationship Id=\"rId9\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/oleObject\" Target=\"embeddings/ole.bin\"/>"
                    + "</Relationships>")
            },
            "word/header1.xml": {
                $0.replacingOccurrences(of: "<a:blip r:embed=\"rId1\">", with: "<a:blip r:embed=\"rId1\" r:link=\"rId7\">")
                    .replacingOccurrences(of: "</w:p></w:hdr>", with: "<w:hyperlink r:id=\"rId8\"><w:r><w:t>web</w:t></w:r></w:hyperlink><w:hyperlink r:id=\"rId9\"><w:r><w:t>ole</w:t></w:r></w:hyperlink></w:p></w:hdr>")
            },
        ])
        let entries = try Self.render(try Self.model(template: url))
        let relationships = try Self.part("word/_rels/header1.xml.rels", entries)
        #expect(!relationships.contains("file:"))
        #expect(!relationships.contains("rId7"))
        #expect(!relationships.contains("oleObject"))
        #expect(relationships.contains("Id=\"rId8\""))
        let header = try Self.part("word/header1.xml", entries)
        #expect(!header.contains("r:link"))
        #expect(header.contains("<w:hyperlink r:id=\"rId8\">"))
        #expect(header.contains("<w:hyperlink><w:r><w:t xml:space=\"preserve\">ole</w:t>"))
        #expect(!entries.contains { $0.path.contains("embeddings") })
    }

    // MARK: Pieces

    @Test("Placeholders are filled when split over runs, escaped, and left alone without braces")
    func placeholders() {
        let values = ["titel": "Budget & plan", "sagsbehandler.navn": "Ida Eksempel", "dato": "1. maj 2026"]
        let split = "<w:hdr><w:p><w:r><w:t>Sag: {ti</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>tel} – {</w:t></w:r><w:r><w:t>dato}</w:t></w:r></w:p>"
            + "<w:p><w:r><w:t xml:space=\"preserve\">{sagsbehandler.navn} { ikke } {ukendt}</w:t></w:r></w:p></w:hdr>"
        let filled = DocxPlaceholders.fill(split, prefix: "w") { values[$0] ?? "" }
        #expect(filled == "<w:hdr><w:p><w:r><w:t xml:space=\"preserve\">Sag: Budget &amp; plan</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\"> – 1. maj 2026</w:t></w:r><w:r><w:t xml:space=\"preserve\"></w:t></w:r></w:p>"
            + "<w:p><w:r><w:t xml:space=\"preserve\">Ida Eksempel { ikke } </w:t></w:r></w:p></w:hdr>")
        // A placeholder does not run on into the next paragraph.
        let across = "<w:p><w:r><w:t>{titel</w:t></w:r></w:p><w:p><w:r><w:t>}</w:t></w:r></w:p>"
        #expect(DocxPlaceholders.fill(across, prefix: "w") { values[$0] ?? "" } == across)
        // Field codes are not text.
        let field = "<w:p><w:r><w:instrText> PAGE </w:instrText></w:r></w:p>"
        #expect(DocxPlaceholders.fill(field, prefix: "w") { _ in "x" } == field)
    }

    @Test("Elements are added at the right place, declaring w: where the part binds it otherwise")
    func rawXML() {
        let numbering = "<?xml version=\"1.0\"?>\n<!-- x --><ns:numbering xmlns:ns=\"\(DocxXML.wordNamespace)\"><ns:abstractNum ns:abstractNumId=\"0\"/><ns:num ns:numId=\"1\"/></ns:numbering>"
        #expect(DocxRawXML.rootName(numbering) == "ns:numbering")
        #expect(DocxRawXML.rootPrefix(numbering) == "ns")
        let declaration = DocxRawXML.wordNamespaceDeclaration(for: numbering)
        #expect(declaration == " xmlns:w=\"\(DocxXML.wordNamespace)\"")
        let added = DocxRawXML.declaringWordNamespace("<w:abstractNum w:abstractNumId=\"1\"><w:lvl/></w:abstractNum><w:nsid/>", declaration: declaration)
        #expect(added == "<w:abstractNum\(declaration) w:abstractNumId=\"1\"><w:lvl/></w:abstractNum><w:nsid\(declaration)/>")
        #expect(DocxRawXML.inserting("[A]", into: numbering, beforeFirst: ["num"])?.contains("<ns:abstractNum ns:abstractNumId=\"0\"/>[A]<ns:num ") == true)
        #expect(DocxRawXML.inserting("[L]", into: numbering)?.hasSuffix("<ns:num ns:numId=\"1\"/>[L]</ns:numbering>") == true)
        #expect(DocxRawXML.wordNamespaceDeclaration(for: "<w:styles xmlns:w=\"\(DocxXML.wordNamespace)\">") == "")
        #expect(DocxRawXML.unescape("a &amp; b &#230;&#xF8; &lt;&bogus;") == "a & b æø <&bogus;")
    }

    @Test("Styles are found by English and Danish names, ids, outline levels and basedOn")
    func styleMap() throws {
        func map(_ styles: String) throws -> DocxStyleMap {
            let xml = "<w:styles xmlns:w=\"\(DocxXML.wordNamespace)\">\(styles)</w:styles>"
            guard case .success(let root) = WordXML.parse(Data(xml.utf8), part: "styles.xml") else { throw DocxTestError.failed("parse") }
            return DocxStyleMap(template: DocxTemplateStyles(root))
        }
        let danish = try map("""
            <w:style w:type="paragraph" w:styleId="Overskrift1"><w:name w:val="Overskrift 1"/></w:style>
            <w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="TITEL"/></w:style>
            <w:style w:type="paragraph" w:styleId="Listeafsnit"><w:name w:val="Listeafsnit"/></w:style>
            <w:style w:type="paragraph" w:styleId="Billedtekst"><w:name w:val="Billedtekst"/></w:style>
            <w:style w:type="paragraph" w:styleId="KommuneOverskrift2"><w:name w:val="Kommune overskrift"/><w:basedOn w:val="Heading2"/></w:style>
            <w:style w:type="character" w:styleId="Link"><w:name w:val="Hyperlink"/></w:style>
            <w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Noget andet"/></w:style>
            """)
        #expect(danish.id(.heading1) == "Overskrift1")
        #expect(danish.id(.title) == "Titel")
        #expect(danish.id(.listParagraph) == "Listeafsnit")
        #expect(danish.id(.caption) == "Billedtekst")
        #expect(danish.id(.heading2) == "KommuneOverskrift2")
        #expect(danish.id(.hyperlink) == "Link")
        // Found by its id when no style has the name.
        #expect(danish.id(.quote) == "Quote")
        // Missing ones fall back to indstil's own, under indstil's id.
        #expect(danish.id(.heading3) == "Heading3")
        #expect(danish.id(.decisionPoint) == "DecisionPoint")
        let fallbacks = danish.fallbackDefinitions(headingColour: "123456")
        #expect(fallbacks.contains("w:styleId=\"DecisionPoint\"><w:name w:val=\"Beslutningspunkt\"/><w:basedOn w:val=\"Listeafsnit\"/>"))
        #expect(fallbacks.contains("w:styleId=\"Heading3\""))
        #expect(!fallbacks.contains("w:styleId=\"Heading1\""))

        // An id the template uses for something else is not taken over.
        let clash = try map("<w:style w:type=\"character\" w:styleId=\"Title\"><w:name w:val=\"Tegn\"/></w:style>")
        #expect(clash.id(.title) == "IndstilTitle")
        #expect(clash.id(.caption) == nil)
    }

    // MARK: Logo, letterhead and colour

    @Test("Without a template the logo (PNG) and the letterhead head the right column of page 1")
    func letterheadAndPNGLogo() throws {
        let folder = try TempFolder("wordtpl")
        defer { folder.remove() }
        let png = folder.url.appendingPathComponent("logo.png")
        let testPNG = try Self.templateData("word/media/image1.png")
        try testPNG.write(to: png)
        let model = try Self.model(template: nil, logo: ResolvedProfileLook.Logo(file: png, alt: "Testkommunens logo", mediaType: "image/png"),
                                   letterhead: ["Borgmesterens Afdeling", "Rådhuspladsen 1, 9999 Testby"])
        let entries = try Self.render(model)
        let document = try Self.part("word/document.xml", entries)
        #expect(document.contains("<wp:docPr id=\"1\" name=\"Logo\" descr=\"Testkommunens logo\"/>"))
        #expect(document.contains("<a:blip r:embed=\"rIdLogo\"/>"))
        let letterhead = try #require(document.range(of: "<w:pStyle w:val=\"Letterhead\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Borgmesterens Afdeling"))
        let metadata = try #require(document.range(of: "Sagsoplysninger"))
        let title = try #require(document.range(of: "<w:pStyle w:val=\"Title\"/>"))
        #expect(letterhead.lowerBound < metadata.lowerBound && metadata.lowerBound < title.lowerBound)
        #expect(document.contains("Rådhuspladsen 1, 9999 Testby"))
        let relationships = try Self.part("word/_rels/document.xml.rels", entries)
        #expect(relationships.contains("Id=\"rIdLogo\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/logo.png\""))
        #expect(entries.first { $0.path == "word/media/logo.png" }?.data == testPNG)
        #expect(try Self.part("[Content_Types].xml", entries).contains("<Default Extension=\"png\" ContentType=\"image/png\"/>"))
        // The letterhead is not part of the counted text.
        #expect(!model.sections.flatMap(\.blocks).contains { "\($0)".contains("Rådhuspladsen") })
    }

    @Test("An SVG logo is an svgBlip, with the PNG beside it for older Word or else the SVG itself")
    func svgLogo() throws {
        let folder = try TempFolder("wordtpl")
        defer { folder.remove() }
        let svg = folder.url.appendingPathComponent("logo.svg")
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("testkommune-logo.svg"), to: svg)
        let logo = ResolvedProfileLook.Logo(file: svg, alt: "Logo", mediaType: "image/svg+xml")
        var entries = try Self.render(try Self.model(template: nil, logo: logo))
        var document = try Self.part("word/document.xml", entries)
        // LibreOffice reads the a:blip, Word 2016+ the svgBlip: both are the SVG.
        #expect(document.contains("<a:blip r:embed=\"rIdLogo\"><a:extLst><a:ext uri=\"{96DAC541-7B7A-43D3-8B79-37D633B846F1}\"><asvg:svgBlip xmlns:asvg=\"http://schemas.microsoft.com/office/drawing/2016/SVG/main\" r:embed=\"rIdLogo\"/>"))
        #expect(entries.first { $0.path == "word/media/logo.svg" }?.data == (try SVGSanitizer.sanitize(Data(contentsOf: svg))))
        #expect(!entries.contains { $0.path == "word/media/logo.png" })
        #expect(try Self.part("word/_rels/document.xml.rels", entries).contains("Id=\"rIdLogo\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/logo.svg\""))
        #expect(try Self.part("[Content_Types].xml", entries).contains("<Default Extension=\"svg\" ContentType=\"image/svg+xml\"/>"))
        // 240 × 240: as wide as high.
        #expect(document.contains("<wp:extent cx=\"\(DocxLogo.height)\" cy=\"\(DocxLogo.height)\"/>"))

        let png = try Self.templateData("word/media/image1.png")
        try png.write(to: folder.url.appendingPathComponent("logo.png"))
        entries = try Self.render(try Self.model(template: nil, logo: logo))
        document = try Self.part("word/document.xml", entries)
        #expect(entries.first { $0.path == "word/media/logo.png" }?.data == png)
        #expect(document.contains("<a:blip r:embed=\"rIdLogo\"><a:extLst>"))
        #expect(document.contains("r:embed=\"rIdLogoSvg\"/>"))
        let relationships = try Self.part("word/_rels/document.xml.rels", entries)
        #expect(relationships.contains("Id=\"rIdLogo\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/logo.png\""))
        #expect(relationships.contains("Id=\"rIdLogoSvg\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/logo.svg\""))
    }

    @Test("A template whose first-page header has a picture is not given the profile's logo again")
    func templateLogoWins() throws {
        let folder = try TempFolder("wordtpl")
        defer { folder.remove() }
        let png = folder.url.appendingPathComponent("logo.png")
        try Self.templateData("word/media/image1.png").write(to: png)
        let model = try Self.model(logo: ResolvedProfileLook.Logo(file: png, alt: "Logo", mediaType: "image/png"), letterhead: ["Afsender"])
        let entries = try Self.render(model)
        let document = try Self.part("word/document.xml", entries)
        #expect(!document.contains("rIdLogo"))
        #expect(document.contains("Afsender"))
        // Letterhead is a fallback style the template lacks.
        #expect(try Self.part("word/styles.xml", entries).contains("w:styleId=\"Letterhead\"><w:name w:val=\"Brevhoved\"/>"))
        // indstil's document type line, added to the template, takes its heading colour.
        #expect(try Self.part("word/styles.xml", entries).contains("w:styleId=\"DocumentLabel\"><w:name w:val=\"Dokumenttype\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:spacing w:after=\"240\"/></w:pPr><w:rPr><w:b/><w:bCs/><w:color w:val=\"7A1F3D\"/>"))
    }

    @Test("indstil's own headings have the stylesheet's colour, or the profile's")
    func headingColour() throws {
        let own = try Self.part("word/styles.xml", try Self.render(try Self.model(template: nil)))
        #expect(own.contains("<w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr><w:b/><w:bCs/><w:color w:val=\"00305C\"/>"))
        #expect(own.contains("w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"10\"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before=\"360\" w:after=\"360\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:rPr><w:b/><w:bCs/><w:color w:val=\"00305C\"/>"))
        let green = try Self.part("word/styles.xml", try Self.render(try Self.model(template: nil, theme: [(.heading, "#1d5e3a")])))
        #expect(green.contains("<w:color w:val=\"1D5E3A\"/>"))
        #expect(!green.contains("00305C"))
        #expect(DocxWriter.headingColour(RenderLook(logo: nil, letterhead: [], theme: [(.heading, "#abc")], wordTemplate: nil, fields: nil)) == "AABBCC")
        // With a template its own heading style keeps its colour.
        let templated = try Self.part("word/styles.xml", try Self.render(try Self.model(theme: [(.heading, "#1d5e3a")])))
        #expect(templated.contains("7A1F3D"))
    }

    // MARK: LibreOffice

    @Test("LibreOffice turns the document into a PDF with the template's header, footer and the letterhead")
    func libreOffice() throws {
        let model = try Self.model(letterhead: ["Borgmesterens Afdeling", "Rådhuspladsen 1, 9999 Testby"])
        let (text, pdf) = try DocxWriterTests.convertWithLibreOffice(try DocxWriter.docx(model), name: "skabelon")
        for expected in ["Ny ordning for udlån af kommunens mødelokaler", "Rådhuspladsen 1, 9999 Testby", "Detaljer"] {
            #expect(text.contains(expected), "LibreOffice's text has no \"\(expected)\":\n\(text)")
        }
        // Headers and footers are in the PDF, not in LibreOffice's text export.
        let folder = try TempFolder("wordtpl")
        defer { folder.remove() }
        let file = folder.url.appendingPathComponent("skabelon.pdf")
        try pdf.write(to: file)
        guard let pdftotext = DocxWriterTests.executable(named: "pdftotext") else {
            Issue.record("pdftotext (poppler-utils) is not on PATH")
            return
        }
        try DocxWriterTests.run(pdftotext, ["-layout", file.path, folder.url.appendingPathComponent("skabelon.txt").path])
        let pages = try String(contentsOf: folder.url.appendingPathComponent("skabelon.txt"), encoding: .utf8)
        let name = try #require(model.look.fields?.display("sagsbehandler.navn"))
        for expected in ["TESTKOMMUNE · Ny ordning for udlån af kommunens mødelokaler", "Sagsbehandler: \(name)",
                         "Borgmesterens Afdeling", "side 1 af 2", "side 2 af 2"] {
            #expect(pages.contains(expected), "the PDF's text has no \"\(expected)\":\n\(pages)")
        }
        #expect(!pages.contains("{titel}"))
    }

    // MARK: Helpers

    static func templateData(_ path: String) throws -> Data {
        try #require(try WordFixture.read(template).first { $0.0 == path }, "the template has no \(path)").1
    }

    static func templatePart(_ path: String) throws -> String {
        String(decoding: try templateData(path), as: UTF8.self)
    }

    /// A copy of the fixture with parts left out, added or changed.
    static func copyTemplate(to url: URL, dropping: Set<String> = [], adding: [(String, Data)] = [],
                             replacing: [String: (String) -> String] = [:]) throws {
        let parts = try WordFixture.read(template).filter { !dropping.contains($0.0) }.map { path, data in
            (path, replacing[path].map { Data($0(String(decoding: data, as: UTF8.self)).utf8) } ?? data)
        }
        try WordFixture.write(parts + adding, to: url)
    }
}
