import Foundation
import IndstilSupport
import IndstilDocument

/// The marks an agenda packet puts on its items: changed since the agenda was sent
/// ("Ændret efter udsendelse", in the index and on the item's page), closed ("(lukket
/// punkt)", once), and on a supplementary agenda which agenda it adds to.
extension AgendaPacket {
    /// " Ændret efter udsendelse" after an item's title in the index, or "".
    func changeMark(_ item: ResolvedAgenda.Item) -> String {
        item.isChangedAfterSending ? " <span class=\"aendret\">Ændret efter udsendelse</span>" : ""
    }

    /// The fact on the item's own page.
    func changeFact(_ item: ResolvedAgenda.Item) -> (String, String)? {
        guard item.isChangedAfterSending else { return nil }
        let sent = agenda.manifest.sent.map { " den \(DanishFormat.date($0))" } ?? ""
        return ("Ændret", "Ændret efter udsendelse\(sent)")
    }

    /// The supplementary agenda's opening line.
    var supplementNote: String? {
        guard agenda.part == .supplement else { return nil }
        let sent = agenda.manifest.sent.map { " den \(DanishFormat.date($0))" } ?? ""
        return "<p class=\"tillaeg-note\">Punkter, der er kommet til, efter dagsordenen blev sendt\(sent.markupEscaped).</p>\n"
    }

    /// Whether an item's title in the index needs "(lukket punkt)" after it: a closed item,
    /// unless the title shown already says it is closed ("Lukket punkt").
    func marksClosed(_ item: ResolvedAgenda.Item) -> Bool {
        item.isClosed && !title(of: item).lowercased().contains("lukket")
    }
}
