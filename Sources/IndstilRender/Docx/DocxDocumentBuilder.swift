import Foundation
import IndstilSupport
import IndstilDocument

/// Writes word/document.xml from a `RenderModel`, collecting on the way the list
/// definitions (numbering.xml) and the hyperlink relationships the body refers to.
/// Paragraphs and runs get the style ids of `styles` (indstil's own, or a Word
/// template's); the page setup and the logo come from the writer.
struct DocxDocumentBuilder {
    /// A4 with 2.5 cm margins: 11906 − 2 × 1418 twentieths of a point of text width.
    static let pageWidth = 11906
    static let pageHeight = 16838
    package static let margin = 1418
    static let textWidth = pageWidth - 2 * margin
    /// The header block: recipient lines on the left, the metadata block on the right.
    static let metadataWidth = 4252
    static let metadataLabelWidth = 1644

    package private(set) var numbering = DocxNumbering()
    package private(set) var hyperlinks: [(id: String, target: String)] = []
    private var body = ""
    private var nextBookmark = 0
    private let anchors: Set<String>
    private let styles: DocxStyleMap
    /// The logo's `w:drawing`, shown at the top of the letterhead; nil for none.
    private let logo: String?

    private init(anchors: Set<String>, styles: DocxStyleMap, numbering: DocxNumbering, logo: String?) {
        self.anchors = anchors
        self.styles = styles
        self.numbering = numbering
        self.logo = logo
    }

    /// The document part, its list definitions and its external links. `numbering` may
    /// already count a template's lists; `sectionProperties` is the whole `w:sectPr`.
    package static func build(_ model: RenderModel, styles: DocxStyleMap = .own, numbering: DocxNumbering = DocxNumbering(),
                      sectionProperties: String = Self.sectionProperties, logo: String? = nil)
        -> (document: String, numbering: DocxNumbering, hyperlinks: [(id: String, target: String)]) {
        var builder = DocxDocumentBuilder(anchors: Set(model.sections.map(\.anchor)), styles: styles, numbering: numbering, logo: logo)
        builder.write(model)
        var document = DocxXML.declaration
        document += "<w:document \(DocxXML.rootNamespaces)><w:body>"
        document += builder.body
        document += sectionProperties
        document += "</w:body></w:document>"
        return (document, builder.numbering, builder.hyperlinks)
    }

    /// indstil's own page: A4, 2.5 cm margins, "side X af Y" in the footer.
    static let sectionProperties = "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"\(DocxParts.DocumentRelationship.footer)\"/>"
        + pageSetup + "</w:sectPr>"

    /// indstil's own page with the header a closed or draft document has on every page (`DocxMarking`).
    static let markedSectionProperties = "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"\(DocxParts.DocumentRelationship.markingHeader)\"/>"
        + "<w:footerReference w:type=\"default\" r:id=\"\(DocxParts.DocumentRelationship.footer)\"/>" + pageSetup + "</w:sectPr>"

    /// Page size, margins and columns: what a template without a page setup gets too.
    static let pageSetup = "<w:pgSz w:w=\"\(pageWidth)\" w:h=\"\(pageHeight)\"/>"
        + "<w:pgMar w:top=\"\(margin)\" w:right=\"\(margin)\" w:bottom=\"\(margin)\" w:left=\"\(margin)\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/>"
        + "<w:cols w:space=\"708\"/>"

    // MARK: Document order

    private mutating func write(_ model: RenderModel) {
        if !model.documentLabel.isEmpty {
            body += paragraph(style: .documentLabel, content: DocxXML.runs(model.documentLabel, properties: ""))
        }
        writeHeaderBlock(headerLines: model.headerLines, letterhead: model.look.letterhead, sidebar: model.sidebar)
        body += paragraph(style: .title, content: DocxXML.runs(model.title, properties: ""))
        for line in model.afterTitle {
            body += paragraph(style: .subtitle, content: DocxXML.runs(line, properties: ""))
        }
        for section in model.sections {
            let heading = [section.number, section.heading].compactMap { $0 }.joined(separator: " ")
            body += headingParagraph(level: 1, content: DocxXML.runs(heading, properties: ""), anchor: section.anchor)
            for block in section.blocks {
                write(block, context: Context())
            }
        }
        if let signature = model.signature, !signature.isEmpty {
            body += paragraph(style: .signature, content: DocxXML.runs(signature, properties: ""))
        }
        if !model.appendices.isEmpty {
            body += headingParagraph(level: 1, content: DocxXML.runs(RenderModel.appendixListHeading, properties: ""), anchor: "bilag")
            for appendix in model.appendices {
                body += paragraph(style: nil, content: DocxXML.runs("Bilag \(appendix.number): \(appendix.title)", properties: ""))
            }
        }
        if !model.earlierDecisions.isEmpty {
            body += headingParagraph(level: 1, content: DocxXML.runs(RenderModel.earlierDecisionsHeading, properties: ""), anchor: "tidligere-beslutninger")
            for line in model.earlierDecisions {
                body += paragraph(style: nil, content: DocxXML.runs(line, properties: ""))
            }
        }
    }

