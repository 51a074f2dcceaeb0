import IndstilSupport

/// A fenced `tabel` block: options first (`titel:`, `enhed:`, `id:`, `fil:`), then the rows
/// as pipe rows or as tab-separated lines pasted from a spreadsheet; or no rows and `fil:`
/// naming a CSV file in the project. The first row is the header.
///
///     ```tabel
///     titel: Identificeret potentiale
///     enhed: 1.000 kr.
///     id: tema-4
///
///     | Forslag              | 2024 | 2025 |
///     |----------------------|-----:|-----:|
///     | 1. Færre tilsyn      |  600 |  600 |
///     | I alt                |  600 |  600 |
///     ```
enum TableBlock {
    /// The info string's first word that makes a fenced code block a table.
    static let infoWord = "tabel"
    static let optionNames = ["titel", "enhed", "id", "fil"]

    static func isTableBlock(info: String) -> Bool {
        info.split(separator: " ").first.map { $0.lowercased() == infoWord } ?? false
    }

    /// - Parameters:
    ///   - literal: the block's content; its first line is `firstLine` of the file.
    ///   - fenceLine/endLine: the block's first and last line (the fences).
    package static func table(literal: String, firstLine: Int, column: Int, fenceLine: Int, endLine: Int, files: TableFileReader?) -> Table {
        var problems: [TableProblem] = []
        var options: [String: (value: String, line: Int, column: Int)] = [:]
        let lines = literal.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        var index = 0
        // Options: `name: value` lines at the top.
        while index < lines.count {
            let text = lines[index]
            if text.trimmingCharacters(in: .whitespaces).isEmpty {
                index += 1
                if options.isEmpty { continue }
                break
            }
            guard let option = option(in: text) else { break }
            let line = firstLine + index
            if !optionNames.contains(option.name) {
                problems.append(TableProblem(
                    kind: .syntax,
                    message: Message(da: "Ukendt tabelindstilling »\(option.name)«; brug \(optionNames.joined(separator: ", "))",
                                     en: "Unknown table option \"\(option.name)\"; use \(optionNames.joined(separator: ", "))"),
                    line: line, column: column + option.offset))
            } else if option.value.isEmpty {
                problems.append(TableProblem(
                    kind: .syntax,
                    message: Message(da: "Tabelindstillingen »\(option.name)« mangler en værdi", en: "The table option \"\(option.name)\" has no value"),
                    line: line, column: column + option.offset))
            } else {
                options[option.name] = (option.value, line, column + option.offset)
            }
            index += 1
        }
        var rowLines: [PipeRows.SourceLine] = []
        for offset in index..<max(index, lines.count) where !lines[offset].trimmingCharacters(in: .whitespaces).isEmpty {
            rowLines.append(PipeRows.SourceLine(text: lines[offset], line: firstLine + offset, column: column))
        }
        var origin = Table.Origin.block
        var rows: [TableRow] = []
        if let file = options["fil"] {
            origin = .file(file.value)
            if !rowLines.isEmpty {
                problems.append(TableProblem(
                    kind: .syntax,
                    message: Message(da: "Tabellen har både »fil:« og egne rækker; vælg det ene",
                                     en: "The table has both \"fil:\" and rows of its own; choose one"),
                    line: rowLines[0].line, column: column))
            }
            switch files?.read(file.value) {
            case .text(let text)?:
                rows = fileRows(text, line: file.line, column: file.column)
            case .problem(let message)?:
                problems.append(TableProblem(kind: .file, message: message, line: file.line, column: file.column))
            case nil:
                break
            }
        } else {
            rows = blockRows(rowLines)
        }
        if rows.isEmpty && !problems.contains(where: { $0.kind == .file }) {
            problems.append(TableProblem(
                kind: .syntax,
                message: Message(da: "Tabellen har ingen rækker", en: "The table has no rows"),
                line: fenceLine, column: column))
        }
        let header = rows.first ?? TableRow(cells: [], line: fenceLine, role: .body, reference: nil)
        let unitName = options["enhed"]?.value
        return Table(origin: origin, caption: options["titel"]?.value, id: options["id"]?.value,
                     unit: unitName.flatMap(TableUnit.init(name:)) ?? TableUnit.inParentheses(of: header.label),
                     unitName: unitName, header: header, rows: Array(rows.dropFirst()),
                     line: fenceLine, endLine: endLine, problems: problems)
    }

    /// `titel: Fordeling` → ("titel", "Fordeling", offset of the name).
    package static func option(in text: Substring) -> (name: String, value: String, offset: Int)? {
        let leading = text.prefix { $0 == " " }.count
        let body = text.dropFirst(leading)
        guard let colon = body.firstIndex(of: ":") else { return nil }
        let name = body[..<colon]
        guard !name.isEmpty, name.count <= 20, name.allSatisfy({ $0.isLetter || $0 == "_" }), name.first!.isLowercase else { return nil }
        let value = body[body.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        guard !value.contains("\t"), !value.contains("|") else { return nil }
        return (String(name), unquoted(value), leading)
    }

    static func unquoted(_ value: String) -> String {
        if value.count >= 2, (value.hasPrefix("\"") && value.hasSuffix("\"")) || (value.hasPrefix("'") && value.hasSuffix("'")) {
            return String(value.dropFirst().dropLast())
        }
        return value
    }

    /// Pipe rows (a delimiter row under the header is skipped) or, when a line holds a
    /// tab, tab-separated rows pasted from a spreadsheet.
    static func blockRows(_ lines: [PipeRows.SourceLine]) -> [TableRow] {
        guard !lines.isEmpty else { return [] }
        if lines.contains(where: { $0.text.contains("\t") }) {
            return lines.map { line in
                let cells = DelimitedRows.fields(line.text, separator: "\t").map {
                    TableRowBuilder.RawCell(source: $0.text, line: line.line, column: line.column + $0.offset)
                }
                return TableRowBuilder.row(cells, line: line.line, markdown: false)
            }
        }
        var rows: [TableRow] = []
        for (offset, line) in lines.enumerated() {
            if offset == 1 && PipeRows.isDelimiterRow(line.text) { continue }
            rows.append(TableRowBuilder.row(PipeRows.cells(of: line), line: line.line, markdown: true))
        }
        return rows
    }

    /// The rows of a CSV file; each cell points at the `fil:` option and knows its file line.
    static func fileRows(_ text: String, line: Int, column: Int) -> [TableRow] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        guard let first = lines.first(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { return [] }
        let separator = DelimitedRows.separator(forFirstLine: first)
        var rows: [TableRow] = []
        for (offset, fileLine) in lines.enumerated() where !fileLine.trimmingCharacters(in: .whitespaces).isEmpty {
            let cells = DelimitedRows.fields(fileLine, separator: separator).map {
                TableRowBuilder.RawCell(source: $0.text, line: line, column: column, fileLine: offset + 1)
            }
            rows.append(TableRowBuilder.row(cells, line: line, markdown: false))
        }
        return rows
    }
}
