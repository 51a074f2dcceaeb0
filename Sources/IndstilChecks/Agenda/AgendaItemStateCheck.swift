import IndstilSupport
import IndstilDocument

/// Where each item is on its way to the meeting (`tilstand: kladde | klar | godkendt` on the
/// item). Once an agenda states it for any item, every item not yet `godkendt` is a warning,
/// so `indstil check --strict` passes only when all are approved — the check before the
/// agenda is sent. A value that is not one of the three is an error. Agendas that state no
/// `tilstand` are not checked.
public struct AgendaItemStateCheck: AgendaCheck {
    public let id = "agenda.item-state"
    public let defaultSeverity = Severity.warning
    public let summary = Message(da: "Et punkt på dagsordenen er ikke godkendt (tilstand: kladde eller klar)",
                                 en: "An item on the agenda is not approved (tilstand: kladde or klar)")

    static let states = ["kladde", "klar", "godkendt"]

    public var examples: [ProjectExample] {
        [
            .triggers("Et punkt er kun klar, et andet godkendt", entry: AgendaExample.manifestName, files: AgendaExample.project(items: [
                "  - titel: Godkendelse af dagsorden",
                "    minutter: 5",
                "    tilstand: godkendt",
                "  - indstilling: \(AgendaExample.recommendationPath)",
                "    minutter: 10",
                "    tilstand: klar ⟵",
            ])),
            .triggers("Et punkt uden tilstand, når andre har en", entry: AgendaExample.manifestName, files: AgendaExample.project(items: [
                "  - titel: Godkendelse af dagsorden",
                "    minutter: 5",
                "    tilstand: godkendt",
                "  - indstilling: \(AgendaExample.recommendationPath) ⟵",
                "    minutter: 10",
            ])),
            .triggers("En tilstand, der ikke findes", entry: AgendaExample.manifestName, files: AgendaExample.project(items: [
                "  - titel: Godkendelse af dagsorden",
                "    minutter: 5",
                "    tilstand: færdig ⟵",
                "  - indstilling: \(AgendaExample.recommendationPath)",
                "    minutter: 10",
                "    tilstand: godkendt",
            ])),
            .passes("Alle punkter godkendt", entry: AgendaExample.manifestName, files: AgendaExample.project(items: [
                "  - titel: Godkendelse af dagsorden",
                "    minutter: 5",
                "    tilstand: godkendt",
                "  - indstilling: \(AgendaExample.recommendationPath)",
                "    minutter: 10",
                "    tilstand: Godkendt",
            ])),
            .passes("En dagsorden uden tilstande kontrolleres ikke", entry: AgendaExample.manifestName, files: AgendaExample.project()),
        ]
    }

    public func check(_ context: AgendaCheckContext) -> [LocatedDiagnostic] {
        guard context.items.contains(where: { $0.entry.state != nil }) else { return [] }
        return context.items.compactMap { item in
            let state = item.entry.state?.lowercased()
            switch state {
            case "godkendt":
                return nil
            case let state? where !Self.states.contains(state):
                var found = diagnostic(
                    "»tilstand« i punkt \(item.number) skal være kladde, klar eller godkendt (fik »\(item.entry.state ?? "")«)",
                    "\"tilstand\" of item \(item.number) must be kladde, klar or godkendt (got \"\(item.entry.state ?? "")\")",
                    line: item.entry.stateLine)
                found.severity = .error
                return LocatedDiagnostic(context.manifestPath, found)
            default:
                return LocatedDiagnostic(context.manifestPath, diagnostic(
                    "Punkt \(item.number) er ikke godkendt (tilstand: \(state ?? "ikke angivet")); sæt »tilstand: godkendt«, når det er klar til udsendelse",
                    "Item \(item.number) is not approved (tilstand: \(state ?? "not stated")); set \"tilstand: godkendt\" when it is ready to be sent",
                    line: item.entry.state == nil ? item.entry.line : item.entry.stateLine))
            }
        }
    }
}
