import Foundation

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
            let columns = TableColumns(table)
            for row in table.rows {
                guard let reference = row.reference, let target = byID[reference.id] else { continue }
                guard let targetTotal = target.totalRow else {
                    found.append(diagnostic(
                        "Tabellen »\(reference.id)« har ingen total-række (»I alt« eller {total}) at sammenligne med",
                        "The table \"\(reference.id)\" has no total row (\"I alt\" or {total}) to compare with",
                        line: reference.line, column: reference.column))
                    continue
                }
                for column in row.cells.indices.dropFirst() where column < columns.isNumber.count && columns.isNumber[column] {
                    guard let targetColumn = Self.matchingColumn(column, of: table, in: target), targetColumn < targetTotal.cells.count else { continue }
                    let cell = row.cells[column]
                    guard let mine = cell.reading.number, let theirs = targetTotal.cells[targetColumn].reading.number else { continue }
                    let (a, b, tolerance) = Self.comparable(mine, unit: table.unit, theirs, unit: target.unit)
                    guard abs(a - b) > tolerance else { continue }
                    let shownMine = Self.shown(mine, unit: mine.unit ?? table.unit)
                    let shownTheirs = Self.shown(theirs, unit: theirs.unit ?? target.unit)
                    let name = table.columnName(column)
                    found.append(diagnostic(
                        "»\(row.label)« viser \(shownMine) i kolonnen »\(name)«, men totalen i tabellen »\(reference.id)« (linje \(targetTotal.line)) er \(shownTheirs)",
                        "\"\(row.label)\" shows \(shownMine) in the column \"\(name)\", but the total of the table \"\(reference.id)\" (line \(targetTotal.line)) is \(shownTheirs)",
                        line: cell.line, column: cell.column))
                }
            }
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
    static func comparable(_ a: TableNumber, unit unitA: TableUnit?, _ b: TableNumber, unit unitB: TableUnit?) -> (Decimal, Decimal, Decimal) {
        let scaleA = (a.unit ?? unitA)?.kroner
        let scaleB = (b.unit ?? unitB)?.kroner
        if let scaleA, let scaleB {
            let tolerance = max(TableNumber.halfUnit(decimals: a.decimals) * scaleA, TableNumber.halfUnit(decimals: b.decimals) * scaleB)
            return (a.value * scaleA, b.value * scaleB, tolerance)
        }
        return (a.value, b.value, max(TableNumber.halfUnit(decimals: a.decimals), TableNumber.halfUnit(decimals: b.decimals)))
    }

    static func shown(_ number: TableNumber, unit: TableUnit?) -> String {
        let figure = DanishNumberFormat.string(number.value, decimals: number.decimals)
        guard let unit else { return figure }
        return unit == .percent ? figure + " %" : figure + " (" + unit.danishName + ")"
    }
}