    // MARK: Header block

    /// Recipient lines ("Til Aarhus Byråd") beside the metadata table, the way the
    /// printed recommendation has its metadata in a column at the right of page 1. The
    /// profile's logo and letterhead (the sender: department, address, direct phone)
    /// head that column, as on the municipality's letter paper (Aarhus prints it at the
    /// right of page 1). They are in the body, not a header: a Danish case officer expects
    /// them once, on the first page, and they stay out of "Antal tegn" because that is
    /// counted from the text, not from this document.
    private mutating func writeHeaderBlock(headerLines: [String], letterhead: [String], sidebar: [String]) {
        let lines = headerLines.map { paragraph(style: .headerLine, content: DocxXML.runs($0, properties: "")) }.joined()
        var sender = logo.map { paragraph(style: .letterhead, extra: "<w:spacing w:after=\"120\"/>", content: "<w:r>\($0)</w:r>") } ?? ""
        sender += letterhead.map { paragraph(style: .letterhead, content: DocxXML.runs($0, properties: "")) }.joined()
        if !sender.isEmpty, !sidebar.isEmpty {
            sender += "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"120\"/></w:pPr></w:p>"
        }
        guard !sidebar.isEmpty || !sender.isEmpty else {
            body += lines
            return
        }
        let left = Self.textWidth - Self.metadataWidth
        var out = "<w:tbl><w:tblPr>"
        out += "<w:tblW w:w=\"\(Self.textWidth)\" w:type=\"dxa\"/>"
        out += "<w:tblBorders>" + ["top", "left", "bottom", "right", "insideH", "insideV"].map { "<w:\($0) w:val=\"nil\"/>" }.joined() + "</w:tblBorders>"
        out += "<w:tblLayout w:type=\"fixed\"/>"
        out += "<w:tblCellMar><w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar>"
        out += "</w:tblPr>"
        out += "<w:tblGrid><w:gridCol w:w=\"\(left)\"/><w:gridCol w:w=\"\(Self.metadataWidth)\"/></w:tblGrid>"
        out += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
        out += "<w:tc><w:tcPr><w:tcW w:w=\"\(left)\" w:type=\"dxa\"/></w:tcPr>"
        out += lines.isEmpty ? "<w:p/>" : lines
        out += "</w:tc>"
        out += "<w:tc><w:tcPr><w:tcW w:w=\"\(Self.metadataWidth)\" w:type=\"dxa\"/></w:tcPr>"
        out += sender
        if !sidebar.isEmpty { out += metadataTable(sidebar) }
        // A cell must end with a paragraph; this one takes no room.
        out += "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"20\" w:lineRule=\"exact\"/><w:rPr><w:sz w:val=\"2\"/><w:szCs w:val=\"2\"/></w:rPr></w:pPr></w:p>"
        out += "</w:tc></w:tr></w:tbl>"
        body += out
        body += "<w:p><w:pPr><w:spacing w:after=\"0\"/></w:pPr></w:p>"
    }

