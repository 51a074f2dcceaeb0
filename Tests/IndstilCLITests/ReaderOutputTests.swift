import Foundation
import IndstilTestSupport
import Testing

/// What a politician and a citizen read, checked on the outputs themselves (text positions
/// and page sizes, not only strings): the example agenda's and minutes' PDFs, the minutes'
/// public site and the register.
@Suite struct ReaderOutputTests {
    /// A4 in points, either way round, to the hundredth pdfinfo prints.
    static func isA4(_ width: Double, _ height: Double) -> Bool {
        let (short, long) = (min(width, height), max(width, height))
        return abs(short - 595.28) < 1 && abs(long - 841.89) < 1
    }

    static func pageSizes(_ pdf: URL) throws -> [(Double, Double)] {
        let info = try TestProcess.run("pdfinfo", ["-f", "1", "-l", "100000", pdf.path]).requireSuccess().stdout
        return info.split(separator: "\n").filter { $0.hasPrefix("Page ") && $0.contains(" size: ") }.compactMap { line in
            let words = line.split(separator: " ")
            guard let x = words.firstIndex(of: "x"), x > 0, let width = Double(words[x - 1]), let height = Double(words[x + 1]) else { return nil }
            return (width, height)
        }
    }

    /// Every word of a page with its box (pdftotext -bbox), in points from the top left.
    struct Word {
        let text: String
        let xMin, yMin, xMax, yMax: Double
    }

    static func words(_ pdf: URL, page: Int) throws -> (width: Double, height: Double, words: [Word]) {
        let xml = try TestProcess.run("pdftotext", ["-bbox", "-f", "\(page)", "-l", "\(page)", pdf.path, "-"]).requireSuccess().stdout
        func number(_ name: String, in text: Substring) -> Double {
            guard let range = text.range(of: "\(name)=\"") else { return 0 }
            return Double(text[range.upperBound...].prefix { $0 != "\"" }) ?? 0
        }
        let pageLine = xml.split(separator: "\n").first { $0.contains("<page ") } ?? ""
        let words = xml.split(separator: "\n").filter { $0.contains("<word ") }.map { line -> Word in
            let text = line.split(separator: ">", maxSplits: 1).last.map { String($0.prefix { $0 != "<" }) } ?? ""
            return Word(text: text, xMin: number("xMin", in: line), yMin: number("yMin", in: line), xMax: number("xMax", in: line), yMax: number("yMax", in: line))
        }
        return (number("width", in: pageLine), number("height", in: pageLine), words)
    }

    @Test("every page of the agenda packets and the minutes is A4, the Word attachment converted to Letter too")
    func everyPageIsA4() throws {
        let agenda = try SharedOutputs.agendaPDF()
        let minutes = try SharedOutputs.minutesPDF()
        for pdf in [agenda.url("ud/dagsorden.pdf"), agenda.url("ud/dagsorden-lukket.pdf"), minutes.url("ud/referat.pdf"), minutes.url("ud/referat-lukket.pdf")] {
            let sizes = try Self.pageSizes(pdf)
            #expect(!sizes.isEmpty)
            for (index, size) in sizes.enumerated() {
                #expect(Self.isA4(size.0, size.1), "\(pdf.lastPathComponent) page \(index + 1) is \(size.0) × \(size.1) pt")
            }
        }
    }

