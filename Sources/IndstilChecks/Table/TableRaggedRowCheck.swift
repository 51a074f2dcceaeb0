import IndstilSupport
import IndstilDocument

/// A row with more or fewer cells than the header: a pasted row out of step, a cell lost.
public struct TableRaggedRowCheck: Check {
    public let id = "table.ragged-row"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "En tabelrække har et andet antal celler end overskriftsrækken",
                                 en: "A table row has a different number of cells than the header row")

    public var examples: [CheckExample] {
        [
            .triggers("En række med en celle for meget", .withTable("""
                | Udgift (1.000 kr.) | 2027 | 2028 |
                |--------------------|-----:|-----:|
                | Bookingsystem      |  600 |  200 |  50 | ⟵
                """)),
            .triggers("Indsat fra et regneark med en celle for lidt", .withTable("```tabel\nUdgift\t2027\t2028\nBookingsystem\t600 ⟵\n```")),
            .passes("Alle rækker har lige mange celler", .withTable(ExampleDocument.cleanExpenseTable)),
        ]
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for table in context.document.tables where !table.header.cells.isEmpty {
            let expected = table.columnCount
            for row in table.rows where row.cells.count != expected {
                let cell = row.cells.count > expected ? row.cells[expected] : (row.cells.last ?? row.cells[0])
                let note = Table.fileNote(cell, origin: table.origin)
                found.append(diagnostic(
                    "Rækken »\(row.label)« har \(row.cells.count) celler, men overskriftsrækken har \(expected)\(note.da)",
                    "The row \"\(row.label)\" has \(row.cells.count) cells, but the header row has \(expected)\(note.en)",
                    line: cell.line, column: cell.column))
            }
        }
        return found
    }
}
