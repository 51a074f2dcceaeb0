import Foundation
import Testing
@testable import IndstilCore
@testable import IndstilSupport
@testable import IndstilDocument
@testable import IndstilChecks
@testable import IndstilRender
@testable import IndstilWorkspace
@testable import IndstilPackets

/// "Antal tegn" is of what the reader sees (CONTRACT.md §4): the count equals the
/// characters of the HTML page's visible text, read from the HTML alone.
///
/// What the page shows and the count deliberately leaves out, as the contract says:
/// - the "Antal tegn: 12.246" row of the metadata block (a count cannot include itself);
/// - the banner "LUKKET – må ikke offentliggøres" / "UDKAST" of a closed or draft document;
/// - the metadata table's caption "Sagsoplysninger": the HTML template's name for the
///   table (Word keeps it as an invisible table caption; the text has none), not text
///   of the document.
/// A metadata row shows label and value in two columns; it is counted as the line the
/// profile wrote, "Sagsnummer: 21-030966" (`VisibleHTMLText` reads it so).
@Suite("One layout: the count is of what the HTML shows")
struct LayoutAgreementTests {
    static let packageRoot = TestPackage.root

    /// Every shipped example and test fixture with front matter (appendix files without
    /// it and chapter intros are not documents).
    static let documents: [String] = {
        var found: [String] = []
        for folder in ["examples", "Tests/Fixtures"] {
            let root = packageRoot.appendingPathComponent(folder)
            let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
            while let url = walker?.nextObject() as? URL {
                guard url.pathExtension == "md", !url.path.contains("/fuzz/") else { continue }
                if case .document = DocumentLoader.load(url, displayPath: url.path) {
                    found.append(String(url.path.dropFirst(packageRoot.path.count + 1)))
                }
            }
        }
        return found.sorted()
    }()

