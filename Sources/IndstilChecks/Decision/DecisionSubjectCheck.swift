import IndstilSupport
import IndstilDocument

/// Each decision point names who decides: "Byrådet …" / "at rådmanden …".
public struct DecisionSubjectCheck: Check {
    public let id = "decision.subject"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "Et beslutningspunkt begynder ikke med, hvem der beslutter (fx »Byrådet«)",
                                 en: "A decision point does not start with who decides (e.g. \"Byrådet\")")

    public var examples: [CheckExample] {
        [
            .triggers("»Magistraten« i en byrådsindstilling",
                      ExampleDocument.byraad.replacingSection("2. Beslutningspunkter", body: "Det indstilles på magistratens anbefaling:\n\n1. Byrådet godkender ordningen (bilag 1).\n2. Magistraten følger op på erfaringerne (bilag 2). ⟵")),
            .triggers("Et punkt uden subjekt",
                      ExampleDocument.byraad.replacingSection("2. Beslutningspunkter", body: "Det indstilles på magistratens anbefaling:\n\n1. Godkende ordningen (bilag 1). ⟵\n2. Byrådet tager erfaringerne til efterretning (bilag 2).")),
            .passes("»Byrådet« først", .byraad),
            .passes("»at rådmanden« i en rådmandsindstilling", .raadmand),
        ]
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        guard let decision = context.profile.decision, !decision.subjects.isEmpty else { return [] }
        let subjects = decision.subjects.map { $0.lowercased() }
        let named = decision.subjects.map { "»\($0)«" }.joined(separator: " eller ")
        // Only the start of a point can match: lower-case just enough characters ("at " and
        // the longest subject, one more for good measure) instead of the whole point.
        // Lower-casing maps scalar by scalar, so this is a prefix of the whole lower-cased text.
        let needed = 3 + (subjects.map(\.count).max() ?? 0) + 1
        return context.analyzed.decisionPoints.compactMap { point in
            var text = Substring(point.text.prefix(needed).lowercased())
            if text.hasPrefix("at ") { text = text.dropFirst(3) }
            if subjects.contains(where: { text.hasPrefix($0) }) { return nil }
            return diagnostic("Beslutningspunktet skal begynde med \(named) og et udsagnsord, fx »\(decision.subjects[0]) godkender …«",
                              "The decision point must start with \(decision.subjects.joined(separator: " or ")) and a verb",
                              line: point.line)
        }
    }
}
