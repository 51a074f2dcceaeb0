import Foundation
import Testing
@testable import IndstilCore
@testable import IndstilSupport
@testable import IndstilDocument
@testable import IndstilChecks
@testable import IndstilRender
@testable import IndstilWorkspace
@testable import IndstilPackets

@Suite("Danish numbers in table cells")
struct DanishNumberTests {
    static func number(_ text: String) -> TableNumber? { DanishNumberReader.read(text).number }

    @Test("Danish figures are read with their precision and unit",
          arguments: [("3.250", "3250", 0), ("0,49", "0.49", 2), ("28,4 %", "28.4", 1), ("28,4%", "28.4", 1),
                      ("-", "0", 0), ("1,2 mio. kr.", "1.2", 1), ("1.234.567,5", "1234567.5", 1), ("-12", "-12", 0),
                      ("0", "0", 0), ("3 250", "3250", 0)])
    func reads(_ text: String, _ value: String, _ decimals: Int) throws {
        let number = try #require(Self.number(text), "\(text) was not read as a number")
        #expect(number.value == Decimal(string: value)!)
        #expect(number.decimals == decimals)
    }

    @Test func unitsWrittenInTheCell() {
        #expect(Self.number("28,4 %")?.unit == .percent)
        #expect(Self.number("1,2 mio. kr.")?.unit == .millionKroner)
        #expect(Self.number("270.000 kr.")?.unit == .kroner)
        #expect(Self.number("600")?.unit == nil)
    }

    @Test("Figures in the other convention or with a leading zero group are ambiguous, not guessed",
          arguments: ["0.500", "38.8", "1,250.5", "1,2,3", "0.050"])
    func ambiguous(_ text: String) {
        guard case .ambiguous(let reason, _) = DanishNumberReader.read(text) else {
            Issue.record("\(text) was read as \(DanishNumberReader.read(text))")
            return
        }
        #expect(reason.contains("»\(text)«"))
    }

    @Test func suggestionsForAmbiguousFigures() {
        guard case .ambiguous(let leadingZero, _) = DanishNumberReader.read("0.500"),
              case .ambiguous(let point, _) = DanishNumberReader.read("38.8") else {
            Issue.record("not ambiguous")
            return
        }
        #expect(leadingZero.contains("500 og som 0,5"), "\(leadingZero)")
        #expect(point.contains("38,8"), "\(point)")
    }

    @Test("Words, labels and empty cells", arguments: ["afventer", "Tema 4", "ca. 300", "2024-25"])
    func text(_ text: String) {
        #expect(DanishNumberReader.read(text) == .text)
    }

    @Test func emptyIsNotZero() {
        #expect(DanishNumberReader.read("   ") == .empty)
    }

    @Test("Danish formatting for messages", arguments: [("1180", 0, "1.180"), ("0.49", 2, "0,49"), ("100", 1, "100,0"),
                                                        ("-2.005", 2, "-2,01"), ("1234567.25", 1, "1.234.567,3")])
    func formats(_ value: String, _ decimals: Int, _ expected: String) {
        #expect(DanishNumberFormat.string(Decimal(string: value)!, decimals: decimals) == expected)
    }

    @Test func unitNames() {
        #expect(TableUnit(name: "1.000 kr") == .thousandKroner)
        #expect(TableUnit(name: "mio. kr.") == .millionKroner)
        #expect(TableUnit.inParentheses(of: "Magistratsafdeling (mio. kr.)") == .millionKroner)
        #expect(TableUnit.inParentheses(of: "Tema") == nil)
    }
}

@Suite("Tables in the Markdown tree")
struct TableParsingTests {
    static func tables(_ markdown: String, lineOffset: Int = 0, files: TableFileReader? = nil) -> [Table] {
        MarkdownParser.parse(markdown, lineOffset: lineOffset, tableFiles: files).root.tables
    }

