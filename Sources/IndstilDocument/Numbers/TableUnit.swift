import Foundation
import IndstilSupport

/// The unit a table's figures are in: its `enhed:`, the parenthesis of its first header
/// cell ("Tema (1.000 kr.)"), or a unit written in a cell ("1,2 mio. kr.", "28,4 %").
public enum TableUnit: Sendable, Equatable {
    case kroner
    case thousandKroner
    case millionKroner
    case billionKroner
    case percent

    /// Kroner per unit, for comparing figures across tables; nil for percent.
    public var kroner: Decimal? {
        switch self {
        case .kroner: return 1
        case .thousandKroner: return 1_000
        case .millionKroner: return 1_000_000
        case .billionKroner: return 1_000_000_000
        case .percent: return nil
        }
    }

    /// As a council table prints it.
    public var danishName: String {
        switch self {
        case .kroner: return "kr."
        case .thousandKroner: return "1.000 kr."
        case .millionKroner: return "mio. kr."
        case .billionKroner: return "mia. kr."
        case .percent: return "%"
        }
    }

    /// "1.000 kr.", "1.000 kr", "t. kr.", "mio. kr.", "mio.kr", "kr.", "%", "pct." (case and
    /// spacing ignored); nil for anything else.
    public init?(name: String) {
        let compact = name.lowercased().filter { !$0.isWhitespace }
        switch compact {
        case "kr.", "kr", "kroner": self = .kroner
        case "1.000kr.", "1.000kr", "1000kr.", "1000kr", "t.kr.", "t.kr", "tkr.", "tkr", "tusindekr.", "tusindkr.": self = .thousandKroner
        case "mio.kr.", "mio.kr", "mio.", "mio", "mill.kr.", "millionerkr.": self = .millionKroner
        case "mia.kr.", "mia.kr", "mia.", "mia": self = .billionKroner
        case "%", "pct.", "pct", "procent", "andel": self = .percent
        default: return nil
        }
    }

    /// The unit in the last parenthesis of a header cell: "Magistratsafdeling (mio. kr.)".
    public static func inParentheses(of text: String) -> TableUnit? {
        guard let open = text.lastIndex(of: "("), let close = text.lastIndex(of: ")"), open < close else { return nil }
        return TableUnit(name: String(text[text.index(after: open)..<close]))
    }
}
