import IndstilSupport
import IndstilDocument

/// A table among the Word template's case details (the header block) that is not a list
/// of fields is kept as text there: its numbers are not checked. Tables in the body become
/// pipe tables and are checked like any table.
public struct WordTableRule: Rule {
    public let id = "word.table"
    public let defaultSeverity = Severity.note
    public let summary = Message(da: "En tabel blandt sagsoplysningerne i Word-dokumentet er læst som tekst",
                                 en: "A table among the case details of the Word document is read as text")
    public var exampleSummaries: [ExampleSummary] {
        [ExampleSummary(triggers: true, description: "En tabel med lokaler og antal pladser"),
         ExampleSummary(triggers: false, description: "Sagsoplysningerne i skabelonens hovedtabel")]
    }
}
