import Foundation
import Testing
@testable import IndstilCore
@testable import IndstilSupport
@testable import IndstilDocument
@testable import IndstilChecks
@testable import IndstilRender
@testable import IndstilWorkspace
@testable import IndstilPackets
import IndstilTestSupport

/// A municipality's Word template and logo are files from outside: field codes in the
/// template's header and footer, and scripts, outside references and entities in an SVG
/// logo, must not reach the documents indstil writes.
@Suite("Hostile templates and logos")
struct HostileLookTests {
    // MARK: Field codes

    /// The field codes a hostile template puts in a header, with the text each shows.
    static let hostileFields: [(kind: String, instruction: String, shown: String)] = [
        ("DDEAUTO", "DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe \"/k calc.exe\"", "Vist DDE"),
        ("INCLUDETEXT", "INCLUDETEXT \"\\\\\\\\server\\\\share\\\\x.docx\"", "Vist tekst"),
        ("INCLUDEPICTURE", "INCLUDEPICTURE \"http://sporing.example/pixel.png\" \\\\d", "Vist billede"),
        ("HYPERLINK", "HYPERLINK \"file:///etc/passwd\"", "Vist link"),
        ("LINK", "LINK Excel.Sheet.8 \"c:\\\\x.xls\" \"\" \\\\a", "Vist kæde"),
        ("IMPORT", "IMPORT \"http://sporing.example/x.wmf\"", "Vist import"),
        ("DDE", "DDE Excel \"c:\\\\x.xls\" R1C1", "Vist dde"),
    ]

    @Test("Every field other than PAGE, NUMPAGES and DATE is removed, its shown text kept as plain runs")
    func fieldCodesAreStripped() {
        var body = "<w:p>" + Self.hostileFields.map { HostileSamples.field($0.instruction, shows: $0.shown) }.joined()
        body += HostileSamples.field("PAGE \\* MERGEFORMAT", shows: "1") + HostileSamples.field("DATE \\@ \"d. MMMM yyyy\"", shows: "1. maj 2026") + "</w:p>"
        // Simple fields, one inside the other; a nested field inside an instruction; a field
        // with content in its fldChar; one without an end; CDATA and a '>' in an attribute.
        body += "<w:p><w:fldSimple w:instr=\" INCLUDETEXT &quot;x.docx&quot; \"><w:r><w:t>Simpel vist</w:t></w:r>"
            + "<w:fldSimple w:instr=\"NUMPAGES\"><w:r><w:t>2</w:t></w:r></w:fldSimple></w:fldSimple>"
            + "<w:fldSimple w:instr=\"LINK a > b\"/></w:p>"
        body += "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>DATE \\@ \"</w:instrText></w:r>"
            + HostileSamples.field("INCLUDETEXT y", shows: "indlejret") + "<w:r><w:instrText>\"</w:instrText></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>Ydre vist</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"
        body += "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"><w:fldData>AAAA</w:fldData></w:fldChar></w:r>"
            + "<w:r><w:instrText><![CDATA[ INCLUDEPICTURE \"http://x\" ]]></w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"></w:fldChar></w:r>"
            + "<w:r><w:t>CDATA vist</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>SET</w:instrText></w:r><w:r><w:t>uafsluttet</w:t></w:r></w:p>"
        let xml = "<w:hdr xmlns:w=\"\(DocxXML.wordNamespace)\">\(body)</w:hdr>"
        let (stripped, dropped) = DocxFieldCodes.strip(xml)

        for field in Self.hostileFields {
            #expect(!stripped.contains(field.kind + " "), "\(field.kind) is still in \(stripped)")
            #expect(stripped.contains("<w:t>\(field.shown)</w:t>"), "the text \(field.kind) showed is gone")
            #expect(dropped.contains(field.kind))
        }
        #expect(dropped == ["DDEAUTO", "INCLUDETEXT", "INCLUDEPICTURE", "HYPERLINK", "LINK", "IMPORT", "DDE", "DATE", "SET"], "\(dropped)")
        // PAGE and the first DATE stay fields; the DATE with a field in its instruction does not.
        #expect(stripped.contains("<w:instrText xml:space=\"preserve\"> PAGE \\* MERGEFORMAT </w:instrText>"))
        #expect(stripped.contains("<w:instrText xml:space=\"preserve\"> DATE \\@ \"d. MMMM yyyy\" </w:instrText>"))
        #expect(stripped.components(separatedBy: "<w:instrText").count == 3, "\(stripped)")
        #expect(stripped.components(separatedBy: "fldCharType=\"begin\"").count == 3, "\(stripped)")
        #expect(stripped.components(separatedBy: "fldCharType=\"end\"").count == 3, "\(stripped)")
        // The simple INCLUDETEXT is unwrapped, NUMPAGES inside stays, the LINK is gone.
        #expect(stripped.contains("<w:p><w:r><w:t>Simpel vist</w:t></w:r><w:fldSimple w:instr=\"NUMPAGES\"><w:r><w:t>2</w:t></w:r></w:fldSimple></w:p>"), "\(stripped)")
        #expect(!stripped.contains("LINK") && !stripped.contains("fldData") && !stripped.contains("CDATA[") && !stripped.contains("\"http://x\""))
        #expect(stripped.contains("Ydre vist") && !stripped.contains("indlejret"), "a nested field's result is part of the instruction")
        // Text inside an instruction (a field without a separate or an end) is not shown by Word either.
        #expect(stripped.contains("CDATA vist") && !stripped.contains("uafsluttet"))
        // The result is well-formed XML.
        #expect((try? WordXML.parse(Data(stripped.utf8), part: "header").get()) != nil, "\(stripped)")

        // A part with only kept fields is returned as it is.
        let footer = "<w:ftr xmlns:w=\"\(DocxXML.wordNamespace)\"><w:p>\(HostileSamples.field("PAGE", shows: "1"))<w:fldSimple w:instr=\" NUMPAGES \"/></w:p></w:ftr>"
        #expect(DocxFieldCodes.strip(footer) == (footer, []))
        // Another prefix for WordprocessingML is no way around it.
        let other = "<x:hdr xmlns:x=\"\(DocxXML.wordNamespace)\"><x:p><x:fldSimple x:instr=\"DDEAUTO a b\"><x:r><x:t>z</x:t></x:r></x:fldSimple></x:p></x:hdr>"
        #expect(DocxFieldCodes.strip(other).xml == "<x:hdr xmlns:x=\"\(DocxXML.wordNamespace)\"><x:p><x:r><x:t>z</x:t></x:r></x:p></x:hdr>")
    }

