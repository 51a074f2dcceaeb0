import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import ZIPFoundation
@testable import IndstilCore
@testable import IndstilSupport
@testable import IndstilDocument
@testable import IndstilChecks
@testable import IndstilRender
@testable import IndstilWorkspace
@testable import IndstilPackets

@Suite("DOCX")
struct DocxWriterTests {
    static func model(_ text: String = ExampleDocument.byraad.text, profile: String = "aarhus-byraad") throws -> RenderModel {
        let url = URL(fileURLWithPath: "/tmp/x/sag.md")
        guard case .document(let document) = DocumentLoader.parse(text, url: url, displayPath: "sag.md") else {
            Issue.record("the example document did not load")
            throw DocxTestError.notLoaded
        }
        let result = try #require(ProfileStore.standard(projectRoot: nil).profile(id: profile), "profile \(profile) not found")
        return RenderModelBuilder.build(AnalyzedDocument(document: document, profile: try result.get()))
    }

    /// Every entry of the package, path → contents, in stored order.
    static func unzip(_ data: Data) throws -> [(path: String, data: Data)] {
        let archive = try Archive(data: data, accessMode: .read)
        var entries: [(String, Data)] = []
        for entry in archive {
            var contents = Data()
            _ = try archive.extract(entry) { contents.append($0) }
            entries.append((entry.path, contents))
        }
        return entries
    }

    /// A part's XML, with the no-break spaces and optional breaks `DocxTypography` writes
    /// read as the plain text they stand for (tests compare words; `typography` looks at them).
    static func part(_ path: String, in entries: [(path: String, data: Data)]) throws -> String {
        try rawPart(path, in: entries).replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{200B}", with: "")
    }

    static func rawPart(_ path: String, in entries: [(path: String, data: Data)]) throws -> String {
        let entry = try #require(entries.first { $0.path == path }, "the package has no \(path)")
        return String(decoding: entry.data, as: UTF8.self)
    }

    @Test("The same model gives the same bytes")
    func deterministic() throws {
        let first = try DocxWriter.docx(try Self.model())
        let second = try DocxWriter.docx(try Self.model())
        #expect(first == second)
        #expect(first.starts(with: [0x50, 0x4B, 0x03, 0x04]))  // "PK\3\4"
    }

    @Test("The package holds the parts, headings, numbered decision points and the metadata table")
    func contents() throws {
        let model = try Self.model()
        let entries = try Self.unzip(try DocxWriter.docx(model))
        let paths = entries.map(\.path)
        for required in ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
                         "word/numbering.xml", "word/settings.xml", "word/_rels/document.xml.rels",
                         "docProps/core.xml", "docProps/app.xml"] {
            #expect(paths.contains(required), "missing \(required)")
        }
        #expect(paths.first == "[Content_Types].xml")

        let document = try Self.part("word/document.xml", in: entries)
        #expect(document.contains("<w:pStyle w:val=\"Heading1\"/>"))
        #expect(document.contains("<w:pStyle w:val=\"Title\"/>"))
        #expect(document.contains("<w:numPr>"))
        #expect(document.contains("<w:tbl>"))
        #expect(document.contains("Ny ordning for udlån af kommunens mødelokaler"))
        #expect(document.contains("1. Resume"))
        #expect(document.contains("2. Beslutningspunkter"))
        #expect(document.contains("Antal tegn"))
        #expect(document.contains("26-000123"))
        #expect(document.contains("Bilag 1: Oversigt over mødelokaler"))
        #expect(document.contains("w:w=\"11906\" w:h=\"16838\""))
        // The author's "1." is gone: the list's own number text says "At 1)".
        #expect(document.contains("Byrådet godkender den nye ordning for udlån (bilag 1)."))
        #expect(!document.contains("At 1)"))

        let numbering = try Self.part("word/numbering.xml", in: entries)
        #expect(numbering.contains("<w:lvlText w:val=\"At %1)\"/>"))
        #expect(numbering.contains("<w:startOverride w:val=\"1\"/>"))

        let styles = try Self.part("word/styles.xml", in: entries)
        for (id, name) in [("Heading1", "heading 1"), ("Heading2", "heading 2"), ("Heading3", "heading 3"),
                           ("Title", "Title"), ("Normal", "Normal"), ("ListParagraph", "List Paragraph")] {
            #expect(styles.contains("w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/>"), "style \(id)")
        }
        #expect(styles.contains("<w:outlineLvl w:val=\"0\"/>"))
        #expect(styles.contains("<w:lang w:val=\"da-DK\""))

