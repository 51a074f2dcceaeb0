import Foundation
import IndstilSupport

extension Table {
    /// Each total row with the body rows it adds up: those above it, back to the previous total row.
    package var totalGroups: [(total: TableRow, parts: [TableRow])] {
        var groups: [(TableRow, [TableRow])] = []
        var parts: [TableRow] = []
        for row in rows {
            if row.role == .total {
                if !parts.isEmpty { groups.append((row, parts)) }
                parts = []
            } else {
                parts.append(row)
            }
        }
        return groups
    }

    /// The sum of `column` over `rows`.
    package static func sum(_ rows: [TableRow], column: Int) -> FigureSum {
        var sum = FigureSum()
        for row in rows where column < row.cells.count { sum.add(row.cells[column].reading) }
        return sum
    }

    /// The first total row of the table, what `{= id}` elsewhere refers to.
    public var totalRow: TableRow? { rows.first { $0.role == .total } }

    /// The header text of a column, or its number.
    package func columnName(_ column: Int) -> String {
        let text = column < header.cells.count ? header.cells[column].text : ""
        return text.isEmpty ? "kolonne \(column + 1)" : text
    }

    /// " (data.csv linje 4)" for a cell read from a file, else "".
    package static func fileNote(_ cell: TableCell, origin: Origin) -> (da: String, en: String) {
        guard let fileLine = cell.fileLine, case .file(let path) = origin else { return ("", "") }
        return (" (\(path) linje \(fileLine))", " (\(path) line \(fileLine))")
    }
}
