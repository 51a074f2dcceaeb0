import Foundation
import Testing

/// Every PDF indstil sets is tagged (PDF/UA-1): a structure tree with headings, lists and
/// table headers in reading order, the language, the title shown as the window title, the
/// bookmarks shown on open; and the PDF/UA checker `pdfua` (PyPI, installed by `make deps`)
/// finds nothing it can check automatically.
@Suite("Tagged PDFs (end to end)")
struct TaggedPDFTests {
    /// A command, and the elements that must come in this order in its PDF's structure.
    struct Case: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        let inOrder: [String]
        let mustHave: [String]
        var testDescription: String { arguments[0] + " " + arguments[1] }

        /// The PDF the command writes: the slow lane's shared build when there is one
        /// (`SharedOutputs`), else a run of its own; and the run that wrote it.
        func pdf() throws -> (PDFProbe, RunResult) {
            let shared: SharedOutputs.Output
            switch arguments[1] {
            case "examples/raadmandsmoede/dagsorden.yml": shared = try SharedOutputs.agendaPDF()
            case "examples/bilagsmateriale/bundle.yml": shared = try SharedOutputs.bundlePDF()
            default:
                let folder = try TempFolder.withExamples()
                let result = try folder.run(arguments: arguments + ["-o", "ud.pdf"], timeout: 240)
                return (PDFProbe(file: folder.url.appendingPathComponent("ud.pdf"), keeping: folder), result)
            }
            let file = arguments[1].hasSuffix("dagsorden.yml") ? "ud/dagsorden.pdf" : "ud/bilag.pdf"
            return (PDFProbe(file: shared.url(file), keeping: shared.folder), shared.result)
        }
    }

    static let cases = [
        Case(arguments: ["render", "--to", "pdf", "examples/aarhus-byraad/ny-ordning-moedelokaler.md"],
             inOrder: ["H1 Ny ordning for udlån", "H2 1. Resume", "H2 2. Beslutningspunkter", "LI", "H2 3. Hvorfor skal byrådet", "H2 9."],
             mustHave: ["TH /Row"]),
        Case(arguments: ["bundle", "examples/bilagsmateriale/bundle.yml", "--to", "pdf"],
             inOrder: ["H1 Bilagsfortegnelse", "LI", "H1 Kapitel 1: Byrådets mødebelastning", "H2 B1.1 ", "H3 Formål", "H2 B1.2 ",
                       "H1 Kapitel 2: Delegation", "H2 B2.1 ", "H2 B2.2 "],
             mustHave: []),
        Case(arguments: ["bundle", "examples/raadmandsmoede/dagsorden.yml", "--to", "pdf"],
             inOrder: ["H1 Rådmandsmøde", "LI", "TH /Column", "H1 Punkt 1: Godkendelse af dagsorden", "H1 Punkt 2:", "H1 Punkt 3:"],
             mustHave: ["TH /Row"]),
    ]

    @Test("A recommendation, a bundle and an agenda PDF: tagged, structure in reading order, the checker finds nothing", arguments: cases)
    func taggedPDF(_ testCase: Case) throws {
        let (pdf, result) = try testCase.pdf()
        #expect(result.status == 0, "\(result)")

        #expect(try pdf.info.contains("Tagged:          yes"))
        let structure = try pdf.structure
        var position = -1
        for expected in testCase.inOrder {
            let found = structure.indices.first { $0 > position && structure[$0].hasPrefix(expected) }
            #expect(found != nil, "»\(expected)« does not follow the elements before it in the structure:\n\(structure.joined(separator: "\n"))")
            position = found ?? position
        }
        for expected in testCase.mustHave { #expect(structure.contains(expected), "no \(expected) in the structure") }
        #expect(!structure.contains("TH"), "a table header cell without /Scope")

        let catalog = try pdf.catalog
        for entry in ["/Lang (da)", "/DisplayDocTitle true", "/StructTreeRoot", "/Marked true", "/Outlines", "/PageMode /UseOutlines"] {
            #expect(catalog.contains(entry), "no \(entry) in the catalog: \(catalog.prefix(400))")
        }

        let checker = try pdf.checker
        #expect(checker.findings.isEmpty && checker.exitCode == 0, "pdfua: \(checker.findings.joined(separator: "\n"))")
        // pdfua 0.1.3 cannot run its empty-heading rule on headings whose /K is an array (a bug
        // of its own: it asks a pikepdf Array for .is_integer); any other skipped rule is news.
        #expect(checker.skipped.allSatisfy { $0.hasPrefix("UA-14-001") }, "pdfua skipped: \(checker.skipped)")
    }

    @Test("The checker really fails an untagged PDF (so the test above can fail)")
    func checkerFailsUntaggedPDF() throws {
        let folder = try TempFolder("untagged")
        defer { folder.remove() }
        let html = try folder.write("d.html", "<!DOCTYPE html><html lang=\"da\"><head><meta charset=\"utf-8\"><title>Utagget</title></head><body><h1>Overskrift</h1><p>Tekst.</p></body></html>")
        let pdf = folder.url.appendingPathComponent("d.pdf")
        try TestProcess.run("weasyprint", ["--quiet", html.path, pdf.path]).requireSuccess()
        let checker = try PDFProbe(file: pdf).checker
        #expect(checker.exitCode == 3, "\(checker)")
        #expect(checker.findings.contains { $0.hasPrefix("UA-01-005") }, "no structure tree finding: \(checker.findings)")
    }

    /// The questionnaire (B1.3) is a tagged PDF: its structure is grafted into the packet's where
    /// its page is, so a screen reader reads it between B1.2 and chapter 2; every page has its
    /// own ParentTree key, and the stamp over the page is an artifact.
    @Test("A merged tagged attachment is read where it stands: its words in the packet's tagged content, in order")
    func mergedAttachmentIsReadInOrder() throws {
        let shared = try SharedOutputs.bundlePDF()
        #expect(shared.result.status == 0, "\(shared.result)")
        let file = shared.url("ud/bilag.pdf")
        let tagged = try TestProcess.run("pdfinfo", ["-struct-text", file.path]).requireSuccess().stdout.components(separatedBy: "\n")
        let words = tagged.firstIndex { $0.contains("Skemaet blev sendt til alle byrådets medlemmer") }
        let question = tagged.firstIndex { $0.contains("Hvor mange timer bruger du i en typisk uge") }
        let before = tagged.lastIndex { $0.contains("B1.2 Sagsfremstillinger og bilag") }
        let after = tagged.lastIndex { $0.contains("B2.1 Delegation af sager") }
        #expect(words != nil && question != nil, "the questionnaire's text is not in the tagged content")
        if let words, let question, let before, let after {
            #expect(before < words && words < question && question < after, "order: B1.2 \(before), the questionnaire \(words)–\(question), B2.1 \(after)")
        }

        let tags = try PDFProbe(file: file).tagTree
        let (pages, value) = (tags.pages, tags.value)
        let structParents = pages.compactMap { value($0)?["/StructParents"] as? Int }
        #expect(structParents.count == pages.count, "pages without /StructParents")
        #expect(Set(structParents).count == structParents.count, "two pages share a /StructParents: \(structParents)")
        let nums = try #require(tags.parentTree["/Nums"] as? [Any])
        let keys = stride(from: 0, to: nums.count, by: 2).compactMap { nums[$0] as? Int }
        for key in structParents { #expect(keys.contains(key), "/StructParents \(key) has no ParentTree entry") }

        // The questionnaire's page: its own content again, then the stamp inside a pagination artifact (BDC … EMC).
        let found = try (1...pages.count).first { page in
            try TestProcess.run("pdftotext", ["-f", "\(page)", "-l", "\(page)", file.path, "-"]).requireSuccess().stdout.contains("Skemaet blev sendt")
        }
        let index = try #require(found)
        let contents = try #require(value(pages[index - 1])?["/Contents"] as? [String])
        let last = try TestProcess.run("qpdf", ["--show-object=\(contents[contents.count - 1].split(separator: " ")[0])", "--filtered-stream-data", file.path]).requireSuccess().stdout
        #expect(last.contains("/Artifact <</Type /Pagination>> BDC") && last.contains(" Do") && last.contains("EMC"), "\(last)")
    }

    /// PDF/UA-1 7.8 (Matterhorn 18-001, 18-002): a running head and a running foot are
    /// pagination artifacts of the subtypes Header and Footer. The packet's own pages carry both
    /// ("Punkt 3, Bilag 1: …" at the top of an appendix's later pages, "side 7 af 13" at the
    /// bottom); their text is nowhere in the tagged content.
    @Test("Running heads and feet are pagination artifacts of the subtypes Header and Footer")
    func runningHeadsAreHeaderAndFooterArtifacts() throws {
        let shared = try SharedOutputs.agendaPDF()
        #expect(shared.result.status == 0, "\(shared.result)")
        let file = shared.url("ud/dagsorden.pdf")
        let page = try #require(try (1...20).first { page in
            try TestProcess.run("pdftotext", ["-f", "\(page)", "-l", "\(page)", file.path, "-"]).requireSuccess().stdout
                .contains("KOORDINERET MED")
        })
        let text = try PDFProbe(file: file).compactPage(page)
        #expect(text.contains(PDFProbe.headerArtifact), "no Header artifact on page \(page)")
        #expect(text.contains(PDFProbe.footerArtifact), "no Footer artifact on page \(page)")
        let tagged = try TestProcess.run("pdfinfo", ["-struct-text", file.path]).requireSuccess().stdout
        #expect(!tagged.contains("side \(page) af"), "the page number is tagged content")
        #expect(tagged.contains("KOORDINERET MED"))
    }

    /// Every kind of PDF indstil writes, checked by outloud (PDF/UA-1 and WCAG 2.2, far more of
    /// PDF/UA-1 than pdfua). One kind of error is not one: a packet's running head ("Punkt 3,
    /// Bilag 1: Indstilling – …") is a pagination artifact, as PDF/UA wants it, and outloud's
    /// TAG-002 takes an artifact line of eight words or more that is on fewer than three pages
    /// for prose a reader skips; an appendix of two pages shows its running head once. Such a
    /// finding is allowed when every line it points at is in the top margin (above 760 pt).
    struct OutloudCase: CustomTestStringConvertible, Sendable {
        let name: String
        var testDescription: String { name }
    }

    static func isRunningHead(_ error: String) -> Bool {
        guard error.hasPrefix("TAG-002 "), let match = error.firstMatch(of: /above (\d+):/), let top = Int(match.1) else { return false }
        return top >= 760
    }

    static let outloudCases = [
        OutloudCase(name: "indstilling"),
        OutloudCase(name: "bilag"),
        OutloudCase(name: "dagsorden"),
        OutloudCase(name: "dagsorden-lukket"),
        OutloudCase(name: "referat"),
        OutloudCase(name: "referat-lukket"),
        OutloudCase(name: "arkiv"),
    ]

    @Test("outloud finds no errors in any kind of PDF indstil writes", arguments: outloudCases)
    func outloudFindsNoErrors(_ testCase: OutloudCase) throws {
        let file: URL
        var keeping: TempFolder?
        switch testCase.name {
        case "indstilling", "arkiv":
            let folder = try TempFolder.withExamples()
            keeping = folder
            let arguments = testCase.name == "arkiv"
                ? ["bundle", "examples/bilagsmateriale/bundle.yml", "--to", "pdf", "--arkiv", "-o", "arkiv.pdf"]
                : ["render", "--to", "pdf", "examples/aarhus-byraad/ny-ordning-moedelokaler.md", "-o", "indstilling.pdf"]
            let result = try folder.run(arguments: arguments, timeout: 240)
            #expect(result.status == 0, "\(result)")
            file = folder.url.appendingPathComponent(testCase.name + ".pdf")
        case "bilag": file = try SharedOutputs.bundlePDF().url("ud/bilag.pdf")
        case "referat", "referat-lukket": file = try SharedOutputs.minutesPDF().url("ud/\(testCase.name).pdf")
        default: file = try SharedOutputs.agendaPDF().url("ud/\(testCase.name).pdf")
        }
        let errors = try PDFProbe(file: file, keeping: keeping).outloud.errors
        let unexpected = errors.filter { !Self.isRunningHead($0) }
        #expect(unexpected.isEmpty, "outloud:\n\(unexpected.joined(separator: "\n"))")
    }

    @Test("outloud really fails a list WeasyPrint tagged without indstil's repairs (so the test above can fail)")
    func outloudFailsTheUnrepairedList() throws {
        let folder = try TempFolder("uden-reparation")
        defer { folder.remove() }
        let html = try folder.write("d.html", """
            <!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>Mødefakta</title><style>dl div { display: flex; }</style></head>
            <body><h1>Møde</h1><dl><div><dt>Dato</dt><dd>4. september 2026</dd></div><div><dt>Sted</dt><dd>Rådhuset</dd></div></dl></body></html>
            """)
        let pdf = folder.url.appendingPathComponent("d.pdf")
        try TestProcess.run("weasyprint", ["--quiet", "--pdf-variant", "pdf/ua-1", html.path, pdf.path]).requireSuccess()
        let errors = try PDFProbe(file: pdf).outloud.errors
        #expect(errors.contains { $0.hasPrefix("LST-") }, "no list finding: \(errors)")
    }

    /// An attachment whose ParentTree key is as large as a PDF integer goes: its keys are
    /// numbered anew after the packet's (no arithmetic on the attachment's own); an attachment
    /// that does not say it is tagged (`/Marked true`) is not grafted, but its text is read.
    @Test("A hostile attachment's tags: a key at the top of the integers, a tree without /Marked true")
    func hostileAttachmentTags() throws {
        let folder = try TempFolder.withExamples()
        let attachment = folder.url.appendingPathComponent("examples/bilagsmateriale/kapitel-1/spoergeskema.pdf")
        let original = folder.url.appendingPathComponent("spoergeskema-original.pdf")
        try FileManager.default.copyItem(at: attachment, to: original)
        let tags = try PDFProbe(file: original).tagTree
        let (pages, rootRef, parentTreeRef) = (tags.pages, tags.catalogRef, tags.parentTreeRef)
        var (catalog, parentTree) = (tags.catalog, tags.parentTree)
        var nums = try #require(parentTree["/Nums"] as? [Any])
        var page = try #require(tags.value(pages[0]))
        let huge = Int.max - 1
        let index = try #require(stride(from: 0, to: nums.count, by: 2).first { nums[$0] as? Int == page["/StructParents"] as? Int })
        nums[index] = huge
        parentTree["/Nums"] = nums
        page["/StructParents"] = huge
        for (name, update) in [("stor-noegle", [("obj:" + parentTreeRef, parentTree), ("obj:" + pages[0], page)]),
                               ("ikke-markeret", [])] {
            var entries: [String: Any] = [:]
            for (key, value) in update { entries[key] = ["value": value] }
            if name == "ikke-markeret" {
                catalog["/MarkInfo"] = ["/Marked": false]
                entries["obj:" + rootRef] = ["value": catalog]
            }
            let patch = folder.url.appendingPathComponent("\(name).json")
            try JSONSerialization.data(withJSONObject: ["qpdf": [["jsonversion": 2], entries]]).write(to: patch)
            let changed = folder.url.appendingPathComponent("\(name).pdf")
            // Each case changes the attachment as it came (qpdf numbers a file's objects anew).
            try TestProcess.run("qpdf", [original.path, "--update-from-json=\(patch.path)", changed.path]).requireSuccess()
            try FileManager.default.removeItem(at: attachment)
            try FileManager.default.copyItem(at: changed, to: attachment)

            let result = try folder.run(arguments: ["bundle", "examples/bilagsmateriale/bundle.yml", "--to", "pdf", "-o", "\(name)-bilag.pdf"], timeout: 240)
            #expect(result.status == 0 || result.status == 1, "\(name): \(result)")
            let packet = PDFProbe(file: folder.url.appendingPathComponent("\(name)-bilag.pdf"))
            let (packetObjects, packetPages) = try packet.objects
            let keys = packetPages.compactMap { ((packetObjects["obj:" + $0] as? [String: Any])?["value"] as? [String: Any])?["/StructParents"] as? Int }
            #expect(keys.allSatisfy { $0 < 10_000 }, "\(name): /StructParents \(keys)")
            let findings = try packet.checker.findings
            #expect(findings.isEmpty, "\(name): pdfua \(findings)")
            let errors = try packet.outloud.errors.filter { !Self.isRunningHead($0) }
            #expect(errors.isEmpty, "\(name): outloud \(errors)")
            let tagged = try TestProcess.run("pdfinfo", ["-struct-text", packet.file.path]).requireSuccess().stdout
            #expect(tagged.contains("Skemaet blev sendt til alle byrådets medlemmer"), "\(name): the questionnaire's words are not in the tags")
            if name == "ikke-markeret" {
                // Not grafted (its tree does not say it is tagged): its text is read as a paragraph a
                // page, and the check says the attachment is untagged.
                // The Div named after it holds one paragraph a page and nothing of its own tree.
                let structure = try TestProcess.run("pdfinfo", ["-struct", packet.file.path]).requireSuccess().stdout.components(separatedBy: "\n")
                let div = try #require(structure.firstIndex { $0.contains("Div \"B1.3") }, "no Div for B1.3: \(structure.prefix(40))")
                let depth = structure[div].prefix { $0 == " " }.count
                let inside = structure[(div + 1)...].prefix { $0.prefix { $0 == " " }.count > depth }
                    .filter { $0.prefix { $0 == " " }.count == depth + 2 }.map { $0.trimmingCharacters(in: .whitespaces) }
                #expect(!inside.isEmpty && inside.allSatisfy { $0.hasPrefix("P") || $0.hasPrefix("Link") }, "grafted after all: \(inside)")
                let check = try folder.run(arguments: ["check", "examples/bilagsmateriale/bundle.yml"], timeout: 120)
                #expect(check.stdout.contains("a11y.untagged-attachment"), "\(check)")
            }
        }
    }
}
