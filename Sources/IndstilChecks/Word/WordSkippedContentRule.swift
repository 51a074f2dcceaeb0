import IndstilSupport
import IndstilDocument

/// What the Word reader does not read as text, or reads in another form, and says so rather
/// than guessing: fields (read as their last shown result), charts, SmartArt, embedded
/// objects, macros, images without alternative text, equations, lists numbered with letters,
/// properties pandoc writes empty.
public struct WordSkippedContentRule: Rule {
    public let id = "word.skipped"
    public let defaultSeverity = Severity.warning
    public let summary = Message(da: "Dele af Word-dokumentet (felter, diagrammer, objekter, ligninger) er ikke læst som tekst",
                                 en: "Parts of the Word document (fields, charts, objects, equations) are not read as text")
    public var exampleSummaries: [ExampleSummary] {
        [ExampleSummary(triggers: true, description: "Et diagram (graf) eller en SmartArt-figur midt i brødteksten"),
         ExampleSummary(triggers: false, description: "Afsnit, lister, tabeller, tekstbokse, fodnoter og billeder med alternativ tekst")]
    }
}
