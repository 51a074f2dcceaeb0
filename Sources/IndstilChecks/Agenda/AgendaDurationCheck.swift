import IndstilSupport
import IndstilDocument

/// An item's minutes on the agenda are not its indstilling's `forventet_tidsforbrug`.
public struct AgendaDurationCheck: AgendaCheck {
    public let id = "agenda.duration"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "Et punkts minutter på dagsordenen er ikke indstillingens forventede tidsforbrug",
                                 en: "An item's minutes on the agenda are not its indstilling's expected duration")

    public var examples: [ProjectExample] {
        [
            .triggers("15 minutter på dagsordenen, 10 i indstillingen", entry: AgendaExample.manifestName, files: AgendaExample.project(items: [
                "  - titel: Godkendelse af dagsorden",
                "    minutter: 5",
                "  - indstilling: \(AgendaExample.recommendationPath)",
                "    minutter: 15 ⟵",
            ])),
            .passes("Samme minutter begge steder", entry: AgendaExample.manifestName, files: AgendaExample.project()),
            .passes("Minutterne hentes fra indstillingen", entry: AgendaExample.manifestName, files: AgendaExample.project(items: [
                "  - indstilling: \(AgendaExample.recommendationPath)",
            ])),
        ]
    }

    public func check(_ context: AgendaCheckContext) -> [LocatedDiagnostic] {
        context.items.compactMap { item in
            guard let expectedValue = item.recommendation?.document.frontMatter["forventet_tidsforbrug"],
                  let expected = expectedValue.trimmedString.flatMap({ Int($0) }),
                  let minutes = item.entry.minutes ?? item.entry.slot?.minutes, minutes != expected else { return nil }
            return LocatedDiagnostic(context.manifestPath, diagnostic(
                "Punkt \(item.number) har \(minutes) min. på dagsordenen, men indstillingen \(item.recommendationPath) forventer \(expected) min. (»forventet_tidsforbrug« i linje \(expectedValue.line))",
                "Item \(item.number) has \(minutes) min. on the agenda, but the indstilling \(item.recommendationPath) expects \(expected) min. (\"forventet_tidsforbrug\" on line \(expectedValue.line))",
                line: item.entry.minutes != nil ? item.entry.minutesLine : item.entry.slotLine))
        }
    }
}
