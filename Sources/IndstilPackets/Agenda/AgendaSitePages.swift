import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// The main content of each page of an agenda packet's site: the agenda, an item, a
/// Markdown appendix (`ProfiledDocumentHTML`). Every text is escaped (`markupEscaped`).
extension AgendaSitePlan {
    func main(_ content: PageContent) -> String {
        switch content {
        case .index: index()
        case .item(let item): self.item(item)
        case .appendix(let appendix): self.appendix(appendix)
        }
    }

    // MARK: - The agenda

    func index() -> String {
        let agenda = packet.agenda
        let manifest = agenda.manifest
        var facts = [("Dato", DanishFormat.weekdayAndDate(manifest.date)),
                     ("Tid", "kl. \(manifest.start.danish)–\(manifest.end.danish)")]
        if let place = manifest.place { facts.append(("Sted", place)) }
        facts.append(("Forventet varighed", "\(agenda.plannedMinutes) min. af mødets \(agenda.meetingMinutes) min."))
        let rows = agenda.items.map { item -> String in
            let time = item.slot.map { $0.danish.markupEscaped } ?? "–"
            let closed = (packet.marksClosed(item) ? " <span class=\"lukket\">(lukket punkt)</span>" : "") + packet.changeMark(item)
            return """
            <tr>
            <th scope="row">\(item.number)</th>
            <td><a href="\(Self.itemFile(item.number))">\(packet.title(of: item).markupEscaped)</a>\(closed)</td>
            <td class="tid">\(time)</td>
            <td>\(appendixList(item) ?? "–")</td>
            </tr>
            """
        }
        var warning = ""
        if packet.audience == .lukket && agenda.hasClosedContent {
            warning = "<p class=\"advarsel\"><strong>\(packet.label).</strong> Indeholder lukkede punkter og bilag og må ikke offentliggøres.</p>\n"
        }
        return """
        <h1>\(packet.label.markupEscaped)</h1>
        <p class="ingress">\(manifest.committee.markupEscaped)</p>
        \(packet.supplementNote ?? "")\(warning)\(facts.isEmpty ? "" : Self.definitionList(facts))
        <div class="tabelrulle" role="region" aria-labelledby="punkter-overskrift" tabindex="0">
        <table class="dagsorden">
        <caption id="punkter-overskrift">Punkter på dagsordenen</caption>
        <thead><tr><th scope="col">Punkt</th><th scope="col">Titel</th><th scope="col">Tid</th><th scope="col">Bilag</th></tr></thead>
        <tbody>
        \(rows.joined(separator: "\n"))
        </tbody>
        </table>
        </div>
        """
    }

    static func definitionList(_ facts: [(String, String)]) -> String {
        "<dl class=\"oplysninger\">\n" + facts.map { "<div><dt>\($0.0.markupEscaped)</dt><dd>\($0.1.markupEscaped)</dd></div>" }.joined(separator: "\n") + "\n</dl>"
    }

    /// The item's appendices, each linked, or said to be closed; nil when it has none (or they are not shown).
    func appendixList(_ item: ResolvedAgenda.Item) -> String? {
        guard packet.shows(item), !item.appendices.isEmpty else { return nil }
        let entries = item.appendices.map { "<li>\(appendixEntry($0))</li>" }
        return "<ul class=\"bilagsliste\">\n\(entries.joined(separator: "\n"))\n</ul>"
    }

    /// - Parameter fullLabel: "Punkt 3, Bilag 2" rather than "Bilag 2" (outside the item's own list).
    func appendixEntry(_ appendix: ResolvedAgenda.Appendix, fullLabel: Bool = false) -> String {
        let number = "<span class=\"nr\">\(fullLabel ? appendix.label : "Bilag \(appendix.number)")</span>"
        guard packet.shows(appendix), let href = href(of: appendix) else {
            return "\(number) <span class=\"titel\">\(appendix.publicTitle.markupEscaped)</span> <span class=\"lukket\">– lukket bilag; findes kun i den lukkede dagsorden</span>"
        }
        var entry = "<a href=\"\(href.markupEscaped)\">\(number) <span class=\"titel\">\(appendix.title.markupEscaped)</span></a>"
        if case .attachment = appendix.content {
            // The published file's type: a converted Word file is published as PDF.
            entry += " <span class=\"filinfo\">(\(SiteNames.fileType((href as NSString).pathExtension.lowercased()).markupEscaped))</span>"
        }
        if packet.audience == .lukket && appendix.isClosed { entry += " <span class=\"lukket\">(lukket)</span>" }
        return entry
    }

