import IndstilSupport

/// What was decided about an item or one of its decision points, as the minutes record it.
/// The words are those of the manifest (`udfald: godkendt`); each has a standard phrase
/// (`standardPhrase`), which a minutes manifest may replace under `fraser:`.
public enum MinutesOutcome: String, Sendable, CaseIterable {
    case approved = "godkendt"
    case approvedWithChanges = "godkendt med ændringer"
    case notApproved = "ikke godkendt"
    case notedForInformation = "taget til efterretning"
    case discussed = "drøftet"
    case postponed = "udsat"
    case withdrawn = "udgået"

    /// "godkendt", "Godkendt med ændringer", "ikke_godkendt", "udgaaet" … → the outcome.
    public init?(word: String) {
        let folded = word.trimmingWhitespaceAndNewlines.lowercased()
            .replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "aa", with: "å")
            .replacingOccurrences(of: "ae", with: "æ").replacingOccurrences(of: "oe", with: "ø")
        let aliases: [String: MinutesOutcome] = ["tiltrådt": .approved, "taget til orientering": .notedForInformation,
                                                 "udgik": .withdrawn, "trukket": .withdrawn]
        guard let outcome = MinutesOutcome(rawValue: folded) ?? aliases[folded] else { return nil }
        self = outcome
    }

    /// The outcome as the register names it ("Godkendt", "Taget til orientering" …);
    /// `noting` as for `standardPhrase`.
    public func label(noting: String? = nil) -> String {
        switch self {
        case .approved: "Godkendt"
        case .approvedWithChanges: "Godkendt med ændringer"
        case .notApproved: "Ikke godkendt"
        case .notedForInformation: "Taget \(noting ?? "til efterretning")"
        case .discussed: "Drøftet"
        case .postponed: "Udsat"
        case .withdrawn: "Udgået"
        }
    }

    /// The sentence the minutes print when no text of its own is given. `noting` is the
    /// recommendation's own phrase for taking something in ("til orientering" or "til
    /// efterretning"), so the minutes repeat the verb the recommendation proposed.
    public func standardPhrase(noting: String?, reason: String?) -> String {
        switch self {
        case .approved: return "Godkendt."
        case .approvedWithChanges: return "Godkendt med ændringer."
        case .notApproved:
            guard let reason, !reason.isEmpty else { return "Indstillingen kunne ikke tiltrædes." }
            return "Indstillingen kunne ikke tiltrædes, da \(reason.trimmingTrailingFullStop)."
        case .notedForInformation: return "Taget \(noting ?? "til efterretning")."
        case .discussed: return "Drøftet uden særlige bemærkninger."
        case .postponed: return "Udsat."
        case .withdrawn: return "Udgik."
        }
    }

    public static var words: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

extension String {
    var trimmingTrailingFullStop: String {
        var text = trimmingWhitespaceAndNewlines
        while text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
