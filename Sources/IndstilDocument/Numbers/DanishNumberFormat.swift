import Foundation
import IndstilSupport

/// Formats numbers for messages in the Danish convention.
public enum DanishNumberFormat {
    /// `value` with exactly `decimals` decimals, thousands grouped with ".": 1.180 · 0,49 · 100,0.
    public static func string(_ value: Decimal, decimals: Int) -> String {
        var rounded = Decimal()
        var input = value
        NSDecimalRound(&rounded, &input, decimals, .plain)
        let negative = rounded < 0
        let magnitude = negative ? -rounded : rounded
        let plain = NSDecimalNumber(decimal: magnitude).description(withLocale: Locale(identifier: "en_US_POSIX"))
        var parts = plain.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var fraction = parts.count > 1 ? parts[1] : ""
        if fraction.count < decimals { fraction += String(repeating: "0", count: decimals - fraction.count) }
        parts[0] = grouped(parts[0])
        let shown = decimals > 0 ? parts[0] + "," + fraction : parts[0]
        return negative ? "-" + shown : shown
    }

    package static func grouped(_ digits: String) -> String {
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "." }
            out.append(digit)
        }
        return out
    }
}
