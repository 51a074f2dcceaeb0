import IndstilSupport

/// GitHub-style pipe rows: `| Tema | 2024 |`, the delimiter row `|---|--:|` under the header.
/// libcmark does not know them, so indstil reads them from the source lines.
enum PipeRows {
    /// One source line with the 1-based column its text starts at (after a container's
    /// prefix such as "> " or a list marker).
    struct SourceLine {
        package let text: Substring
        package let line: Int
        package let column: Int
    }

    /// True for a delimiter row: cells of `-` with optional `:` at either end, at least one pipe
    /// or at least two cells ("--- | ---").
    static func isDelimiterRow(_ text: Substring) -> Bool {
        guard text.contains("-") else { return false }
        let cells = split(text)
        guard !cells.isEmpty, text.contains("|") else { return false }
        return cells.allSatisfy { cell in
            var body = cell.text.trimmingCharacters(in: .whitespaces)[...]
            if body.hasPrefix(":") { body = body.dropFirst() }
            if body.hasSuffix(":") { body = body.dropLast() }
            return !body.isEmpty && body.allSatisfy { $0 == "-" }
        }
    }

    /// A line that can be a table row: it holds a pipe that is not escaped.
    static func isRow(_ text: Substring) -> Bool {
        var escaped = false
        for character in text {
            if escaped { escaped = false; continue }
            if character == "\\" { escaped = true } else if character == "|" { return true }
        }
        return false
    }

    /// The cells of a row with their offsets in characters from the start of `text`: outer
    /// pipes dropped, `\|` kept as a literal pipe.
    package static func split(_ text: Substring) -> [(text: String, offset: Int)] {
        var cells: [(String, Int)] = []
        var current = ""
        var currentStart = 0
        var offset = 0
        var escaped = false
        var started = false
        let characters = Array(text)
        // Leading white space and an opening pipe are not part of the first cell.
        var index = 0
        while index < characters.count, characters[index] == " " || characters[index] == "\t" { index += 1 }
        if index < characters.count, characters[index] == "|" { index += 1 }
        currentStart = index
        offset = index
        var end = characters.count
        while end > index, characters[end - 1] == " " || characters[end - 1] == "\t" { end -= 1 }
        var closingPipe = false
        if end > index, characters[end - 1] == "|", !(end - 2 >= index && characters[end - 2] == "\\") {
            end -= 1
            closingPipe = true
        }
        while offset < end {
            let character = characters[offset]
            started = true
            if escaped {
                if character != "|" { current.append("\\") }
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                cells.append((current, currentStart))
                current = ""
                currentStart = offset + 1
            } else {
                current.append(character)
            }
            offset += 1
        }
        if escaped { current.append("\\") }
        if started || closingPipe || !cells.isEmpty { cells.append((current, currentStart)) }
        return cells.map { cell in
            // The column of a cell is that of its first visible character.
            let leading = cell.0.prefix { $0 == " " || $0 == "\t" }.count
            return (cell.0, cell.1 + leading)
        }
    }

    /// The raw cells of one row.
    package static func cells(of line: SourceLine) -> [TableRowBuilder.RawCell] {
        split(line.text).map { TableRowBuilder.RawCell(source: $0.text, line: line.line, column: line.column + $0.offset) }
    }

    /// A pipe table from its lines: header, delimiter row, body rows. Nil unless the second
    /// line is a delimiter row and the first a row.
    package static func table(_ lines: [SourceLine]) -> Table? {
        guard lines.count >= 2, isRow(lines[0].text), isDelimiterRow(lines[1].text) else { return nil }
        let header = TableRowBuilder.row(cells(of: lines[0]), line: lines[0].line, markdown: true)
        let rows = lines.dropFirst(2).map { TableRowBuilder.row(cells(of: $0), line: $0.line, markdown: true) }
        return Table(origin: .pipe, caption: nil, id: nil, unit: TableUnit.inParentheses(of: header.label),
                     unitName: nil, header: header, rows: rows, line: lines[0].line,
                     endLine: lines.last?.line ?? lines[0].line, problems: [])
    }
}
