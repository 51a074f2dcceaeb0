import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// Puts each PDF attachment's pages in place of the pages reserved for it, then points
/// the attachment's bookmark and every link to it at its first page and hangs the
/// attachment's own bookmarks under it.
///
/// How the bookmarks survive: `qpdf main.pdf --pages . 1-K bilag.pdf 1-z . L-z --
/// out.pdf` keeps main.pdf as the primary file, so the catalog (outlines, named
/// destinations of the internal links) is main.pdf's and its other pages stay the very
/// same page objects the bookmarks and links point at. What pointed at a reserved page
/// (`ReservedPages`: the attachment's bookmark and anchor, on its first) is pointed at the
/// attachment page that took its position. Each attachment page takes exactly the
/// position of a reserved page, so every page number WeasyPrint printed stays right.
///
/// The tags: a tagged attachment's structure tree is grafted into the packet's where its pages
/// are (`StructureGraft`), so a screen reader reads it; an untagged attachment's text is read
/// as one paragraph a page, without its headings or tables, and a scan's pages are artifacts;
/// `a11y.untagged-attachment` tells the secretariat which attachments are untagged.
enum PDFMerge {
    static func merge(main: URL, reserved: ReservedPages, attachments: [PDFAttachment], work: URL, output: URL,
                      progress: PacketProgress) throws(PacketFailure) {
        // 1. The merge.
        progress(PacketStep(.merging, "Fletter \(counted(attachments.count, "PDF-bilag", "PDF-bilag")) ind med qpdf …"))
        var arguments = [main.path, "--pages"]
        var next = 1
        for (run, attachment) in zip(reserved.runs, attachments) {
            if run.first > next { arguments += [".", "\(next)-\(run.first - 1)"] }
            arguments += [attachment.file.path, "1-\(attachment.pageCount)"]
            next = run.first + run.count
        }
        if next <= reserved.pageCount { arguments += [".", "\(next)-\(reserved.pageCount)"] }
        let merged = work.appendingPathComponent("flettet.pdf")
        try QPDF.write(arguments + ["--", merged.path], step: .merging, what: Message(da: "ved fletning af PDF-bilagene", en: "while merging the PDF appendices"))

        // 2. The bookmarks and links to the attachments, and the attachments' own bookmarks.
        progress(PacketStep(.merging, "Sætter bogmærker til PDF-bilagene …"))
        let json = try QPDF.json(merged, keys: ["pages", "outlines", "qpdf"], into: work.appendingPathComponent("flettet.json"),
                                 step: .merging, what: Message(da: "ved læsning af den flettede PDF", en: "while reading the merged PDF"))
        let pages = QPDF.pageRefs(json)
        guard pages.count == reserved.pageCount else {
            throw PacketFailure(.merging, da: "intern fejl: den flettede PDF har \(pages.count) sider, men skulle have \(reserved.pageCount)",
                                en: "internal error: the merged PDF has \(pages.count) pages, but should have \(reserved.pageCount)")
        }
        var edit = PDFObjectEdit(json: json)
        let outline = json["outlines"] as? [[String: Any]] ?? []
        var usedTitles = Set(PDFOutlineItem.titles(outline))
        var titles: [String] = []
        for (run, attachment) in zip(reserved.runs, attachments) {
            // The attachment's bookmark, "B3.1 …", on its first reserved page.
            guard let bookmark = reserved.bookmarks.last(where: { $0.page == run.first && $0.title.hasPrefix(attachment.label + " ") }),
                  let itemRef = item(at: bookmark.path, in: outline), var item = edit.value(itemRef) else {
                throw PacketFailure(.merging, da: "intern fejl: bogmærket for \(attachment.label) findes ikke på side \(run.first)",
                                    en: "internal error: the bookmark for \(attachment.label) is not on page \(run.first)")
            }
            titles.append(bookmark.title)
            item["/Dest"] = [pages[run.first - 1], "/Fit"]
            let label = attachment.label.trimmingCharacters(in: CharacterSet(charactersIn: ": "))
            let own = PDFOutlineItem.distinct(attachment.outline, attachmentTitle: bookmark.title, label: label, used: &usedTitles)
            let kids = own.map { outlineObjects($0, firstPage: run.first, pages: pages) }
            if let children = link(kids, parent: itemRef, into: &edit) {
                item["/First"] = children.first
                item["/Last"] = children.last
                item["/Count"] = -children.count  // closed: the open counts above it stay right
            }
            edit.set(itemRef, item)
        }
        let destinations = reserved.destinations.mapValues { page -> [Any] in [pages[page - 1], "/Fit"] }
        edit.take(PDFNamedDestinations(objects: edit.table).moving(destinations))

        // 3. The attachments' tags: a tagged attachment's tree grafted into the packet's, an
        // untagged one's pages marked as artifacts.
        progress(PacketStep(.merging, "Fletter PDF-bilagenes tags ind …"))
        try tagAttachments(attachments, runs: reserved.runs, titles: titles, pages: pages, merged: merged, in: &edit, work: work)

        try edit.write(merged, to: output, jsonFile: work.appendingPathComponent("bogmaerker.json"), step: .merging,
                       what: Message(da: "ved opdatering af bogmærker og tags", en: "while updating the bookmarks and tags"))
    }

