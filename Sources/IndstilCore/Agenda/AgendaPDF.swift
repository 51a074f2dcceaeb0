import Foundation

/// `indstil bundle dagsorden.yml --to pdf`: an agenda packet as one A4 PDF.
///
/// The agenda first (items, times, expected duration, every appendix with its page),
/// then each item on a new page followed by its appendices. The running header of an
/// appendix's pages is its stamp, "Punkt 3, Bilag 2: Titel"; PDF attachments are
/// stamped on every page by `PDFStamper` and merged in by `BundlePDFMerge`, like a
/// betænkning bundle's. Bookmarks: Dagsorden, each item, under it each appendix.
/// Built in a temporary folder and written in one rename.
public enum AgendaPDF {
    public static func write(_ packet: AgendaPacket, to file: URL, progress: @Sendable (String) -> Void) throws {
        let fileManager = FileManager.default
        let work = try BundlePDF.temporaryWorkFolder()
        defer { try? fileManager.removeItem(at: work) }

        // Stamp the PDF attachments (and office files turned into PDF) first; the stamped copies are what is merged.
        let converted = packet.convertedAttachments(work: work, progress: progress)
        let pdfs = packet.includedAppendices.compactMap { appendix in AgendaPacket.pdf(of: appendix, converted: converted).map { (appendix, $0) } }
        let stamped = pdfs.indices.map { work.appendingPathComponent("stemplet-\($0 + 1).pdf") }
        try PDFStamper.stamp(zip(pdfs, stamped).map { .init(source: $0.1, stamp: $0.0.stamp, destination: $1) }, work: work, progress: progress)
        var attachments: [BundlePDFAttachment] = []
        for ((appendix, _), copy) in zip(pdfs, stamped) {
            attachments.append(try BundlePDFAttachment.inspect(source: copy, key: appendix.key, label: appendix.label + ":",
                                                               index: attachments.count + 1, work: work))
        }
        for appendix in packet.includedAppendices {
            if case .attachment = appendix.content, AgendaPacket.pdf(of: appendix, converted: converted) == nil {
                progress("Bemærk: \(appendix.label) »\(appendix.source.lastPathComponent)« er ikke en PDF og kommer kun med som henvisning")
            }
        }
        progress("Bygger HTML til PDF: \(BundlePDFHTML.count(packet.agenda.items.count, "punkt", "punkter")), \(BundlePDFHTML.count(packet.includedAppendices.count, "bilag", "bilag")) …")
        let document = AgendaPDFHTML(packet: packet, attachmentPages: Dictionary(attachments.map { ($0.key, $0.pageCount) }, uniquingKeysWith: { first, _ in first }))
        try BundlePDF.setAndMerge(html: document.html(css: try BundlePDF.stylesheet()), attachments: attachments, work: work, to: file, progress: progress)
    }
}