    @Test("Stripping flat and nested fields takes linear time: four times the fields, about four times as long")
    func fieldCodesInLinearTime() {
        func seconds(_ count: Int) -> Double {
            let flat = String(repeating: HostileSamples.field("INCLUDETEXT x", shows: "x"), count: count)
            let nested = String(repeating: "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>IF </w:instrText></w:r><w:r><w:t>x</w:t></w:r>", count: count)
            // Fields nested in each other's results, with text at every level.
            let results = String(repeating: "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>REF a</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>r</w:t></w:r>", count: count)
            let xml = "<w:hdr><w:p>\(flat)\(results)\(nested)</w:p></w:hdr>"
            var best = Double.infinity
            for _ in 0..<2 {
                let started = Date()
                let (stripped, dropped) = DocxFieldCodes.strip(xml)
                best = min(best, Date().timeIntervalSince(started))
                #expect(dropped == ["INCLUDETEXT", "IF", "REF"] && !stripped.contains("instrText") && !stripped.contains("<w:t>x</w:t></w:r></w:p>"))
            }
            return best
        }
        let small = seconds(1_500)
        let large = seconds(6_000)
        #expect(large < small * 8, "1,500 fields: \(small) s, 6,000: \(large) s")
        #expect(large < 20)
    }

    /// The test template with the hostile fields in its header and a simple INCLUDETEXT in its footer.
    static func hostileTemplate(in folder: TempFolder) throws -> URL {
        let url = folder.url.appendingPathComponent("felter.dotx")
        try DocxTemplateTests.copyTemplate(to: url, replacing: [
            "word/header1.xml": { header in
                header.replacingOccurrences(of: "</w:p></w:hdr>", with: "</w:p><w:p>"
                    + Self.hostileFields.map { HostileSamples.field($0.instruction, shows: $0.shown) }.joined() + "</w:p></w:hdr>")
            },
            "word/footer1.xml": { footer in
                footer.replacingOccurrences(of: "</w:p></w:ftr>", with: "</w:p><w:p><w:fldSimple w:instr=\" INCLUDETEXT &quot;http://sporing.example/x&quot; \"><w:r><w:t>Fodtekst vist</w:t></w:r></w:fldSimple></w:p></w:ftr>")
            },
        ])
        return url
    }

