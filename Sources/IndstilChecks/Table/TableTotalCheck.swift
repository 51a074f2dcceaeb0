import Foundation
import IndstilSupport
import IndstilDocument

/// A total row ("I alt", "Total", "Anslået samlet besparelse" or marked `{total}`) whose
/// figure is not the sum of the rows above it, within the precision it is printed with.
public struct TableTotalCheck: Check {
    public let id = "table.total"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "En total i en tabel er ikke summen af rækkerne over den",
                                 en: "A total in a table is not the sum of the rows above it")

    public var examples: [CheckExample] {
        [
            .triggers("I alt passer ikke med rækkerne", .withTable("""
                | Udgift (1.000 kr.) | 2027 | 2028 |
                |--------------------|-----:|-----:|
                | Bookingsystem      |  600 |  200 |
                | Nøglebokse         |  250 |    - |
                | I alt              |  800 |  200 | ⟵
                """)),
            .triggers("Afrunding: 0,50 + 1,51 er ikke 2,00", .withTable("""
                | Afdeling (mio. kr.) | 2027 |
                |---------------------|-----:|
                | Nord                | 0,50 |
                | Syd                 | 1,51 |
                | **I alt**           | **2,00** | ⟵
                """)),
            .triggers("En række markeret {total}", .withTable("""
                | Post            | Beløb |
                |-----------------|------:|
                | Leje            | 3.250 |
                | Rengøring       |   750 |
                | Samlet pris {total} | 4.100 | ⟵
                """)),
            .passes("Totalen passer, også med »-« for nul", .withTable(ExampleDocument.cleanExpenseTable)),
            .passes("Rækker efter totalen tælles ikke med", .withTable("""
                | Tema (1.000 kr.) | 2027 |
                |------------------|-----:|
                | Tema 1           | 1.000 |
                | Tema 2           | 2.500 |
                | I alt            | 3.500 |
                | Mål              | 5.000 |
                """)),
        ]
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for table in context.document.tables {
            let columns = TableColumns(table)
            for (total, parts) in table.totalGroups {
                for column in total.cells.indices where column < columns.isNumber.count && columns.isNumber[column] && !columns.isShare[column] {
                    let cell = total.cells[column]
                    guard let printed = cell.reading.number else { continue }
                    let sum = Table.sum(parts, column: column)
                    guard sum.isKnown, sum.count > 0 else { continue }
                    let difference = sum.value - printed.value
                    guard abs(difference) > TableNumber.halfUnit(decimals: printed.decimals) else { continue }
                    let decimals = max(printed.decimals, sum.decimals)
                    let shownSum = DanishNumberFormat.string(sum.value, decimals: decimals)
                    let shownTotal = DanishNumberFormat.string(printed.value, decimals: printed.decimals)
                    let name = table.columnName(column)
                    let note = Table.fileNote(cell, origin: table.origin)
                    found.append(diagnostic(
                        "»\(total.label)« viser \(shownTotal) i kolonnen »\(name)«, men rækkerne over summerer til \(shownSum)\(note.da)",
                        "\"\(total.label)\" shows \(shownTotal) in the column \"\(name)\", but the rows above add up to \(shownSum)\(note.en)",
                        line: cell.line, column: cell.column))
                }
            }
        }
        return found
    }
}
