/// A table in a Word document is kept as pipe-table text: its content counts and is
/// checked as prose, its numbers are not.
public struct WordTableRule: Rule {
    public let id = "word.table"
    public let defaultSeverity = Severity.note
    public let summary = Message(da: "En tabel i Word-dokumentet er læst som tekst",
                                 en: "A table in the Word document is read as text")
    public var exampleSummaries: [ExampleSummary] {
        [ExampleSummary(triggers: true, description: "En tabel med lokaler og antal pladser"),
         ExampleSummary(triggers: false, description: "Sagsoplysningerne i skabelonens hovedtabel")]
    }
}
