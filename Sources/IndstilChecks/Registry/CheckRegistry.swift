import IndstilSupport
import IndstilDocument

/// Every rule the tool can report, each registered once. Add new checks here.
public enum CheckRegistry {
    /// The checks of one document, in the order `indstil checks` lists them.
    public static let documentChecks: [any Check] = [
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
        StatedCountCheck(),
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
        RawHTMLCheck(),
        ImageAltTextCheck(),
        LinkTextCheck(),
        HeadingLevelCheck(),
        NumberConventionCheck(),
        LixCheck(),
        LongSentenceCheck(),
        StiffPhraseCheck(),
        NominalisationCheck(),
        UnknownWordCheck(),
        TableSourceCheck(),
        TableRaggedRowCheck(),
        TableEmptyHeaderCheck(),
        TableTextInNumberColumnCheck(),
        TableAmbiguousNumberCheck(),
        TableTotalCheck(),
        TableShareCheck(),
        TableDuplicateIDCheck(),
        TableUnknownReferenceCheck(),
        TableReferenceCheck(),
        CatalogueThemeSheetCheck(),
        CatalogueOverviewCheck(),
        CatalogueDepartmentCheck(),
        PrivacyCPRCheck(),
        PrivacyNameAddressCheck(),
        PrivacyHealthCheck(),
        PrivacyContactCheck(),
    ]

    /// The checks of a betænkning's bundle as a whole (`BundleAssembler`).
    public static let bundleChecks: [any BundleCheck] = [
        BundleDuplicateIDCheck(),
        BundleNumberingCheck(),
        BundleUnresolvedReferenceCheck(),
        UntaggedAttachmentCheck(),
        PublicationClosedFileCheck(),
    ]

    /// The checks of an agenda as a whole (`AgendaAssembler`).
    public static let agendaChecks: [any AgendaCheck] = [
        AgendaTimeCheck(),
        AgendaDurationCheck(),
        AgendaMeetingDateCheck(),
        AgendaClosedCheck(),
        AgendaItemStateCheck(),
        AgendaAfterSendingCheck(),
        PublicationClosedFileCheck(),
        AgendaTitleCheck(),
        AgendaDeadlineCheck(),
        UntaggedAttachmentCheck(),
    ]

    /// The checks of a meeting's minutes (`MinutesAssembler`).
    public static let minutesChecks: [any MinutesCheck] = [
        MinutesMissingOutcomeCheck(),
        MinutesUnknownPointCheck(),
        MinutesWithdrawnCheck(),
        MinutesMissingChangeCheck(),
        MinutesWordingCheck(),
        MinutesAttendanceCheck(),
        MinutesDateCheck(),
    ]

    public static let pluginFailed = PluginFailedRule()

    /// What the Word reader reports about a .docx file itself (`WordImport`).
    public static let wordRules: [any Rule] = [
        WordTrackedChangeRule(),
        WordCommentRule(),
        WordSkippedContentRule(),
        WordTableRule(),
    ]

    /// Every id the tool can emit, in the order `indstil checks` and SARIF list them.
    /// (A rule of both bundles and agendas, such as `a11y.untagged-attachment`, is listed once.)
    public static let rules: [any Rule] = once(
        documentChecks.map { $0 as any Rule } + bundleChecks.map { $0 as any Rule } + agendaChecks.map { $0 as any Rule }
        + minutesChecks.map { $0 as any Rule } + wordRules + [pluginFailed], id: { $0.id })

    /// The rules whose examples are small projects.
    public static let projectRules: [any ProjectRule] = once(
        bundleChecks.map { $0 as any ProjectRule } + agendaChecks.map { $0 as any ProjectRule }
        + minutesChecks.map { $0 as any ProjectRule } + [pluginFailed], id: { $0.id })

    /// The first rule of each id, in order.
    package static func once<R>(_ rules: [R], id: (R) -> String) -> [R] {
        var seen: Set<String> = []
        return rules.filter { seen.insert(id($0)).inserted }
    }

    public static func rule(withID id: String) -> (any Rule)? {
        rules.first { $0.id == id }
    }
}
