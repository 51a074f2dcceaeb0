import Foundation
import IndstilSupport

/// Turns the raw cells of one row (as split from pipe rows, tab-separated or CSV lines)
/// into a `TableRow`: inline Markdown parsed, the row's role and its `{= id}` read.
enum TableRowBuilder {
    /// A cell as split from its source line.
    struct RawCell {
        package let source: String
        package let line: Int
        package let column: Int
        package var fileLine: Int? = nil
    }

    /// Labels of a total row, compared without case, markup and a trailing colon.
    static let totalLabels: Set<String> = ["i alt", "total", "totalt", "sum", "samlet", "i alt (netto)",
                                           "anslået samlet besparelse", "samlet besparelse", "samlet udgift", "samlede udgifter"]

    package static func row(_ cells: [RawCell], line: Int, markdown: Bool) -> TableRow {
        var cells = cells
        var role = TableRow.Role.body
        var reference: TableReference?
        if var first = cells.first {
            let (source, marker, markerOffset) = splitMarker(first.source)
            switch marker {
            case .total?:
                role = .total
            case .reference(let id)?:
                reference = TableReference(id: id, line: first.line, column: first.column + markerOffset)
            case nil:
                break
            }
            first = RawCell(source: source, line: first.line, column: first.column, fileLine: first.fileLine)
            cells[0] = first
        }
        let built = cells.map { cell($0, markdown: markdown) }
        if role == .body, let label = built.first?.text, isTotalLabel(label) { role = .total }
        return TableRow(cells: built, line: line, role: role, reference: reference)
    }

    static func isTotalLabel(_ label: String) -> Bool {
        var text = label.lowercased().foldingWhitespace
        if text.hasSuffix(":") { text.removeLast() }
        return totalLabels.contains(text) || text.hasPrefix("i alt ")
    }

    enum Marker: Equatable {
        case total
        case reference(String)
    }

    /// "I alt {total}" → ("I alt", .total); "4. Tilsyn {= tema-4}" → ("4. Tilsyn", .reference("tema-4")),
    /// with the marker's offset in characters from the start of the cell.
    static func splitMarker(_ source: String) -> (String, Marker?, Int) {
        let trimmed = source.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasSuffix("}"), let open = trimmed.lastIndex(of: "{") else { return (source, nil, 0) }
        let inside = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
            .trimmingCharacters(in: .whitespaces)
        let offset = trimmed.distance(from: trimmed.startIndex, to: open)
        let rest = String(trimmed[..<open]).trimmingCharacters(in: .whitespaces)
        if inside.lowercased() == "total" { return (rest, .total, offset) }
        if inside.hasPrefix("=") {
            let id = inside.dropFirst().trimmingCharacters(in: .whitespaces)
            if !id.isEmpty, !id.contains(" ") { return (rest, .reference(id), offset) }
        }
        return (source, nil, 0)
    }

    /// Characters that may start Markdown inline markup; a cell without any is plain text.
    private static let markupBytes: Set<UInt8> = Set("*_`[]<>&!\\".utf8)

    package static func cell(_ raw: RawCell, markdown: Bool) -> TableCell {
        let source = raw.source.trimmingCharacters(in: .whitespaces)
        let content: [MarkdownNode]
        if source.isEmpty {
            content = []
        } else if markdown, source.utf8.contains(where: markupBytes.contains) {
            content = inlineNodes(source, line: raw.line)
        } else {
            content = [MarkdownNode(kind: .text(source), line: raw.line, column: raw.column)]
        }
        var text = ""
        for node in content { text += node.plainText }
        return TableCell(text: text.foldingWhitespace, content: content, line: raw.line, column: raw.column, fileLine: raw.fileLine)
    }

    /// The inline nodes of one cell, parsed as a paragraph by cmark. A cell that cmark would
    /// read as a block ("1. Forslag" as a list, "# 3" as a heading) is escaped first.
    static func inlineNodes(_ source: String, line: Int) -> [MarkdownNode] {
        let escaped = escapeBlockStart(source)
        let parsed = MarkdownParser.parseBlocks(escaped, lineOffset: line - 1)
        guard let paragraph = parsed.children.first, case .paragraph = paragraph.kind else {
            return [MarkdownNode(kind: .text(source), line: line)]
        }
        return paragraph.children
    }

    /// A backslash before what would open a list, heading or quote, so the cell stays inline.
    static func escapeBlockStart(_ source: String) -> String {
        guard let first = source.first else { return source }
        if first == "#" || first == ">" || first == "-" || first == "+" || first == "=" { return "\\" + source }
        if first == "*" && source.dropFirst().first == " " { return "\\" + source }
        let digits = source.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9 {
            let after = source.dropFirst(digits.count)
            if let mark = after.first, mark == "." || mark == ")" {
                let rest = after.dropFirst()
                if rest.isEmpty || rest.first == " " {
                    return String(digits) + "\\" + String(after)
                }
            }
        }
        return source
    }
}