    /// Grafts each tagged attachment's structure tree into the packet's (`StructureGraft`),
    /// marks an untagged one's text as a paragraph a page (`StructureGraft.TextPages`), and an
    /// attachment that cannot be given either (a scan, a page of another shape) as artifacts
    /// (`ForeignPages`); then takes out what the reserved pages had (their marks are gone with
    /// them) and repairs the lists and links the attachments brought.
    static func tagAttachments(_ attachments: [PDFAttachment], runs: [ReservedPages.Run], titles: [String], pages: [String],
                               merged: URL, in edit: inout PDFObjectEdit, work: URL) throws(PacketFailure) {
        guard var tree = StructureTree(edit) else { return }
        var parentTree = tree.parentTree(edit)
        var grafts: [StructureGraft.Attachment] = []
        var untagged: [StructureGraft.TextPages] = []
        for (index, (run, attachment)) in zip(runs, attachments).enumerated() {
            let source = attachment.original
            let own = Array(pages[(run.first - 1)..<(run.first - 1 + run.count)])
            if StructureGraft.isTagged(source), source.pages.count == run.count {
                grafts.append(.init(source: source, pages: own, title: titles[index]))
            } else {
                untagged.append(.init(pages: own, title: titles[index]))
            }
        }
        // A tagged attachment is grafted, and an untagged one's text marked as paragraphs, only when
        // every page's own content can be put back in place (its marks would otherwise sit in a form
        // nothing refers to); an untagged one showing no text (a scan) has nothing to give. Those
        // are artifacts.
        let plans = try OverlaidPageContent.plans(grafts.flatMap(\.pages) + untagged.flatMap(\.pages), of: merged, in: edit, work: work)
        let restorable = grafts.filter { $0.pages.allSatisfy { plans[$0] != nil } }
        let readable = untagged.filter { $0.pages.allSatisfy { plans[$0] != nil } && $0.pages.contains { plans[$0]?.showsText == true } }
        for graft in restorable {
            for page in graft.pages { if let plan = plans[page] { OverlaidPageContent.restore(page, plan, in: &edit) } }
        }
        for text in readable {
            for page in text.pages {
                if let plan = plans[page] { OverlaidPageContent.restore(page, plan, marked: ("/P <</MCID 0>> BDC\n", "\nEMC\n"), in: &edit) }
            }
        }
        let restoredPages = Set(restorable.flatMap(\.pages) + readable.flatMap(\.pages))
        let leftOut = (grafts.map(\.pages) + untagged.map(\.pages)).flatMap { $0 }.filter { !restoredPages.contains($0) }
        if !leftOut.isEmpty {
            let foreign = ForeignPages(in: &edit)
            for page in leftOut { foreign.markAsArtifact(page, in: &edit) }
        }
        StructureGraft.graft(restorable, text: readable, into: &edit, tree: tree, parentTree: &parentTree)
        tree.reread(edit)
        tree.dropContentOffPages(in: &edit, parentTree: &parentTree)
        tree.reread(edit)
        let merged = ListStructureRepair.apply(tree, in: &edit)
        StructureTree.remap(&parentTree, merged)
        if !merged.isEmpty { tree.reread(edit) }
        LinkStructureRepair.apply(tree, parentTree: &parentTree, in: &edit)
        tree.setParentTree(parentTree, in: &edit)
    }

