import Foundation

/// The checks that look at a manifest as a whole (a betænkning bundle or an agenda
/// packet) rather than at one document; run by `BundleAssembler` and `AgendaAssembler`.
/// Listed here so `indstil checks` shows them beside the document checks.
public enum ManifestChecks {
    public struct Entry: Sendable {
        public let id: String
        public let defaultSeverity: Severity
        public let summary: Message
    }

    public static let all: [Entry] = [
        Entry(id: "bundle.duplicate-id", defaultSeverity: .error,
              summary: Message(da: "To bilag i bundle.yml har samme id", en: "Two appendices in bundle.yml share an id")),
        Entry(id: "bundle.numbering", defaultSeverity: .error,
              summary: Message(da: "Et bilags faste nummer passer ikke med dets plads i kapitlet", en: "An appendix's fixed number disagrees with its place in the chapter")),
        Entry(id: "bundle.unresolved-reference", defaultSeverity: .error,
              summary: Message(da: "En henvisning bilag:ID eller kapitel:N peger ikke på noget", en: "A bilag:ID or kapitel:N reference points nowhere")),
        Entry(id: "agenda.time", defaultSeverity: .error,
              summary: Message(da: "Punkternes tider hænger ikke sammen (hul, overlap, forkert længde) eller går ud over mødets slut",
                               en: "Item times are not contiguous (gap, overlap, wrong length) or run past the meeting's end")),
        Entry(id: "agenda.duration", defaultSeverity: .error,
              summary: Message(da: "Et punkts minutter på dagsordenen er ikke indstillingens forventede tidsforbrug",
                               en: "An item's minutes on the agenda are not its indstilling's expected duration")),
        Entry(id: "agenda.meeting-date", defaultSeverity: .error,
              summary: Message(da: "Indstillingens mødedato er ikke dagsordenens dato", en: "The indstilling's meeting date is not the agenda's date")),
        Entry(id: "agenda.closed", defaultSeverity: .error,
              summary: Message(da: "En lukket indstilling står som åbent punkt på dagsordenen", en: "A closed indstilling is an open item on the agenda")),
        Entry(id: "agenda.title", defaultSeverity: .error,
              summary: Message(da: "Titlen i dagsordenen eller bilagslisten er ikke dokumentets egen (PDF og DOCX: advarsel, når titlen ikke står på de første sider)",
                               en: "The title on the agenda or in the bilag list is not the document's own (PDF and DOCX: a warning when the title is not on the first pages)")),
        Entry(id: "plugin.failed", defaultSeverity: .error,
              summary: Message(da: "Et eksternt plugin fejlede: findes ikke, gik ned, overskred sin tidsgrænse eller skrev ugyldig JSON",
                               en: "An external plugin failed: not found, crashed, exceeded its timeout or wrote invalid JSON")),
    ]
}
