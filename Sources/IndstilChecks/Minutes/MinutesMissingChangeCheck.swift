import IndstilSupport
import IndstilDocument

/// "Godkendt med ændringer" says that something was changed, not what: the decision must
/// say it, in the decision point's own sentence (`tekst`) or the item's decision
/// (`beslutning`). Remarks (`bemaerkninger`) report the discussion, not the decision, and do
/// not count. The workspace's minutes form refuses the outcome without the changes; this is
/// the same rule for minutes written by hand, and an error: the minutes are the record.
public struct MinutesMissingChangeCheck: MinutesCheck {
    public let id = "minutes.missing-change"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "»Godkendt med ændringer« uden at referatet siger, hvilke ændringer",
                                 en: "\"Godkendt med ændringer\" without the minutes saying what was changed")

    public var examples: [ProjectExample] {
        [
            .triggers("Beslutningspunkt 1 er godkendt med ændringer, men ændringerne står ingen steder", entry: MinutesExample.manifestName,
                      files: MinutesExample.project(items: [
                          "  - punkt: 1",
                          "    udfald: godkendt",
                          "  - punkt: 2",
                          "    beslutningspunkter:",
                          "      1: godkendt med ændringer ⟵",
                      ])),
            .triggers("Punkt 1 er som helhed godkendt med ændringer uden tekst", entry: MinutesExample.manifestName,
                      files: MinutesExample.project(items: [
                          "  - punkt: 1",
                          "    udfald: godkendt med ændringer ⟵",
                          "  - punkt: 2",
                          "    beslutningspunkter:",
                          "      1: taget til efterretning",
                      ])),
            .passes("Ændringerne står i beslutningspunktets tekst", entry: MinutesExample.manifestName,
                    files: MinutesExample.project(items: [
                        "  - punkt: 1",
                        "    udfald: godkendt",
                        "  - punkt: 2",
                        "    beslutningspunkter:",
                        "      1: {udfald: godkendt med ændringer, tekst: \"Godkendt, idet fristen flyttes til 1. marts.\"}",
                    ])),
            .triggers("Bemærkningerne er ikke beslutningen", entry: MinutesExample.manifestName,
                      files: MinutesExample.project(items: [
                          "  - punkt: 1",
                          "    udfald: godkendt med ændringer ⟵",
                          "    bemaerkninger: Rådmanden ønskede fristen flyttet til 1. marts.",
                          "  - punkt: 2",
                          "    beslutningspunkter:",
                          "      1: taget til efterretning",
                      ])),
            .passes("Ændringerne står i punktets beslutning", entry: MinutesExample.manifestName,
                    files: MinutesExample.project(items: [
                        "  - punkt: 1",
                        "    udfald: godkendt med ændringer",
                        "    beslutning: Godkendt, idet fristen flyttes til 1. marts.",
                        "  - punkt: 2",
                        "    beslutningspunkter:",
                        "      1: taget til efterretning",
                    ])),
        ]
    }

    public func check(_ context: MinutesCheckContext) -> [LocatedDiagnostic] {
        context.manifest.items.flatMap { entry -> [LocatedDiagnostic] in
            var found: [LocatedDiagnostic] = []
            if entry.outcome == .approvedWithChanges, entry.decision == nil {
                found.append(LocatedDiagnostic(context.manifestPath, diagnostic(
                    "Punkt \(entry.number) er godkendt med ændringer, men referatet siger ikke hvilke; skriv dem i punktets »beslutning«",
                    "Item \(entry.number) is approved with changes, but the minutes do not say which; write them in the item's \"beslutning\"",
                    line: entry.outcomeLine)))
            }
            for point in entry.points where point.outcome == .approvedWithChanges && point.text == nil && entry.decision == nil {
                found.append(LocatedDiagnostic(context.manifestPath, diagnostic(
                    "Beslutningspunkt \(point.point) i punkt \(entry.number) er godkendt med ændringer, men referatet siger ikke hvilke; skriv dem i beslutningspunktets »tekst« ({udfald: godkendt med ændringer, tekst: \"…\"})",
                    "Decision point \(point.point) of item \(entry.number) is approved with changes, but the minutes do not say which; write them in the point's \"tekst\" ({udfald: godkendt med ændringer, tekst: \"…\"})",
                    line: point.line)))
            }
            return found
        }
    }
}
