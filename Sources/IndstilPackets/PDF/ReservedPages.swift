import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// Where WeasyPrint set the pages reserved for a packet's PDF attachments
/// (`PacketPDFDocument.reservedPages`), and what in the set PDF points at them.
///
/// Read before the merge: the attachments' page numbers ("side X af Y") are their
/// positions here, and the bookmarks and named destinations that point at a reserved
/// page (the attachment's first) are remembered by position, for `PDFMerge` to point
/// them at the attachment page that takes it.
struct ReservedPages {
    struct Run {
        /// 1-based page position of the first reserved page.
        let first: Int
        let count: Int
    }

    /// One run per PDF attachment, in order.
    let runs: [Run]
    /// The set PDF's page count: the merged PDF's too.
    let pageCount: Int
    /// Bookmarks pointing at a reserved page: the path of child indexes from the outline's
    /// top level (the merge keeps the outline's shape), and the position.
    let bookmarks: [(path: [Int], title: String, page: Int)]
    /// Named destinations (the targets of the internal links) on a reserved page: name → position.
    let destinations: [String: Int]

    /// Reads `main` (the set PDF) and checks that its runs fit `pageCounts`, the PDF attachments' page counts.
    static func read(_ main: URL, pageCounts: [Int], work: URL) throws(PacketFailure) -> ReservedPages {
        let json = try QPDF.json(main, keys: ["pages", "outlines", "qpdf"], into: work.appendingPathComponent("main.json"),
                                 step: .merging, what: Message(da: "ved læsning af den satte PDF", en: "while reading the set PDF"))
        let pages = QPDF.pageRefs(json)
        let objects = QPDF.objects(json)
        // Blocks of reserved pages in a row; attachments that follow each other share one, in order.
        var blocks: [Run] = []
        for (index, ref) in pages.enumerated() where isReserved(QPDF.value(objects, ref)) {
            if let last = blocks.last, last.first + last.count == index + 1 {
                blocks[blocks.count - 1] = Run(first: last.first, count: last.count + 1)
            } else {
                blocks.append(Run(first: index + 1, count: 1))
            }
        }
        var runs: [Run] = []
        var counts = pageCounts[...]
        for block in blocks {
            var first = block.first
            while first < block.first + block.count, let count = counts.popFirst() {
                runs.append(Run(first: first, count: count))
                first += count
            }
            guard first == block.first + block.count else { runs = []; break }
        }
        guard runs.map(\.count) == pageCounts else {
            throw PacketFailure(.merging, da: "intern fejl: WeasyPrint satte \(blocks.map(\.count)) reserverede sider i træk, men PDF-bilagene har \(pageCounts)",
                                en: "internal error: WeasyPrint set \(blocks.map(\.count)) reserved pages in a row, but the PDF appendices have \(pageCounts)")
        }
        let reservedPositions = Set(runs.flatMap { $0.first..<($0.first + $0.count) })

        var bookmarks: [(path: [Int], title: String, page: Int)] = []
        func collect(_ items: [[String: Any]], path: [Int]) {
            for (index, item) in items.enumerated() {
                if let page = item["destpageposfrom1"] as? Int, reservedPositions.contains(page) {
                    bookmarks.append((path + [index], item["title"] as? String ?? "", page))
                }
                collect(item["kids"] as? [[String: Any]] ?? [], path: path + [index])
            }
        }
        collect(json["outlines"] as? [[String: Any]] ?? [], path: [])

        let positions = Dictionary(pages.enumerated().map { ($1, $0 + 1) }, uniquingKeysWith: { first, _ in first })
        var destinations: [String: Int] = [:]
        let tree = PDFNamedDestinations(objects: objects)
        for (name, destination) in tree.all() {
            if let page = tree.page(of: destination).flatMap({ positions[$0] }), reservedPositions.contains(page) {
                destinations[name] = page
            }
        }
        return ReservedPages(runs: runs, pageCount: pages.count, bookmarks: bookmarks, destinations: destinations)
    }

    /// A page WeasyPrint set on the reserved page size.
    static func isReserved(_ page: [String: Any]?) -> Bool {
        guard let box = page?["/MediaBox"] as? [Any], box.count == 4 else { return false }
        let numbers = box.compactMap { ($0 as? NSNumber)?.doubleValue }
        guard numbers.count == 4 else { return false }
        return abs(numbers[2] - numbers[0] - PacketPDFDocument.reservedPageWidth) < 0.5
            && abs(numbers[3] - numbers[1] - PacketPDFDocument.reservedPageHeight) < 0.5
    }
}
