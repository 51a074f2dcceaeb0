import Foundation
import IndstilSupport
import IndstilRender

/// Every page of a packet is A4. An attachment page of another size (US Letter from Word or
/// LibreOffice, A3, a scanned receipt) is placed on an A4 page of its orientation — scaled
/// down to fit when it is larger, centred — before it is stamped, so its stamp and page
/// number sit where every other page has them and the packet prints as one. qpdf does the
/// placing (`--overlay` shrinks a page to fit the page under it); the blank A4 pages under
/// it are written here. A4 pages (portrait or landscape) are left as they are, and so is an
/// attachment with only A4 pages. The attachment's own bookmarks are kept (their pages do
/// not move), and qpdf's overlay carries the pages' annotations (links) with them.
enum A4Placement {
    /// A4 in points, and how far a page may be from it and still count as A4 (rounding in
    /// the programs that made it).
    static let width = 595.276, height = 841.89, tolerance = 2.0

    static func isA4(_ size: PDFStamper.PageSize) -> Bool {
        let (w, h) = (Double(size.width) / 100, Double(size.height) / 100)
        return (abs(w - width) <= tolerance && abs(h - height) <= tolerance) || (abs(w - height) <= tolerance && abs(h - width) <= tolerance)
    }

    /// The attachment with every page on A4 (itself when it is A4 already).
    static func placed(_ attachment: PDFAttachment, index: Int, work: URL) throws(PacketFailure) -> PDFAttachment {
        let sizes = try PDFStamper.pageSizes(attachment.file, work: work, index: 10_000 + index)
        guard !sizes.allSatisfy(isA4) else { return attachment }
        let blank = work.appendingPathComponent("a4-\(index).pdf")
        let placed = work.appendingPathComponent("a4-placeret-\(index).pdf")
        do {
            try Data(blankPages(landscape: sizes.map { $0.width > $0.height }).utf8).write(to: blank)
        } catch {
            let reason = SystemErrorText.reason(error)
            throw PacketFailure(.copying, da: "kan ikke skrive \(blank.path): \(reason.da)", en: "cannot write \(blank.path): \(reason.en)", file: blank)
        }
        let what = Message(da: "ved placering af \(attachment.label) på A4-sider", en: "while placing \(attachment.label) on A4 pages")
        try QPDF.write([blank.path, "--overlay", attachment.file.path, "--", placed.path], step: .stamping, what: what)
        return attachment.stamped(as: placed)
    }

    /// A PDF of empty A4 pages, one per flag (landscape or portrait), written by hand: a
    /// catalog, a page tree and the pages, with a correct cross-reference table.
    static func blankPages(landscape: [Bool]) -> String {
        let pageCount = landscape.count
        var objects = ["<< /Type /Catalog /Pages 2 0 R >>",
                       "<< /Type /Pages /Kids [\((0..<pageCount).map { "\($0 + 4) 0 R" }.joined(separator: " "))] /Count \(pageCount) >>",
                       "<< /Length 0 >>\nstream\n\nendstream"]
        for wide in landscape {
            let box = wide ? "0 0 841.89 595.276" : "0 0 595.276 841.89"
            objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [\(box)] /Resources << >> /Contents 3 0 R >>")
        }
        var pdf = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (number, object) in objects.enumerated() {
            offsets.append(pdf.utf8.count)
            pdf += "\(number + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = pdf.utf8.count
        pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { pdf += String(offset).leftPadded(to: 10, with: "0") + " 00000 n \n" }
        return pdf + "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
    }
}
