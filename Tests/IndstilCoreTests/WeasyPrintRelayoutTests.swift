import Foundation
import Testing
import IndstilTestSupport
@testable import IndstilSupport
@testable import IndstilRender

/// WeasyPrint without the needless third layout (`WeasyPrintRelayout`): fewer pages laid out,
/// the same pages and text as WeasyPrint as Debian ships it.
@Suite("WeasyPrint lays out again only what changed") struct WeasyPrintRelayoutTests {
    /// Eight sections on pages of their own; a list at the top with the page of each (forward
    /// references), and in each section a reference back to the first and on to the last, as a
    /// bundle's bilagsfortegnelse and in-text links have them. The footer wants the total.
    static var document: String {
        var body = "<nav><h1>Bilagsfortegnelse</h1><ol>"
        for number in 1...8 { body += "<li><a class=\"til\" href=\"#b\(number)\">Bilag \(number)</a></li>" }
        body += "</ol></nav>"
        for number in 1...8 {
            body += "<section id=\"b\(number)\"><h2>Bilag \(number)</h2>"
            for paragraph in 1...(number % 3 + 4) {
                body += "<p>Afsnit \(paragraph) i bilag \(number) henviser til <a class=\"til\" href=\"#b1\">bilag 1</a> og <a class=\"til\" href=\"#b8\">bilag 8</a>. "
                body += String(repeating: "Kommunens forvaltning har vurderet sagen og anbefaler byrådet at godkende indstillingen. ", count: 9) + "</p>"
            }
            body += "</section>"
        }
        return """
        <!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>Prøve</title><style>
        @page { size: A4; margin: 2cm; @bottom-right { content: "side " counter(page) " af " counter(pages); } }
        section { break-before: page; }
        a.til::after { content: " (side " target-counter(attr(href), page) ")"; }
        </style></head><body>\(body)</body></html>
        """
    }

    /// Sets `input` into `output` with Debian's WeasyPrint, with or without the replacements,
    /// and prints how many pages it laid out.
    static func driver(tuned: Bool) -> String {
        """
        import sys, logging
        \(tuned ? WeasyPrintRelayout.python : "")
        from weasyprint import PROGRESS_LOGGER
        from weasyprint.__main__ import main
        made = [0]
        class Count(logging.Handler):
            def emit(self, record):
                if "Creating layout - Page" in record.getMessage() and "up-to-date" not in record.getMessage():
                    made[0] += 1
        PROGRESS_LOGGER.addHandler(Count())
        PROGRESS_LOGGER.setLevel(logging.INFO)
        try:
            main(["--quiet", "--pdf-variant", "pdf/ua-1", sys.argv[1], sys.argv[2]])
        except SystemExit:
            pass
        PROGRESS_LOGGER.setLevel(logging.WARNING)
        print(made[0])
        """
    }

    static func run(_ program: String, _ arguments: [String], in folder: TempFolder) throws -> String {
        let output = folder.url("ud-\(UUID().uuidString).txt")
        let result = ExternalProgram.run(program, arguments, timeout: 300, standardOutput: output)
        guard case .finished(0, _) = result else { throw Failure(description: "\(program) \(arguments.last ?? ""): \(result)") }
        return try String(contentsOf: output, encoding: .utf8)
    }

    struct Failure: Error, CustomStringConvertible { let description: String }

    @Test("The links' page numbers set with fewer layouts: the same pages, the same text, the same numbers")
    func fewerLayoutsSamePages() throws {
        guard FileManager.default.fileExists(atPath: "/usr/bin/weasyprint") else {
            Issue.record("WeasyPrint is missing: make deps installs it")
            return
        }
        let folder = try TempFolder()
        let input = try folder.write("bilag.html", Self.document)
        var layouts: [Int] = []
        var texts: [String] = []
        for tuned in [false, true] {
            let pdf = folder.url(tuned ? "hurtig.pdf" : "debian.pdf")
            let printed = try Self.run("/usr/bin/python3", ["-c", Self.driver(tuned: tuned), input.path, pdf.path], in: folder)
            layouts.append(try #require(Int(printed.trimmingCharacters(in: .whitespacesAndNewlines)), "\(printed)"))
            texts.append(try Self.run("pdftotext", ["-layout", pdf.path, "-"], in: folder))
        }
        #expect(texts[0] == texts[1])
        #expect(texts[1].contains("Bilag 8 (side"), "the list shows the pages: \(texts[1].prefix(400))")
        let pages = texts[1].components(separatedBy: "\u{0C}").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }.count
        #expect(pages >= 9)
        #expect(layouts[1] < layouts[0], "pages laid out: \(layouts[0]) as Debian ships it, \(layouts[1]) with the replacements")
        // Every page once, and again only the pages whose links could not be numbered the first time.
        #expect(layouts[1] < 2 * pages, "\(layouts[1]) layouts of \(pages) pages")
    }

    @Test("Both launchers carry the replacements (layout and link tags), and they apply to the WeasyPrint make deps installs")
    func launchersCarryThem() throws {
        #expect(WeasyPrintProgram.launcher.contains(WeasyPrintRelayout.python))
        #expect(WeasyPrintSession.launcher.contains(WeasyPrintRelayout.python))
        #expect(WeasyPrintProgram.launcher.contains(WeasyPrintLinkTags.python))
        #expect(WeasyPrintSession.launcher.contains(WeasyPrintLinkTags.python))
        guard FileManager.default.fileExists(atPath: "/usr/bin/weasyprint") else {
            Issue.record("WeasyPrint is missing: make deps installs it")
            return
        }
        let folder = try TempFolder()
        let probe = WeasyPrintRelayout.python + "\nfrom weasyprint.css.targets import TargetCollector\nprint(TargetCollector.cache_target_page_counters.__qualname__)\n"
        let printed = try Self.run("/usr/bin/python3", ["-c", probe], in: folder)
        #expect(printed.contains("_indstil_relayout_only_on_change"), "WeasyPrint's code changed; the replacements no longer apply: \(printed)")
        let links = WeasyPrintLinkTags.python + "\nimport weasyprint.pdf as p\nprint('link_holder' in p.VARIANTS['pdf/ua-1'][0].__code__.co_varnames)\n"
        #expect(try Self.run("/usr/bin/python3", ["-c", links], in: folder).contains("True"), "WeasyPrint's PDF/UA writer changed; links are no longer put in their elements")
    }
}
