import Foundation

/// Which columns of a table hold figures, and which of those are shares (percentages).
/// Shared by the checks and the renderings (figures are right-aligned).
public struct TableColumns: Sendable, Equatable {
    /// Per column: true when it holds figures. The first column is the rows' labels.
    public let isNumber: [Bool]
    /// Per column: true for a share column ("Andel", "%", or every figure written with "%").
    public let isShare: [Bool]

    public init(_ table: Table) {
        let count = max(table.columnCount, table.rows.map(\.cells.count).max() ?? 0)
        var isNumber: [Bool] = []
        var isShare: [Bool] = []
        for column in 0..<count {
            var figures = 0, words = 0, percents = 0
            for row in table.rows where column < row.cells.count {
                switch row.cells[column].reading {
                case .number(let number):
                    figures += 1
                    if number.unit == .percent { percents += 1 }
                case .ambiguous: figures += 1
                case .text: words += 1
                case .empty: break
                }
            }
            let number = column > 0 && figures > 0 && figures >= words
            isNumber.append(number)
            let header = column < table.header.cells.count ? table.header.cells[column].text.lowercased() : ""
            let namedShare = header.hasPrefix("andel") || header.contains("%") || header.contains("procent") || header.contains("pct")
            isShare.append(number && (namedShare || table.unit == .percent || (percents > 0 && percents == figures)))
        }
        self.isNumber = isNumber
        self.isShare = isShare
    }
}

/// A sum of printed figures, with the precision it can be compared at.
struct FigureSum {
    var value: Decimal = 0
    /// The most decimals among the addends.
    var decimals = 0
    var count = 0
    /// False once an addend could not be read safely: the sum is then not checked.
    var isKnown = true

    mutating func add(_ reading: CellReading) {
        switch reading {
        case .number(let number):
            value += number.value
            decimals = max(decimals, number.decimals)
            count += 1
        case .ambiguous:
            isKnown = false
        case .empty, .text:
            break
        }
    }
}

extension Table {
    /// Each total row with the body rows it adds up: those above it, back to the previous total row.
    var totalGroups: [(total: TableRow, parts: [TableRow])] {
        var groups: [(TableRow, [TableRow])] = []
        var parts: [TableRow] = []
        for row in rows {
            if row.role == .total {
                if !parts.isEmpty { groups.append((row, parts)) }
                parts = []
            } else {
                parts.append(row)
            }
        }
        return groups
    }

    /// The sum of `column` over `rows`.
    static func sum(_ rows: [TableRow], column: Int) -> FigureSum {
        var sum = FigureSum()
        for row in rows where column < row.cells.count { sum.add(row.cells[column].reading) }
        return sum
    }

    /// The first total row of the table, what `{= id}` elsewhere refers to.
    public var totalRow: TableRow? { rows.first { $0.role == .total } }

    /// The header text of a column, or its number.
    func columnName(_ column: Int) -> String {
        let text = column < header.cells.count ? header.cells[column].text : ""
        return text.isEmpty ? "kolonne \(column + 1)" : text
    }

    /// " (data.csv linje 4)" for a cell read from a file, else "".
    static func fileNote(_ cell: TableCell, origin: Origin) -> (da: String, en: String) {
        guard let fileLine = cell.fileLine, case .file(let path) = origin else { return ("", "") }
        return (" (\(path) linje \(fileLine))", " (\(path) line \(fileLine))")
    }
}

extension MarkdownNode {
    /// Every table at any depth below (and including) this block, in document order.
    public var tables: [Table] {
        var collector = TableCollector()
        collector.walk(self)
        return collector.found
    }
}

private struct TableCollector: MarkdownWalker {
    var found: [Table] = []

    mutating func visitTable(_ node: MarkdownNode, table: Table) { found.append(table) }
}

extension Document {
    /// Every table of the document, in order (preamble and sections).
    public var tables: [Table] { body.tables }
}
