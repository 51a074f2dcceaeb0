import IndstilSupport
import IndstilDocument

/// An item marked withdrawn (`udfald: udgået`) also has a decision: it was either
/// treated or it was not.
public struct MinutesWithdrawnCheck: MinutesCheck {
    public let id = "minutes.withdrawn"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "Et udgået punkt har en beslutning", en: "A withdrawn item has a decision")

    public var examples: [ProjectExample] {
        [
            .triggers("Punkt 2 er udgået, men har et udfald for beslutningspunkt 1", entry: MinutesExample.manifestName, files: MinutesExample.project(items: [
                "  - punkt: 1",
                "    udfald: godkendt",
                "  - punkt: 2",
                "    udfald: udgået",
                "    beslutningspunkter: ⟵",
                "      1: taget til efterretning",
            ])),
            .passes("Punkt 2 er udgået uden beslutning", entry: MinutesExample.manifestName, files: MinutesExample.project(items: [
                "  - punkt: 1",
                "    udfald: godkendt",
                "  - punkt: 2",
                "    udfald: udgået",
            ])),
        ]
    }

    public func check(_ context: MinutesCheckContext) -> [LocatedDiagnostic] {
        context.manifest.items.compactMap { entry in
            guard entry.outcome == .withdrawn, entry.decision != nil || !entry.points.isEmpty else { return nil }
            return LocatedDiagnostic(context.manifestPath, diagnostic(
                "Punkt \(entry.number) er udgået og kan derfor ikke have en beslutning; fjern »\(entry.decision != nil ? "beslutning" : "beslutningspunkter")« eller »udfald: udgået«",
                "Item \(entry.number) is withdrawn and so cannot have a decision; remove \"\(entry.decision != nil ? "beslutning" : "beslutningspunkter")\" or \"udfald: udgået\"",
                line: entry.decision != nil ? entry.decisionLine : entry.pointsLine))
        }
    }
}
