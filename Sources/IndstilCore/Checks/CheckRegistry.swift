/// Every built-in check, in the order `indstil checks` lists them. Add new checks here.
public enum CheckRegistry {
    public static let all: [any Check] = [
        InputInvalidCheck(),
        MissingSectionCheck(),
        SectionOrderCheck(),
        UnknownSectionCheck(),
        EmptySectionCheck(),
        DuplicateSectionCheck(),
        SectionNumberingCheck(),
        MissingFieldCheck(),
        InvalidFieldCheck(),
        UnknownFieldCheck(),
        TotalLengthCheck(),
        SectionLengthCheck(),
        DecisionMissingCheck(),
        DecisionNumberingCheck(),
        DecisionSubjectCheck(),
        CouncilReasonCheck(),
        UnknownReferenceCheck(),
        UnreferencedCheck(),
        MissingFileCheck(),
        PathEscapeCheck(),
        PlaceholderCheck(),
        DuplicateParagraphCheck(),
        LixCheck(),
        LongSentenceCheck(),
    ]

    public static func check(withID id: String) -> (any Check)? {
        all.first { $0.id == id }
    }
}