    static func analyzed(_ path: String) throws -> AnalyzedDocument {
        let url = packageRoot.appendingPathComponent(path)
        let analysis = Workspace(plugins: nil).analyze(url, displayPath: path, checking: false)
        guard let analyzed = analysis.analyzed else {
            throw Failure("\(path) did not load: \(analysis.diagnostics.map(\.message.en))")
        }
        return analyzed
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// The page's visible lines that the count covers: not the letterhead block of a
    /// profile's look (around the text, as Word's headers are), nor the caption and the
    /// "Antal tegn" row.
    static func countedLines(ofHTML html: String) -> [VisibleHTMLText.Line] {
        let page = html.replacingOccurrences(of: #"<aside class="brevhoved"[\s\S]*?</aside>"#, with: "", options: .regularExpression)
            // A closed or draft document's banner (`DocumentMarking`) is not text of the document.
            .replacingOccurrences(of: #"<section class="markering"[\s\S]*?</section>"#, with: "", options: .regularExpression)
        return VisibleHTMLText(html: page).lines.filter { line in
            !line.inCaption && !(line.inMetadata && line.text.hasPrefix("Antal tegn: "))
        }
    }

    /// Characters, the tabs between a table's cells not counted (Word counts cell text only).
    static func characters(_ lines: [VisibleHTMLText.Line]) -> Int {
        lines.reduce(0) { $0 + $1.text.count - $1.text.filter { $0 == "\t" }.count }
    }

    @Test func theExamplesAndFixturesAreFound() {
        // Not vacuous: the shipped byrådsindstilling, rådmandsindstilling and the seed are among them.
        #expect(Self.documents.contains("examples/aarhus-byraad/ny-ordning-moedelokaler.md"))
        #expect(Self.documents.contains("examples/aarhus-raadmand/status-praktikpladser.md"))
        #expect(Self.documents.contains("Tests/Fixtures/aarhuskompasset-2021/aarhuskompasset.md"))
        #expect(Self.documents.count >= 12, "\(Self.documents)")
    }

    @Test("The count equals the characters the HTML page shows", arguments: documents)
    func countIsOfTheVisibleHTML(_ path: String) throws {
        let analyzed = try Self.analyzed(path)
        let html = try Renderer.html(analyzed)
        let visible = Self.countedLines(ofHTML: html)
        #expect(Self.characters(visible) == analyzed.characterCount, "\(path)")
        // Line by line (in the page's order the metadata block comes first), so a
        // difference names the line.
        let counted = analyzed.rendered.blocks.joined().map(\.text)
        #expect(visible.map(\.text).sorted() == counted.sorted(), "\(path)")
        // The "Antal tegn" row really is on the page, and shows the count.
        #expect(html.contains("<th scope=\"row\">Antal tegn</th><td>\(DanishFormat.integer(analyzed.characterCount))</td>")
                || !analyzed.profile.layout.sidebar.contains { $0.contains("{antal_tegn}") }, "\(path)")
    }

    @Test("Each section's count equals what its <section> shows", arguments: documents)
    func sectionCountsAreOfTheVisibleHTML(_ path: String) throws {
        let analyzed = try Self.analyzed(path)
        let visible = Self.countedLines(ofHTML: try Renderer.html(analyzed))
        for index in analyzed.sections.indices {
            let shown = Self.characters(visible.filter { $0.section == "afsnit-\(index + 1)" })
            #expect(shown == analyzed.rendered.characters { $0 == .section(index) }, "\(path) section \(index + 1)")
        }
        // The `body` scope of a length limit is the sections' text.
        let sections = Self.characters(visible.filter { $0.section != nil })
        #expect(sections == analyzed.rendered.characters { if case .section = $0 { return true } else { return false } })
    }

    /// Where the text layout and the HTML used to differ (each was laid out on its own):
    /// the count now follows the page, and the page shows the decision points right.
    static let edgeCases: [(section: String, body: String, shows: String)] = [
        // A decision section holding just "-": the page shows "-", not a lead-in and "At 1)".
        ("2. Beslutningspunkter", "-", "-"),
        // A pasted prefix in bold is removed like a plain one, not shown twice.
        ("2. Beslutningspunkter", "1. **At 1)** Byrådet godkender ordningen.\n2. *At 2) Byrådet* noterer sig planen.",
         "At 1) Byrådet godkender ordningen."),
        // The space before emphasis after a pasted prefix stays ("Byrådet godkender", not "Byrådetgodkender").
        ("2. Beslutningspunkter", "Det indstilles på magistratens anbefaling:\n\nAt 1) Byrådet **godkender** ordningen.",
         "At 1) Byrådet godkender ordningen."),
        // A list item that opens with a code block, a quote or a nested list: the bullet
        // stands before the item's first line, as the browser draws it.
        ("6. Hvad igangsættes?", "- ```\n  kode\n  ```\n- > citat\n- - indre\n  - anden", "- - indre"),
    ]

    @Test("Documents where the layouts used to differ", arguments: edgeCases.indices)
    func edgeCaseCountIsOfTheVisibleHTML(_ index: Int) throws {
        let edge = Self.edgeCases[index]
        let text = ExampleDocument.byraad.replacingSection(edge.section, body: edge.body).text
        guard case .document(let document) = DocumentLoader.parse(text, url: URL(fileURLWithPath: "/nonexistent/sag.md"), displayPath: "sag.md"),
              case .success(let profile)? = ProfileStore.standard(projectRoot: nil).profile(id: "aarhus-byraad") else {
            throw Failure("the edge case did not load")
        }
        let analyzed = AnalyzedDocument(document: document, profile: profile)
        let visible = Self.countedLines(ofHTML: try Renderer.html(analyzed))
        #expect(Self.characters(visible) == analyzed.characterCount)
        #expect(visible.map(\.text).sorted() == analyzed.rendered.blocks.joined().map(\.text).sorted())
        #expect(visible.contains { $0.text == edge.shows }, "\(visible.map(\.text))")
        #expect(!visible.contains { $0.text.contains("At 1) At 1)") || $0.text.contains("Byrådetgodkender") })
    }

    @Test func aPageThatShowsMoreThanIsCountedIsCaught() throws {
        // Were HTML laid out apart from the count again, the comparison above would fail:
        // a page made from a model with one more paragraph than the counted one.
        let analyzed = try Self.analyzed("examples/aarhus-byraad/ny-ordning-moedelokaler.md")
        let model = RenderModelBuilder.build(analyzed)
        var sections = model.sections
        let first = sections[0]
        sections[0] = .init(number: first.number, heading: first.heading, anchor: first.anchor,
                            blocks: first.blocks + [.paragraph([.text("Et afsnit kun siden viser.")])])
        let diverged = RenderModel(
            documentLabel: model.documentLabel, title: model.title, headerLines: model.headerLines,
            afterTitle: model.afterTitle, sections: sections, signature: model.signature,
            appendices: model.appendices, earlierDecisions: model.earlierDecisions, sidebar: model.sidebar,
            characterCount: model.characterCount, profileID: model.profileID, date: model.date)
        let html = try HTMLRenderer.render(diverged, profile: analyzed.profile)
        #expect(Self.characters(Self.countedLines(ofHTML: html)) == analyzed.characterCount + "Et afsnit kun siden viser.".count)
    }

    @Test func visibleTextReadsMarkersRowsBreaksAndEntities() {
        let html = """
        <body><aside class="metadata"><table><caption>Sagsoplysninger</caption><tbody>
        <tr><th scope="row">Sagsnummer</th><td>21-030966</td></tr>
        <tr><td colspan="2">Borgmesterens Afdeling</td></tr></tbody></table></aside>
        <main><section id="afsnit-1"><h2><span class="nr">1.</span> Resume</h2>
        <p>A &amp; B<br>C   &#39;D&#39;</p>
        <ol start="3"><li>tre</li>
        <li><ul><li>indre</li></ul></li><li></li></ol>
        <ol class="beslutningspunkter"><li><span class="punkt-nr">At 1)</span> Byrådet godkender</li></ol>
        <pre><code>x  y
        z</code></pre></section>
        <section class="bilag"><h2>Bilag</h2><ul><li>Bilag 1: Notat</li></ul></section></main></body>
        """
        let lines = VisibleHTMLText(html: html).lines
        #expect(lines.map(\.text) == [
            "Sagsoplysninger", "Sagsnummer: 21-030966", "Borgmesterens Afdeling", "1. Resume", "A & B C 'D'",
            "3. tre", "4. - indre", "5.", "At 1) Byrådet godkender", "x y", "z", "Bilag", "Bilag 1: Notat",
        ])
        #expect(lines.filter { $0.section == "afsnit-1" }.count == 8)
        #expect(lines.first?.inCaption == true && lines[1].inMetadata && !lines[3].inMetadata)
    }
}

