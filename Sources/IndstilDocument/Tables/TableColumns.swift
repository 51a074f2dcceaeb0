import Foundation
import IndstilSupport

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
