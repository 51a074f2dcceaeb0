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

    /// Whether both launchers carry `python`, and Debian's WeasyPrint (the one the replacements
    /// are checked against) is there; records an issue when it is not.
    static func launchersCarry(_ python: String) -> Bool {
        #expect(WeasyPrintProgram.launcher.contains(python))
        #expect(WeasyPrintSession.launcher.contains(python))
        guard FileManager.default.fileExists(atPath: "/usr/bin/weasyprint") else {
            Issue.record("WeasyPrint is missing: make deps installs it")
            return false
        }
        return true
    }

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
        let linkTags = Self.launchersCarry(WeasyPrintLinkTags.python)
        guard Self.launchersCarry(WeasyPrintRelayout.python), linkTags else { return }
        let folder = try TempFolder()
        let probe = WeasyPrintRelayout.python + "\nfrom weasyprint.css.targets import TargetCollector\nprint(TargetCollector.cache_target_page_counters.__qualname__)\n"
        let printed = try Self.run("/usr/bin/python3", ["-c", probe], in: folder)
        #expect(printed.contains("_indstil_relayout_only_on_change"), "WeasyPrint's code changed; the replacements no longer apply: \(printed)")
        let links = WeasyPrintLinkTags.python + "\nimport weasyprint.pdf as p\nprint('link_holder' in p.VARIANTS['pdf/ua-1'][0].__code__.co_varnames)\n"
        #expect(try Self.run("/usr/bin/python3", ["-c", links], in: folder).contains("True"), "WeasyPrint's PDF/UA writer changed; links are no longer put in their elements")
    }
}

/// `WeasyPrintPageStyles`: the margin boxes of each page's type found from a note kept as they
/// are declared, not by walking every element's style for every page; the same PDF.
@Suite("WeasyPrint finds a page's margin boxes without walking every style") struct WeasyPrintPageStylesTests {
    /// Pages of several types: the first, left and right, a named page, blank pages before
    /// right-hand sections; margin boxes on each.
    static var document: String {
        var body = "<h1>Forside</h1>"
        for number in 1...6 {
            body += "<section class=\"\(number % 2 == 0 ? "bred" : "smal")\"><h2>Afsnit \(number)</h2>"
            body += String(repeating: "<p>Kommunens forvaltning har vurderet sagen og anbefaler byrådet at godkende indstillingen.</p>", count: 12 * number)
            body += "</section>"
        }
        return """
        <!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>Sidetyper</title><style>
        @page { size: A5; margin: 2cm; @bottom-right { content: "side " counter(page) " af " counter(pages); } }
        @page :first { @top-center { content: "Forsiden"; } @bottom-right { content: none; } }
        @page :left { @top-left { content: "Venstre " counter(page); } }
        @page :right { @top-right { content: "Højre " counter(page); } }
        @page :blank { @top-center { content: "Tom side"; } }
        @page bred { size: A5 landscape; @bottom-left { content: "Bred side"; } }
        section { break-before: right; }
        section.bred { page: bred; }
        </style></head><body>\(body)</body></html>
        """
    }

    @Test("The same PDF, byte for byte, with and without the replacement; the launchers carry it and it applies")
    func samePages() throws {
        guard WeasyPrintRelayoutTests.launchersCarry(WeasyPrintPageStyles.python) else { return }
        let folder = try TempFolder()
        let input = try folder.write("sidetyper.html", Self.document)
        var pdfs: [Data] = []
        for tuned in [false, true] {
            let pdf = folder.url(tuned ? "hurtig.pdf" : "debian.pdf")
            let driver = (tuned ? WeasyPrintPageStyles.python : "") + """

                import sys
                from weasyprint.__main__ import main
                import weasyprint.layout.page as page
                print(page.set_page_type_computed_styles.__qualname__)
                try:
                    main(["--quiet", "--pdf-variant", "pdf/ua-1", sys.argv[1], sys.argv[2]])
                except SystemExit:
                    pass
                """
            let printed = try WeasyPrintRelayoutTests.run("/usr/bin/python3", ["-c", driver, input.path, pdf.path], in: folder)
            #expect(printed.contains("_indstil_page_styles_without_walking_every_element") == tuned, "\(printed)")
            pdfs.append(try Data(contentsOf: pdf))
        }
        let text = try WeasyPrintRelayoutTests.run("pdftotext", [folder.url("hurtig.pdf").path, "-"], in: folder)
        #expect(text.contains("Venstre") && text.contains("Højre") && text.contains("Tom side") && text.contains("Bred side") && text.contains("Forsiden"), "\(text.prefix(600))")
        #expect(pdfs[0] == pdfs[1], "the pages differ with the replacement")
    }
}