/// `PlainTextLayout` on a model with a known text: what `render --to txt` writes and counts.
@Suite struct PlainTextLayoutTests {
    static let model = RenderModel(
        documentLabel: "Indstilling",
        title: "Ny ordning",
        headerLines: ["Til Aarhus Byråd", "Fra Magistraten"],
        afterTitle: [],
        sections: [
            .init(number: "1.", heading: "Resume", anchor: "afsnit-1", blocks: [
                .paragraph([.text("Kort "), .strong([.text("sagt")]), .lineBreak, .text("mere.")]),
                .list(ordered: false, start: 1, items: [[.paragraph([.text("en")])], [.list(ordered: true, start: 2, items: [[.code("to")]])], []]),
            ]),
            .init(number: nil, heading: "Beslutningspunkter", anchor: "afsnit-2", blocks: [
                .paragraph([.text("Det indstilles,")]),
                .decisionPoints([.init(number: 1, prefix: "At 1)", content: [.emphasis([.text("Byrådet")]), .text(" godkender.")])]),
                .quote([.code("a\n  b  c\n")]),
            ]),
        ],
        signature: "Jacob Bundsgaard",
        appendices: [.init(number: 1, title: "Notat", file: nil)],
        earlierDecisions: ["6. marts 2019: Sag nr. 9"],
        sidebar: ["Sagsnummer: 21-030966"],
        characterCount: nil, profileID: "test", date: nil)

    @Test func textOfAKnownModel() {
        let rendered = PlainTextLayout.layout(Self.model)
        #expect(rendered.plainText == """
            Indstilling

            Til Aarhus Byråd
            Fra Magistraten

            Ny ordning

            1. Resume

            Kort sagt mere.

            - en

            - 2. to

            -

            Beslutningspunkter

            Det indstilles,

            At 1) Byrådet godkender.

            a
            b c

            Jacob Bundsgaard

            Bilag

            Bilag 1: Notat

            Tidligere beslutninger

            6. marts 2019: Sag nr. 9

            Sagsnummer: 21-030966

            """)
        // Line breaks are not counted.
        #expect(rendered.characters() == rendered.plainText.replacingOccurrences(of: "\n", with: "").count)
        #expect(rendered.characters { $0 == .section(0) } == "1. ResumeKort sagt mere.- en- 2. to-".count)
        #expect(rendered.characters { $0 == .sidebar } == "Sagsnummer: 21-030966".count)
    }

    @Test func theCountedModelLeavesOnlyTheAntalTegnLineOut() throws {
        let analyzed = try LayoutAgreementTests.analyzed("examples/aarhus-byraad/ny-ordning-moedelokaler.md")
        let shown = RenderModelBuilder.build(analyzed)
        let counted = PlainTextLayout.layout(RenderModelBuilder.build(
            document: analyzed.document, profile: analyzed.profile, sections: analyzed.sections,
            appendices: analyzed.appendices, characterCount: nil))
        #expect(counted == analyzed.rendered)
        #expect(shown.characterCount == analyzed.characterCount)
        #expect(shown.sidebar.filter { !counted.text(where: { $0 == .sidebar }).contains($0) }
                == ["Antal tegn: \(DanishFormat.integer(analyzed.characterCount))"])
    }
}
