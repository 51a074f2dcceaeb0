import Foundation

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