    /// The metadata block as a two-column table: "Sagsnummer: 21-030966" is split at the
    /// first ": " into label and value; a line without one spans both columns.
    private func metadataTable(_ lines: [String]) -> String {
        let valueWidth = Self.metadataWidth - Self.metadataLabelWidth
        var out = "<w:tbl><w:tblPr>"
        out += "<w:tblW w:w=\"\(Self.metadataWidth)\" w:type=\"dxa\"/>"
        out += "<w:tblBorders><w:top w:val=\"nil\"/><w:left w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"8C8C8C\"/>"
        out += "<w:bottom w:val=\"nil\"/><w:right w:val=\"nil\"/><w:insideH w:val=\"nil\"/><w:insideV w:val=\"nil\"/></w:tblBorders>"
        out += "<w:tblLayout w:type=\"fixed\"/>"
        out += "<w:tblCellMar><w:left w:w=\"142\" w:type=\"dxa\"/><w:right w:w=\"57\" w:type=\"dxa\"/></w:tblCellMar>"
        out += "<w:tblCaption w:val=\"Sagsoplysninger\"/>"
        out += "</w:tblPr>"
        out += "<w:tblGrid><w:gridCol w:w=\"\(Self.metadataLabelWidth)\"/><w:gridCol w:w=\"\(valueWidth)\"/></w:tblGrid>"
        for line in lines {
            out += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            if let range = line.range(of: ": ") {
                let label = String(line[..<range.lowerBound])
                let value = String(line[range.upperBound...]).trimmingCharacters(in: .whitespaces)
                out += "<w:tc><w:tcPr><w:tcW w:w=\"\(Self.metadataLabelWidth)\" w:type=\"dxa\"/></w:tcPr>"
                out += paragraph(style: .metadata, content: DocxXML.runs(label, properties: "<w:color w:val=\"595959\"/>"))
                out += "</w:tc>"
                out += "<w:tc><w:tcPr><w:tcW w:w=\"\(valueWidth)\" w:type=\"dxa\"/></w:tcPr>"
                out += paragraph(style: .metadata, content: DocxXML.runs(value, properties: ""))
                out += "</w:tc>"
            } else {
                out += "<w:tc><w:tcPr><w:tcW w:w=\"\(Self.metadataWidth)\" w:type=\"dxa\"/><w:gridSpan w:val=\"2\"/></w:tcPr>"
                out += paragraph(style: .metadata, content: DocxXML.runs(line, properties: "<w:b/><w:bCs/>"))
                out += "</w:tc>"
            }
            out += "</w:tr>"
        }
        out += "</w:tbl>"
        return out
    }

    // MARK: Blocks

    /// Where a block sits: inside a list item (indented to the item's text) or a quote.
    private struct Context {
        var listLevel: Int? = nil
        var indent: Int? = nil
        var quoted = false

        var paragraphStyle: DocxStyle? {
            if quoted { return .quote }
            return indent == nil ? nil : .listParagraph
        }
        var indentXML: String {
            guard let indent else { return "" }
            return "<w:ind w:left=\"\(indent + (quoted ? 567 : 0))\"/>"
        }
    }

    private mutating func write(_ block: RenderBlock, context: Context) {
        switch block {
        case .paragraph(let content):
            body += paragraph(style: context.paragraphStyle, extra: context.indentXML, content: runs(content))
        case .subheading(let level, let content):
            body += headingParagraph(level: min(max(level, 2), 3), content: runs(content), anchor: nil)
        case .list(let ordered, let start, let items):
            writeList(ordered: ordered, start: start, items: items, context: context)
        case .decisionPoints(let items):
            writeDecisionPoints(items, context: context)
        case .quote(let blocks):
            var inner = context
            inner.quoted = true
            for child in blocks { write(child, context: inner) }
        case .code(let literal):
            var text = literal
            while text.hasSuffix("\n") { text.removeLast() }
            body += paragraph(style: .code, extra: context.indentXML, content: DocxXML.runs(text, properties: "", typography: false))
        case .table(let table):
            writeTable(table)
        }
    }

    // MARK: Tables

