import Foundation
import IndstilSupport
import IndstilDocument

/// A rule about a meeting's minutes (`type: referat`). Each conforming type lives in its
/// own file, is registered in `CheckRegistry.minutesChecks`, and carries examples.
/// `MinutesAssembler` runs them after it has assembled the agenda the minutes name.
public protocol MinutesCheck: ProjectRule {
    func check(_ context: MinutesCheckContext) -> [LocatedDiagnostic]
}

/// What a minutes check sees: the manifest, the agenda it names and each agenda item
/// with its entry in the minutes.
public struct MinutesCheckContext: Sendable {
    public struct Item: Sendable {
        public let agendaItem: ResolvedAgenda.Item
        /// The item's entry in the minutes; nil when the minutes say nothing about it.
        public let entry: MinutesManifest.Item?
        public var decisionPoints: [DecisionPoint] { agendaItem.recommendation?.decisionPoints ?? [] }

        package init(agendaItem: ResolvedAgenda.Item, entry: MinutesManifest.Item?) {
            self.agendaItem = agendaItem
            self.entry = entry
        }
    }

    public let manifest: MinutesManifest
    /// The minutes manifest's path as the user named it.
    public let manifestPath: String
    public let agenda: ResolvedAgenda
    public let items: [Item]

    /// The line under `punkter:` where an item without an entry would go.
    var itemsLine: Int { manifest.yaml.entry("punkter")?.keyLine ?? 1 }

    package init(manifest: MinutesManifest, manifestPath: String, agenda: ResolvedAgenda, items: [Item]) {
        self.manifest = manifest
        self.manifestPath = manifestPath
        self.agenda = agenda
        self.items = items
    }
}

/// The small meeting every minutes check's examples change in one place: the agenda of
/// `AgendaExample` (item 1 without an indstilling, item 2 with one decision point, "at
/// rådmanden tager status på ordningen til efterretning") and its minutes.
enum MinutesExample {
    static let manifestName = "referat.yml"

    /// `items` are the lines under `punkter:`; `header` replaces the lines above it.
    /// `markItems` marks the `punkter:` line, where a finding about a missing item goes.
    static func project(items: [String] = defaultItems, header: [String] = defaultHeader,
                        agendaItems: [String] = AgendaExample.defaultItems, markItems: Bool = false) -> [String: String] {
        var files = AgendaExample.project(items: agendaItems)
        files[manifestName] = (header + [markItems ? "punkter: ⟵" : "punkter:"] + items).joined(separator: "\n") + "\n"
        return files
    }

    static let defaultHeader = [
        "type: referat",
        "dagsorden: \(AgendaExample.manifestName)",
        "dato: 2026-09-07",
        "referent: Ida Eksempel",
        "medlemmer: [Rådmand Ole Prøve, Direktør Lis Eksempel]",
        "afbud: [Direktør Lis Eksempel]",
    ]

    static let defaultItems = [
        "  - punkt: 1",
        "    udfald: godkendt",
        "  - punkt: 2",
        "    beslutningspunkter:",
        "      1: taget til efterretning",
    ]
}
