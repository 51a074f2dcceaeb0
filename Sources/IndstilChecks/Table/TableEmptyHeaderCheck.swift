import IndstilSupport
import IndstilDocument

/// A header cell without text over a column that has content: a screen reader announces
/// nothing for it, and the reader cannot tell what the figures are.
public struct TableEmptyHeaderCheck: Check {
    public let id = "table.empty-header"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "En kolonne i en tabel har ingen overskrift", en: "A table column has no header")

    public var examples: [CheckExample] {
        [
            .triggers("Kolonnen med beløb har ingen overskrift", .withTable("""
                | Udgift (1.000 kr.) | 2027 |      | ⟵
                |--------------------|-----:|-----:|
                | Bookingsystem      |  600 |  200 |
                """)),
            .passes("Alle kolonner har en overskrift", .withTable(ExampleDocument.cleanExpenseTable)),
        ]
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for table in context.document.tables {
            for (column, cell) in table.header.cells.enumerated() where cell.text.isEmpty {
                let used = table.rows.contains { column < $0.cells.count && !$0.cells[column].text.isEmpty }
                guard used else { continue }
                found.append(diagnostic(
                    "Kolonne \(column + 1) i tabellen har ingen overskrift; skriv hvad den viser",
                    "Column \(column + 1) of the table has no header; say what it shows",
                    line: cell.line, column: cell.column))
            }
        }
        return found
    }
}
