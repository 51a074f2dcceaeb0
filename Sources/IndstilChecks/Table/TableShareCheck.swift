import Foundation
import IndstilSupport
import IndstilDocument

/// A share column ("Andel", figures in %) that does not add up to 100 % within its printed
/// precision, or whose printed total differs from the sum of the shares above it.
public struct TableShareCheck: Check {
    public let id = "table.share"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "Andelene i en tabel summerer ikke til 100 % eller til den viste total",
                                 en: "The shares in a table do not add up to 100 % or to the printed total")

    public var examples: [CheckExample] {
        [
            .triggers("Andelene giver 99 %, men I alt viser 100,0 %", .withTable("""
                | Afdeling | Andel | 2027 |
                |----------|------:|-----:|
                | Nord     |   40% | 0,40 |
                | Syd      |   33% | 0,33 |
                | Vest     |   26% | 0,26 |
                | I alt    | 100,0% | 0,99 | ⟵
                """)),
            .triggers("Andelene giver 99,9 % uden total", .withTable("""
                | Afdeling | Andel |
                |----------|------:|
                | Nord     | 50,0 % |
                | Syd      | 49,9 % | ⟵
                """)),
            .passes("Den administrative nøgle giver 100,0 %", .withTable("""
                | Afdeling | Andel | 2027 |
                |----------|------:|-----:|
                | Nord     | 28,4% | 1,4 |
                | Syd      | 36,0% | 1,8 |
                | Vest     | 35,6% | 1,8 |
                | I alt    | 100,0% | 5,0 |
                """)),
        ]
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for table in context.document.tables {
            let columns = TableColumns(table)
            for column in columns.isShare.indices where columns.isShare[column] {
                let groups = table.totalGroups
                if groups.isEmpty {
                    let parts = table.rows.filter { $0.role == .body }
                    let sum = Table.sum(parts, column: column)
                    guard sum.isKnown, sum.count > 1, abs(sum.value - 100) > TableNumber.halfUnit(decimals: sum.decimals),
                          let last = parts.last(where: { column < $0.cells.count && $0.cells[column].reading.number != nil }) else { continue }
                    let cell = last.cells[column]
                    let shown = DanishNumberFormat.string(sum.value, decimals: sum.decimals)
                    found.append(diagnostic(
                        "Andelene i kolonnen »\(table.columnName(column))« summerer til \(shown) %, ikke 100 %",
                        "The shares in the column \"\(table.columnName(column))\" add up to \(shown) %, not 100 %",
                        line: cell.line, column: cell.column))
                    continue
                }
                for (total, parts) in groups where column < total.cells.count {
                    let sum = Table.sum(parts, column: column)
                    guard sum.isKnown, sum.count > 0 else { continue }
                    let cell = total.cells[column]
                    let note = Table.fileNote(cell, origin: table.origin)
                    let shownSum = DanishNumberFormat.string(sum.value, decimals: sum.decimals)
                    if let printed = cell.reading.number, abs(printed.value - sum.value) > TableNumber.halfUnit(decimals: printed.decimals) {
                        let shownTotal = DanishNumberFormat.string(printed.value, decimals: printed.decimals)
                        found.append(diagnostic(
                            "»\(total.label)« viser \(shownTotal) % i kolonnen »\(table.columnName(column))«, men andelene over summerer til \(shownSum) %\(note.da)",
                            "\"\(total.label)\" shows \(shownTotal) % in the column \"\(table.columnName(column))\", but the shares above add up to \(shownSum) %\(note.en)",
                            line: cell.line, column: cell.column))
                    } else if abs(sum.value - 100) > TableNumber.halfUnit(decimals: sum.decimals) {
                        found.append(diagnostic(
                            "Andelene i kolonnen »\(table.columnName(column))« summerer til \(shownSum) %, ikke 100 %\(note.da)",
                            "The shares in the column \"\(table.columnName(column))\" add up to \(shownSum) %, not 100 %\(note.en)",
                            line: cell.line, column: cell.column))
                    }
                }
            }
        }
        return found
    }
}
