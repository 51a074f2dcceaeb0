import Foundation
import IndstilSupport

/// A sum of printed figures, with the precision it can be compared at.
package struct FigureSum {
    package var value: Decimal = 0
    /// The most decimals among the addends.
    package var decimals = 0
    package var count = 0
    /// False once an addend could not be read safely: the sum is then not checked.
    package var isKnown = true

    package mutating func add(_ reading: CellReading) {
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
