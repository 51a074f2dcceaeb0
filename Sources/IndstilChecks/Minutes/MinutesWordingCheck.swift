import IndstilSupport
import IndstilDocument

/// The minutes' own words for an outcome are not the recommendation's: the indstilling
/// proposes to take something "til orientering" and the minutes say "til efterretning"
/// (or the other way round). The standard phrases repeat the recommendation's verb; this
/// finds texts written by hand.
public struct MinutesWordingCheck: MinutesCheck {
    public let id = "minutes.wording"
    public let defaultSeverity = Severity.warning
    public let summary = Message(da: "Referatets ordlyd følger ikke indstillingens (»til efterretning« / »til orientering«)",
                                 en: "The minutes' wording is not the indstilling's (\"til efterretning\" / \"til orientering\")")

    public var examples: [ProjectExample] {
        [
            .triggers("Indstillingen siger »til efterretning«, referatet »til orientering«", entry: MinutesExample.manifestName, files: MinutesExample.project(items: [
                "  - punkt: 1",
                "    udfald: godkendt",
                "  - punkt: 2",
                "    beslutningspunkter:",
                "      1: {udfald: taget til efterretning, tekst: \"Rådmanden tog status til orientering.\"} ⟵",
            ])),
            .passes("Referatet bruger indstillingens eget udsagn", entry: MinutesExample.manifestName, files: MinutesExample.project(items: [
                "  - punkt: 1",
                "    udfald: godkendt",
                "  - punkt: 2",
                "    beslutningspunkter:",
                "      1: {udfald: taget til efterretning, tekst: \"Rådmanden tog status til efterretning.\"}",
            ])),
        ]
    }

    public func check(_ context: MinutesCheckContext) -> [LocatedDiagnostic] {
        var found: [LocatedDiagnostic] = []
        for item in context.items {
            guard let entry = item.entry, !item.decisionPoints.isEmpty else { continue }
            var texts: [(text: String, proposals: [(Int, String)], line: Int)] = []
            let all = item.decisionPoints.enumerated().map { ($0.offset + 1, $0.element.text) }
            if let decision = entry.decision { texts.append((decision, all, entry.decisionLine)) }
            for point in entry.points {
                guard let text = point.text, point.point <= all.count else { continue }
                texts.append((text, [all[point.point - 1]], point.line))
            }
            for (text, proposals, line) in texts {
                guard let written = ResolvedMinutes.notingPhrase(in: text) else { continue }
                let proposed = proposals.compactMap { number, proposal in ResolvedMinutes.notingPhrase(in: proposal).map { (number, $0) } }
                guard !proposed.isEmpty, !proposed.contains(where: { $0.1 == written }), let first = proposed.first else { continue }
                found.append(LocatedDiagnostic(context.manifestPath, diagnostic(
                    "Punkt \(item.agendaItem.number): referatet skriver »\(written)«, men beslutningspunkt \(first.0) i indstillingen siger »\(first.1)«; brug indstillingens ordlyd",
                    "Item \(item.agendaItem.number): the minutes say \"\(written)\", but decision point \(first.0) of the indstilling says \"\(first.1)\"; use the indstilling's wording",
                    line: line)))
            }
        }
        return found
    }
}
