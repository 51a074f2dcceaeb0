import IndstilSupport

/// Lays a `RenderModel` out as text: the `render --to txt` file and what "Antal tegn"
/// counts. A pure function of the model that HTML and DOCX show, so the count is of what
/// the reader sees; the parts come in the order the profile prints them: label, header
/// lines, title, numbered sections (decision points in the profile's form), signature,
/// appendix list, earlier decisions and the metadata block.
///
/// Each paragraph-like block is a block of lines. Where a format draws something a text
/// cannot (a list's bullet or number, a metadata row's two columns), the text writes it
/// the way a reader would type it: "- " and "1. " before an item's first line, and the
/// row as the profile wrote it, "Sagsnummer: 21-030966".
public struct PlainTextLayout {
    private var out = RenderedText()
    /// Markers of the list items whose first line is still to come ("- 1. " for an
    /// item that opens with a nested list).
    private var pendingMarker = ""

    /// Set when the layout only counts (`characterCounts`): each block's lines are counted
    /// and dropped as soon as it is laid out.
    private var counts: RenderedText.Counts?

    public static func layout(_ model: RenderModel) -> RenderedText {
        var layout = PlainTextLayout()
        layout.add(model, sectionCount: model.sections.count) { model.sections[$0] }
        return layout.out
    }

    /// The characters of each part of the layout of `model` with the sections `section`
    /// makes (its own `sections` are not read), counted exactly as `layout(_:).characters(where:)`
    /// counts them; each section is made, laid out and counted in turn, so neither the
    /// whole model nor the whole text of a large document is ever held.
    public static func characterCounts(_ model: RenderModel, sectionCount: Int,
                                       section: (Int) -> RenderModel.Section) -> RenderedText.Counts {
        var layout = PlainTextLayout()
        layout.counts = RenderedText.Counts()
        layout.add(model, sectionCount: sectionCount, section: section)
        return layout.counts ?? RenderedText.Counts()
    }

    private mutating func add(_ model: RenderModel, sectionCount: Int, section makeSection: (Int) -> RenderModel.Section) {
        add(model.documentLabel, part: .header)
        add(model.headerLines, part: .header)
        add(model.title, part: .title)
        add(model.afterTitle, part: .header)
        for index in 0..<sectionCount {
            let section = makeSection(index)
            let heading = section.number.map { "\($0) \(section.heading)" } ?? section.heading
            add(heading, part: .section(index))
            for block in section.blocks {
                add(block, part: .section(index))
                countAndDrop()
            }
        }
        if let signature = model.signature { add(signature, part: .signature) }
        if !model.appendices.isEmpty {
            add(RenderModel.appendixListHeading, part: .appendixList)
            add(model.appendices.map { "Bilag \($0.number): \($0.title)" }, part: .appendixList)
        }
        if !model.earlierDecisions.isEmpty {
            add(RenderModel.earlierDecisionsHeading, part: .earlierDecisions)
            add(model.earlierDecisions, part: .earlierDecisions)
        }
        add(model.sidebar, part: .sidebar)
        countAndDrop()
    }

    /// When only counting: the lines laid out so far are counted and let go.
    private mutating func countAndDrop() {
        guard counts != nil, !out.blocks.isEmpty else { return }
        counts?.add(out)
        out = RenderedText()
    }

    private mutating func add(_ block: RenderBlock, part: RenderedText.Part) {
        switch block {
        case .paragraph(let content), .subheading(_, let content):
            add(content.plainText, part: part)
        case .list(let ordered, let start, let items):
            for (offset, item) in items.enumerated() {
                pendingMarker += ordered ? "\(start + offset). " : "- "
                for child in item { add(child, part: part) }
                if !pendingMarker.isEmpty {
                    // An item without text still shows its bullet or number.
                    out.add(pendingMarker, part: part)
                    pendingMarker = ""
                }
            }
        case .decisionPoints(let items):
            for item in items { add(item.prefix + " " + item.content.plainText, part: part) }
        case .quote(let blocks):
            for child in blocks { add(child, part: part) }
        case .code(let literal):
            add(literal.split(separator: "\n").map(String.init), part: part)
        case .table(let table):
            out.add(caption: table.captionText, rows: ([table.header] + table.rows).map { $0.cells.map(\.content.plainText) }, part: part)
        }
    }

    private mutating func add(_ text: String, part: RenderedText.Part) {
        add([text], part: part)
    }

    /// One block of lines; its first line with text takes the markers of the items it opens.
    private mutating func add(_ lines: [String], part: RenderedText.Part) {
        guard !pendingMarker.isEmpty else {
            out.add(lines, part: part)
            return
        }
        guard let first = lines.firstIndex(where: { !$0.foldingWhitespace.isEmpty }) else { return }
        var lines = lines
        lines[first] = pendingMarker + lines[first]
        pendingMarker = ""
        out.add(lines, part: part)
    }
}
