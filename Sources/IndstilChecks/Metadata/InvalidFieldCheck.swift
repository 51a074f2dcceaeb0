import IndstilSupport
import IndstilDocument

/// A front-matter value that does not have its field's form (date, e-mail, phone …),
/// or a `profil` that names no known profile.
public struct InvalidFieldCheck: Check {
    public let id = "metadata.invalid-field"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "Et felt i front matter har en ugyldig værdi (dato, e-post, telefon, sagsnummer …)",
                                 en: "A front-matter field has an invalid value (date, e-mail, phone, case number …)")

    public var examples: [CheckExample] {
        [
            .triggers("En dato der ikke findes", ExampleDocument.byraad.settingField("dato", "dato: 2026-02-30 ⟵")),
            .triggers("Dansk datoformat i stedet for ÅÅÅÅ-MM-DD", ExampleDocument.byraad.settingField("dato", "dato: 31.03.2026 ⟵")),
            .triggers("Forkert sagsnummer", ExampleDocument.byraad.settingField("sagsnummer", "sagsnummer: 26/123 ⟵")),
            .triggers("Ugyldig e-post", ExampleDocument.byraad.replacingFrontMatterText("  email: ida.eksempel@example.dk", with: "  email: ida.eksempel.example.dk ⟵")),
            .triggers("Status der ikke findes", ExampleDocument.byraad.settingField("status", "status: halvåben ⟵")),
            .triggers("Tidsforbrug der ikke er et tal", ExampleDocument.raadmand.settingField("forventet_tidsforbrug", "forventet_tidsforbrug: ti minutter ⟵")),
            .passes("Gyldige værdier", .byraad),
            .passes("Telefon med +45", ExampleDocument.byraad.replacingFrontMatterText("\"89 40 00 00\"", with: "\"+45 89 40 00 00\"")),
        ]
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        FieldValidator.problems(in: context.document.frontMatter, profile: context.profile).compactMap { problem in
            guard case .invalid(let path, _, let reason, let line, let column) = problem else { return nil }
            return diagnostic("Feltet »\(path)«: \(reason.da)", "The field \"\(path)\": \(reason.en)", line: line, column: column)
        }
    }
}
