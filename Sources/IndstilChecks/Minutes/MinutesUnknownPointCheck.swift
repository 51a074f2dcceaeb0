import IndstilSupport
import IndstilDocument

/// The minutes give an outcome for an item the agenda does not have, or for a decision
/// point the item's indstilling does not have.
public struct MinutesUnknownPointCheck: MinutesCheck {
    public let id = "minutes.unknown-point"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "Referatet har et udfald for et punkt eller beslutningspunkt, der ikke findes",
                                 en: "The minutes have an outcome for an item or decision point that does not exist")

    public var examples: [ProjectExample] {
        [
            .triggers("Indstillingen har kun ét beslutningspunkt", entry: MinutesExample.manifestName, files: MinutesExample.project(items: [
                "  - punkt: 1",
                "    udfald: godkendt",
                "  - punkt: 2",
                "    beslutningspunkter:",
                "      1: taget til efterretning",
                "      2: godkendt ⟵",
            ])),
            .triggers("Dagsordenen har ikke noget punkt 7", entry: MinutesExample.manifestName, files: MinutesExample.project(items: MinutesExample.defaultItems + [
                "  - punkt: 7 ⟵",
                "    udfald: godkendt",
            ])),
            .passes("Kun punkter og beslutningspunkter, der findes", entry: MinutesExample.manifestName, files: MinutesExample.project()),
        ]
    }

    public func check(_ context: MinutesCheckContext) -> [LocatedDiagnostic] {
        var found: [LocatedDiagnostic] = []
        let numbers = Set(context.agenda.items.map(\.number))
        var seen: Set<Int> = []
        for entry in context.manifest.items {
            guard numbers.contains(entry.number) else {
                found.append(LocatedDiagnostic(context.manifestPath, diagnostic(
                    "Dagsordenen har intet punkt \(entry.number) (den har punkt 1–\(context.agenda.items.count))",
                    "The agenda has no item \(entry.number) (it has items 1–\(context.agenda.items.count))", line: entry.numberLine)))
                continue
            }
            if !seen.insert(entry.number).inserted {
                found.append(LocatedDiagnostic(context.manifestPath, diagnostic(
                    "Punkt \(entry.number) står to gange i referatet", "Item \(entry.number) is in the minutes twice", line: entry.numberLine)))
            }
            let count = context.items.first { $0.agendaItem.number == entry.number }?.decisionPoints.count ?? 0
            for point in entry.points where point.point > count {
                let has = count == 0 ? ("indstillingen har ingen beslutningspunkter", "the indstilling has no decision points")
                    : ("indstillingen har beslutningspunkt 1–\(count)", "the indstilling has decision points 1–\(count)")
                found.append(LocatedDiagnostic(context.manifestPath, diagnostic(
                    "Punkt \(entry.number) har intet beslutningspunkt \(point.point): \(has.0)",
                    "Item \(entry.number) has no decision point \(point.point): \(has.1)", line: point.line)))
            }
        }
        return found
    }
}
