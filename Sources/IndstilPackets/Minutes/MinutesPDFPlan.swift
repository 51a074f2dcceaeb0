import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// The body of a minutes PDF: the meeting's facts and attendance on the first page, then
/// every item with its decision. Bookmarks: Referat, each item.
struct MinutesPDFPlan: PacketPDFPlan {
    static let structuralCSS = """
    .forside-titel { bookmark-level: 1; bookmark-label: "Referat"; string-set: bundletitel content(); }
    .referatpunkt-titel { bookmark-level: 1; bookmark-label: content(); }
    """

    let packet: MinutesPacket

    var title: String { packet.documentTitle }
    var isClosed: Bool { packet.isClosedPacket }
    var summary: String { counted(packet.minutes.items.count, "punkt", "punkter") }

    func body(attachmentPages: [String: Int]) -> String {
        let html = MinutesHTML(packet: packet)
        var out = "<section class=\"forside referat-forside\">\n<p class=\"forside-etiket\">\(packet.label.markupEscaped)</p>\n"
        out += "<h1 class=\"forside-titel\">\(packet.minutes.agenda.manifest.committee.markupEscaped)</h1>\n"
        out += html.factList(class: "moedefakta") + "\n" + html.closedWarning + "</section>\n\n"
        for item in packet.minutes.items {
            out += "<section class=\"referatpunkt\" id=\"punkt-\(item.number)\">\n"
            out += "<h2 class=\"referatpunkt-titel\">Punkt \(item.number): \(packet.title(of: item).markupEscaped)</h2>\n"
            out += html.decision(item) + "\n</section>\n\n"
        }
        return out
    }
}
