import Foundation

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

/// What a table cell holds, read the Danish way.
public enum CellReading: Sendable, Equatable {
    /// Nothing (an empty cell is not a zero).
    case empty
    /// A number; "-" and "–" are a zero.
    case number(TableNumber)
    /// Figures that cannot be read safely: "0.500" (500 or 0,5?), "38.8" (a decimal point),
    /// "1,250.5" (the English convention). `reason` says why in Danish.
    case ambiguous(reason: String, reasonEnglish: String)
    /// Words, not a number.
    case text
}

extension CellReading {
    public var number: TableNumber? {
        if case .number(let number) = self { return number }
        return nil
    }
}

/// Reads numbers in the Danish convention: "." groups thousands, "," marks decimals.
public enum DanishNumberReader {
    /// Units a cell may carry after its figure, longest first.
    static let cellUnits: [(suffix: String, unit: TableUnit)] = [
        ("mia. kr.", .billionKroner), ("mia.kr.", .billionKroner), ("mia. kr", .billionKroner), ("mia.", .billionKroner),
        ("mio. kr.", .millionKroner), ("mio.kr.", .millionKroner), ("mio. kr", .millionKroner), ("mio.", .millionKroner),
        ("kr.", .kroner), ("kr", .kroner),
        ("%", .percent), ("pct.", .percent), ("procent", .percent),
    ]

    public static func read(_ raw: String) -> CellReading {
        var text = raw.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return .empty }
        if text == "-" || text == "–" || text == "—" { return .number(TableNumber(value: 0, decimals: 0)) }
        var unit: TableUnit?
        let lowered = text.lowercased()
        for (suffix, candidate) in cellUnits where lowered.hasSuffix(suffix) {
            let figure = text.dropLast(suffix.count)
            // "kr" must follow a space or a figure ("12 kr", not "Skr").
            guard let last = figure.last, last == " " || last == "\u{00A0}" || last.isNumber || candidate == .percent else { continue }
            unit = candidate
            text = String(figure).trimmingCharacters(in: .whitespaces)
            break
        }
        if text.hasPrefix("kr. ") {
            unit = .kroner
            text = String(text.dropFirst(4)).trimmingCharacters(in: .whitespaces)
        }
        return readFigure(text, unit: unit)
    }

    /// A figure without its unit.
    static func readFigure(_ text: String, unit: TableUnit?) -> CellReading {
        var scalars = Array(text.unicodeScalars)
        var negative = false
        if let first = scalars.first, first == "-" || first == "−" || first == "–" || first == "+" {
            negative = first != "+"
            scalars.removeFirst()
        }
        guard let first = scalars.first, ("0"..."9").contains(first) else { return .text }
        // Only figures and the separators may follow.
        let separators: Set<Unicode.Scalar> = [".", ",", " ", "\u{00A0}", "\u{202F}"]
        guard scalars.allSatisfy({ ("0"..."9").contains($0) || separators.contains($0) }) else { return .text }
        let shown = text
        let commas = scalars.filter { $0 == "," }.count
        let points = scalars.filter { $0 == "." }.count
        // Both separators with the point last: "1,250.5" is the English convention.
        if commas > 0, points > 0, let lastComma = scalars.lastIndex(of: ","), let lastPoint = scalars.lastIndex(of: "."), lastPoint > lastComma {
            return otherConvention(shown)
        }
        if commas > 1 { return otherConvention(shown) }
        let integerPart: [Unicode.Scalar]
        var fraction: [Unicode.Scalar] = []
        if let comma = scalars.firstIndex(of: ",") {
            integerPart = Array(scalars[..<comma])
            fraction = Array(scalars[(comma + 1)...])
            guard !fraction.isEmpty, fraction.allSatisfy({ ("0"..."9").contains($0) }) else { return .text }
        } else {
            integerPart = scalars
        }
        // Groups of the integer part, split at "." or a space.
        let groups = String(String.UnicodeScalarView(integerPart))
            .split(omittingEmptySubsequences: false) { $0 == "." || $0 == " " || $0 == "\u{00A0}" || $0 == "\u{202F}" }
        if groups.count > 1 {
            let wellGrouped = (1...3).contains(groups[0].count) && groups.dropFirst().allSatisfy { $0.count == 3 }
            guard wellGrouped else {
                // "38.8": a decimal point; "1.2345": not a thousands group either.
                return points > 0 && commas == 0 ? otherConvention(shown) : .text
            }
            if groups[0].first == "0" {
                // "0.500": a thousands group after a leading zero, or a decimal point?
                let whole = DanishNumberFormat.grouped(String(Int(groups.joined()) ?? 0))
                var decimals = groups.dropFirst().joined()
                while decimals.hasSuffix("0") { decimals.removeLast() }
                let fraction = (Int(groups[0]).map(String.init) ?? "0") + (decimals.isEmpty ? "" : "," + decimals)
                return .ambiguous(
                    reason: "»\(shown)« kan læses både som \(whole) og som \(fraction); skriv \(whole) eller \(fraction)",
                    reasonEnglish: "\"\(shown)\" can be read as \(whole) or as \(fraction.replacingOccurrences(of: ",", with: ".")); write \(whole) or \(fraction)")
            }
        }
        let digits = groups.joined() + String(String.UnicodeScalarView(fraction))
        guard digits.count <= 30, let significand = Decimal(string: digits) else { return .text }
        var value = significand
        if !fraction.isEmpty { value = Decimal(sign: .plus, exponent: -fraction.count, significand: significand) }
        if negative { value = -value }
        return .number(TableNumber(value: value, decimals: fraction.count, unit: unit))
    }

    static func otherConvention(_ shown: String) -> CellReading {
        let danish = danishSpelling(ofEnglish: shown)
        return .ambiguous(
            reason: "»\(shown)« er skrevet med decimalpunktum eller engelsk tusindtalsskilletegn; på dansk skrives det \(danish)",
            reasonEnglish: "\"\(shown)\" uses a decimal point or English thousands separators; in Danish it is written \(danish)")
    }

    /// "38.8" → "38,8"; "1,250.5" → "1.250,5".
    static func danishSpelling(ofEnglish text: String) -> String {
        String(text.map { $0 == "." ? "," : $0 == "," ? "." : $0 })
    }
}

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

    static func grouped(_ digits: String) -> String {
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "." }
            out.append(digit)
        }
        return out
    }
}
