import Foundation
import IndstilSupport

/// A row compared with another table's total row, column by column: the columns are
/// matched by header text (else by position when both tables are as wide), the figures
/// brought to a common unit, and a difference counts when it exceeds half a unit of the
/// coarser printed precision. Used for `{= id}` and for a catalogue's overview rows.
package struct TableTotalComparison {
    package struct Difference {
        /// The cell of the row that disagrees.
        package let cell: TableCell
        package let columnName: String
        /// The row's figure and the total's, as shown in a message ("500 (1.000 kr.)").
        package let shown: String
        package let expected: String
    }

    package static func differences(row: TableRow, of table: Table, total: TableRow, of target: Table) -> [Difference] {
        let columns = TableColumns(table)
        var found: [Difference] = []
        for column in row.cells.indices.dropFirst() where column < columns.isNumber.count && columns.isNumber[column] {
            guard let targetColumn = matchingColumn(column, of: table, in: target), targetColumn < total.cells.count else { continue }
            let cell = row.cells[column]
            guard let mine = cell.reading.number, let theirs = total.cells[targetColumn].reading.number else { continue }
            let (a, b, tolerance) = comparable(mine, unit: table.unit, theirs, unit: target.unit)
            guard abs(a - b) > tolerance else { continue }
            found.append(Difference(cell: cell, columnName: table.columnName(column),
                                    shown: shown(mine, unit: mine.unit ?? table.unit), expected: shown(theirs, unit: theirs.unit ?? target.unit)))
        }
        return found
    }

    /// The column of `target` with the same header text as `column` of `table`; else the
    /// same position when both tables have as many columns.
    static func matchingColumn(_ column: Int, of table: Table, in target: Table) -> Int? {
        let name = table.columnName(column).lowercased()
        if let match = target.header.cells.indices.dropFirst().first(where: { target.header.cells[$0].text.lowercased() == name }) {
            return match
        }
        return table.columnCount == target.columnCount ? column : nil
    }

    /// Both figures in kroner when both units are amounts, else as printed; and the
    /// tolerance: half a unit of the coarser printed precision.
    package static func comparable(_ a: TableNumber, unit unitA: TableUnit?, _ b: TableNumber, unit unitB: TableUnit?) -> (Decimal, Decimal, Decimal) {
        let scaleA = (a.unit ?? unitA)?.kroner
        let scaleB = (b.unit ?? unitB)?.kroner
        if let scaleA, let scaleB {
            let tolerance = max(TableNumber.halfUnit(decimals: a.decimals) * scaleA, TableNumber.halfUnit(decimals: b.decimals) * scaleB)
            return (a.value * scaleA, b.value * scaleB, tolerance)
        }
        return (a.value, b.value, max(TableNumber.halfUnit(decimals: a.decimals), TableNumber.halfUnit(decimals: b.decimals)))
    }

    package static func shown(_ number: TableNumber, unit: TableUnit?) -> String {
        let figure = DanishNumberFormat.string(number.value, decimals: number.decimals)
        guard let unit else { return figure }
        return unit == .percent ? figure + " %" : figure + " (" + unit.danishName + ")"
    }
}
