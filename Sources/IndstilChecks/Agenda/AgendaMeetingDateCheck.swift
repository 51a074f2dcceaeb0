import IndstilSupport
import IndstilDocument

/// The indstilling is written for another meeting: its `moededato` is not the agenda's date.
public struct AgendaMeetingDateCheck: AgendaCheck {
    public let id = "agenda.meeting-date"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "Indstillingens mødedato er ikke dagsordenens dato", en: "The indstilling's meeting date is not the agenda's date")

    public var examples: [ProjectExample] {
        [
            .triggers("Indstillingen er til mødet 11. september", entry: AgendaExample.manifestName, files: AgendaExample.project(items: [
                "  - titel: Godkendelse af dagsorden",
                "    minutter: 5",
                "  - indstilling: \(AgendaExample.recommendationPath) ⟵",
                "    minutter: 10",
            ], recommendation: ExampleDocument.raadmand.settingField("moededato", "moededato: 2026-09-11"))),
            .passes("Indstillingen er til dagsordenens møde", entry: AgendaExample.manifestName, files: AgendaExample.project()),
        ]
    }

    public func check(_ context: AgendaCheckContext) -> [LocatedDiagnostic] {
        context.items.compactMap { item in
            guard let dateValue = item.recommendation?.document.frontMatter["moededato"], let text = dateValue.trimmedString,
                  let date = CalendarDate(iso: text), date != context.manifest.date else { return nil }
            return LocatedDiagnostic(context.manifestPath, diagnostic(
                "Indstillingen \(item.recommendationPath) er skrevet til mødet \(DanishFormat.date(date)) (»moededato« i linje \(dateValue.line)), men dagsordenen er for \(DanishFormat.date(context.manifest.date))",
                "The indstilling \(item.recommendationPath) is written for the meeting of \(DanishFormat.date(date)) (\"moededato\" on line \(dateValue.line)), but the agenda is for \(DanishFormat.date(context.manifest.date))",
                line: item.entry.recommendationLine))
        }
    }
}
