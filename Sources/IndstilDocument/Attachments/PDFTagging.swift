import Foundation
import IndstilSupport

/// Whether a PDF is tagged: its catalog has a structure tree (`/StructTreeRoot`) and says
/// so (`/MarkInfo << /Marked true >>`). Read with qpdf, two or three small look-ups whatever
/// the file's size.
package enum PDFTagging {
    /// nil when it cannot be told: qpdf is missing, or the file is not a PDF qpdf can read.
    /// The answer for the same bytes is kept between runs (`AttachmentReadingCache`).
    package static func isTagged(_ pdf: URL) -> Bool? {
        AttachmentReadingCache.isTagged(pdf) { probe(pdf) }
    }

    static func probe(_ pdf: URL) -> Bool? {
        guard let folder = try? TemporaryItems.makeFolder(kind: "tags") else { return nil }
        defer { TemporaryItems.remove(folder) }
        guard let trailer = show("trailer", of: pdf, folder: folder),
              let root = trailer.firstMatch(of: /\/Root\s+(\d+)\s+(\d+)\s+R/),
              let catalog = show("\(root.1),\(root.2)", of: pdf, folder: folder) else { return nil }
        var markInfo = catalog
        if let indirect = catalog.firstMatch(of: /\/MarkInfo\s+(\d+)\s+(\d+)\s+R/) {
            guard let resolved = show("\(indirect.1),\(indirect.2)", of: pdf, folder: folder) else { return nil }
            markInfo = resolved
        }
        return catalog.contains("/StructTreeRoot") && markInfo.contains(/\/Marked\s+true/)
    }

    /// `qpdf --show-object=OBJECT`: the object as PDF syntax.
    static func show(_ object: String, of pdf: URL, folder: URL) -> String? {
        let output = folder.appendingPathComponent("objekt.txt")
        guard case .finished(let status, _) = ExternalProgram.run("qpdf", ["--show-object=\(object)", pdf.path], timeout: 60, standardOutput: output),
              status == 0 || status == 3 else { return nil }
        return try? String(contentsOf: output, encoding: .utf8)
    }
}
