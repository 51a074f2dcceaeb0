import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// The body of an agenda packet's PDF: the agenda first (items, times, expected
/// duration, every appendix with its page), then each item on a new page followed by
/// its appendices. The running header of an appendix's pages is its stamp, "Punkt 3,
/// Bilag 2: Titel", which PDF attachments carry on every page too. Bookmarks:
/// Dagsorden, each item, under it each appendix.
struct AgendaPDFPlan: PacketPDFPlan {
    /// The agenda is the cover ("Dagsorden" in the bookmarks); each item starts a page
    /// and is a level-1 bookmark.
    static let structuralCSS = """
    .forside-titel { bookmark-level: 1; bookmark-label: "Dagsorden"; string-set: bundletitel content(); }
    .punkt { break-before: page; }
    .punkt-titel { bookmark-level: 1; bookmark-label: content(); string-set: bilag content(); }
    """

    let packet: AgendaPacket

    var title: String { packet.documentTitle }
    var isClosed: Bool { packet.isClosedPacket }
    var summary: String { counted(packet.agenda.items.count, "punkt", "punkter") + ", " + counted(packet.includedAppendices.count, "bilag", "bilag") }

    func body(attachmentPages: [String: Int]) -> String {
        var out = front()
        for item in packet.agenda.items {
            out += self.item(item)
            guard packet.shows(item) else { continue }
            for appendix in item.appendices where packet.shows(appendix) {
                out += self.appendix(appendix, attachmentPages: attachmentPages)
            }
        }
        return out
    }

    static func anchor(_ appendix: ResolvedAgenda.Appendix) -> String { "punkt-\(appendix.item)-bilag-\(appendix.number)" }

