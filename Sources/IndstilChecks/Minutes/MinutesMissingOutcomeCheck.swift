import IndstilSupport
import IndstilDocument

/// An item of the agenda, or a decision point of its indstilling, has no outcome in the
/// minutes (a withdrawn item needs none).
public struct MinutesMissingOutcomeCheck: MinutesCheck {
    public let id = "minutes.missing-outcome"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "Et punkt eller et beslutningspunkt har intet udfald i referatet",
                                 en: "An item or a decision point has no outcome in the minutes")

    public var examples: [ProjectExample] {
        [
            .triggers("Beslutningspunkt 1 i punkt 2 har intet udfald", entry: MinutesExample.manifestName, files: MinutesExample.project(items: [
                "  - punkt: 1",
                "    udfald: godkendt",
                "  - punkt: 2 ⟵",
                "    bemaerkninger: Ordningen blev drøftet.",
            ])),
            .triggers("Punkt 2 mangler i referatet", entry: MinutesExample.manifestName, files: MinutesExample.project(items: [
                "  - punkt: 1",
                "    udfald: godkendt",
            ], markItems: true)),
            .passes("Hvert beslutningspunkt har sit udfald", entry: MinutesExample.manifestName, files: MinutesExample.project()),
            .passes("Ét udfald for hele punktet gælder alle beslutningspunkter", entry: MinutesExample.manifestName, files: MinutesExample.project(items: [
                "  - punkt: 1",
                "    beslutning: Godkendt.",
                "  - punkt: 2",
                "    udfald: taget til efterretning",
            ])),
        ]
    }

    public func check(_ context: MinutesCheckContext) -> [LocatedDiagnostic] {
        var found: [LocatedDiagnostic] = []
        for item in context.items {
            let number = item.agendaItem.number
            guard let entry = item.entry else {
                found.append(LocatedDiagnostic(context.manifestPath, diagnostic(
                    "Punkt \(number) »\(item.agendaItem.title)« står på dagsordenen, men referatet siger ikke, hvad der blev besluttet",
                    "Item \(number) \"\(item.agendaItem.title)\" is on the agenda, but the minutes do not say what was decided",
                    line: context.itemsLine)))
                continue
            }
            if entry.outcome == .withdrawn { continue }
            if item.decisionPoints.isEmpty {
                if !entry.hasDecision {
                    found.append(LocatedDiagnostic(context.manifestPath, diagnostic(
                        "Punkt \(number) har hverken »udfald« eller »beslutning«",
                        "Item \(number) has neither \"udfald\" nor \"beslutning\"", line: entry.numberLine)))
                }
                continue
            }
            if entry.outcome != nil { continue }
            let stated = Set(entry.points.map(\.point))
            let missing = (1...item.decisionPoints.count).filter { !stated.contains($0) }
            guard !missing.isEmpty else { continue }
            let list = missing.map(String.init).joined(separator: ", ")
            found.append(LocatedDiagnostic(context.manifestPath, diagnostic(
                "Punkt \(number): beslutningspunkt \(list) i indstillingen har intet udfald i referatet (skriv fx »beslutningspunkter: {\(missing[0]): godkendt}«)",
                "Item \(number): decision point \(list) of the indstilling has no outcome in the minutes (write e.g. \"beslutningspunkter: {\(missing[0]): godkendt}\")",
                line: entry.numberLine)))
        }
        return found
    }
}
