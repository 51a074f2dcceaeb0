import IndstilSupport
import IndstilDocument

/// Tracked changes (insertions, deletions, formatting) still in a Word file: the council
/// must not receive a draft's history. Reported by the Word reader on the paragraph.
public struct WordTrackedChangeRule: Rule {
    public let id = "word.tracked-change"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "Word-dokumentet har sporede ændringer, der ikke er godkendt eller afvist",
                                 en: "The Word document has tracked changes that were neither accepted nor rejected")
    public var exampleSummaries: [ExampleSummary] {
        [ExampleSummary(triggers: true, description: "Et afsnit med indsat tekst under Spor ændringer"),
         ExampleSummary(triggers: false, description: "Alle ændringer godkendt")]
    }
}
