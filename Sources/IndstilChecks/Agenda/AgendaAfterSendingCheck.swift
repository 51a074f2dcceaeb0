import IndstilSupport
import IndstilDocument

/// What happened to an agenda after it was sent. When the workspace sends an agenda it
/// records each item's files as `udsendt_version`; after that
/// - an item whose files have changed is a warning on that line (the packets mark it
///   "Ændret efter udsendelse", and the members should be told), and
/// - an item without a record came later: a note that it goes on the supplementary agenda
///   (Tillægsdagsorden), which `indstil bundle` writes as its own packet.
/// An agenda sent without records (no `udsendt_version` anywhere) is not checked.
public struct AgendaAfterSendingCheck: AgendaCheck {
    public let id = "agenda.after-sending"
    public let defaultSeverity = Severity.warning
    public let summary = Message(da: "Et punkt er ændret eller kommet til, efter dagsordenen blev sendt",
                                 en: "An item changed or was added after the agenda was sent")

    /// The fingerprint of an item without files (a title only): it never changes.
    static let noFiles = "e3b0c44298fc1c14"

    public var examples: [ProjectExample] {
        let sent = ["udsendt: 2026-08-28"]
        return [
            .triggers("Indstillingen er ændret, efter dagsordenen blev sendt", entry: AgendaExample.manifestName, files: AgendaExample.project(items: [
                "  - titel: Godkendelse af dagsorden",
                "    minutter: 5",
                "    udsendt_version: \(Self.noFiles)",
                "  - indstilling: \(AgendaExample.recommendationPath)",
                "    minutter: 10",
                "    udsendt_version: 00000000000000aa ⟵",
            ], extraHeader: sent)),
            .triggers("Et punkt er kommet til efter udsendelsen", entry: AgendaExample.manifestName, files: AgendaExample.project(items: [
                "  - titel: Godkendelse af dagsorden",
                "    minutter: 5",
                "    udsendt_version: \(Self.noFiles)",
                "  - indstilling: \(AgendaExample.recommendationPath) ⟵",
                "    minutter: 10",
            ], extraHeader: sent)),
            .passes("Intet er ændret siden udsendelsen", entry: AgendaExample.manifestName, files: AgendaExample.project(items: [
                "  - titel: Godkendelse af dagsorden",
                "    minutter: 5",
                "    udsendt_version: \(Self.noFiles)",
                "  - titel: Eventuelt",
                "    minutter: 10",
                "    udsendt_version: \(Self.noFiles)",
            ], extraHeader: sent)),
            .passes("En dagsorden sendt uden optegnelser kontrolleres ikke", entry: AgendaExample.manifestName,
                    files: AgendaExample.project(extraHeader: sent)),
        ]
    }

    public func check(_ context: AgendaCheckContext) -> [LocatedDiagnostic] {
        let sent = context.manifest.sent.map(DanishFormat.date) ?? ""
        return context.items.compactMap { item in
            if item.isChangedAfterSending {
                return LocatedDiagnostic(context.manifestPath, diagnostic(
                    "Punkt \(item.number) er ændret, efter dagsordenen blev sendt den \(sent); pakken markerer det »Ændret efter udsendelse«",
                    "Item \(item.number) changed after the agenda was sent on \(sent); the packet marks it \"Ændret efter udsendelse\"",
                    line: item.entry.sentVersionLine))
            }
            if item.isLate {
                var found = diagnostic(
                    "Punkt \(item.number) er kommet til, efter dagsordenen blev sendt den \(sent); det kommer på tillægsdagsordenen",
                    "Item \(item.number) was added after the agenda was sent on \(sent); it goes on the supplementary agenda",
                    line: item.entry.line)
                found.severity = .note
                return LocatedDiagnostic(context.manifestPath, found)
            }
            return nil
        }
    }
}