    /// A real Word table: the caption as a bold paragraph kept with the table, the header
    /// row repeated on every page (w:tblHeader), figures right-aligned, total rows bold
    /// under a rule, rows never split across pages.
    private mutating func writeTable(_ table: RenderTable) {
        let columnCount = max(1, table.header.cells.count)
        let widths = Self.columnWidths(count: columnCount, labelled: table.hasRowLabels)
        if let caption = table.caption ?? table.unit.map({ "(\($0))" }) {
            var content = runs([.text(caption)], format: RunFormat(bold: true))
            if table.caption != nil, let unit = table.unit { content += DocxXML.runs(" (\(unit))", properties: "") }
            let style = styles.id(.caption).map { "<w:pStyle w:val=\"\($0)\"/>" } ?? ""
            body += "<w:p><w:pPr>\(style)<w:keepNext/><w:spacing w:after=\"60\"/></w:pPr>\(content)</w:p>"
        }
        let rule = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"8C8C8C\""
        var out = "<w:tbl><w:tblPr>"
        out += "<w:tblW w:w=\"\(Self.textWidth)\" w:type=\"dxa\"/>"
        out += "<w:tblBorders><w:top \(rule)/><w:bottom \(rule)/><w:insideH \(rule)/></w:tblBorders>"
        out += "<w:tblLayout w:type=\"fixed\"/>"
        out += "<w:tblCellMar><w:left w:w=\"85\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar>"
        out += "<w:tblLook w:val=\"0420\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/>"
        out += "</w:tblPr><w:tblGrid>"
        out += widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined()
        out += "</w:tblGrid>"
        body += out
        writeTableRow(table.header, widths: widths, isHeader: true)
        for row in table.rows { writeTableRow(row, widths: widths, isHeader: false) }
        body += "</w:tbl>"
        // A table followed straight by another would merge with it in Word.
        body += "<w:p><w:pPr><w:spacing w:after=\"0\"/></w:pPr></w:p>"
    }

    private mutating func writeTableRow(_ row: RenderTable.Row, widths: [Int], isHeader: Bool) {
        var out = "<w:tr><w:trPr><w:cantSplit/>" + (isHeader ? "<w:tblHeader/>" : "") + "</w:trPr>"
        for (index, width) in widths.enumerated() {
            let cell = index < row.cells.count ? row.cells[index] : RenderTable.Cell(content: [], isNumber: false)
            out += "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>"
            if row.isTotal || isHeader {
                out += "<w:tcBorders><w:\(isHeader ? "bottom" : "top") w:val=\"single\" w:sz=\"12\" w:space=\"0\" w:color=\"000000\"/></w:tcBorders>"
            }
            out += "</w:tcPr><w:p><w:pPr><w:spacing w:before=\"20\" w:after=\"20\"/>"
            if cell.isNumber { out += "<w:jc w:val=\"right\"/>" }
            out += "</w:pPr>"
            body += out
            out = ""
            body += runs(cell.content, format: RunFormat(bold: isHeader || row.isTotal))
            body += "</w:p></w:tc>"
        }
        body += out + "</w:tr>"
    }

    /// A label column of 40 % of the text width when the rows have labels, the rest shared.
    static func columnWidths(count: Int, labelled: Bool) -> [Int] {
        guard count > 1, labelled else { return Array(repeating: textWidth / count, count: count) }
        let label = textWidth * 2 / 5
        let each = (textWidth - label) / (count - 1)
        return [label] + Array(repeating: each, count: count - 1)
    }

    private mutating func writeList(ordered: Bool, start: Int, items: [[RenderBlock]], context: Context) {
        let level = context.listLevel.map { $0 + 1 } ?? 0
        let numID = numbering.newList(ordered ? .decimal : .bullet, level: level, start: ordered ? start : 1)
        let numPr = "<w:numPr><w:ilvl w:val=\"\(level)\"/><w:numId w:val=\"\(numID)\"/></w:numPr>"
        var inner = context
        inner.listLevel = level
        inner.indent = DocxNumbering.indent(level: level)
        let style: DocxStyle = context.quoted ? .quote : .listParagraph
        for item in items {
            var rest = item[...]
            if case .paragraph(let content)? = rest.first {
                body += paragraph(style: style, numPr: numPr, extra: inner.indentXML, content: runs(content))
                rest = rest.dropFirst()
            } else {
                // An item that opens with something else still gets its number.
                body += paragraph(style: style, numPr: numPr, extra: inner.indentXML, content: "")
            }
            for block in rest { write(block, context: inner) }
        }
    }

    /// Decision points as a real numbered list whose number text is the profile's form
    /// ("At %1)"), counting on from the block's first point.
    private mutating func writeDecisionPoints(_ items: [RenderBlock.DecisionItem], context: Context) {
        guard let first = items.first else { return }
        let levelText = DocxNumbering.levelText(prefix: first.prefix, number: first.number)
        let numID = numbering.newList(.decision(levelText: levelText), level: 0, start: first.number)
        let numPr = "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"\(numID)\"/></w:numPr>"
        for item in items {
            body += paragraph(style: .decisionPoint, numPr: numPr, content: runs(item.content))
        }
    }