    @Test("A template's hostile header and footer fields are not in the DOCX, which LibreOffice still opens")
    func templateFieldsDoNotReachTheDocument() throws {
        let folder = try TempFolder("felter")
        defer { folder.remove() }
        let template = try Self.hostileTemplate(in: folder)
        // The template really holds them.
        let original = String(decoding: try #require(try WordFixture.read(template).first { $0.0 == "word/header1.xml" }).1, as: UTF8.self)
        #expect(original.contains("DDEAUTO") && original.contains("INCLUDEPICTURE"))

        let docx = try DocxWriter.docx(try DocxTemplateTests.model(template: template))
        let entries = try DocxWriterTests.unzip(docx)
        let header = try DocxTemplateTests.part("word/header1.xml", entries)
        let footer = try DocxTemplateTests.part("word/footer1.xml", entries)
        for field in Self.hostileFields {
            #expect(!header.contains(field.kind + " ") && header.contains(field.shown), "\(field.kind)")
        }
        #expect(!header.contains("instrText") && !header.contains("fldSimple"), "\(header)")
        #expect(!footer.contains("INCLUDETEXT") && footer.contains("Fodtekst vist"))
        // The template's own PAGE and NUMPAGES stay.
        #expect(footer.contains("> PAGE </w:instrText>") && footer.contains("> NUMPAGES </w:instrText>"))
        for entry in entries where entry.path.hasSuffix(".xml") {
            let text = String(decoding: entry.data, as: UTF8.self)
            #expect(!text.contains("DDEAUTO") && !text.contains("INCLUDE") && !text.contains("file:///"), "\(entry.path)")
        }
        #expect(DocxFieldCodes.warning(template: template, dropped: ["INCLUDETEXT", "DDEAUTO"])
            .hasPrefix("indstil: advarsel: Word-skabelonen »\(template.path)« indeholder feltkoder, der er fjernet: INCLUDETEXT, DDEAUTO"))

        let (_, pdf) = try DocxWriterTests.convertWithLibreOffice(docx, name: "felter")
        let file = folder.url.appendingPathComponent("felter.pdf")
        try pdf.write(to: file)
        let pdftotext = try #require(DocxWriterTests.executable(named: "pdftotext"), "pdftotext is not on PATH")
        try DocxWriterTests.run(pdftotext, ["-layout", file.path, folder.url.appendingPathComponent("felter.txt").path])
        let pages = try String(contentsOf: folder.url.appendingPathComponent("felter.txt"), encoding: .utf8)
        for expected in ["Vist DDE", "Vist billede", "Fodtekst vist", "side 1 af"] {
            #expect(pages.contains(expected), "the PDF's text has no \"\(expected)\":\n\(pages)")
        }
    }

    // MARK: SVG logos

    @Test("A script, outside references and animation are removed from an SVG; what draws stays")
    func scriptIsRemoved() throws {
        let clean = String(decoding: try SVGSanitizer.sanitize(Data(HostileSamples.scriptSVG.utf8)), as: UTF8.self)
        for forbidden in ["script", "alert", "onload", "onclick", "foreignObject", "iframe", "sporing.example", "ekstern.svg",
                          "svg+xml", "animate", "<set", "@import", "javascript", "xml-stylesheet", "<a"] {
            #expect(!clean.contains(forbidden), "\(forbidden) in \(clean)")
        }
        #expect(clean.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" height=\"50\" viewBox=\"0 0 100 50\" width=\"100\">"), "\(clean)")
        #expect(clean.contains("<rect fill=\"#1d5e3a\" height=\"50\" style=\"stroke: #000\" width=\"100\">"), "\(clean)")
        #expect(clean.contains("<g><circle cx=\"5\" cy=\"5\" r=\"4\"></circle></g>"), "\(clean)")
        #expect(clean.contains("<style></style>"))
        // Parsing the result again changes nothing.
        #expect(String(decoding: try SVGSanitizer.sanitize(Data(clean.utf8)), as: UTF8.self) == clean)
    }

