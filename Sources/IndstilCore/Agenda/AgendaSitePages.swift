import Foundation

/// The HTML of each page of a packet's site: the agenda, an item, a Markdown appendix.
/// Every text goes through `HTMLFragments.escape`.
package enum AgendaSitePages {
    private static func escape(_ text: String) -> String { HTMLFragments.escape(text) }

    package static func html(_ plan: AgendaSitePlan, position: Int) -> String {
        let page = plan.pages[position]
        let main: String
        switch page.kind {
        case .index: main = index(plan)
        case .item(let item): main = self.item(item, plan: plan)
        case .appendix(let appendix): main = self.appendix(appendix, plan: plan)
        }
        let link = { (page: AgendaSitePlan.Page) in SiteFrame.Link(file: page.file, label: page.label) }
        let parent = page.item.flatMap { number -> (link: SiteFrame.Link, short: String)? in
            guard case .appendix = page.kind, let item = plan.packet.agenda.items.first(where: { $0.number == number }) else { return nil }
            return (SiteFrame.Link(file: AgendaSitePlan.itemFile(number), label: plan.packet.title(of: item)), "Punkt \(number)")
        }
        let siteTitle = "\(plan.packet.label): \(plan.packet.agenda.manifest.committee), \(DanishFormat.date(plan.packet.agenda.manifest.date))"
        let frame = SiteFrame(siteTitle: siteTitle, indexFile: AgendaSitePlan.indexFile, indexLabel: plan.packet.label,
                              generator: BundleSite.generator, bodyClass: "bilagsmateriale dagsordenpakke")
        return frame.html(title: position == 0 ? siteTitle : "\(page.label) – \(siteTitle)", file: page.file, parent: parent,
                          previous: position > 0 ? link(plan.pages[position - 1]) : nil,
                          next: position + 1 < plan.pages.count ? link(plan.pages[position + 1]) : nil, main: main)
    }

    // MARK: - The agenda

    static func index(_ plan: AgendaSitePlan) -> String {
        let packet = plan.packet
        let agenda = packet.agenda
        let manifest = agenda.manifest
        var facts = [("Dato", DanishFormat.weekdayAndDate(manifest.date)),
                     ("Tid", "kl. \(manifest.start.danish)–\(manifest.end.danish)")]
        if let place = manifest.place { facts.append(("Sted", place)) }
        facts.append(("Forventet varighed", "\(agenda.plannedMinutes) min. af mødets \(agenda.meetingMinutes) min."))
        let rows = agenda.items.map { item -> String in
            let time = item.slot.map { escape($0.danish) } ?? "–"
            let closed = item.isClosed ? " <span class=\"lukket\">(lukket punkt)</span>" : ""
            return """
            <tr>
            <th scope="row">\(item.number)</th>
            <td><a href="\(AgendaSitePlan.itemFile(item.number))">\(escape(packet.title(of: item)))</a>\(closed)</td>
            <td class="tid">\(time)</td>
            <td>\(appendixList(item, plan: plan) ?? "–")</td>
            </tr>
            """
        }
        var warning = ""
        if packet.audience == .lukket && agenda.hasClosedContent {
            warning = "<p class=\"advarsel\"><strong>Lukket dagsorden.</strong> Indeholder lukkede punkter og bilag og må ikke offentliggøres.</p>\n"
        }
        return """
        <h1>\(escape(packet.label))</h1>
        <p class="ingress">\(escape(manifest.committee))</p>
        \(warning)\(facts.isEmpty ? "" : definitionList(facts))
        <table class="dagsorden">
        <caption>Punkter på dagsordenen</caption>
        <thead><tr><th scope="col">Punkt</th><th scope="col">Titel</th><th scope="col">Tid</th><th scope="col">Bilag</th></tr></thead>
        <tbody>
        \(rows.joined(separator: "\n"))
        </tbody>
        </table>
        """
    }

    static func definitionList(_ facts: [(String, String)]) -> String {
        "<dl class=\"oplysninger\">\n" + facts.map { "<div><dt>\(escape($0.0))</dt><dd>\(escape($0.1))</dd></div>" }.joined(separator: "\n") + "\n</dl>"
    }

    /// The item's appendices, each linked, or said to be closed; nil when it has none (or they are not shown).
    static func appendixList(_ item: ResolvedAgenda.Item, plan: AgendaSitePlan) -> String? {
        guard plan.packet.shows(item), !item.appendices.isEmpty else { return nil }
        let entries = item.appendices.map { "<li>\(appendixEntry($0, plan: plan))</li>" }
        return "<ul class=\"bilagsliste\">\n\(entries.joined(separator: "\n"))\n</ul>"
    }

    /// - Parameter fullLabel: "Punkt 3, Bilag 2" rather than "Bilag 2" (outside the item's own list).
    static func appendixEntry(_ appendix: ResolvedAgenda.Appendix, plan: AgendaSitePlan, fullLabel: Bool = false) -> String {
        let number = "<span class=\"nr\">\(fullLabel ? appendix.label : "Bilag \(appendix.number)")</span>"
        guard plan.packet.shows(appendix), let href = plan.href(of: appendix) else {
            return "\(number) <span class=\"titel\">\(escape(appendix.title))</span> <span class=\"lukket\">– lukket bilag; findes kun i den lukkede dagsorden</span>"
        }
        var entry = "<a href=\"\(escape(href))\">\(number) <span class=\"titel\">\(escape(appendix.title))</span></a>"
        if case .attachment = appendix.content {
            // The published file's type: a converted Word file is published as PDF.
            entry += " <span class=\"filinfo\">(\(escape(SiteNames.fileType((href as NSString).pathExtension.lowercased()))))</span>"
        }
        if plan.packet.audience == .lukket && appendix.isClosed { entry += " <span class=\"lukket\">(lukket)</span>" }
        return entry
    }

    // MARK: - An item

    static func item(_ item: ResolvedAgenda.Item, plan: AgendaSitePlan) -> String {
        let packet = plan.packet
        var parts = ["<h1><span class=\"nr\">Punkt \(item.number):</span> \(escape(packet.title(of: item)))</h1>"]
        var facts: [(String, String)] = []
        if let slot = item.slot { facts.append(("Tid", slot.danish)) }
        facts.append(("Status", item.isClosed ? "Lukket" : "Åben"))
        if packet.shows(item), item.isClosed, let reason = item.closedReason { facts.append(("Begrundelse", reason)) }
        parts.append(definitionList(facts))
        guard packet.shows(item) else {
            parts.append("<p class=\"lukket-note\">Punktet behandles for lukkede døre. Materialet findes kun i den lukkede dagsorden.</p>")
            return parts.joined(separator: "\n")
        }
        if let list = appendixList(item, plan: plan) {
            parts.append("<section class=\"punktbilag\" aria-labelledby=\"bilag-overskrift\">\n<h2 id=\"bilag-overskrift\">Bilag til punkt \(item.number)</h2>\n\(list)\n</section>")
        } else {
            parts.append("<p>Punktet har ingen bilag.</p>")
        }
        return parts.joined(separator: "\n")
    }

    // MARK: - A Markdown appendix

    static func appendix(_ appendix: ResolvedAgenda.Appendix, plan: AgendaSitePlan) -> String {
        let item = plan.packet.agenda.items.first { $0.number == appendix.item }
        var parts: [String] = []
        if let item {
            parts.append("<p class=\"overrubrik\"><a href=\"\(AgendaSitePlan.itemFile(item.number))\">Punkt \(item.number): \(escape(plan.packet.title(of: item)))</a></p>")
        }
        parts.append("<p class=\"stempel\">\(escape(appendix.stamp))</p>")
        switch appendix.content {
        case .recommendation(let analyzed), .document(let analyzed):
            parts.append("<h1>\(escape(analyzed.document.title.isEmpty ? appendix.title : analyzed.document.title))</h1>")
            parts.append(AgendaDocumentHTML.document(analyzed, sectionLevel: 2, anchorPrefix: "") { own in
                guard let item, let packetAppendix = item.appendices.first(where: { $0.documentNumber == own }) else { return nil }
                return appendixEntry(packetAppendix, plan: plan, fullLabel: true)
            })
        case .notat(let body):
            parts.append("<h1>\(escape(appendix.title))</h1>")
            parts.append(AgendaDocumentHTML.notat(body, title: appendix.title, topLevel: 2))
        case .attachment:
            break
        }
        return parts.joined(separator: "\n")
    }
}
