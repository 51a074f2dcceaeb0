import IndstilSupport
import IndstilDocument
import IndstilRender

/// The page `indstil bundle --redline` adds to an item whose indstilling changed after the
/// agenda was sent: what changed since then, decision points first, deletions and insertions
/// labelled in words (a packet is read on paper too, often in grey).
enum AgendaRedline {
    static let title = "Ændringer siden udsendelsen"

    static func html(_ diff: DocumentDiff, since: CalendarDate, level: Int, idPrefix: String) -> String {
        var out = "<p>Indstillingen er ændret, efter dagsordenen blev sendt \(DanishFormat.date(since).markupEscaped): \(RedlineWording.count(diff.changes.count).markupEscaped).</p>\n"
        if diff.changes.contains(where: { $0.place == .decisionPoint }) {
            out += "<p><strong>Beslutningspunkterne er ændret:</strong> det, der skal besluttes, er ikke det samme som i den udsendte dagsorden.</p>\n"
        }
        out += RedlineHTML.changeList(RedlineWording.groups(diff.changes), level: level, idPrefix: idPrefix, visibleLabels: true)
        return out
    }
}
