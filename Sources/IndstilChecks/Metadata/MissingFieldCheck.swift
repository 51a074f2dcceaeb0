import IndstilSupport
import IndstilDocument

/// A required front-matter field is absent or empty.
public struct MissingFieldCheck: Check {
    public let id = "metadata.missing-field"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "Et obligatorisk felt i front matter mangler eller er tomt",
                                 en: "A required front-matter field is missing or empty")

    public var examples: [CheckExample] {
        [
            .triggers("Ingen sagsnummer", ExampleDocument.byraad.settingField("sagsnummer", nil), line: 1),
            .triggers("Tom titel", ExampleDocument.byraad.settingField("titel", "titel: \"\" ⟵")),
            .triggers("Lukket sag uden begrundelse", ExampleDocument.byraad.settingField("status", "status: lukket"), line: 1),
            .triggers("Sagsbehandler uden e-post", ExampleDocument.byraad.settingField("  email", nil).replacingFrontMatterText("sagsbehandler:", with: "sagsbehandler: ⟵")),
            .passes("Alle felter udfyldt", .byraad),
            .passes("Lukket sag med begrundelse",
                    ExampleDocument.byraad.settingField("status", "status: lukket").settingField("begrundelse", "begrundelse: \"Forhandlinger om køb af ejendom\"")),
        ]
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        FieldValidator.problems(in: context.document.frontMatter, profile: context.profile).compactMap { problem in
            guard case .missing(let path, let label, let line) = problem else { return nil }
            let why = path == "begrundelse" ? " (en lukket sag skal have en skriftlig begrundelse)" : ""
            let whyEN = path == "begrundelse" ? " (a closed case needs a written justification)" : ""
            return diagnostic("Feltet »\(path)« (\(label)) mangler i front matter\(why)",
                              "The field \"\(path)\" (\(label)) is missing from the front matter\(whyEN)", line: line)
        }
    }
}
