import Foundation
import IndstilSupport
import IndstilDocument

/// An amount or share in the text written in the other convention: "38.8 mio. kr." or
/// "12.5 %" with a decimal point, "1,250.5 kr." with English separators. Danish writes
/// "38,8 mio. kr.". Only figures followed by a unit are read, so dates, versions and
/// section numbers ("§ 17.4") are left alone. Tables have their own check
/// (`table.ambiguous-number`).
public struct NumberConventionCheck: Check {
    public let id = "style.number-convention"
    public let defaultSeverity = Severity.warning
    public let summary = Message(da: "Et beløb eller en procent i teksten er skrevet med decimalpunktum",
                                 en: "An amount or percentage in the text is written with a decimal point")

    public var examples: [CheckExample] {
        [
            .triggers("Decimalpunktum i et beløb", ExampleDocument.byraad.replacingSection(
                "8. Hvilke", body: "Ordningen koster 38.8 mio. kr. over fire år. ⟵")),
            .triggers("Engelske skilletegn", ExampleDocument.byraad.replacingSection(
                "8. Hvilke", body: "Tilskuddet er 1,250.50 kr. pr. forening. ⟵")),
            .passes("Danske tal, datoer og paragraffer", ExampleDocument.byraad.replacingSection(
                "8. Hvilke", body: "Ordningen koster 38,8 mio. kr., i alt 3.250.000 kr. eller 12,5 %, jf. § 17.4 og mødet 31.03.2026.")),
        ]
    }

    /// A figure with a decimal point (one or two decimals) or English grouping, then a unit.
    private static let pattern = try! NSRegularExpression(
        pattern: #"(?<![\d.,])(\d{1,3}(?:,\d{3})+\.\d+|\d+\.\d{1,2})(?![\d.,]\d)\s?(mia\.(?: ?kr\.)?|mio\.(?: ?kr\.)?|kr\.|kroner|%|procent|pct\.)"#,
        options: [.caseInsensitive])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let document = context.document
        // The document's text lines (shared with other checks). Every figure the pattern
        // finds has a digit, a "." and a digit in a row, looked for in the bytes (a digit
        // other than 0–9 taken to be any byte above 0x7F), not with Foundation's regular
        // expressions: most lines have none.
        for (text, line) in context.analyzed.textLines where Self.hasDigitPointDigit(text) {
            let range = NSRange(text.startIndex..., in: text)
            for match in Self.pattern.matches(in: text, range: range) {
                guard let figureRange = Range(match.range(at: 1), in: text), let whole = Range(match.range, in: text) else { continue }
                let figure = String(text[figureRange])
                let danish = DanishNumberReader.danishSpelling(ofEnglish: figure)
                let shown = String(text[whole])
                found.append(diagnostic(
                    "»\(shown)« er skrevet med decimalpunktum; på dansk skrives det \(danish)\(text[figureRange.upperBound..<whole.upperBound])",
                    "\"\(shown)\" is written with a decimal point; in Danish it is \(danish)\(text[figureRange.upperBound..<whole.upperBound])",
                    line: line, column: document.column(of: shown, inLine: line)))
            }
        }
        return found
    }

    /// Whether `text` may have a digit, ".", a digit in a row ("1.5", "12.000"): an ASCII
    /// digit or any byte of a non-ASCII scalar (Unicode has other digits) on each side.
    static func hasDigitPointDigit(_ text: String) -> Bool {
        func mayBeDigit(_ byte: UInt8) -> Bool { (byte >= 0x30 && byte <= 0x39) || byte >= 0x80 }
        func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard bytes.count >= 3 else { return false }
            for index in 1..<(bytes.count - 1) where bytes[index] == UInt8(ascii: ".") {
                if mayBeDigit(bytes[index - 1]), mayBeDigit(bytes[index + 1]) { return true }
            }
            return false
        }
        return text.utf8.withContiguousStorageIfAvailable(scan) ?? Array(text.utf8).withUnsafeBufferPointer(scan)
    }
}
