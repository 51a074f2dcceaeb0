import Foundation

/// A packet: documents published together, as a static website (`PacketSite.write`) and
/// as one A4 PDF (`PacketPDF.write`). Today a betænkning bundle (`ResolvedBundle`) and
/// an agenda packet (`AgendaPacket`); minutes come next.
///
/// A kind of packet says only what is its own: which of its appendices are files rather
/// than Markdown (`attachments`), its site's pages in reading order with the HTML of each
/// (`sitePlan`), and its PDF's body (`pdfPlan`). Everything else is this layer's, the
/// same for every kind: the staging folder swapped in whole, the page frame with its
/// navigation, copying attachments, turning office files into PDF, stamping PDF pages,
/// WeasyPrint, merging PDF attachments into the reserved pages and hanging their
/// bookmarks (qpdf), the rendering of a profiled document (`ProfiledDocumentHTML`), file
/// names and anchors (`Slug`, `SiteNames`), HTML escaping (`String.markupEscaped`) and
/// failures (`PacketFailure`).
///
/// Adding a kind (minutes, say) therefore means, in `Packets/Minutes/`:
/// 1. `extension ResolvedMinutes: Packet` with its `attachments`;
/// 2. a `PacketSitePlan` (names and order of its pages, each page's main HTML);
/// 3. a `PacketPDFPlan` (cover, index and articles of its PDF);
/// and the one-line public `write` overloads in `PacketSite` and `PacketPDF` through
/// which the CLI reaches the generic writers.
protocol Packet {
    associatedtype SitePlan: PacketSitePlan
    associatedtype PDFPlan: PacketPDFPlan

    /// The appendices that are files (PDF, DOCX, XLSX …) rather than Markdown and that
    /// the packet includes, in reading order.
    var attachments: [PacketAttachment] { get }

    /// Whether office files (DOCX …) among the attachments are turned into PDF with
    /// LibreOffice, so that they can be stamped and merged like PDF attachments.
    var convertsOfficeFiles: Bool { get }

    /// Names, order and links of the site, decided before anything is written; throws
    /// when the site could not be complete (an unreadable attachment, a dead link).
    func sitePlan(_ files: PacketFiles) throws(PacketFailure) -> SitePlan

    /// The PDF's body; `files` says which attachments have pages to merge.
    func pdfPlan(_ files: PacketFiles) -> PDFPlan
}

/// An appendix that is a file, as the layer sees it: what it is called in messages and
/// bookmarks, where it is, and what is stamped on its pages.
struct PacketAttachment {
    /// Unique in the packet (a bundle appendix's id, "p3-b2").
    let key: String
    /// How messages name it: "B1.3", "Punkt 3, Bilag 2".
    let label: String
    /// What its bookmark in the PDF starts with ("B1.3", "Punkt 3, Bilag 2:"): the
    /// merge finds the placeholder's bookmark by it.
    let bookmarkLabel: String
    let source: URL
    /// Lowercased, without the dot.
    let fileExtension: String
    /// Stamped on every page ("Punkt 3, Bilag 2: Sammenfatning"); nil: published as it is.
    let stamp: String?
}

/// A packet's attachments with the office files among them turned into PDF (when the
/// kind asks for it): what the site and the PDF publish for each.
struct PacketFiles {
    let attachments: [PacketAttachment]
    /// The converted PDF of each office attachment that converted, by source.
    let converted: [URL: URL]

    /// Converts what `packet` asks to be converted, in `work`; a file that does not
    /// convert is said in `progress` and published as it is.
    init(_ packet: some Packet, work: URL, progress: (String) -> Void) {
        attachments = packet.attachments
        let office = packet.convertsOfficeFiles ? attachments.filter { OfficeConversion.convertible.contains($0.fileExtension) } : []
        guard !office.isEmpty else {
            converted = [:]
            return
        }
        progress("Konverterer \(counted(office.count, "Word-bilag", "Word-bilag")) til PDF med LibreOffice …")
        let converted = OfficeConversion.pdfs(of: office.map(\.source), work: work)
        for attachment in office where converted[attachment.source] == nil {
            progress("Bemærk: \(attachment.label) »\(attachment.source.lastPathComponent)« kunne ikke konverteres til PDF (er LibreOffice installeret?); det kommer med som den er, uden stempel")
        }
        self.converted = converted
    }

    /// The attachments as they are, nothing converted (for rendering pages without
    /// running LibreOffice: the fuzz harness).
    init(unconverted packet: some Packet) {
        attachments = packet.attachments
        converted = [:]
    }

    /// The PDF whose pages stand for `attachment`: the file itself, or its conversion.
    func pdf(of attachment: PacketAttachment) -> URL? {
        attachment.fileExtension == "pdf" ? attachment.source : converted[attachment.source]
    }

    /// Whether `attachment` is published as the PDF it was converted to.
    func isConverted(_ attachment: PacketAttachment) -> Bool {
        converted[attachment.source] != nil
    }
}