    /// Marks merged attachment pages as artifacts in the packet's tagged PDF: the pages that
    /// can be given no tags (a scan without text, a page qpdf wrote in a shape
    /// `OverlaidPageContent` does not know).
    ///
    /// Left as they are, the pages would be "content neither tagged nor an artifact" (a PDF/UA
    /// failure) and their `/StructParents` numbers would collide with the packet's ParentTree.
    /// Marked as artifacts, the packet's own tree stays valid; the attachment is still announced
    /// by its tagged bookmark and index entry and published as its own file, and
    /// `a11y.untagged-attachment` tells the secretariat at check time which attachments are
    /// untagged.
    struct ForeignPages {
        /// Two content streams shared by every attachment page: `/Artifact BMC` before its
        /// own content, `EMC` after it.
        let begin: String
        let end: String

        init(in edit: inout PDFObjectEdit) {
            begin = edit.addStream(Data("/Artifact BMC\n".utf8))
            end = edit.addStream(Data("\nEMC\n".utf8))
        }

        func markAsArtifact(_ pageRef: String, in edit: inout PDFObjectEdit) {
            guard var page = edit.value(pageRef) else { return }
            let contents: [Any] = (page["/Contents"] as? [Any]) ?? [page["/Contents"]].compactMap { $0 }
            page["/Contents"] = [begin] + contents + [end]
            page["/StructParents"] = nil
            edit.set(pageRef, page)
            // The attachment's annotations (links) point into its own, dropped ParentTree too.
            let annotations = (page["/Annots"] as? [Any]) ?? []
            for case let ref as String in annotations {
                guard var annotation = edit.value(ref), annotation["/StructParent"] != nil else { continue }
                annotation["/StructParent"] = nil
                edit.set(ref, annotation)
            }
        }
    }

    /// The object reference of the outline item at `path` (child indexes from the top level).
    static func item(at path: [Int], in items: [[String: Any]]) -> String? {
        guard let index = path.first, items.indices.contains(index) else { return nil }
        if path.count == 1 { return items[index]["object"] as? String }
        return item(at: Array(path.dropFirst()), in: items[index]["kids"] as? [[String: Any]] ?? [])
    }

    /// An attachment bookmark with its destination moved into the merged file.
    struct NewItem {
        let title: String
        let dest: [Any]
        let kids: [NewItem]
    }

    static func outlineObjects(_ item: PDFOutlineItem, firstPage: Int, pages: [String]) -> NewItem {
        let page = pages[firstPage - 1 + (item.page ?? 1) - 1]
        return NewItem(title: item.title, dest: [page] + (item.view.isEmpty ? ["/Fit"] : item.view),
                       kids: item.kids.map { outlineObjects($0, firstPage: firstPage, pages: pages) })
    }

    /// Writes new outline item objects for `items` under `parent`: first, last and how many.
    static func link(_ items: [NewItem], parent: String, into edit: inout PDFObjectEdit) -> (first: String, last: String, count: Int)? {
        guard !items.isEmpty else { return nil }
        let refs = items.map { _ in edit.reserve() }
        for (index, item) in items.enumerated() {
            var value: [String: Any] = ["/Title": "u:" + item.title, "/Parent": parent, "/Dest": item.dest]
            if index > 0 { value["/Prev"] = refs[index - 1] }
            if index < items.count - 1 { value["/Next"] = refs[index + 1] }
            if let children = link(item.kids, parent: refs[index], into: &edit) {
                value["/First"] = children.first
                value["/Last"] = children.last
                value["/Count"] = -children.count
            }
            edit.set(refs[index], value)
        }
        return (refs[0], refs[refs.count - 1], refs.count)
    }
}
