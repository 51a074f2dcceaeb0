import Foundation
import Testing
@testable import IndstilCore
@testable import IndstilSupport
@testable import IndstilDocument
@testable import IndstilChecks
@testable import IndstilRender
@testable import IndstilWorkspace
@testable import IndstilPackets

/// Issue 16, print layout and the HTML pages: addresses break only after @ . /, packet PDF
/// labels keep their distance from their values, the sidebar keeps its fill in PDF, a
/// chapter's heading is shown once, the bundle cover says who and when, a single
/// document's appendix list links the files.
@Suite struct PrintLayoutTests {
    static let root = TestPackage.root

    static func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, stdout: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, data)
    }

    /// `html` set by WeasyPrint with the packets' stylesheet: the PDF's text, as pdftotext lays it out.
    static func packetPDFText(_ body: String, in project: TestProject) throws -> String {
        let css = try String(contentsOf: root.appendingPathComponent("Templates/_base/bundle-pdf.css"), encoding: .utf8)
        let html = try project.write("side.html", """
            <!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>Side</title><style>\(css)</style></head>
            <body>\(body)</body></html>
            """)
        let pdf = project.root.appendingPathComponent("side.pdf")
        try WeasyPrint.set(try String(contentsOf: html, encoding: .utf8), input: html, output: pdf, timeout: 120)
        return try pageText(pdf)
    }

    /// pdftotext's layout of the PDF, without the zero-width spaces that mark break opportunities.
    static func pageText(_ pdf: URL) throws -> String {
        let text = try run("pdftotext", ["-layout", pdf.path, "-"])
        return String(decoding: text.stdout, as: UTF8.self).replacingOccurrences(of: "\u{200B}", with: "")
    }

    // MARK: - Addresses

    @Test func addressesBreakOnlyAfterAtDotAndSlash() {
        #expect(AddressBreaks.markup("ida.eksempel@example.dk") == "ida.<wbr>eksempel@<wbr>example.<wbr>dk")
        #expect(AddressBreaks.markup("Se https://www.kl.dk/sager.") == "Se https://<wbr>www.<wbr>kl.<wbr>dk/<wbr>sager.")
        #expect(AddressBreaks.markup("Skriv til <a&b>@example.dk") == "Skriv til &lt;a&amp;b&gt;@<wbr>example.<wbr>dk")
        // Words that are no address keep their dots: dates, times, abbreviations.
        #expect(AddressBreaks.markup("Dato 31. marts 2026 kl. 10.00, jf. s. 4") == "Dato 31. marts 2026 kl. 10.00, jf. s. 4")
        #expect(AddressBreaks.markup("@ alene og navn@") == "@ alene og navn@")
    }

    @Test func packetFieldsSpaceTheirLabelsAndBreakAddressesWhole() throws {
        let project = try TestProject()
        defer { project.remove() }
        let fields = [("Sagsbehandler", "Mette Eksempel"), ("E-post", "mette.eksempelsen@example.dk")]
            .map { "<div><dt>\($0.0)</dt><dd>\(AddressBreaks.markup($0.1))</dd></div>" }.joined()
        let text = try Self.packetPDFText("""
            <dl class="oplysninger">\(fields)</dl>
            <dl class="oplysninger" style="width: 4.2cm">\(fields)</dl>
            """, in: project)
        #expect(text.contains("Sagsbehandler: Mette Eksempel"), "\(text)")
        #expect(!text.contains("Sagsbehandler:Mette"))
        // In a narrow column the address breaks after "@" or ".", never inside a word.
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        for fragment in words where fragment.contains("example") || fragment.contains("mette") || fragment.contains("eksempelsen") {
            #expect(["mette.", "eksempelsen@", "example.", "dk", "mette.eksempelsen@", "example.dk", "eksempelsen@example.dk", "mette.eksempelsen@example.dk",
                     "eksempelsen@example."].contains(fragment), "broken mid-word: \(fragment)")
        }
        // The narrow column cannot hold the address on one line: it is broken, at those places.
        #expect(text.components(separatedBy: "mette.eksempelsen@example.dk").count == 2, "\(text)")
    }

    // MARK: - The single document

    func document(_ path: String) throws -> AnalyzedDocument {
        let url = Self.root.appendingPathComponent(path)
        guard case .document(let document) = DocumentLoader.parse(try String(contentsOf: url, encoding: .utf8), url: url, displayPath: path),
              let id = document.frontMatter["profil"]?.trimmedString,
              case .success(let profile)? = ProfileStore.standard(projectRoot: nil).profile(id: id) else {
            throw CocoaError(.fileReadCorruptFile)
        }
        return AnalyzedDocument(document: document, profile: profile)
    }

    @Test func theAppendixListLinksTheFilesAsTheFrontMatterWritesThem() throws {
        let html = try Renderer.html(document("examples/aarhus-byraad/ny-ordning-moedelokaler.md"))
        // A Markdown appendix is not linked: a reader would get its raw source.
        #expect(html.contains("<li>Bilag 1: ") && !html.contains("href=\"bilag/lokaleoversigt.md\""), "\(html)")
        #expect(html.contains("<li><a href=\"bilag/erfaringer-fra-forsoeget.pdf\">Bilag 2: "))
        #expect(AppendixLink.href("bilag/mit bilag.pdf") == "bilag/mit%20bilag.pdf")
        #expect(AppendixLink.href("javascript:alert(1)") == "./javascript:alert(1)")
        #expect(AppendixLink.href("  ") == nil)
        // Word and text keep their plain list.
        // A PDF, read away from the files, lists them without links (no file:// address of a temporary folder).
        #expect(try Renderer.html(document("examples/aarhus-byraad/ny-ordning-moedelokaler.md"), linkingAppendices: false)
            .contains("<li>Bilag 1: "))
        let text = String(decoding: try Renderer.render(document("examples/aarhus-byraad/ny-ordning-moedelokaler.md"), to: .txt), as: UTF8.self)
        #expect(!text.contains("href") && !text.contains("<wbr>"))
    }

    @Test func theSidebarsAddressHasBreaksAndItsFillSurvivesInPDF() throws {
        let analyzed = try document("examples/aarhus-byraad/ny-ordning-moedelokaler.md")
        let html = try Renderer.html(analyzed)
        #expect(html.contains("<td>ida.<wbr>eksempel@<wbr>example.<wbr>dk</td>"), "\(html)")
        let project = try TestProject()
        defer { project.remove() }
        let pdf = try project.write("dokument.pdf", "")
        try Renderer.render(analyzed, to: .pdf).write(to: pdf)
        // Page 1 as a PPM at 20 dpi: the sidebar's #f2f4f7 fill covers a good part of it.
        let ppm = try Self.run("pdftoppm", ["-r", "20", "-f", "1", "-l", "1", pdf.path]).stdout
        // The address fits the sidebar by breaking after "@" or ".", not by running out of it.
        let text = try Self.pageText(pdf)
        #expect(!text.contains("ida.eksempel@example.dk"), "\(text)")
        #expect(text.contains("ida.eksempel@") || text.contains("ida.") , "\(text)")
        let filled = Self.pixels(ppm).filter { abs(Int($0.0) - 0xf2) <= 2 && abs(Int($0.1) - 0xf4) <= 2 && abs(Int($0.2) - 0xf7) <= 2 }.count
        #expect(filled > 500, "sidebar fill pixels: \(filled)")
    }

    /// The RGB pixels of a binary PPM (P6, maximum 255).
    static func pixels(_ ppm: Data) -> [(UInt8, UInt8, UInt8)] {
        let bytes = [UInt8](ppm)
        var fields: [String] = []
        var index = 0
        var current = ""
        while fields.count < 4, index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: " ") || byte == 10 || byte == 13 || byte == 9 {
                if !current.isEmpty { fields.append(current); current = "" }
            } else {
                current.append(Character(Unicode.Scalar(byte)))
            }
        }
        guard fields.first == "P6" else { return [] }
        return stride(from: index, to: bytes.count - 2, by: 3).map { (bytes[$0], bytes[$0 + 1], bytes[$0 + 2]) }
    }

    // MARK: - The bundle

    static func writeBundle(_ project: TestProject, coverKeys: String) throws -> URL {
        try project.write("kapitel-1/intro.md", "# Kapitel 1\n\nKapitlet handler om mødetid.\n\n## Hvad kapitlet viser\n\nTallene er fra 2025.\n")
        return try project.write("bundle.yml", """
            type: betaenkning
            titel: "Bilag om arbejdsvilkår"
            \(coverKeys)
            kapitler:
              - titel: "Mødebelastning"
                intro: kapitel-1/intro.md

            """)
    }

    static let coverKeys = """
        kommune: "Eksempel Kommune"
        udvalg: "Udvalget for arbejdsvilkår"
        dato: 2026-10-15
        laesevejledning: |
          Bilagene følger kapitlerne.

          Hvert bilag har et nummer & en titel.
        """

    @Test func theCoverSaysMunicipalityCommitteeDateAndTheReadingGuide() throws {
        let project = try TestProject()
        defer { project.remove() }
        let bundle = try TestBundleFiles.assemble(Self.writeBundle(project, coverKeys: Self.coverKeys))
        #expect(bundle.manifest.cover.readingGuide == ["Bilagene følger kapitlerne.", "Hvert bilag har et nummer & en titel."])
        // The PDF's phrases kept on one line (PrintTypography) are compared without their spans.
        let pdfHTML = PacketPDFDocument.html(BundlePDFPlan(bundle), attachmentPages: [:], css: "")
            .replacingOccurrences(of: #"<span class="samlet">([^<]*)</span>"#, with: "$1", options: .regularExpression)
        let folder = project.root.appendingPathComponent("site")
        try PacketSite.write(bundle, to: folder, progress: { _ in })
        let site = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
        for html in [pdfHTML, site] {
            for part in ["<dt>Kommune</dt><dd>Eksempel Kommune</dd>", "<dt>Udvalg</dt><dd>Udvalget for arbejdsvilkår</dd>",
                         "<dt>Dato</dt><dd>15. oktober 2026</dd>", "Læsevejledning</h2>",
                         "<p>Bilagene følger kapitlerne.</p>", "<p>Hvert bilag har et nummer &amp; en titel.</p>"] {
                #expect(html.contains(part), "missing: \(part)")
            }
        }
        // Without the keys the cover is as before.
        let plain = try TestProject()
        defer { plain.remove() }
        let without = try TestBundleFiles.assemble(Self.writeBundle(plain, coverKeys: ""))
        #expect(without.manifest.cover == .none)
        #expect(!PacketPDFDocument.html(BundlePDFPlan(without), attachmentPages: [:], css: "").contains("forside-fakta"))
    }

    @Test func coverKeysAreCheckedAndUnknownKeysStillNamed() throws {
        func diagnostic(_ keys: String) throws -> Diagnostic? {
            let project = try TestProject()
            defer { project.remove() }
            guard case .failure(let diagnostic) = Manifest.load(try Self.writeBundle(project, coverKeys: keys)) else { return nil }
            return diagnostic
        }
        let badDate = try diagnostic("dato: 15. oktober")
        #expect(badDate?.message.da.contains("»dato« skal være en gyldig dato") == true)
        #expect(badDate?.line == 3)
        let unknown = try diagnostic("kommunen: Eksempel")
        #expect(unknown?.message.da == "Ukendt nøgle »kommunen« i bundle.yml (kendte: type, titel, nummerering, kommune, udvalg, dato, laesevejledning, kapitler)")
        let list = try diagnostic("udvalg: [a, b]")
        #expect(list?.message.da == "»udvalg« i bundle.yml skal være tekst")
    }

    @Test func aChapterPageInThePDFShowsItsHeadingOnce() throws {
        let project = try TestProject()
        defer { project.remove() }
        let bundle = try TestBundleFiles.assemble(Self.writeBundle(project, coverKeys: ""))
        let html = PacketPDFDocument.html(BundlePDFPlan(bundle), attachmentPages: [:], css: "")
        #expect(html.contains("<span class=\"nr\">Kapitel 1:</span> Mødebelastning</h1>"))
        #expect(!html.contains(">Kapitel 1</h"), "the intro's own heading repeats the chapter's")
        #expect(html.contains("Hvad kapitlet viser</h"))
    }
}
