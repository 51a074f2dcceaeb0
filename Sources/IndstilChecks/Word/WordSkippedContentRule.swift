import IndstilSupport
import IndstilDocument

/// What the Word reader does not read as text, and says so rather than guessing: fields
/// (read as their last shown result), text boxes, embedded objects, images without
/// alternative text.
public struct WordSkippedContentRule: Rule {
    public let id = "word.skipped"
    public let defaultSeverity = Severity.warning
    public let summary = Message(da: "Dele af Word-dokumentet (felter, tekstbokse, objekter) er ikke læst som tekst",
                                 en: "Parts of the Word document (fields, text boxes, objects) are not read as text")
    public var exampleSummaries: [ExampleSummary] {
        [ExampleSummary(triggers: true, description: "En tekstboks ved siden af brødteksten"),
         ExampleSummary(triggers: false, description: "Kun afsnit, lister og billeder med alternativ tekst")]
    }
}