    // MARK: Paragraphs

    private func paragraph(style: DocxStyle?, numPr: String = "", extra: String = "", content: String) -> String {
        var pPr = ""
        if let style, let id = styles.id(style) { pPr += "<w:pStyle w:val=\"\(id)\"/>" }
        pPr += numPr
        // `extra` is w:ind, which follows w:numPr in the schema's order.
        pPr += extra
        return "<w:p>" + (pPr.isEmpty ? "" : "<w:pPr>\(pPr)</w:pPr>") + content + "</w:p>"
    }

    private mutating func headingParagraph(level: Int, content: String, anchor: String?) -> String {
        var inner = content
        if let anchor {
            let id = nextBookmark
            nextBookmark += 1
            inner = "<w:bookmarkStart w:id=\"\(id)\" w:name=\"\(DocxXML.bookmarkName(anchor))\"/>" + inner + "<w:bookmarkEnd w:id=\"\(id)\"/>"
        }
        return paragraph(style: .heading(level), content: inner)
    }

    // MARK: Inline

    private struct RunFormat {
        var bold = false
        var italic = false
        var code = false
        var link = false

        func properties(_ styles: DocxStyleMap) -> String {
            var out = ""
            if let id = styles.id(link ? .hyperlink : .inlineCode), link || code { out += "<w:rStyle w:val=\"\(id)\"/>" }
            if code {
                let font = DocxStyle.codeFont
                out += "<w:rFonts w:ascii=\"\(font)\" w:hAnsi=\"\(font)\" w:cs=\"\(font)\"/>"
            }
            if bold { out += "<w:b/><w:bCs/>" }
            if italic { out += "<w:i/><w:iCs/>" }
            return out
        }
    }

    private mutating func runs(_ content: [RenderInline], format: RunFormat = RunFormat()) -> String {
        var out = ""
        for inline in content {
            switch inline {
            case .text(let text):
                out += DocxXML.runs(text, properties: format.properties(styles))
            case .emphasis(let children):
                var inner = format
                inner.italic = true
                out += runs(children, format: inner)
            case .strong(let children):
                var inner = format
                inner.bold = true
                out += runs(children, format: inner)
            case .code(let text):
                var inner = format
                inner.code = true
                out += DocxXML.runs(text, properties: inner.properties(styles), typography: false)
            case .lineBreak:
                out += "<w:r>" + (format.properties(styles).isEmpty ? "" : "<w:rPr>\(format.properties(styles))</w:rPr>") + "<w:br/></w:r>"
            case .link(let destination, let children):
                out += link(destination: destination, children: children, format: format)
            }
        }
        return out
    }

    private mutating func link(destination: String, children: [RenderInline], format: RunFormat) -> String {
        let shown: [RenderInline] = children.plainText.trimmingCharacters(in: .whitespaces).isEmpty ? [.text(destination)] : children
        guard !format.link else { return runs(shown, format: format) }
        var inner = format
        inner.link = true
        let target = destination.trimmingCharacters(in: .whitespaces)
        if Self.isExternal(target) {
            let id: String
            if let existing = hyperlinks.first(where: { $0.target == target }) {
                id = existing.id
            } else {
                id = "rId\(DocxParts.DocumentRelationship.firstHyperlink + hyperlinks.count)"
                hyperlinks.append((id, target))
            }
            return "<w:hyperlink r:id=\"\(id)\" w:history=\"1\">" + runs(shown, format: inner) + "</w:hyperlink>"
        }
        if target.hasPrefix("#"), anchors.contains(String(target.dropFirst())) {
            let name = DocxXML.bookmarkName(String(target.dropFirst()))
            return "<w:hyperlink w:anchor=\"\(name)\" w:history=\"1\">" + runs(shown, format: inner) + "</w:hyperlink>"
        }
        // Relative paths and other schemes mean nothing inside a .docx: plain text.
        return runs(shown, format: format)
    }

    /// Only web and mail links become live links.
    static func isExternal(_ destination: String) -> Bool {
        let lower = destination.lowercased()
        guard !destination.contains(where: { $0.isWhitespace }) else { return false }
        return (lower.hasPrefix("http://") && lower.count > 7)
            || (lower.hasPrefix("https://") && lower.count > 8)
            || (lower.hasPrefix("mailto:") && lower.count > 7)
    }
}