    // MARK: - An item

    func item(_ item: ResolvedAgenda.Item) -> String {
        var parts = ["<h1><span class=\"nr\">Punkt \(item.number):</span> \(packet.title(of: item).markupEscaped)</h1>"]
        var facts: [(String, String)] = []
        if let slot = item.slot { facts.append(("Tid", slot.danish)) }
        facts.append(("Status", item.isClosed ? "Lukket" : "Åben"))
        if let change = packet.changeFact(item) { facts.append(change) }
        if packet.shows(item), item.isClosed, let reason = item.closedReason { facts.append(("Begrundelse", reason)) }
        parts.append(Self.definitionList(facts))
        guard packet.shows(item) else {
            parts.append("<p class=\"lukket-note\">Punktet behandles for lukkede døre. Materialet findes kun i den lukkede dagsorden.</p>")
            return parts.joined(separator: "\n")
        }
        if let list = appendixList(item) {
            parts.append("<section class=\"punktbilag\" aria-labelledby=\"bilag-overskrift\">\n<h2 id=\"bilag-overskrift\">Bilag til punkt \(item.number)</h2>\n\(list)\n</section>")
        } else {
            parts.append("<p>Punktet har ingen bilag.</p>")
        }
        return parts.joined(separator: "\n")
    }

    // MARK: - A Markdown appendix

    func appendix(_ appendix: ResolvedAgenda.Appendix) -> String {
        let item = packet.agenda.items.first { $0.number == appendix.item }
        var parts: [String] = []
        if let item {
            parts.append("<p class=\"overrubrik\"><a href=\"\(Self.itemFile(item.number))\">Punkt \(item.number): \(packet.title(of: item).markupEscaped)</a></p>")
        }
        parts.append("<p class=\"stempel\">\(appendix.stamp.markupEscaped)</p>")
        switch appendix.content {
        case .recommendation(let analyzed), .document(let analyzed):
            parts.append("<h1>\((analyzed.document.title.isEmpty ? appendix.title : analyzed.document.title).markupEscaped)</h1>")
            let document = ProfiledDocumentHTML(
                fields: .definitionList(addingSender: false), sections: .plain(level: 2, idPrefix: ""),
                ownAppendices: .init(heading: "Bilag", labelled: false) { own in
                    guard let item, let packetAppendix = item.appendices.first(where: { $0.documentNumber == own }) else { return nil }
                    return appendixEntry(packetAppendix, fullLabel: true)
                },
                blocks: { HTMLFragments.blocks($0) })
            let content = document.parts(analyzed).joined(separator: "\n")
            // The indstilling's "(bilag 1)" in the packet's numbering ("Punkt 3, Bilag 2").
            if case .recommendation = appendix.content, let item { parts.append(AppendixReferences(item).rewritingHTML(content)) } else { parts.append(content) }
        case .notat(let body):
            parts.append("<h1>\(appendix.title.markupEscaped)</h1>")
            parts.append(HTMLFragments.blocks(ProfiledDocumentHTML.looseBlocks(body) { AttachmentText.comparable($0) == AttachmentText.comparable(appendix.title) }))
        case .redline(let diff, let since):
            parts.append("<h1>\(appendix.title.markupEscaped)</h1>")
            parts.append(AgendaRedline.html(diff, since: since, level: 2, idPrefix: "\(appendix.key)-"))
        case .attachment:
            break
        }
        return parts.joined(separator: "\n")
    }
}
