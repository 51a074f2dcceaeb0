import Foundation

/// How `YAMLValueDecoder` reads a scalar's text as a boolean or a number: YAML 1.1, as
/// Yams' `YAMLDecoder` did for indstil's files, so a profile means what it meant before.
///
/// Only plain scalars (`YAMLValue.isPlain`) are numbers or booleans; `"12000"` is text.
/// Booleans are true/yes/on and false/no/off in any case. Integers may have `_` between
/// digits (`12_000`), a sign, a `0x`, `0b`, `0o` or `0` (octal) prefix, or be base 60
/// (`1:30`); floating-point numbers also `.inf`, `-.inf` and `.nan`.
enum YAMLScalar {
    static func bool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    /// Every integer type through Int64 or UInt64, as Yams reads them; nil when the value
    /// does not fit.
    static func integer<I: FixedWidthInteger>(_ text: String, as type: I.Type) -> I? {
        if I.isSigned {
            return wide(text, as: Int64.self).flatMap { I(exactly: $0) }
        }
        return wide(text, as: UInt64.self).flatMap { I(exactly: $0) }
    }

    private static func wide<I: FixedWidthInteger>(_ text: String, as type: I.Type) -> I? {
        let withSign = text.replacingOccurrences(of: "_", with: "")
        if withSign == "0" { return 0 }
        let negative = withSign.hasPrefix("-")
        guard I.isSigned || !negative else { return nil }
        let signPrefix = negative ? "-" : ""
        let hasSign = negative || withSign.hasPrefix("+")
        let digits = withSign.dropFirst(hasSign ? 1 : 0)
        for (prefix, radix) in [("0x", 16), ("0b", 2), ("0o", 8), ("0", 8)] where digits.hasPrefix(prefix) {
            return I(signPrefix + digits.dropFirst(prefix.count), radix: radix)
        }
        if digits.contains(":") {
            return sexagesimal(withSign, create: { I($0, radix: 10) }, multiply: { a, b in
                let (product, overflow) = a.multipliedReportingOverflow(by: b)
                return overflow ? nil : product
            }, add: { a, b in
                let (sum, overflow) = a.addingReportingOverflow(b)
                return overflow ? nil : sum
            }, negate: { value in
                let (negated, overflow) = I.zero.subtractingReportingOverflow(value)
                return overflow ? nil : negated
            })
        }
        return I(withSign)
    }

    static func double(_ text: String) -> Double? {
        floatingPoint(text, create: { Double($0) })
    }

    static func float(_ text: String) -> Float? {
        floatingPoint(text, create: { Float($0) })
    }

    private static func floatingPoint<F: BinaryFloatingPoint>(_ text: String, create: (String) -> F?) -> F? {
        switch text.lowercased() {
        case ".inf", "+.inf": return .infinity
        case "-.inf": return -.infinity
        case ".nan": return .nan
        default:
            let string = text.replacingOccurrences(of: "_", with: "")
            if string.contains(":") {
                return sexagesimal(string, create: create, multiply: { $0 * $1 }, add: { $0 + $1 }, negate: { -$0 })
            }
            return create(string)
        }
    }

    /// "1:30" → 90, "-1:00:00" → -3600: each part a number, worth 60 times the next.
    private static func sexagesimal<N: Numeric>(_ text: String, create: (String) -> N?,
                                                multiply: (N, N) -> N?, add: (N, N) -> N?, negate: (N) -> N?) -> N? {
        var rest = Substring(text)
        let negative = rest.hasPrefix("-")
        if negative || rest.hasPrefix("+") { rest = rest.dropFirst() }
        let parts = rest.components(separatedBy: ":")
        let numbers = parts.compactMap(create)
        guard numbers.count == parts.count else { return nil }
        var value: N = 0
        var base: N = 1
        var first = true
        for digit in numbers.reversed() {
            if !first {
                guard let next = multiply(base, 60) else { return nil }
                base = next
            }
            first = false
            guard let scaled = multiply(digit, base), let sum = add(value, scaled) else { return nil }
            value = sum
        }
        return negative ? negate(value) : value
    }
}
