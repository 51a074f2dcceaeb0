import Foundation
import IndstilSupport

/// A number as printed in a table cell: its exact value, how many decimals it was
/// printed with (its precision) and the unit written after it, if any.
/// "3.250" is 3250 with 0 decimals; "0,49" is 0.49 with 2; "28,4 %" is 28.4 % with 1;
/// "-" is zero (printed with the precision of a whole number).
public struct TableNumber: Sendable, Equatable {
    /// The value without the unit: "1,2 mio. kr." is 1.2.
    public let value: Decimal
    /// Decimals printed after the comma.
    public let decimals: Int
    /// A unit written in the cell itself ("%", "mio. kr."), nil when the cell is a bare number.
    public let unit: TableUnit?

    public init(value: Decimal, decimals: Int, unit: TableUnit? = nil) {
        self.value = value
        self.decimals = decimals
        self.unit = unit
    }

    /// Half a unit of the last printed digit: how far a printed figure may be from the
    /// exact value it rounds.
    public static func halfUnit(decimals: Int) -> Decimal {
        Decimal(sign: .plus, exponent: -decimals, significand: 5) / 10
    }

    public var doubleValue: Double { NSDecimalNumber(decimal: value).doubleValue }
}
