import IndstilSupport
import IndstilDocument

/// A row declared as another table's total (`{= id}` after its label) whose figures differ
/// from that table's total row, column by column (matched by header), in a common unit and
/// within the coarser of the two printed precisions.
public struct TableReferenceCheck: Check {
    public let id = "table.reference"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "En række, der gengiver en anden tabels total, stemmer ikke med den",
                                 en: "A row that repeats another table's total does not agree with it")

    public var examples: [CheckExample] {
        [
            .triggers("Oversigten siger 1.180, temaets tabel 1.100", .withTable("""
                | Tema (1.000 kr.)       | 2027  | 2028  |
                |------------------------|------:|------:|
                | Lokaler {= lokaler}    | 1.180 | 1.180 | ⟵
                | I alt                  | 1.180 | 1.180 |

                ```tabel
                titel: Lokaler
                enhed: 1.000 kr.
                id: lokaler

                | Forslag       | 2027  | 2028  |
                |---------------|------:|------:|
                | Færre lokaler | 1.100 | 1.180 |
                | I alt         | 1.100 | 1.180 |
                ```
                """)),
            .triggers("0,49 mio. kr. er ikke 500 (1.000 kr.)", .withTable("""
                | Forslag (1.000 kr.)              | 2027 |
                |----------------------------------|-----:|
                | 1. Enklere booking {= fordeling} |  500 | ⟵
                | I alt                            |  500 |

                ```tabel
                id: fordeling

                | Afdeling (mio. kr.) | 2027 |
                |---------------------|-----:|
                | Nord                | 0,25 |
                | Syd                 | 0,24 |
                | I alt               | 0,49 |
                ```
                """)),
            .passes("Oversigt og temaets tabel stemmer, også på tværs af enheder", .withTable("""
                | Tema (1.000 kr.)       | 2027  | 2028  |
                |------------------------|------:|------:|
                | Lokaler {= lokaler}    | 1.180 | 1.000 |
                | I alt                  | 1.180 | 1.000 |

                ```tabel
                id: lokaler
                enhed: mio. kr.

                | Afdeling | 2027 | 2028 |
                |----------|-----:|-----:|
                | Nord     | 0,60 | 0,50 |
                | Syd      | 0,58 | 0,50 |
                | I alt    | 1,18 | 1,00 |
                ```
                """)),
        ]
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let tables = context.document.tables
        var byID: [String: Table] = [:]
        for table in tables { if let id = table.id, byID[id] == nil { byID[id] = table } }
        var found: [Diagnostic] = []
        for table in tables {
            for row in table.rows {
                guard let reference = row.reference, let target = byID[reference.id] else { continue }
                guard let targetTotal = target.totalRow else {
                    found.append(diagnostic(
                        "Tabellen »\(reference.id)« har ingen total-række (»I alt« eller {total}) at sammenligne med",
                        "The table \"\(reference.id)\" has no total row (\"I alt\" or {total}) to compare with",
                        line: reference.line, column: reference.column))
                    continue
                }
                for difference in TableTotalComparison.differences(row: row, of: table, total: targetTotal, of: target) {
                    found.append(diagnostic(
                        "»\(row.label)« viser \(difference.shown) i kolonnen »\(difference.columnName)«, men totalen i tabellen »\(reference.id)« (linje \(targetTotal.line)) er \(difference.expected)",
                        "\"\(row.label)\" shows \(difference.shown) in the column \"\(difference.columnName)\", but the total of the table \"\(reference.id)\" (line \(targetTotal.line)) is \(difference.expected)",
                        line: difference.cell.line, column: difference.cell.column))
                }
            }
        }
        return found
    }
}
