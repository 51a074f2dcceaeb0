import IndstilSupport
import IndstilDocument

/// The same skeleton section twice.
public struct DuplicateSectionCheck: Check {
    public let id = "skeleton.duplicate-section"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "Et afsnit forekommer mere end én gang", en: "A section appears more than once")

    public var examples: [CheckExample] {
        [
            .triggers("»Resume« to gange", ExampleDocument.byraad.appendingSection("Resume ⟵", body: "Endnu et resumé.")),
            .passes("Hvert afsnit én gang", .byraad),
        ]
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var firstLine: [String: Int] = [:]
        var diagnostics: [Diagnostic] = []
        for match in context.analyzed.sections {
            guard let spec = match.spec else { continue }
            if let first = firstLine[spec.id] {
                diagnostics.append(diagnostic(
                    "Afsnittet »\(spec.heading)« står her igen (første gang i linje \(first)); saml teksten ét sted",
                    "The section \"\(spec.heading)\" appears again (first on line \(first)); keep it in one place",
                    line: match.section.line))
            } else {
                firstLine[spec.id] = match.section.line
            }
        }
        return diagnostics
    }
}
