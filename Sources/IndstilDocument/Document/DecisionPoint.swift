import Foundation
import IndstilSupport

/// One decision point: "At 2) Byrådet vedtager …" or an ordered-list item.
public struct DecisionPoint: Sendable, Equatable {
    /// The number as the author wrote it (nil for a bullet).
    public let writtenNumber: Int?
    /// The text without its number and without a leading "At n)".
    public let text: String
    public let line: Int

    /// Finds the decision points of a section: ordered (or bulleted) list items, and
    /// pasted lines of the form "At 1) Byrådet …" / "1) at rådmanden …".
    static func extract(from section: Section, in document: Document) -> [DecisionPoint] {
        var points: [DecisionPoint] = []
        for block in section.blocks {
            switch block.kind {
            case .list(let ordered, _, _):
                for item in block.children {
                    let source = document.sourceLine(item.line)
                    let number = ordered ? Self.leadingNumber(in: source) : nil
                    let text = item.plainText.foldingWhitespace
                    points.append(DecisionPoint(writtenNumber: number, text: Self.strippingPastedPrefix(text).text, line: item.line))
                }
            case .paragraph:
                for (text, line) in block.textLines {
                    let folded = text.foldingWhitespace
                    let pasted = Self.strippingPastedPrefix(folded)
                    if let number = pasted.number {
                        points.append(DecisionPoint(writtenNumber: number, text: pasted.text, line: line))
                    }
                }
            default:
                break
            }
        }
        return points
    }

    /// "  3. Byrådet" → 3 (the literal number of a list item's source line).
    package static func leadingNumber(in line: Substring) -> Int? {
        var rest = line.drop { $0 == " " || $0 == ">" || $0 == "\t" }
        if startsWithAt(rest) { rest = rest.dropFirst(3).drop { $0 == " " } }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        return Int(digits)
    }

    /// `text.lowercased().hasPrefix("at ")`, lower-casing only the first three characters
    /// instead of the whole decision point (lower-casing maps scalar by scalar, so the
    /// prefix of the lower-cased text is the lower-cased prefix).
    static func startsWithAt(_ text: Substring) -> Bool {
        text.prefix(3).lowercased().hasPrefix("at ")
    }

    /// "At 2) Byrådet …" → (2, "Byrådet …"); "Byrådet …" → (nil, "Byrådet …").
    static func strippingPastedPrefix(_ text: String) -> (number: Int?, text: String) {
        var rest = Substring(text)
        if startsWithAt(rest) { rest = rest.dropFirst(3).drop { $0 == " " } }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9, let number = Int(digits) else { return (nil, text) }
        let afterDigits = rest.dropFirst(digits.count)
        guard afterDigits.first == ")" else { return (nil, text) }
        return (number, String(afterDigits.dropFirst().drop { $0 == " " }))
    }
}
