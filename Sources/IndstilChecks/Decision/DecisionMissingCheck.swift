import IndstilSupport
import IndstilDocument

/// The decision section holds no decision points.
public struct DecisionMissingCheck: Check {
    public let id = "decision.missing"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "Beslutningsafsnittet indeholder ingen beslutningspunkter",
                                 en: "The decision section holds no decision points")

    public var examples: [CheckExample] {
        [
            .triggers("Kun indledningen, ingen punkter",
                      ExampleDocument.byraad.replacingSection("2. Beslutningspunkter", heading: "2. Beslutningspunkter ⟵", body: "Det indstilles på magistratens anbefaling, at ordningen godkendes.")),
            .passes("Nummereret liste", .byraad),
            .passes("Indsat fra Word som »At 1) Byrådet …«",
                    ExampleDocument.byraad.replacingSection("2. Beslutningspunkter", body: "Det indstilles på magistratens anbefaling:\n\nAt 1) Byrådet godkender ordningen (bilag 1)\n\nAt 2) Byrådet tager erfaringerne til efterretning (bilag 2)")),
        ]
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        guard let decision = context.profile.decision, let match = context.analyzed.section(withID: decision.section),
              context.analyzed.decisionPoints.isEmpty else { return [] }
        let example = DecisionMissingCheck.render(decision)
        return [diagnostic(
            "Afsnittet »\(match.section.title)« har ingen beslutningspunkter; skriv dem som en nummereret liste (\(example))",
            "The section \"\(match.section.title)\" has no decision points; write them as a numbered list (\(example))",
            line: match.section.line)]
    }

    package static func render(_ decision: DecisionSpec) -> String {
        let subject = decision.subjects.first ?? ""
        return decision.form.contains("At") ? "1. \(subject) …" : "1) at \(subject) …"
    }
}
