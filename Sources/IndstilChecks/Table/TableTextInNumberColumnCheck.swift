import IndstilSupport
import IndstilDocument

/// Words in a column of figures ("afventer", "ca. 300"): the column cannot be summed.
public struct TableTextInNumberColumnCheck: Check {
    public let id = "table.text-in-number-column"
    public let defaultSeverity = Severity.warning
    public let summary = Message(da: "En talkolonne i en tabel har tekst i en celle",
                                 en: "A column of figures in a table has text in a cell")

    public var examples: [CheckExample] {
        [
            .triggers("Tekst i en kolonne med beløb", .withTable("""
                | Udgift (1.000 kr.) | 2027 | 2028 |
                |--------------------|-----:|-----:|
                | Bookingsystem      |  600 |  200 |
                | Nøglebokse         |  250 | afventer | ⟵
                | Skilte             |   50 |   50 |
                """)),
            .passes("Kun tal, »-« og tomme celler", .withTable("""
                | Udgift (1.000 kr.) | 2027 | 2028 |
                |--------------------|-----:|-----:|
                | Bookingsystem      |  600 |      |
                | Nøglebokse         |  250 |    - |
                """)),
        ]
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for table in context.document.tables {
            let columns = TableColumns(table)
            for row in table.rows {
                for (column, cell) in row.cells.enumerated() where column < columns.isNumber.count && columns.isNumber[column] {
                    guard case .text = cell.reading else { continue }
                    let note = Table.fileNote(cell, origin: table.origin)
                    found.append(diagnostic(
                        "Kolonnen »\(table.columnName(column))« har tal, men rækken »\(row.label)« har teksten »\(cell.text)«; skriv et tal, »-« for nul, eller flyt teksten til en note\(note.da)",
                        "The column \"\(table.columnName(column))\" holds figures, but the row \"\(row.label)\" has the text \"\(cell.text)\"; write a figure, \"-\" for zero, or move the text to a note\(note.en)",
                        line: cell.line, column: cell.column))
                }
            }
        }
        return found
    }
}