    @Test("no stamp is within 10 mm of a page's edge")
    func stampsStayInsideThePrintableArea() throws {
        let agenda = try SharedOutputs.agendaPDF()
        let pdf = agenda.url("ud/dagsorden-lukket.pdf")
        let margin = 10 / 25.4 * 72
        var stamps = 0
        for page in 1...(try Self.pageSizes(pdf).count) {
            let (width, height, words) = try Self.words(pdf, page: page)
            // The stamp: "Punkt N, Bilag M: …" in the top 30 mm of an attachment page.
            guard let first = words.firstIndex(where: { $0.text == "Punkt" && $0.yMin < 30 / 25.4 * 72 }),
                  words.indices.contains(first + 2), words[first + 2].text == "Bilag" else { continue }
            stamps += 1
            let line = words.filter { abs($0.yMin - words[first].yMin) < 1 }
            #expect(line.allSatisfy { $0.yMin >= margin && $0.xMax <= width - margin && $0.xMin >= margin && $0.yMax <= height - margin },
                    "page \(page): the stamp reaches within 10 mm of the edge \(line.map { ($0.text, $0.xMin, $0.yMin, $0.xMax) })")
        }
        #expect(stamps >= 4, "the attachment pages carry stamps (\(stamps))")
    }

    @Test("in the minutes each outcome follows its proposal: proposal 1, Ad 1), proposal 2, Ad 2)")
    func minutesReadInTheProposalsOrder() throws {
        let minutes = try SharedOutputs.minutesPDF()
        let text = try MinutesCommandTests.pdfText(minutes.url("ud/referat.pdf")).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let marks = ["1) at rådmanden tager resultaterne", "Ad 1) Taget til orientering.", "2) at rådmanden godkender", "Ad 2) Godkendt med den ændring"]
        let positions = marks.map { text.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil }, "\(text)")
        let found = positions.compactMap { $0 }
        #expect(found == found.sorted(), "the order is proposal, its outcome, the next proposal …: \(text)")
        // The indstilling's "(bilag 1)" reads as the packet's numbering; no list punctuation carried along.
        #expect(text.contains("til orientering (Punkt 3, Bilag 2)") && !text.contains("(bilag 1),"))
    }

    @Test("no line of the PDFs' text starts with »1),« or ends with »(bilag«: numbers stay with their words")
    func numbersStayWithTheirWords() throws {
        let agenda = try SharedOutputs.agendaPDF()
        let minutes = try SharedOutputs.minutesPDF()
        for pdf in [agenda.url("ud/dagsorden.pdf"), agenda.url("ud/dagsorden-lukket.pdf"), minutes.url("ud/referat.pdf")] {
            let lines = try TestProcess.run("pdftotext", ["-enc", "UTF-8", pdf.path, "-"]).requireSuccess().stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            let months = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"]
            // A date split after its day ("fra 1." / "september 2026") or before its year ("28. august" / "2026").
            let splitDates = lines.indices.dropLast().filter { index in
                let (line, next) = (lines[index], lines[index + 1])
                return (line.range(of: #"(^|\s)\d{1,2}\.$"#, options: .regularExpression) != nil && months.contains { next.hasPrefix($0) })
                    || (months.contains { line.hasSuffix(" " + $0) } && next.range(of: #"^\d{4}\b"#, options: .regularExpression) != nil)
            }.map { "\(lines[$0]) / \(lines[$0 + 1])" }
            let broken = lines.filter { $0.hasPrefix("1),") || $0.lowercased().hasSuffix("(bilag") || $0.hasSuffix(" kl.") } + splitDates
            #expect(broken.isEmpty, "\(pdf.lastPathComponent): \(broken)")
        }
    }

    @Test("the minutes' public pages: no file path, no command for the tool, Danish dates, decisions as a list")
    func publicMinutesPagesAreForReaders() throws {
        let folder = try TempFolder.withExamples()
        defer { folder.remove() }
        let result = try folder.run("bundle", "examples/raadmandsmoede/referat.yml", "-o", "ud", timeout: 120)
        #expect(result.status == 0, "\(result)")
        let pages = try FileManager.default.contentsOfDirectory(atPath: folder.url("ud").path).filter { $0.hasSuffix(".html") }
        #expect(pages.contains("beslutninger.html"))
        for page in pages {
            let html = try folder.read("ud/\(page)")
            let text = html.replacingOccurrences(of: #"<[^>]*>"#, with: " ", options: .regularExpression)
            #expect(text.range(of: #"[\w/-]+\.md\b"#, options: .regularExpression) == nil, "\(page) shows a Markdown file's path")
            #expect(html.range(of: #"href="[^"]*\.md""#, options: .regularExpression) == nil, "\(page) links a Markdown file")
            #expect(text.range(of: #"\bindstil (register|check|bundle|render|serve)\b"#, options: .regularExpression) == nil, "\(page) tells the reader to run indstil")
            #expect(text.range(of: #"\b20\d\d-\d\d-\d\d\b"#, options: .regularExpression) == nil, "\(page) shows an ISO date")
        }
        let decisions = try folder.read("ud/beslutninger.html")
        #expect(decisions.contains("fredag den 4. september 2026") && !decisions.contains("<table"))
        #expect(decisions.contains("<li data-udvalg=") && decisions.contains("<strong>Taget til orientering.</strong>"))
    }

    @Test("»godkendt med ændringer« without the change is an error that stops the minutes")
    func approvedWithChangesNeedsTheChange() throws {
        let folder = try TempFolder.withExamples()
        defer { folder.remove() }
        let minutes = "examples/raadmandsmoede/referat.yml"
        let text = try folder.read(minutes)
        let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("2: {udfald: godkendt med ændringer") })
        _ = try folder.write(minutes, text.replacingOccurrences(of: #"      2: \{udfald: godkendt med ændringer, tekst: "[^"]*"\}"#, with: "      2: godkendt med ændringer", options: .regularExpression))
        let check = try folder.run("check", minutes, timeout: 60)
        #expect(check.status == 1 && check.stdout.contains("referat.yml:\(line + 1):1: error: Beslutningspunkt 2 i punkt 3 er godkendt med ændringer"), "\(check)")
        #expect(check.stdout.contains("[minutes.missing-change]"))
    }
}
