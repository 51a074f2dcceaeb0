import IndstilSupport
import IndstilDocument

/// A closed indstilling (`status: lukket`) stands as an open item on the agenda: it would
/// go into the public packet.
public struct AgendaClosedCheck: AgendaCheck {
    public let id = "agenda.closed"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "En lukket indstilling står som åbent punkt på dagsordenen", en: "A closed indstilling is an open item on the agenda")
    public let isMandatory = true

    static var closedRecommendation: ExampleDocument {
        ExampleDocument.raadmand.settingField("status", "status: lukket").settingField("begrundelse", "begrundelse: \"Personfølsomme oplysninger\"")
    }

    public var examples: [ProjectExample] {
        [
            .triggers("Lukket indstilling, punktet står som åbent", entry: AgendaExample.manifestName, files: AgendaExample.project(items: [
                "  - titel: Godkendelse af dagsorden",
                "    minutter: 5",
                "  - indstilling: \(AgendaExample.recommendationPath)",
                "    minutter: 10",
                "    status: åben ⟵",
            ], recommendation: Self.closedRecommendation)),
            .passes("Lukket indstilling uden status på punktet (indstillingen bestemmer)", entry: AgendaExample.manifestName,
                    files: AgendaExample.project(recommendation: Self.closedRecommendation)),
            .passes("Lukket indstilling, lukket punkt", entry: AgendaExample.manifestName, files: AgendaExample.project(items: [
                "  - indstilling: \(AgendaExample.recommendationPath)",
                "    minutter: 10",
                "    status: lukket",
            ], recommendation: Self.closedRecommendation)),
        ]
    }

    public func check(_ context: AgendaCheckContext) -> [LocatedDiagnostic] {
        context.items.compactMap { item in
            guard item.entry.isClosed == false,
                  item.recommendation?.document.frontMatter["status"]?.trimmedString?.lowercased() == "lukket" else { return nil }
            return LocatedDiagnostic(context.manifestPath, diagnostic(
                "Punkt \(item.number) står som åbent, men indstillingen \(item.recommendationPath) har »status: lukket«; skriv »status: lukket« her, så kommer punktet kun i den lukkede dagsorden",
                "Item \(item.number) is open on the agenda, but the indstilling \(item.recommendationPath) says \"status: lukket\"; write \"status: lukket\" here so the item goes only into the closed packet",
                line: item.entry.statusLine))
        }
    }
}
