import IndstilSupport
import IndstilDocument

/// A figure that cannot be read safely: "0.500" (500 or 0,5?), "38.8" (a decimal point),
/// "1,250.5" (the English convention). It is reported, not guessed, and left out of sums.
public struct TableAmbiguousNumberCheck: Check {
    public let id = "table.ambiguous-number"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "Et tal i en tabel kan læses på mere end én måde",
                                 en: "A figure in a table can be read more than one way")

    public var examples: [CheckExample] {
        [
            .triggers("»0.500« i en tabel i 1.000 kr.", .withTable("""
                | Forslag (1.000 kr.) | 2027  |
                |---------------------|------:|
                | Enklere booking     | 0.500 | ⟵
                """)),
            .triggers("Decimalpunktum", .withTable("""
                | Afdeling (mio. kr.) | 2027 |
                |---------------------|-----:|
                | Nord                | 38.8 | ⟵
                """)),
            .passes("Danske tal", .withTable("""
                | Afdeling (mio. kr.) | 2027  | 2028 |
                |---------------------|------:|-----:|
                | Nord                | 3.250 | 0,49 |
                | Syd                 | 1,2 mio. kr. | 28,4 % |
                """)),
        ]
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for table in context.document.tables {
            for row in [table.header] + table.rows {
                for cell in row.cells {
                    guard case .ambiguous(let reason, let reasonEnglish) = cell.reading, row != table.header else { continue }
                    let note = Table.fileNote(cell, origin: table.origin)
                    found.append(diagnostic(reason + note.da, reasonEnglish + note.en, line: cell.line, column: cell.column))
                }
            }
        }
        return found
    }
}
