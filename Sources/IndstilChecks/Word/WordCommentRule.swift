import IndstilSupport
import IndstilDocument

/// Comments left in a Word file: they travel with the file to the council.
public struct WordCommentRule: Rule {
    public let id = "word.comment"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "Word-dokumentet har kommentarer, der ikke er slettet",
                                 en: "The Word document has comments that were not deleted")
    public var exampleSummaries: [ExampleSummary] {
        [ExampleSummary(triggers: true, description: "En kommentar fra en kollega i resuméet"),
         ExampleSummary(triggers: false, description: "Kommentarerne er slettet")]
    }
}
