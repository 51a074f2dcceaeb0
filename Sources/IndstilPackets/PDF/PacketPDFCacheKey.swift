import Foundation
import IndstilSupport
import IndstilRender

/// What names a finished packet PDF in the `ContentCache`: the HTML WeasyPrint sets (which
/// already holds every page the attachments take), each PDF attachment's bytes as they are
/// merged with its label and stamp, the variant, and the programs that set, stamp, measure
/// and merge it (WeasyPrint, qpdf, pdfinfo). nil when a program's files cannot be named:
/// then the packet is built afresh.
enum PacketPDFCacheKey {
    static func make(html: String, attachments: [PDFAttachment], archive: Bool) -> ContentCache.Key? {
        guard ContentCache.shared != nil, let tools = tools(archive: archive) else { return nil }
        var key = ContentCache.Key("packet pdf 1")
        key.add(tools)
        key.add(archive ? "archive" : "tagged")
        key.add(html)
        for attachment in attachments {
            key.add(attachment.label)
            key.add(attachment.pageHeader)
            // Its own bookmarks, hung under its bookmark: read from the file as it came, which a
            // page placed on A4 (`A4Placement`) no longer carries.
            key.add(outline(attachment.outline))
            guard key.add(contentsOf: attachment.file) else { return nil }
        }
        return key
    }

    /// The bookmarks as text: title, page, view and, indented, their children.
    static func outline(_ items: [PDFOutlineItem], depth: Int = 0) -> String {
        items.map { item in
            String(repeating: " ", count: depth) + "\(item.title)\t\(item.page ?? 0)\t\(item.view.map { "\($0)" }.joined(separator: " "))\n"
                + outline(item.kids, depth: depth + 1)
        }.joined()
    }

    /// The programs' files; nil when one cannot be found.
    static func tools(archive: Bool) -> String? {
        let weasyPrint = [archive ? WeasyPrint.Variant.archive : .tagged, .plain].map { WeasyPrintProgram.named(WeasyPrint.program(for: $0))?.identity }
        let others = ["qpdf", "pdfinfo"].map { ExternalProgram.find($0).flatMap { CacheFolder.realPath($0.path) }.flatMap(CacheFolder.fileIdentity) }
        let all = weasyPrint + others
        guard all.allSatisfy({ $0 != nil }) else { return nil }
        return all.compactMap { $0 }.joined(separator: "\n")
    }
}