    @Test func aPipeTableBecomesATableNodeWithLinesAndColumns() throws {
        let markdown = """
            Før tabellen.

            | Tema (1.000 kr.) | 2024  |
            |------------------|------:|
            | 1. Tilsyn        | 1.180 |
            | **I alt**        | 1.180 |
            """
        let root = MarkdownParser.parse(markdown, lineOffset: 10).root
        #expect(root.children.count == 2)
        let table = try #require(root.tables.first)
        #expect(table.origin == .pipe)
        #expect(table.line == 13 && table.endLine == 16)
        #expect(table.unit == .thousandKroner)
        #expect(table.header.cells.map(\.text) == ["Tema (1.000 kr.)", "2024"])
        #expect(table.rows.count == 2)
        #expect(table.rows[0].cells[0].text == "1. Tilsyn", "a cell starting like a list item stays text")
        #expect(table.rows[1].role == .total)
        #expect(table.rows[1].cells[0].text == "I alt")
        let figure = table.rows[0].cells[1]
        #expect(figure.line == 15)
        #expect(figure.column == 22)
        #expect(figure.reading.number?.value == 1180)
    }

    @Test func textBeforeATableInTheSameParagraphStaysAParagraph() throws {
        let root = MarkdownParser.parse("Tabellen viser det:\n| A | B |\n|---|---|\n| x | 1 |\n").root
        #expect(root.children.count == 2)
        #expect(root.children[0].plainText == "Tabellen viser det:")
        let table = try #require(root.tables.first)
        #expect(table.line == 2)
    }

    @Test func withoutADelimiterRowPipesAreText() {
        #expect(Self.tables("Et valg: ja | nej\nog så videre | igen\n").isEmpty)
        #expect(Self.tables("```\n| a | b |\n|---|---|\n```\n").isEmpty, "a code block is not a table")
    }

    @Test func escapedPipesStayInTheCell() throws {
        let table = try #require(Self.tables("| A | B |\n|---|---|\n| x \\| y | 1 |\n").first)
        #expect(table.rows[0].cells.map(\.text) == ["x | y", "1"])
    }

    @Test func markersForTotalsAndReferencesAreReadAndRemoved() throws {
        let table = try #require(Self.tables("| A | 2024 |\n|---|---|\n| 4. Tilsyn {= tema-4} | 1 |\n| Samlet {total} | 1 |\n").first)
        #expect(table.rows[0].reference == TableReference(id: "tema-4", line: 3, column: 13))
        #expect(table.rows[0].label == "4. Tilsyn")
        #expect(table.rows[1].role == .total)
        #expect(table.rows[1].label == "Samlet")
    }

    @Test func aTableInAListItemOrQuoteIsFound() {
        #expect(Self.tables("- Punkt\n\n  | A | B |\n  |---|---|\n  | x | 1 |\n").count == 1)
        #expect(Self.tables("> | A | B |\n> |---|---|\n> | x | 1 |\n").count == 1)
    }

    @Test func aFencedTableBlockWithOptionsAndPipeRows() throws {
        let markdown = "```tabel\ntitel: Fordeling\nenhed: mio. kr.\nid: fordeling-1\n\n| Afdeling | 2024 |\n|---|---:|\n| Nord | 0,25 |\n| I alt | 0,25 |\n```\n"
        let table = try #require(Self.tables(markdown, lineOffset: 4).first)
        #expect(table.origin == .block)
        #expect(table.caption == "Fordeling")
        #expect(table.unit == .millionKroner && table.unitName == "mio. kr.")
        #expect(table.id == "fordeling-1")
        #expect(table.line == 5 && table.endLine == 14)
        #expect(table.rows.map(\.line) == [12, 13])
        #expect(table.problems.isEmpty)
    }

    @Test func tabSeparatedRowsPastedFromASpreadsheet() throws {
        let table = try #require(Self.tables("```tabel\ntitel: Indsat\nForslag\t2024\t2025\n1. Print\t600\t600\n```\n").first)
        #expect(table.header.cells.map(\.text) == ["Forslag", "2024", "2025"])
        #expect(table.rows[0].cells.map(\.text) == ["1. Print", "600", "600"])
        #expect(table.rows[0].cells[1].column == 10)
    }

    @Test func unknownOptionsAndEmptyBlocksAreProblems() throws {
        let table = try #require(Self.tables("```tabel\ntitle: x\n\n| A |\n|---|\n| 1 |\n```\n").first)
        #expect(table.problems.map(\.kind) == [.syntax])
        #expect(table.problems[0].line == 2)
        let empty = try #require(Self.tables("```tabel\ntitel: Tom\n```\n").first)
        #expect(empty.problems.map(\.message.da) == ["Tabellen har ingen rækker"])
    }

