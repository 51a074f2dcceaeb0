import IndstilSupport

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