/// The one HTML document WeasyPrint sets for a packet; see `BundlePDFHTML` for the
/// reserved pages that PDF attachments take.
package struct AgendaPDFHTML {
    let packet: AgendaPacket
    /// Pages of each PDF attachment, by appendix key.
    let attachmentPages: [String: Int]

    package init(packet: AgendaPacket, attachmentPages: [String: Int]) {
        self.packet = packet
        self.attachmentPages = attachmentPages
    }

    static let structuralCSS = """
    .forside-titel { bookmark-level: 1; bookmark-label: "Dagsorden"; string-set: bundletitel content(); }
    .punkt { break-before: page; }
    .punkt-titel { bookmark-level: 1; bookmark-label: content(); string-set: bilag content(); }
    \(BundlePDFHTML.appendixCSS)
    """

    private func e(_ text: String) -> String { HTMLFragments.escape(text) }

    package func html(css: String) -> String {
        let manifest = packet.agenda.manifest
        var out = BundlePDFHTML.documentStart(title: "\(packet.label): \(manifest.committee), \(DanishFormat.date(manifest.date))",
                                              css: css + "\n" + Self.structuralCSS)
        out += front()
        for item in packet.agenda.items {
            out += self.item(item)
            guard packet.shows(item) else { continue }
            for appendix in item.appendices where packet.shows(appendix) {
                out += self.appendix(appendix)
            }
        }
        return out + "</body>\n</html>\n"
    }

    static func anchor(_ appendix: ResolvedAgenda.Appendix) -> String { "punkt-\(appendix.item)-bilag-\(appendix.number)" }

    func front() -> String {
        let agenda = packet.agenda
        let manifest = agenda.manifest
        var facts = [("Dato", DanishFormat.weekdayAndDate(manifest.date)), ("Tid", "kl. \(manifest.start.danish)–\(manifest.end.danish)")]
        if let place = manifest.place { facts.append(("Sted", place)) }
        facts.append(("Forventet varighed", "\(agenda.plannedMinutes) min. af mødets \(agenda.meetingMinutes) min."))
        var out = "<section class=\"forside dagsorden-forside\">\n<p class=\"forside-etiket\">\(e(packet.label))</p>\n"
        out += "<h1 class=\"forside-titel\">\(e(manifest.committee))</h1>\n<dl class=\"moedefakta\">\n"
        out += facts.map { "<div><dt>\(e($0.0))</dt><dd>\(e($0.1))</dd></div>\n" }.joined() + "</dl>\n"
        if packet.audience == .lukket && agenda.hasClosedContent {
            out += "<p class=\"advarsel\"><strong>Lukket dagsorden.</strong> Indeholder lukkede punkter og bilag og må ikke offentliggøres.</p>\n"
        }
        out += "<table class=\"dagsorden\">\n<thead><tr><th scope=\"col\">Punkt</th><th scope=\"col\">Titel og bilag</th><th scope=\"col\">Tid</th></tr></thead>\n<tbody>\n"
        for item in agenda.items {
            out += "<tr><th scope=\"row\">\(item.number)</th><td><a href=\"#punkt-\(item.number)\">\(e(packet.title(of: item)))</a>"
            if item.isClosed { out += " <span class=\"lukket\">(lukket punkt)</span>" }
            out += appendixList(item) ?? ""
            out += "</td><td class=\"tid\">\(item.slot.map { e($0.danish) } ?? "–")</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n\n"
    }

    func appendixList(_ item: ResolvedAgenda.Item) -> String? {
        guard packet.shows(item), !item.appendices.isEmpty else { return nil }
        let entries = item.appendices.map { appendix -> String in
            guard packet.shows(appendix) else {
                return "<li>Bilag \(appendix.number): \(e(appendix.title)) <span class=\"lukket\">– lukket bilag; findes kun i den lukkede dagsorden</span></li>\n"
            }
            let closed = appendix.isClosed ? " <span class=\"lukket\">(lukket)</span>" : ""
            return "<li><a href=\"#\(Self.anchor(appendix))\">Bilag \(appendix.number): \(e(appendix.title))</a>\(closed)</li>\n"
        }
        return "\n<ul class=\"punktbilag\">\n\(entries.joined())</ul>"
    }

    func item(_ item: ResolvedAgenda.Item) -> String {
        var out = "<section class=\"punkt\" id=\"punkt-\(item.number)\">\n<h1 class=\"punkt-titel\">Punkt \(item.number): \(e(packet.title(of: item)))</h1>\n<dl class=\"moedefakta\">\n"
        if let slot = item.slot { out += "<div><dt>Tid</dt><dd>\(e(slot.danish))</dd></div>\n" }
        out += "<div><dt>Status</dt><dd>\(item.isClosed ? "Lukket" : "Åben")</dd></div>\n"
        if packet.shows(item), item.isClosed, let reason = item.closedReason { out += "<div><dt>Begrundelse</dt><dd>\(e(reason))</dd></div>\n" }
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

    func appendix(_ appendix: ResolvedAgenda.Appendix) -> String {
        let anchor = Self.anchor(appendix)
        let heading = "<h2 class=\"bilag-titel\" id=\"\(anchor)\">\(e(appendix.stamp))</h2>\n"
        switch appendix.content {
        case .recommendation(let analyzed), .document(let analyzed):
            let item = packet.agenda.items.first { $0.number == appendix.item }
            var out = "<article class=\"bilag\">\n" + heading
            if !analyzed.document.title.isEmpty && appendix.documentNumber == nil && AttachmentText.comparable(appendix.title) != AttachmentText.comparable(analyzed.document.title) {
                out += "<p class=\"dokumenttitel\">\(e(analyzed.document.title))</p>\n"
            }
            out += AgendaDocumentHTML.document(analyzed, sectionLevel: 3, anchorPrefix: anchor + "-") { own in
                guard let target = item?.appendices.first(where: { $0.documentNumber == own }) else { return nil }
                guard packet.shows(target) else { return "\(e(target.label)) (lukket bilag)" }
                return "<a href=\"#\(Self.anchor(target))\">\(e(target.label))</a>"
            }
            return out + "\n</article>\n\n"
        case .notat(let body):
            return "<article class=\"bilag\">\n" + heading + AgendaDocumentHTML.notat(body, title: appendix.title, topLevel: 3) + "\n</article>\n\n"
        case .attachment(let fileExtension):
            let file = e(appendix.source.lastPathComponent)
            if let pages = attachmentPages[appendix.key] {
                var out = "<article class=\"bilag vedlagt\">\n" + heading
                out += "<p class=\"vedlagt-note\">Bilaget følger på de næste sider (PDF, \(BundlePDFHTML.count(pages, "side", "sider"))).</p>\n"
                out += "<p class=\"vedlagt-fil\">Fil: \(file)</p>\n</article>\n"
                return out + String(repeating: "<div class=\"reserveret\"></div>\n", count: pages) + "\n"
            }
            return """
            <article class="bilag vedlagt">
            \(heading)<p class="vedlagt-note">Bilaget er en \(e(fileExtension.uppercased()))-fil og kan ikke sættes ind i PDF'en; det udgives som selvstændig fil sammen med dagsordenen.</p>
            <p class="vedlagt-fil">Fil: \(file)</p>
            </article>


            """
        }
    }
}