    func front() -> String {
        let agenda = packet.agenda
        let manifest = agenda.manifest
        var facts = [("Dato", DanishFormat.weekdayAndDate(manifest.date)), ("Tid", "kl. \(manifest.start.danish)–\(manifest.end.danish)")]
        if let place = manifest.place { facts.append(("Sted", place)) }
        facts.append(("Forventet varighed", "\(agenda.plannedMinutes) min. af mødets \(agenda.meetingMinutes) min."))
        var out = "<section class=\"forside dagsorden-forside\">\n<p class=\"forside-etiket\">\(packet.label.markupEscaped)</p>\n"
        out += "<h1 class=\"forside-titel\">\(manifest.committee.markupEscaped)</h1>\n<dl class=\"moedefakta\">\n"
        out += facts.map { "<div><dt>\($0.0.markupEscaped)</dt><dd>\($0.1.markupEscaped)</dd></div>\n" }.joined() + "</dl>\n"
        out += packet.supplementNote ?? ""
        if packet.audience == .lukket && agenda.hasClosedContent {
            out += "<p class=\"advarsel\"><strong>\(packet.label).</strong> Indeholder lukkede punkter og bilag og må ikke offentliggøres.</p>\n"
        }
        out += "<table class=\"dagsorden\">\n<thead><tr><th scope=\"col\">Punkt</th><th scope=\"col\">Titel og bilag</th><th scope=\"col\">Tid</th></tr></thead>\n<tbody>\n"
        for item in agenda.items {
            out += "<tr><th scope=\"row\">\(item.number)</th><td><a href=\"#punkt-\(item.number)\">\(packet.title(of: item).markupEscaped)</a>"
            // A closed item's public title already says so ("Lukket punkt"); the closed packet marks it.
            if packet.marksClosed(item) { out += " <span class=\"lukket\">(lukket punkt)</span>" }
            out += packet.changeMark(item)
            out += appendixList(item) ?? ""
            out += "</td><td class=\"tid\">\(item.slot.map { $0.danish.markupEscaped } ?? "–")</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n\n"
    }

    func appendixList(_ item: ResolvedAgenda.Item) -> String? {
        guard packet.shows(item), !item.appendices.isEmpty else { return nil }
        let entries = item.appendices.map { appendix -> String in
            guard packet.shows(appendix) else {
                return "<li>Bilag \(appendix.number): \(appendix.publicTitle.markupEscaped) <span class=\"lukket\">– lukket bilag; findes kun i den lukkede dagsorden</span></li>\n"
            }
            // "(lukket)" inside the link, before its "(side 12)": the two never run together.
            let closed = appendix.isClosed ? " <span class=\"lukket\">(lukket)</span>" : ""
            return "<li><a href=\"#\(Self.anchor(appendix))\">Bilag \(appendix.number): \(appendix.title.markupEscaped)\(closed)</a></li>\n"
        }
        return "\n<ul class=\"punktbilag\">\n\(entries.joined())</ul>"
    }

    func item(_ item: ResolvedAgenda.Item) -> String {
        var out = "<section class=\"punkt\" id=\"punkt-\(item.number)\">\n<h1 class=\"punkt-titel\">Punkt \(item.number): \(packet.title(of: item).markupEscaped)</h1>\n<dl class=\"moedefakta\">\n"
        if let slot = item.slot { out += "<div><dt>Tid</dt><dd>\(slot.danish.markupEscaped)</dd></div>\n" }
        out += "<div><dt>Status</dt><dd>\(item.isClosed ? "Lukket" : "Åben")</dd></div>\n"
        if let (term, text) = packet.changeFact(item) { out += "<div class=\"aendret\"><dt>\(term)</dt><dd>\(text.markupEscaped)</dd></div>\n" }
        if packet.shows(item), item.isClosed, let reason = item.closedReason { out += "<div><dt>Begrundelse</dt><dd>\(reason.markupEscaped)</dd></div>\n" }
        out += "</dl>\n"
        if !packet.shows(item) {
            out += "<p class=\"lukket-note\">Punktet behandles for lukkede døre. Materialet findes kun i den lukkede dagsorden.</p>\n"
        } else if let list = appendixList(item) {
            out += "<h2 class=\"punkt-bilag-titel\">Bilag</h2>\(list)\n"
        } else {
            out += "<p>Punktet har ingen bilag.</p>\n"
        }
        return out + "</section>\n\n"
    }

    func appendix(_ appendix: ResolvedAgenda.Appendix, attachmentPages: [String: Int]) -> String {
        let anchor = Self.anchor(appendix)
        let heading = PacketPDFDocument.appendixHeading(anchor: anchor, appendix.stamp.markupEscaped)
        switch appendix.content {
        case .recommendation(let analyzed), .document(let analyzed):
            let item = packet.agenda.items.first { $0.number == appendix.item }
            var content = ""
            if !analyzed.document.title.isEmpty && appendix.documentNumber == nil && AttachmentText.comparable(appendix.title) != AttachmentText.comparable(analyzed.document.title) {
                content += "<p class=\"dokumenttitel\">\(analyzed.document.title.markupEscaped)</p>\n"
            }
            let document = ProfiledDocumentHTML(
                fields: .definitionList(addingSender: false), sections: .plain(level: 3, idPrefix: anchor + "-"),
                ownAppendices: .init(heading: "Bilag", labelled: false) { own in
                    guard let target = item?.appendices.first(where: { $0.documentNumber == own }) else { return nil }
                    guard packet.shows(target) else { return "\(target.label.markupEscaped) (lukket bilag)" }
                    return "<a href=\"#\(Self.anchor(target))\">\(target.label.markupEscaped)</a>"
                },
                blocks: { HTMLFragments.blocks(ProfiledDocumentHTML.shifted($0, by: 1)) })
            let parts = document.parts(analyzed).joined(separator: "\n")
            // The indstilling's "(bilag 1)" in the packet's numbering ("Punkt 3, Bilag 2").
            if case .recommendation = appendix.content, let item { content += AppendixReferences(item).rewritingHTML(parts) } else { content += parts }
            return PacketPDFDocument.article(heading: heading, content + "\n")
        case .notat(let body):
            let blocks = ProfiledDocumentHTML.looseBlocks(body) { AttachmentText.comparable($0) == AttachmentText.comparable(appendix.title) }
            return PacketPDFDocument.article(heading: heading, HTMLFragments.blocks(ProfiledDocumentHTML.shifted(blocks, by: 1)) + "\n")
        case .redline(let diff, let since):
            return PacketPDFDocument.article(heading: heading, AgendaRedline.html(diff, since: since, level: 3, idPrefix: anchor + "-") + "\n")
        case .attachment(let fileExtension):
            if let pages = attachmentPages[appendix.key] {
                return PacketPDFDocument.reservedPages(anchor: anchor, bookmark: appendix.stamp, pages: pages)
            }
            return PacketPDFDocument.placeholder(heading: heading, source: appendix.source, fileExtension: fileExtension,
                                                 publishedWith: "dagsordenen")
        }
    }
}
