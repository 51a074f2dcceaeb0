import IndstilSupport
import IndstilDocument

/// `{= id}` naming a table that the document does not have.
public struct TableUnknownReferenceCheck: Check {
    public let id = "table.unknown-reference"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "En tabelrække henviser til en tabel-id, som dokumentet ikke har",
                                 en: "A table row refers to a table id the document does not have")

    public var examples: [CheckExample] {
        [
            .triggers("Henvisning til en tabel, der ikke findes", .withTable("""
                | Tema (1.000 kr.)     | 2027  |
                |----------------------|------:|
                | Lokaler {= lokalerr} | 1.180 | ⟵
                """)),
            .passes("Henvisningen finder tabellen", .withTable("""
                | Tema (1.000 kr.)    | 2027  |
                |---------------------|------:|
                | Lokaler {= lokaler} | 1.180 |

                ```tabel
                id: lokaler
                enhed: 1.000 kr.

                | Forslag | 2027  |
                |---------|------:|
                | I alt   | 1.180 |
                ```
                """)),
        ]
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let tables = context.document.tables
        let ids = Set(tables.compactMap(\.id))
        return tables.flatMap(\.rows).compactMap { row in
            guard let reference = row.reference, !ids.contains(reference.id) else { return nil }
            let known = ids.sorted().map { "»\($0)«" }.joined(separator: ", ")
            return diagnostic(
                "»\(row.label)« henviser til tabellen »\(reference.id)«, men ingen tabel har den id" + (known.isEmpty ? "" : " (kendte: \(known))"),
                "\"\(row.label)\" refers to the table \"\(reference.id)\", but no table has that id" + (known.isEmpty ? "" : " (known: \(known))"),
                line: reference.line, column: reference.column)
        }
    }
}
