import Foundation
import Testing

/// `--arkiv`: the archive copy as PDF/A-2 (level A: tagged), fonts embedded, nothing that
/// fetches content from outside the file. It needs a WeasyPrint that can tag PDF/A (63 or
/// newer): `make deps` installs one into `.venv-weasyprint/`, which INDSTIL_WEASYPRINT names.
@Suite("Archive copy, --arkiv (end to end)")
struct ArchivePDFTests {
    static let weasyPrint = Fixtures.packageRoot.appendingPathComponent(".venv-weasyprint/bin/weasyprint").path
    static var environment: [String: String] { ["INDSTIL_WEASYPRINT": weasyPrint] }

    /// PDF/A-2 declared in the XMP, tagged, every font embedded, no action or link that reaches outside.
    static func expectArchive(_ file: URL) throws {
        let pdf = PDFProbe(file: file)
        let metadata = try pdf.metadata
        #expect(metadata.contains(#"pdfaid:part="2""#) || metadata.contains("<pdfaid:part>2</pdfaid:part>"), "\(metadata)")
        #expect(try pdf.info.contains("Tagged:          yes"))
        let fonts = try TestProcess.run("pdffonts", [file.path]).requireSuccess().stdout.components(separatedBy: "\n").dropFirst(2).filter { !$0.isEmpty }
        #expect(!fonts.isEmpty)
        for font in fonts {
            // name type [type] encoding emb sub uni object ID: "emb" is the fifth column from the end.
            let columns = font.split(separator: " ")
            #expect(columns.count >= 5 && columns[columns.count - 5] == "yes", "not embedded: \(font)")
        }
        let objects = try TestProcess.run("qpdf", ["--json=2", "--json-key=qpdf", file.path]).requireSuccess().stdout
        for outside in ["\"/URI\"", "\"/Launch\"", "\"/GoToR\"", "\"/GoToE\"", "\"/ImportData\"", "\"/SubmitForm\"", "\"/JavaScript\"", "\"/FFilter\""] {
            #expect(!objects.contains(outside), "the archive copy holds \(outside)")
        }
    }

    @Test("render --to pdf --arkiv: PDF/A-2, tagged, fonts embedded, nothing from outside")
    func renderArchive() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.weasyPrint), "no \(Self.weasyPrint); run make deps")
        let folder = try TempFolder.withExamples()
        let result = try CLI.run(["render", "--to", "pdf", "--arkiv", "examples/aarhus-byraad/ny-ordning-moedelokaler.md", "-o", "arkiv.pdf"],
                                 in: folder.url, timeout: 240, environment: Self.environment)
        #expect(result.status == 0, "\(result)")
        try Self.expectArchive(folder.url.appendingPathComponent("arkiv.pdf"))
        #expect(try PDFProbe(file: folder.url.appendingPathComponent("arkiv.pdf")).checker.findings.allSatisfy { $0.hasPrefix("UA-28-004") },
                "beyond the missing PDF/UA identification (the file is PDF/A-2a), the checker found something")
    }

    @Test("bundle --to pdf --arkiv: PDF/A-2 when every PDF attachment is PDF/A itself")
    func bundleArchive() throws {
        let folder = try TempFolder.withExamples()
        let result = try CLI.run(["bundle", "examples/bilagsmateriale/bundle.yml", "--to", "pdf", "--arkiv", "-o", "arkiv.pdf"],
                                 in: folder.url, timeout: 240, environment: Self.environment)
        #expect(result.status == 0, "\(result)")
        let file = folder.url.appendingPathComponent("arkiv.pdf")
        try Self.expectArchive(file)
        // The bilagsfortegnelse and the in-text references show the pages they point at (a
        // replacement meant for WeasyPrint 57 once left them all at 0 in WeasyPrint 70).
        let contents = try TestProcess.run("pdftotext", ["-f", "2", "-l", "3", "-layout", file.path, "-"]).requireSuccess().stdout
        let numbers = contents.components(separatedBy: "\n").compactMap { line -> Int? in
            guard line.contains("....") else { return nil }
            return Int(line.split(separator: " ").last ?? "")
        }
        #expect(numbers.count >= 7, "\(contents)")
        #expect(numbers.allSatisfy { $0 >= 3 }, "page references in the archive copy: \(numbers)")
        #expect(!contents.contains("(side 0)"), "\(contents)")
        // WeasyPrint 70's running heads and page numbers are Header and Footer artifacts too (PDF/UA-1 7.8).
        let warnings = try PDFProbe(file: file).outloud.warnings
        #expect(!warnings.contains { $0.hasPrefix("PAG-001") }, "running heads tagged as content: \(warnings)")
        let text = try PDFProbe(file: file).compactPage(2)
        #expect(text.contains(PDFProbe.headerArtifact), "no Header artifact on page 2")
        #expect(text.contains(PDFProbe.footerArtifact), "no Footer artifact on page 2")
    }

    @Test("bundle --arkiv with an attachment that is not PDF/A: an error naming it, no file")
    func bundleArchiveRefusesForeignAttachment() throws {
        let folder = try TempFolder.withExamples()
        let html = try folder.write("skema.html", "<!DOCTYPE html><html lang=\"da\"><head><meta charset=\"utf-8\"><title>Skema</title></head><body><h1>Skema</h1></body></html>")
        try TestProcess.run("weasyprint", ["--quiet", html.path, folder.url.appendingPathComponent("examples/bilagsmateriale/kapitel-1/spoergeskema.pdf").path]).requireSuccess()
        let result = try CLI.run(["bundle", "examples/bilagsmateriale/bundle.yml", "--to", "pdf", "--arkiv", "-o", "arkiv.pdf"],
                                 in: folder.url, timeout: 240, environment: Self.environment)
        #expect(result.status != 0, "\(result)")
        #expect(result.stderr.contains("B1.3") && result.stderr.contains("er ikke selv PDF/A"), "\(result)")
        #expect(!folder.exists("arkiv.pdf"))
    }

    @Test("--arkiv with a WeasyPrint that cannot tag PDF/A says what to install; --arkiv is only for pdf")
    func archiveNeedsNewWeasyPrint() throws {
        let folder = try TempFolder.withExamples()
        let version = try TestProcess.run("weasyprint", ["--version"]).requireSuccess().stdout
        let major = Int(version.firstMatch(of: /version (\d+)/)?.1 ?? "0") ?? 0
        let result = try CLI.run(["render", "--to", "pdf", "--arkiv", "examples/aarhus-byraad/ny-ordning-moedelokaler.md", "-o", "arkiv.pdf"],
                                 in: folder.url, timeout: 240, environment: ["INDSTIL_WEASYPRINT": "weasyprint"])
        if major < 63 {
            #expect(result.status != 0 && result.stderr.contains("kræver WeasyPrint 63 eller nyere"), "\(result)")
            #expect(!folder.exists("arkiv.pdf"))
        } else {
            #expect(result.status == 0, "\(result)")
        }
        let html = try folder.run("render", "--to", "html", "--arkiv", "examples/aarhus-byraad/ny-ordning-moedelokaler.md")
        #expect(html.status != 0 && html.stderr.contains("--arkiv gælder kun --to pdf"), "\(html)")
    }
}
