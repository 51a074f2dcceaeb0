import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// A packet: documents published together, as a static website (`PacketSite.write`) and
/// as one A4 PDF (`PacketPDF.write`): a betænkning bundle (`ResolvedBundle`), an agenda
/// packet (`AgendaPacket`) and minutes (`MinutesPacket`).
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

    /// Files this packet would publish although the publication gate found them closed
    /// (`PublicationGate`); the writers refuse a packet with any, before anything is built.
    var withheld: [URL] { get }
}

extension Packet {
    /// The writers' first step: a packet with withheld files is not written at all.
    func refuseWithheld() throws(PacketFailure) {
        guard let first = withheld.first else { return }
        throw PacketFailure(.planning,
                            da: "»\(first.lastPathComponent)« er lukket og må ikke komme i en offentlig pakke; intet er skrevet "
                                + "(manifestets fund publication.closed-file siger hvor)",
                            en: "\"\(first.lastPathComponent)\" is closed and must not go into a public packet; nothing was written "
                                + "(the manifest's publication.closed-file finding says where)", file: first)
    }
}