    @Test("An SVG with a DTD or entities is refused before anything is read from it",
          arguments: [HostileSamples.entitySVG, HostileSamples.laughsSVG, "<svg xmlns=\"http://www.w3.org/2000/svg\"><!ENTITY x \"y\"></svg>"])
    func entitiesAreRefused(svg: String) {
        let started = Date()
        #expect(throws: SVGSanitizer.Refusal.self) { try SVGSanitizer.sanitize(Data(svg.utf8)) }
        #expect(Date().timeIntervalSince(started) < 1)
        do { _ = try SVGSanitizer.sanitize(Data(svg.utf8)) } catch {
            #expect(error.description.contains("DOCTYPE eller entitetserklæringer"), "\(error)")
        }
    }

    @Test("Not XML, not an SVG, too deep or too large: refused with a reason")
    func brokenSVGsAreRefused() {
        let deep = "<svg xmlns=\"http://www.w3.org/2000/svg\">" + String(repeating: "<g>", count: 150) + String(repeating: "</g>", count: 150) + "</svg>"
        let large = "<svg xmlns=\"http://www.w3.org/2000/svg\"><desc>" + String(repeating: "x", count: SVGSanitizer.maximumBytes) + "</desc></svg>"
        for (svg, reason) in [("<svg", "ikke gyldig XML"), ("<html/>", "roden er ikke <svg>"), (deep, "nestet mere end"),
                              (large, "større end"), ("", "ikke gyldig UTF-8")] {
            var data = Data(svg.utf8)
            if svg.isEmpty { data = Data("<svg xmlns=\"http://www.w3.org/2000/svg\">".utf8) + Data([0xFF]) + Data("</svg>".utf8) }
            do {
                _ = try SVGSanitizer.sanitize(data)
                Issue.record("accepted: \(svg.prefix(60))")
            } catch {
                #expect(error.description.contains(reason), "\(error)")
            }
        }
    }

    @Test("Inkscape's SVG keeps its drawing: gradients by fragment, styles, text; its own namespaces go")
    func inkscapeSVGSurvives() throws {
        let clean = String(decoding: try SVGSanitizer.sanitize(Data(HostileSamples.inkscapeSVG.utf8)), as: UTF8.self)
        #expect(!clean.contains("inkscape") && !clean.contains("sodipodi") && !clean.contains("rdf") && !clean.contains("metadata"), "\(clean)")
        #expect(clean.contains("<linearGradient gradientUnits=\"userSpaceOnUse\" id=\"fill\" x1=\"0\" x2=\"120\" xlink:href=\"#stops\" y1=\"0\" y2=\"0\">"), "\(clean)")
        #expect(clean.contains("style=\"fill:url(#fill);stroke:none\""))
        #expect(clean.contains("<text id=\"t1\" style=\"font-size:16px;font-family:&apos;DejaVu Sans&apos;;fill:#ffffff\" x=\"58\" xml:space=\"preserve\" y=\"36\"><tspan id=\"ts1\" x=\"58\" y=\"36\">Logo</tspan></text>"), "\(clean)")
        #expect(clean.contains("<stop offset=\"0\" style=\"stop-color:#005a8c;stop-opacity:1\">"))
    }

    @Test("The DOCX and the HTML get the sanitised SVG only")
    func outputsGetTheSanitisedLogo() throws {
        let folder = try TempFolder("logo")
        defer { folder.remove() }
        let svg = folder.url.appendingPathComponent("logo.svg")
        try Data(HostileSamples.scriptSVG.utf8).write(to: svg)
        let logo = ResolvedProfileLook.Logo(file: svg, alt: "Logo", mediaType: "image/svg+xml")
        let model = try DocxTemplateTests.model(template: nil, logo: logo)
        let entries = try DocxTemplateTests.render(model)
        let written = String(decoding: try #require(entries.first { $0.path == "word/media/logo.svg" }).data, as: UTF8.self)
        #expect(!written.contains("script") && !written.contains("sporing.example") && written.contains("<rect"), "\(written)")
        #expect(try logo.contents() == SVGSanitizer.sanitize(Data(HostileSamples.scriptSVG.utf8)))
        let uri = try HTMLRenderer.TemplateCache().dataURI(logo)
        let inlined = String(decoding: try #require(Data(base64Encoded: String(uri.dropFirst("data:image/svg+xml;base64,".count)))), as: UTF8.self)
        #expect(inlined == written)
    }
}