    @Test func aCSVFileInsideTheProjectIsRead() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tabel-csv-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
        try Data("indstil: {}\n".utf8).write(to: folder.appendingPathComponent("indstil.yml"))
        try Data("\u{FEFF}Afdeling;Beløb\n\"Nord; vest\";3.250\nI alt;3.250\n".utf8).write(to: folder.appendingPathComponent("data/t.csv"))
        let reader = TableFileReader(documentURL: folder.appendingPathComponent("sag.md"))
        let table = try #require(Self.tables("```tabel\nfil: data/t.csv\n```\n", files: reader).first)
        #expect(table.origin == .file("data/t.csv"))
        #expect(table.header.cells.map(\.text) == ["Afdeling", "Beløb"])
        #expect(table.rows.map(\.label) == ["Nord; vest", "I alt"])
        #expect(table.rows[0].cells[1].fileLine == 2)
        #expect(table.rows[0].cells[1].line == 2, "cells point at the fil: line")

        for path in ["../../etc/passwd", "/etc/passwd", "data", "data/mangler.csv"] {
            let refused = try #require(Self.tables("```tabel\nfil: \(path)\n```\n", files: reader).first)
            #expect(refused.rows.isEmpty && refused.header.cells.isEmpty, "\(path) was read")
            #expect(refused.problems.map(\.kind) == [.file], "\(path): \(refused.problems)")
            #expect(refused.problems.first?.line == 2)
        }
    }

    @Test func documentsWithoutTablesKeepTheirTree() {
        let markdown = "# Overskrift\n\nTekst med et | tegn.\n\n```swift\nlet x = 1\n```\n"
        let plain = MarkdownParser.parse(markdown).root
        #expect(plain.tables.isEmpty)
        #expect(plain.children.count == 3)
    }
}

@Suite("Tables in the text rendering and Antal tegn")
struct TableTextTests {
    @Test func rowsAreLinesAndCellBordersAreNotCounted() {
        var text = RenderedText()
        text.add(caption: "Oversigt", rows: [["Tema", "2024"], ["I alt", "1.180"], ["", ""]], part: .section(0))
        #expect(text.plainText == "Oversigt\nTema\t2024\nI alt\t1.180\n")
        #expect(text.characters() == "OversigtTema2024I alt1.180".count)
    }
}

@Suite("Tables in the plugin request")
struct TablePluginRequestTests {
    @Test func rowsCarryTextAndExactNumbers() throws {
        let text = ExampleDocument.withTable("""
            ```tabel
            titel: Fordeling
            enhed: mio. kr.
            id: fordeling

            | Afdeling | Andel | 2027 |
            |----------|------:|-----:|
            | Nord     | 49,5% | 0,49 |
            | Syd      | 50,5% |    - |
            | I alt {total} | 100,0% | 0,49 |
            ```
            """).text
        guard case .document(let document) = DocumentLoader.parse(text, url: URL(fileURLWithPath: "/nonexistent/sag.md"), displayPath: "sag.md"),
              case .success(let profile)? = ProfileStore.standard(projectRoot: nil).profile(id: "aarhus-byraad") else {
            Issue.record("the document did not load")
            return
        }
        let request = PluginRequest.json(for: AnalyzedDocument(document: document, profile: profile)).serialized(pretty: false)
        #expect(request.contains(#""tables":[{"line":"#))
        #expect(request.contains(#""id":"fordeling","caption":"Fordeling","unit":"mio. kr.","header":["Afdeling","Andel","2027"]"#))
        #expect(request.contains(#""total":false,"reference":null,"cells":["Nord","49,5%","0,49"],"numbers":[null,49.5,0.49]"#), "\(request)")
        #expect(request.contains(#""cells":["Syd","50,5%","-"],"numbers":[null,50.5,0]"#))
        #expect(request.contains(#""total":true,"reference":null,"cells":["I alt","100,0%","0,49"],"numbers":[null,100,0.49]"#))

        let plain = ExampleDocument.byraad.text
        guard case .document(let without) = DocumentLoader.parse(plain, url: URL(fileURLWithPath: "/nonexistent/sag.md"), displayPath: "sag.md") else { return }
        #expect(!PluginRequest.json(for: AnalyzedDocument(document: without, profile: profile)).serialized().contains("\"tables\""))
    }
}
