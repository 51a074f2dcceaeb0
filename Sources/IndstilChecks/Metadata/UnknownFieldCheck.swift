import IndstilSupport
import IndstilDocument

/// A front-matter key the profile does not know: usually a typo, and its value
/// would otherwise be silently ignored.
public struct UnknownFieldCheck: Check {
    public let id = "metadata.unknown-field"
    public let defaultSeverity = Severity.warning
    public let summary = Message(da: "Et felt i front matter kendes ikke af profilen (stavefejl?)",
                                 en: "A front-matter field is unknown to the profile (a typo?)")

    public var examples: [CheckExample] {
        [
            .triggers("»sagsnumer« i stedet for »sagsnummer«",
                      ExampleDocument.byraad.settingField("sagsnummer", "sagsnumer: 26-000123 ⟵").settingField("sagsnummer", "sagsnummer: 26-000123")),
            .passes("Kun kendte felter", .byraad),
        ]
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let known = context.profile.fields.map(\.key).joined(separator: ", ")
        return FieldValidator.problems(in: context.document.frontMatter, profile: context.profile).compactMap { problem in
            guard case .unknown(let path, let line) = problem else { return nil }
            return diagnostic("Feltet »\(path)« kendes ikke af profilen \(context.profile.id) og bliver ikke brugt (kendte felter: \(known))",
                              "The field \"\(path)\" is unknown to profile \(context.profile.id) and is not used (known fields: \(known))",
                              line: line)
        }
    }
}
