import Foundation
import Testing

/// Every PDF indstil sets is tagged (PDF/UA-1 through WeasyPrint): a structure tree with
/// headings, lists and table headers, the language, and the title shown as the window title.
@Suite("Tagged PDFs (end to end)")
struct TaggedPDFTests {
    static func structure(_ pdf: URL) throws -> (info: String, tree: String) {
        (try TestProcess.run("pdfinfo", [pdf.path]).requireSuccess().stdout,
         try TestProcess.run("pdfinfo", ["-struct", pdf.path]).requireSuccess().stdout)
    }

    @Test("A recommendation, a betænkning bundle and an agenda PDF are tagged, with headings, list items and table headers",
          arguments: [["render", "--to", "pdf", "examples/aarhus-byraad/ny-ordning-moedelokaler.md", "-o", "ud.pdf"],
                      ["bundle", "examples/bilagsmateriale/bundle.yml", "--to", "pdf", "-o", "ud.pdf"],
                      ["bundle", "examples/raadmandsmoede/dagsorden.yml", "--to", "pdf", "-o", "ud.pdf"]])
    func taggedPDF(arguments: [String]) throws {
        let folder = try TempFolder.withExamples()
        let result = try folder.run(arguments: arguments, timeout: 240)
        #expect(result.status == 0, "\(result)")
        let (info, tree) = try Self.structure(folder.url.appendingPathComponent("ud.pdf"))
        #expect(info.contains("Tagged:          yes"), "\(info)")
        for element in ["H1", "P", "LI"] { #expect(tree.contains(element), "no \(element) in the structure tree") }
        let catalog = try TestProcess.run("qpdf", ["--show-object=trailer", folder.url.appendingPathComponent("ud.pdf").path]).requireSuccess().stdout
        let root = try #require(catalog.firstMatch(of: /\/Root (\d+) 0 R/)?.1)
        let rootObject = try TestProcess.run("qpdf", ["--show-object=\(root)", folder.url.appendingPathComponent("ud.pdf").path]).requireSuccess().stdout
        #expect(rootObject.contains("/Lang (da)") && rootObject.contains("/DisplayDocTitle true") && rootObject.contains("/StructTreeRoot"), "\(rootObject.prefix(300))")
        if arguments[0] == "render" { #expect(tree.contains("TH"), "the sidebar table has no header cells in the structure") }
    }
}
