import Foundation
import IndstilSupport

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
    package static func danishSpelling(ofEnglish text: String) -> String {
        String(text.map { $0 == "." ? "," : $0 == "," ? "." : $0 })
    }
}
