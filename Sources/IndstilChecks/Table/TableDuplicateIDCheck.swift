import IndstilSupport
import IndstilDocument

/// Two tables with the same `id:`: a reference to it would be ambiguous.
public struct TableDuplicateIDCheck: Check {
    public let id = "table.duplicate-id"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "To tabeller har samme id", en: "Two tables have the same id")

    public var examples: [CheckExample] {
        [
            .triggers("Samme id to gange", .withTable("""
                ```tabel
                id: lokaler

                | Forslag | 2027 |
                |---------|-----:|
                | I alt   |  100 |
                ```

                ```tabel
                id: lokaler ⟵

                | Forslag | 2027 |
                |---------|-----:|
                | I alt   |  200 |
                ```
                """)),
            .passes("Forskellige id'er", .withTable("""
                ```tabel
                id: lokaler

                | Forslag | 2027 |
                |---------|-----:|
                | I alt   |  100 |
                ```
                """)),
        ]
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var firstLine: [String: Int] = [:]
        var found: [Diagnostic] = []
        for table in context.document.tables {
            guard let id = table.id else { continue }
            let line = Self.idLine(of: table, id: id, in: context.document)
            if let first = firstLine[id] {
                found.append(diagnostic("Tabel-id'en »\(id)« er også brugt i linje \(first); giv tabellerne hver sin id",
                                        "The table id \"\(id)\" is also used on line \(first); give each table its own id",
                                        line: line, column: context.document.column(of: id, inLine: line)))
            } else {
                firstLine[id] = line
            }
        }
        return found
    }

    /// The line of the `id:` option inside the block.
    static func idLine(of table: Table, id: String, in document: Document) -> Int {
        for line in table.line...max(table.line, table.endLine) {
            let text = document.sourceLine(line).trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("id:"), text.hasSuffix(id) { return line }
        }
        return table.line
    }
}
