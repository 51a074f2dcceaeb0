import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// One bookmark of a PDF attachment's own outline, as qpdf reports it.
struct PDFOutlineItem {
    let title: String
    /// 1-based page in the attachment; nil when the bookmark points nowhere qpdf can resolve.
    let page: Int?
    /// The destination after its page ("/XYZ", left, top, zoom), or empty.
    let view: [Any]
    let kids: [PDFOutlineItem]

    static func parse(_ items: [[String: Any]]) -> [PDFOutlineItem] {
        items.map { item in
            let dest = item["dest"] as? [Any] ?? []
            let view = dest.count > 1 && (dest[1] as? String)?.hasPrefix("/") == true ? Array(dest.dropFirst()) : []
            return PDFOutlineItem(title: (item["title"] as? String) ?? "",
                                        page: item["destpageposfrom1"] as? Int,
                                        view: view,
                                        kids: parse(item["kids"] as? [[String: Any]] ?? []))
        }
    }

    /// The attachment's own bookmarks as they hang under its bookmark in a packet, where
    /// every title is unique: a single top bookmark that only repeats the attachment's title
    /// gives way to its children (the attachment's bookmark says it already), and a title
    /// the packet has elsewhere ("Punkt 1: Godkendelse af dagsorden" inside an earlier
    /// meeting's minutes) gets the attachment's label after it, "… (Punkt 2, Bilag 1)".
    static func distinct(_ items: [PDFOutlineItem], attachmentTitle: String, label: String, used: inout Set<String>) -> [PDFOutlineItem] {
        var items = items
        if items.count == 1, !items[0].title.isEmpty, AttachmentText.comparable(attachmentTitle).hasSuffix(AttachmentText.comparable(items[0].title)) {
            items = items[0].kids
        }
        func renamed(_ items: [PDFOutlineItem], used: inout Set<String>) -> [PDFOutlineItem] {
            items.map { item in
                var title = item.title
                if used.contains(title) { title += " (\(label))" }
                used.insert(title)
                return PDFOutlineItem(title: title, page: item.page, view: item.view, kids: renamed(item.kids, used: &used))
            }
        }
        return renamed(items, used: &used)
    }

    /// Every title of a qpdf outline (JSON), at every level.
    static func titles(_ items: [[String: Any]]) -> [String] {
        items.flatMap { [($0["title"] as? String) ?? ""] + titles($0["kids"] as? [[String: Any]] ?? []) }
    }

    /// Without bookmarks that carry no title, PowerPoint's "Default Section" (or
    /// Danish "Standardsektion") or no destination: their children move up a level.
    static func cleaned(_ items: [PDFOutlineItem], pageCount: Int) -> [PDFOutlineItem] {
        items.flatMap { item -> [PDFOutlineItem] in
            let kids = cleaned(item.kids, pageCount: pageCount)
            let title = item.title.foldingWhitespace
            let placeholder = ["default section", "standardsektion", "standardafsnit"].contains(title.lowercased())
            guard !title.isEmpty, !placeholder, let page = item.page, page >= 1, page <= pageCount else { return kids }
            return [PDFOutlineItem(title: title, page: page, view: item.view, kids: kids)]
        }
    }
}

/// A PDF appendix, copied into the work folder and measured.
struct PDFAttachment {
    /// The attachment's key in its packet (`PacketAttachment.key`).
    let key: String
    /// What its bookmark starts with and how messages name it ("B3.1", "Punkt 3, Bilag 2:").
    let label: String
    /// Stamped at the head of each of its pages (`PacketAttachment.pageHeader`).
    let pageHeader: String
    /// What is merged: the private copy, then the stamped one (`stamped(as:)`).
    let file: URL
    let pageCount: Int
    let outline: [PDFOutlineItem]
    /// The objects of the private copy as it came, read with its pages and outline: its structure
    /// tree is the attachment's tags (`StructureGraft`). Placed on A4 and stamped, the pages are
    /// the same, page by page, but qpdf's overlay put them in a file of its own catalog.
    let original: PDFObjectEdit

    /// The same attachment, its pages now in `file`.
    func stamped(as file: URL) -> PDFAttachment {
        PDFAttachment(key: key, label: label, pageHeader: pageHeader, file: file, pageCount: pageCount, outline: outline, original: original)
    }

    static func inspect(source: URL, key: String, label: String, pageHeader: String, index: Int, work: URL) throws(PacketFailure) -> PDFAttachment {
        // A private copy with a plain name: qpdf then never sees one file twice, or a name it could misread.
        let file = work.appendingPathComponent("bilag-\(index).pdf")
        do {
            try FileManager.default.copyItem(at: source, to: file)
        } catch {
            let reason = SystemErrorText.reason(error)
            throw PacketFailure(.copying, da: "PDF-bilaget \(label) (\(source.path)) kan ikke kopieres: \(reason.da)",
                                en: "The PDF appendix \(label) (\(source.path)) cannot be copied: \(reason.en)", file: source)
        }
        let what = Message(da: "ved læsning af PDF-bilaget \(label) »\(source.lastPathComponent)«",
                           en: "while reading the PDF appendix \(label) \"\(source.lastPathComponent)\"")
        let json = try QPDF.json(file, keys: ["pages", "outlines", "qpdf"], into: work.appendingPathComponent("bilag-\(index).json"), step: .inspecting, what: what)
        let pageCount = QPDF.pageRefs(json).count
        guard pageCount > 0 else {
            throw PacketFailure(.inspecting, da: "PDF-bilaget \(label) »\(source.lastPathComponent)« har ingen sider",
                                en: "The PDF appendix \(label) \"\(source.lastPathComponent)\" has no pages", file: source)
        }
        let outline = PDFOutlineItem.cleaned(PDFOutlineItem.parse(json["outlines"] as? [[String: Any]] ?? []), pageCount: pageCount)
        return PDFAttachment(key: key, label: label, pageHeader: pageHeader, file: file, pageCount: pageCount, outline: outline,
                             original: PDFObjectEdit(json: json))
    }
}
