import Foundation
import Testing

/// `indstil new` → filled in → `check` clean → `render` to every format, as a case officer would.
@Suite("Render (end to end)") struct RenderCommandTests {
    /// Fills the skeleton `indstil new` wrote: every "[…]" gets real text.
    static func fillIn(_ skeleton: String) -> String {
        var text = skeleton
        // Ordered: the list entries first, so "titel:" inside them is not taken for the title.
        let values: KeyValuePairs = [
            "  - titel: \"[…]\"\n    fil: bilag/[…].pdf": "  - titel: \"Oversigt over lokalerne\"\n    fil: bilag/lokaler.md",
            "  - dato: \"[…]\"\n    tekst: \"[…]\"": "  - dato: 2024-06-12\n    tekst: \"Sag nr. 4 Forsøg med fælles lokaleudlån\"",
            "titel: \"[…]\"": "titel: \"Fælles bookingsystem for kommunens mødelokaler\"",
            "dato: \"[…]\"": "dato: 2026-04-15",
            "sagsnummer: \"[…]\"": "sagsnummer: 26-004711",
            "afdeling: \"[…]\"": "afdeling: \"Borgmesterens Afdeling\"",
            "navn: \"[…]\"": "navn: Ida Eksempel",
            "telefon: \"[…]\"": "telefon: \"89 40 00 00\"",
            "email: \"[…]\"": "email: ida.eksempel@example.dk",
            "1. Byrådet […]": "1. Byrådet godkender det fælles bookingsystem (bilag 1).",
        ]
        for (placeholder, value) in values { text = text.replacingOccurrences(of: placeholder, with: value) }
        var section = 0
        text = text.components(separatedBy: "\n").map { line in
            guard line == "[…]" else { return line }
            section += 1
            return section == 2
                ? "Sagen er principiel, fordi ordningen gælder alle magistratsafdelinger."
                : "Afsnit \(section) beskriver sagen med egne ord og henviser til oversigten i bilag 1."
        }.joined(separator: "\n")
        return text
    }

    @Test func aNewRecommendationFilledInChecksCleanAndRendersToEveryFormat() throws {
        let project = try TempFolder()
        try project.write("indstil.yml", "# projekt\n")
        try project.write("bilag/lokaler.md", "# Lokaler\n\nTolv lokaler.\n")
        let created = try project.run("new", "indstilling", "sag.md")
        #expect(created.status == 0, "\(created)")
        let unfilled = try project.run("check", "sag.md")
        #expect(unfilled.status == 1, "an unfilled skeleton must not pass: \(unfilled)")

        try project.write("sag.md", Self.fillIn(try project.read("sag.md")))
        let check = try project.run("check", "--strict", "sag.md")
        #expect(check.status == 0, "\(check)")

        for format in ["html", "docx", "pdf", "txt", "md"] {
            let result = try project.run("render", "--to", format, "sag.md", "-o", "ud/sag.\(format)", timeout: 120)
            #expect(result.status == 0, "\(result)")
            let data = try Data(contentsOf: project.url.appendingPathComponent("ud/sag.\(format)"))
            switch format {
            case "pdf": #expect(data.starts(with: Array("%PDF".utf8)))
            case "docx": #expect(data.starts(with: [0x50, 0x4B, 0x03, 0x04]))
            case "html": #expect(String(decoding: data, as: UTF8.self).contains("<h1>Fælles bookingsystem for kommunens mødelokaler</h1>"))
            default: #expect(String(decoding: data, as: UTF8.self).contains("Fælles bookingsystem"))
            }
            if format != "pdf" {
                let again = try project.run("render", "--to", format, "sag.md", "-o", "ud/igen.\(format)", timeout: 120)
                #expect(again.status == 0)
                let second = try Data(contentsOf: project.url.appendingPathComponent("ud/igen.\(format)"))
                #expect(second == data, "\(format): two renders differ")
            }
        }
    }

    /// `render --to html -o elsewhere`: the appendix list links each file from where the page
    /// is, and a Markdown appendix (raw source to a reader) is not linked.
    @Test func aPageWrittenElsewhereLinksItsAppendicesFromThere() throws {
        let folder = try TempFolder.withExamples()
        defer { folder.remove() }
        let result = try folder.run("render", "examples/aarhus-byraad/ny-ordning-moedelokaler.md", "--to", "html", "-o", "ud/sider/side.html", timeout: 60)
        #expect(result.status == 0, "\(result)")
        let page = try folder.read("ud/sider/side.html")
        let hrefs = page.matches(of: /href="([^"#][^"]*)"/).map { String($0.1) }.filter { !$0.hasPrefix("http") && !$0.hasPrefix("mailto:") }
        #expect(hrefs == ["../../examples/aarhus-byraad/bilag/erfaringer-fra-forsoeget.pdf"], "\(hrefs)")
        for href in hrefs {
            #expect(FileManager.default.fileExists(atPath: folder.url("ud/sider").appendingPathComponent(href).standardizedFileURL.path), "\(href) leads nowhere")
        }
        #expect(page.contains("Oversigt over kommunens mødelokaler") && !page.contains("lokaleoversigt.md\""))
    }

    @Test func aFailedRenderLeavesNoFileBehind() throws {
        let project = try TempFolder()
        try project.write("sag.md", "---\nprofil: aarhus-byraad\ntitel: \"uafsluttet\n---\n# Resume\n")
        let result = try project.run("render", "--to", "html", "sag.md", "-o", "ud/sag.html")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("input.invalid"))
        #expect(!project.exists("ud/sag.html"))
        #expect(!project.exists("ud"))
    }

    @Test func binaryFormatsRefuseStandardOutput() throws {
        let project = try TempFolder.withExamples()
        let result = try project.run("render", "--to", "docx", "examples/\(Fixtures.byraad)", "-o", "-")
        #expect(result.status == 2, "\(result)")
        #expect(result.stdoutData.isEmpty)
    }
}