        let core = try Self.part("docProps/core.xml", in: entries)
        #expect(core.contains("<dc:title>Ny ordning for udlån af kommunens mødelokaler</dc:title>"))
        #expect(core.contains("<dc:language>da-DK</dc:language>"))

        for (path, data) in entries where path.hasSuffix(".xml") || path.hasSuffix(".rels") {
            let parser = XMLParser(data: data)
            parser.shouldProcessNamespaces = true
            #expect(parser.parse(), "\(path) is not well-formed XML: \(String(describing: parser.parserError))")
        }
    }

    @Test("Every zip entry has the same fixed date and no part holds a timestamp")
    func noTimestamps() throws {
        let data = try DocxWriter.docx(try Self.model())
        let archive = try Archive(data: data, accessMode: .read)
        for entry in archive {
            let year = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: entry.fileAttributes[.modificationDate] as? Date ?? Date()).year
            #expect(year == 1980, "\(entry.path) is dated \(String(describing: entry.fileAttributes[.modificationDate]))")
        }
        let entries = try Self.unzip(data)
        let core = try Self.part("docProps/core.xml", in: entries)
        #expect(!core.contains("dcterms:created") && !core.contains("dcterms:modified"))
    }

    @Test("The other profiles: the rådmand form \"1)\" and a document without a metadata block",
          arguments: [("aarhus-raadmand", ExampleDocument.raadmand), ("betaenkning-bilag", ExampleDocument.bilag)])
    func otherProfiles(_ profile: String, _ example: ExampleDocument) throws {
        let model = try Self.model(example.text, profile: profile)
        let entries = try Self.unzip(try DocxWriter.docx(model))
        for (path, data) in entries where path.hasSuffix(".xml") || path.hasSuffix(".rels") {
            #expect(XMLParser(data: data).parse(), "\(path) is not well-formed XML")
        }
        let document = try Self.part("word/document.xml", in: entries)
        let numbering = try Self.part("word/numbering.xml", in: entries)
        #expect(document.contains(model.title.markupEscaped))
        if profile == "aarhus-raadmand" {
            #expect(numbering.contains("<w:lvlText w:val=\"%1)\"/>"))
            #expect(document.contains("<w:tbl>"))
        } else {
            #expect(model.sidebar.isEmpty)
            #expect(!document.contains("<w:tbl>"))
        }
    }

    @Test("Decision point forms become level texts")
    func levelTexts() {
        #expect(DocxNumbering.levelText(prefix: "At 1)", number: 1) == "At %1)")
        #expect(DocxNumbering.levelText(prefix: "1)", number: 1) == "%1)")
        #expect(DocxNumbering.levelText(prefix: "At 3)", number: 3) == "At %1)")
    }

    @Test("Text is escaped and characters XML forbids are dropped")
    func escaping() throws {
        #expect("a & b < c > d \" e ' f".markupEscaped == "a &amp; b &lt; c &gt; d &quot; e &apos; f")
        #expect("x\u{0}\u{1}\u{8}\u{B}\u{C}\u{E}\u{1F}y\tz".markupEscaped == "xy\tz")
        let text = ExampleDocument.byraad
            .replacingSection("6. Hvad igangsættes", body: "Tegn: <b>&amp; \"citat\" 'enkelt' \u{1}[web](https://example.dk/?a=1&b=2) og [mail](mailto:ida@example.dk) og [lokal](bilag/lokaler.md) og `kode` og *kursiv* og **fed**.")
            .settingField("titel", "titel: \"Titel med & og <tegn>\"")
            .text
        let entries = try Self.unzip(try DocxWriter.docx(try Self.model(text)))
        for (path, data) in entries where path.hasSuffix(".xml") || path.hasSuffix(".rels") {
            let parser = XMLParser(data: data)
            #expect(parser.parse(), "\(path) is not well-formed XML: \(String(describing: parser.parserError))")
        }
        let document = try Self.part("word/document.xml", in: entries)
        #expect(document.contains("Titel med &amp; og &lt;tegn&gt;"))
        #expect(!document.contains("\u{1}"))
        #expect(document.contains("<w:hyperlink r:id=\"rId5\""))
        #expect(document.contains("<w:hyperlink r:id=\"rId6\""))
        #expect(!document.contains("<w:hyperlink r:id=\"rId7\""))  // the relative link stays text
        #expect(document.contains(">lokal</w:t>"))
        #expect(document.contains("<w:rFonts w:ascii=\"Consolas\""))
        #expect(document.contains("<w:i/>"))
        #expect(document.contains("<w:b/>"))
        let relationships = try Self.part("word/_rels/document.xml.rels", in: entries)
        #expect(relationships.contains("Target=\"https://example.dk/?a=1&amp;b=2\" TargetMode=\"External\""))
        #expect(relationships.contains("Target=\"mailto:ida@example.dk\" TargetMode=\"External\""))
        #expect(!relationships.contains("bilag/lokaler.md"))
    }

    @Test("Each list restarts at its own start value")
    func listsRestart() throws {
        let text = ExampleDocument.byraad
            .replacingSection("6. Hvad igangsættes", body: "Først:\n\n1. en\n2. to\n\nSå:\n\n4. fire\n5. fem\n\nOg:\n\n- punkt\n- punkt")
            .text
        let entries = try Self.unzip(try DocxWriter.docx(try Self.model(text)))
        let numbering = try Self.part("word/numbering.xml", in: entries)
        #expect(numbering.contains("<w:lvlText w:val=\"%1.\"/>"))
        #expect(numbering.contains("<w:numFmt w:val=\"bullet\"/>"))
        #expect(numbering.contains("<w:startOverride w:val=\"4\"/>"))
        let nums = numbering.components(separatedBy: "<w:num w:numId=").count - 1
        #expect(nums == 4)  // decision points, two ordered lists, one bullet list
    }

    // MARK: LibreOffice

    static let packageRoot = TestPackage.root

    /// The example with a section that uses every kind of block.
    static let richExample = ExampleDocument.byraad
        .replacingSection("6. Hvad igangsættes", body: """
            Der oprettes én fælles [bookingside](https://aarhus.dk/booking) for alle lokaler. Se også *afsnit 4* og **bilag 2**.

            ## Sådan virker det

            1. Foreningen opretter en profil.
            2. Foreningen booker et lokale:
               - om aftenen
               - i weekenden
            3. Lokalet låses op med `kode`.

            > Vi har ventet længe på en fælles løsning.

                tid   lokale
                17-22 mødesal

            - Punkt et
            - Punkt to
            """)

    @Test("Dates, times and appendix numbers keep together; an e-mail address breaks only after its @ (and a long domain's dots)")
    func typography() throws {
        #expect(DocxTypography.prepared("mødet den 1. september 2026 kl. 10.00 (bilag 1), side 3 af 9")
                == "mødet den 1.\u{00A0}september\u{00A0}2026 kl.\u{00A0}10.00 (bilag\u{00A0}1), side\u{00A0}3\u{00A0}af\u{00A0}9")
        #expect(DocxTypography.prepared("Skriv til hanne.proevesen@example.dk.") == "Skriv til hanne.\u{200B}proevesen@\u{200B}example.dk.")
        #expect(DocxTypography.prepared("ida@sundhed.aarhus.kommune.dk") == "ida@\u{200B}sundhed.\u{200B}aarhus.\u{200B}kommune.\u{200B}dk")
        #expect(DocxTypography.prepared("Ingen tal her") == "Ingen tal her")
        // LibreOffice lays the example's sidebar out with the address broken after its @, not inside the domain.
        let source = try String(contentsOf: Self.packageRoot.appendingPathComponent("examples/raadmandsmoede/punkt-3/seniorundersoegelse.md"), encoding: .utf8)
        let (_, pdf) = try Self.convertWithLibreOffice(try DocxWriter.docx(try Self.model(source, profile: "aarhus-raadmand")), name: "typografi")
        let folder = try TempFolder("docx-typografi")
        defer { folder.remove() }
        try pdf.write(to: folder.url("t.pdf"))
        let lines = try TestProcess.run("pdftotext", ["-layout", "-enc", "UTF-8", folder.url("t.pdf").path, "-"]).requireSuccess().stdout
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(!lines.contains { $0.hasSuffix("example.d") || $0 == "k" || $0.hasSuffix(" 4.") || $0.hasPrefix("september 2026") }, "\(lines.prefix(12))")
    }

    @Test("LibreOffice opens the document and shows headings, decision points, lists and metadata")
    func libreOffice() throws {
        let (text, _) = try Self.convertWithLibreOffice(try DocxWriter.docx(try Self.model(Self.richExample.text)), name: "sag")
        for expected in ["Indstilling", "Ny ordning for udlån af kommunens mødelokaler", "1. Resume", "2. Beslutningspunkter",
                         "3. Hvorfor skal byrådet behandle sagen?", "9. Hvad er den videre proces og hvordan følges op?",
                         "At 1) Byrådet godkender", "At 2) Byrådet tager", "Antal tegn", "Sagsnummer", "26-000123",
                         "Til Aarhus Byråd", "Sådan virker det", "1. Foreningen opretter", "3. Lokalet låses op",
                         "◦ om aftenen", "• Punkt to", "17-22 mødesal", "Bilag 2: Erfaringer fra forsøget"] {
            #expect(text.contains(expected), "LibreOffice's text has no \"\(expected)\":\n\(text)")
        }
    }

    @Test("LibreOffice renders the Aarhuskompasset recommendation")
    func libreOfficeAarhuskompasset() throws {
        let source = try String(contentsOf: Self.packageRoot.appendingPathComponent("Tests/Fixtures/aarhuskompasset-2021/aarhuskompasset.md"), encoding: .utf8)
        let model = try Self.model(source, profile: "aarhus-byraad-2021")
        let (text, _) = try Self.convertWithLibreOffice(try DocxWriter.docx(model), name: "aarhuskompasset")
        for expected in ["Aarhuskompasset – Aarhus Kommunes nye forståelsesramme", "2. Beslutningspunkter",
                         "At 1) Byrådet vedtager Aarhuskompasset", "At 3) Byrådet beslutter", "Magistraten / Direktørgruppen",
                         "Tidligere beslutninger", "6. marts 2019: Sag nr. 9", "Sagsnummer", "21-030966", "Antal tegn"] {
            #expect(text.contains(expected), "LibreOffice's text has no \"\(expected)\":\n\(text)")
        }
    }

    /// Converts the document to text and PDF with LibreOffice; returns the text and the
    /// PDF. Fails (never skips) when LibreOffice is missing. With INDSTIL_KEEP_DOCX set
    /// to a folder, the .docx, .txt and .pdf are copied there for a look.
    static func convertWithLibreOffice(_ docxData: Data, name: String) throws -> (text: String, pdf: Data) {
        guard let soffice = executable(named: "soffice") ?? executable(named: "libreoffice") else {
            Issue.record("LibreOffice (soffice) is not on PATH; `make deps` installs it (apt package libreoffice-writer-nogui)")
            throw DocxTestError.failed("no soffice")
        }
        let temporary = try TempFolder("docx")
        defer { temporary.remove() }
        let folder = temporary.url
        let docx = folder.appendingPathComponent("\(name).docx")
        try docxData.write(to: docx)
        // A profile of its own, so runs in parallel (and a user's LibreOffice) do not collide.
        let profile = "-env:UserInstallation=\(folder.appendingPathComponent("profile", isDirectory: true).absoluteString)"
        try run(soffice, [profile, "--headless", "--convert-to", "txt:Text (encoded):UTF8", "--outdir", folder.path, docx.path])
        let text = try String(contentsOf: folder.appendingPathComponent("\(name).txt"), encoding: .utf8)
            .replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{200B}", with: "")
        try run(soffice, [profile, "--headless", "--convert-to", "pdf", "--outdir", folder.path, docx.path])
        let pdf = try Data(contentsOf: folder.appendingPathComponent("\(name).pdf"))
        #expect(pdf.starts(with: Array("%PDF".utf8)))
        if let keep = ProcessInfo.processInfo.environment["INDSTIL_KEEP_DOCX"] {
            let destination = URL(fileURLWithPath: keep, isDirectory: true)
            try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true)
            for file in ["\(name).docx", "\(name).txt", "\(name).pdf"] {
                let target = destination.appendingPathComponent(file)
                try? FileManager.default.removeItem(at: target)
                try FileManager.default.copyItem(at: folder.appendingPathComponent(file), to: target)
            }
        }
        return (text, pdf)
    }

    static func executable(named name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs a program to its end (at most three minutes) and fails on a non-zero status.
    static func run(_ executable: String, _ arguments: [String]) throws {
        let result = try TestProcess.run(executable, arguments, timeout: 180)
        if result.timedOut { throw DocxTestError.failed("\(executable) did not finish within three minutes") }
        guard result.status == 0 else {
            throw DocxTestError.failed("\(executable) \(arguments.joined(separator: " ")) exited with \(result.status): \(result.output)")
        }
    }
}

enum DocxTestError: Error {
    case notLoaded
    case failed(String)
}
