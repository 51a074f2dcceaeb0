import IndstilSupport
import IndstilDocument

/// Every required skeleton section must be present.
public struct MissingSectionCheck: Check {
    public let id = "skeleton.missing-section"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "Et obligatorisk afsnit i profilens skelet mangler",
                                 en: "A mandatory section of the profile's skeleton is missing")

    public var examples: [CheckExample] {
        [
            .triggers("»Hvorfor skal byrådet behandle sagen?« er fjernet (rapporteres ved det næste afsnit)",
                      ExampleDocument.byraad.removingSection("3. Hvorfor skal").replacingSection("4. Hvorfor fremsendes", heading: "4. Hvorfor fremsendes indstillingen? ⟵", body: "Forsøget viste, at lokalerne står tomme.")),
            .triggers("Sidste afsnit mangler (rapporteres ved det sidste afsnit)",
                      ExampleDocument.byraad.removingSection("9. Hvad er den videre").replacingSection("8. Hvilke", heading: "8. Hvilke ressourcer kræves? ⟵", body: "Inden for rammen.")),
            .passes("Alle afsnit er der", .byraad),
            .passes("Overskrift uden nummer og via alias (Resumé)", ExampleDocument.byraad.replacingSection("1. Resume", heading: "Resumé", body: "Kort om sagen, jf. bilag 1.")),
        ]
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let present = Set(context.analyzed.sections.compactMap { $0.spec?.id })
        let sections = context.analyzed.sections
        var diagnostics: [Diagnostic] = []
        for (index, spec) in context.profile.sections.enumerated() where spec.required && !present.contains(spec.id) {
            // Point at the heading that should have followed it, else the last heading.
            let laterIDs = Set(context.profile.sections[(index + 1)...].map(\.id))
            let anchor = sections.first { $0.spec.map { laterIDs.contains($0.id) } ?? false }?.section.line
                ?? sections.last?.section.line
                ?? context.document.frontMatterEndLine
            diagnostics.append(diagnostic(
                "Afsnittet »\(spec.heading)« mangler; profilen \(context.profile.id) kræver det",
                "The section \"\(spec.heading)\" is missing; profile \(context.profile.id) requires it",
                line: anchor))
        }
        return diagnostics
    }
}
