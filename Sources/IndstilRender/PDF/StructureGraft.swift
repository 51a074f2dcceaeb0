import Foundation

/// A tagged attachment's structure tree grafted into the packet it was merged into, so that a
/// screen reader reads the attachment's headings, paragraphs, lists and tables where its pages
/// are, instead of skipping pages marked as decoration.
///
/// qpdf's page merge takes the attachment's pages with their marked content (`BDC … EMC` with
/// ids, numbered per page) and their annotations, but not the structure tree those belong to.
/// The graft copies the attachment's elements into the packet under a new `Div` named after
/// the attachment, with every reference moved: the attachment's pages and annotations to their
/// merged copies, its ParentTree entries (and so the pages' `/StructParents` and the
/// annotations' `/StructParent`) to keys after the packet's own. Marked-content ids need no
/// renumbering: they are per page, and the pages are the attachment's own. Element types are
/// resolved through the attachment's RoleMap to standard ones, so the packet needs none of it.
package enum StructureGraft {
    package struct Attachment {
        /// The attachment PDF merged (its pages in order, its structure tree).
        package let source: PDFObjectEdit
        /// The merged pages that are its pages, in order.
        package let pages: [String]
        /// What the `Div` holding it is called (`/T`): "Bilag 2: Notat om fratrædelser".
        package let title: String

        package init(source: PDFObjectEdit, pages: [String], title: String) {
            self.source = source
            self.pages = pages
            self.title = title
        }
    }

    /// Whether `source` is tagged as `a11y.untagged-attachment` tells it (a structure tree, and
    /// `/MarkInfo << /Marked true >>`), with elements and a ParentTree to graft.
    package static func isTagged(_ source: PDFObjectEdit) -> Bool {
        guard let catalogRef = source.rootRef, let catalog = source.value(catalogRef), let tree = StructureTree(source),
              !tree.elements.isEmpty, source.value(tree.rootRef)?["/ParentTree"] != nil else { return false }
        let markInfo = (catalog["/MarkInfo"] as? String).flatMap { source.value($0) } ?? catalog["/MarkInfo"] as? [String: Any]
        return markInfo?["/Marked"] as? Bool == true
    }

    /// An untagged attachment whose pages show text: each page's content is marked as one
    /// paragraph (marked-content id 0, `OverlaidPageContent` puts the marks in), so its words are
    /// read where its pages are, in the order the file paints them. Its link annotations get
    /// `Link` elements of their own.
    package struct TextPages {
        package let pages: [String]
        package let title: String

        package init(pages: [String], title: String) {
            self.pages = pages
            self.title = title
        }
    }

    /// Grafts each attachment into `edit`'s tree, and each untagged attachment's text (`text`);
    /// `parentTree` is the packet's (read before) and gets their entries. The `Div`s go into the
    /// packet's document element, each before the first element whose content starts after the
    /// attachment's last page.
    package static func graft(_ attachments: [Attachment], text: [TextPages] = [], into edit: inout PDFObjectEdit, tree: StructureTree,
                              parentTree: inout [Int: Any]) {
        guard !attachments.isEmpty || !text.isEmpty else { return }
        let pagePosition = Dictionary(edit.pages.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        // The document element: the root's only kid (WeasyPrint's `Document`), or the root itself.
        let rootKids = StructureTree.elementKids(of: tree.rootRef, in: edit)
        let documentRef = rootKids.count == 1 ? rootKids[0] : tree.rootRef
        guard var document = edit.value(documentRef) else { return }
        // Where each of the document's kids starts (each element's top ancestor, in one pass:
        // the elements come parents first).
        var top: [String: String] = [:]
        var firstPage: [String: Int] = [:]
        for elementRef in tree.elements {
            guard let parent = tree.parents[elementRef] else { continue }
            top[elementRef] = parent == documentRef ? elementRef : top[parent]
            guard let page = edit.value(elementRef)?["/Pg"] as? String, let position = pagePosition[page], let kid = top[elementRef] else { continue }
            firstPage[kid] = min(firstPage[kid] ?? .max, position)
        }
        var kids = StructureTree.kids(document)
        var nextKey = (parentTree.keys.max() ?? -1) + 1
        // In the order of their pages.
        var pieces: [(pages: [String], build: (inout PDFObjectEdit, inout [Int: Any], inout Int) -> String?)] = []
        for attachment in attachments {
            pieces.append((attachment.pages, { edit, parentTree, nextKey in copy(attachment, parent: documentRef, into: &edit, parentTree: &parentTree, nextKey: &nextKey) }))
        }
        for attachment in text {
            pieces.append((attachment.pages, { edit, parentTree, nextKey in paragraphs(attachment, parent: documentRef, into: &edit, parentTree: &parentTree, nextKey: &nextKey) }))
        }
        pieces.sort { ($0.pages.first.flatMap { pagePosition[$0] } ?? 0) < ($1.pages.first.flatMap { pagePosition[$0] } ?? 0) }
        for piece in pieces {
            guard let lastPage = piece.pages.last.flatMap({ pagePosition[$0] }), let divRef = piece.build(&edit, &parentTree, &nextKey) else { continue }
            let index = kids.firstIndex { kid in (kid as? String).flatMap { firstPage[$0] }.map { $0 > lastPage } ?? false } ?? kids.count
            kids.insert(divRef, at: index)
            firstPage[divRef] = piece.pages.first.flatMap { pagePosition[$0] }
        }
        document["/K"] = kids
        edit.set(documentRef, document)
    }

    /// A `Div` with a `P` for each page (its content, marked-content id 0) and a `Link` for each
    /// link annotation on it; its reference.
    private static func paragraphs(_ attachment: TextPages, parent: String, into edit: inout PDFObjectEdit,
                                   parentTree: inout [Int: Any], nextKey: inout Int) -> String? {
        let divRef = edit.reserve()
        var kids: [Any] = []
        for pageRef in attachment.pages {
            guard var page = edit.value(pageRef) else { continue }
            let paragraph = edit.add(["/Type": "/StructElem", "/S": "/P", "/P": divRef, "/Pg": pageRef, "/K": 0])
            kids.append(paragraph)
            page["/StructParents"] = nextKey
            parentTree[nextKey] = [paragraph]
            nextKey += 1
            edit.set(pageRef, page)
            for annotationRef in (page["/Annots"] as? [Any] ?? []).compactMap({ $0 as? String }) {
                guard var annotation = edit.value(annotationRef) else { continue }
                if annotation["/Subtype"] as? String == "/Link" {
                    let link = edit.add(["/Type": "/StructElem", "/S": "/Link", "/P": divRef, "/Pg": pageRef,
                                         "/K": [["/Type": "/OBJR", "/Obj": annotationRef, "/Pg": pageRef] as [String: Any]]])
                    kids.append(link)
                    annotation["/StructParent"] = nextKey
                    parentTree[nextKey] = link
                    nextKey += 1
                } else {
                    annotation["/StructParent"] = nil
                }
                edit.set(annotationRef, annotation)
            }
        }
        edit.set(divRef, ["/Type": "/StructElem", "/S": "/Div", "/P": parent, "/T": "u:" + attachment.title, "/K": kids])
        return divRef
    }

    /// Copies one attachment's elements under a new `Div`; its reference.
    private static func copy(_ attachment: Attachment, parent: String, into edit: inout PDFObjectEdit,
                             parentTree: inout [Int: Any], nextKey: inout Int) -> String? {
        guard isTagged(attachment.source), let sourceTree = StructureTree(attachment.source),
              let sourceRoot = attachment.source.value(sourceTree.rootRef) else { return nil }
        let divRef = edit.add([:])
        let tops = StructureTree.kids(sourceRoot, in: attachment.source).compactMap { $0 as? String }
        guard let top = copyElements(tops, of: attachment.source, tree: sourceTree, pages: attachment.pages, under: divRef,
                                     replacing: [sourceTree.rootRef], into: &edit, parentTree: &parentTree, nextKey: &nextKey) else { return nil }
        edit.set(divRef, ["/Type": "/StructElem", "/S": "/Div", "/P": parent, "/T": "u:" + attachment.title, "/K": top])
        return divRef
    }

    /// Appends the elements of `piece` (a tagged PDF set from the rest of the same document, its
    /// pages merged as `pages`) to `edit`'s document element, after its own: the document
    /// element's kids of the piece (WeasyPrint writes `Document` > an element tree for each page)
    /// become the document's, with its ParentTree entries after the document's (`PDFJoin`).
    package static func append(_ piece: PDFObjectEdit, pages: [String], into edit: inout PDFObjectEdit, tree: StructureTree,
                               parentTree: inout [Int: Any]) -> Bool {
        guard isTagged(piece), let pieceTree = StructureTree(piece) else { return false }
        let pieceKids = StructureTree.elementKids(of: pieceTree.rootRef, in: piece)
        let rootKids = StructureTree.elementKids(of: tree.rootRef, in: edit)
        guard pieceKids.count == 1, rootKids.count == 1, var document = edit.value(rootKids[0]),
              let pieceDocument = piece.value(pieceKids[0]), pieceDocument["/S"] as? String == document["/S"] as? String else { return false }
        var nextKey = (parentTree.keys.max() ?? -1) + 1
        let tops = StructureTree.kids(pieceDocument, in: piece).compactMap { $0 as? String }
        guard let top = copyElements(tops, of: piece, tree: pieceTree, pages: pages, under: rootKids[0],
                                     replacing: [pieceTree.rootRef, pieceKids[0]], into: &edit, parentTree: &parentTree, nextKey: &nextKey) else { return false }
        document["/K"] = StructureTree.kids(document, in: edit) + top
        edit.set(rootKids[0], document)
        return true
    }

    /// Copies the elements `tops` of `source` (its structure tree `sourceTree`, and all below them) into `edit`, hung under
    /// `parent`, which takes the place of the elements `replacing` (their parents in `source`);
    /// the copies of `tops`, or nil when `source` and `pages` do not match.
    ///
    /// References move: the source's pages and annotations to their merged copies (`pages`), its
    /// ParentTree entries (and so the pages' `/StructParents` and the annotations'
    /// `/StructParent`) to keys from `nextKey` on.
    private static func copyElements(_ tops: [String], of source: PDFObjectEdit, tree sourceTree: StructureTree, pages: [String], under parent: String,
                                     replacing: [String], into edit: inout PDFObjectEdit, parentTree: inout [Int: Any], nextKey: inout Int) -> [String]? {
        guard let sourceRoot = source.value(sourceTree.rootRef) else { return nil }
        let sourcePages = source.pages
        guard sourcePages.count == pages.count else { return nil }
        let roleMap = (sourceRoot["/RoleMap"] as? String).flatMap { source.value($0) } ?? sourceRoot["/RoleMap"] as? [String: Any] ?? [:]

        // References that move: pages and annotations to their merged copies.
        var moved: [String: String] = [:]
        var annotationSource: [String: String] = [:]
        for (sourcePage, mergedPage) in zip(sourcePages, pages) {
            moved[sourcePage] = mergedPage
            let sourceAnnotations = (source.value(sourcePage)?["/Annots"] as? [Any] ?? []).compactMap { $0 as? String }
            let mergedAnnotations = (edit.value(mergedPage)?["/Annots"] as? [Any] ?? []).compactMap { $0 as? String }
            if sourceAnnotations.count == mergedAnnotations.count {
                for (from, to) in zip(sourceAnnotations, mergedAnnotations) {
                    moved[from] = to
                    annotationSource[to] = from
                }
            }
        }
        for ref in replacing { moved[ref] = parent }

        // Every object reachable from the elements that is not a page, an annotation or a
        // stream gets a new number first, then its value with the references moved.
        var order: [String] = []
        var pending = tops
        var arrays: Set<String> = []
        while let ref = pending.popLast() {
            if let array = source.anyValue(ref) as? [Any] {
                // Taken in place where it is used; its references are followed.
                if arrays.insert(ref).inserted { pending += references(in: array) }
                continue
            }
            guard moved[ref] == nil, let value = source.value(ref),
                  !["/Annot", "/Page", "/Pages", "/Catalog", "/StructTreeRoot"].contains(value["/Type"] as? String ?? ""),
                  value["/Subtype"] == nil else { continue }
            moved[ref] = edit.add([:])
            order.append(ref)
            for (key, item) in value where key != "/P" { pending += references(in: item) }
        }
        for ref in order {
            guard var value = source.value(ref), let newRef = moved[ref] else { continue }
            if let type = value["/S"] as? String { value["/S"] = standardType(type, roleMap: roleMap) }
            value["/ID"] = nil
            // Arrays kept as objects of their own (`/K`, attributes) are taken in place.
            for (key, item) in value {
                if let itemRef = item as? String, isReference(itemRef), let array = source.anyValue(itemRef) as? [Any] { value[key] = array }
            }
            value = move(value, moved) as? [String: Any] ?? [:]
            edit.set(newRef, value)
        }

        // Its ParentTree entries get keys after the packet's, one by one in order, and the pages
        // and annotations that used the old keys get the new ones (a key the source's
        // ParentTree does not have is dropped: it led nowhere there either).
        var newKey: [Int: Int] = [:]
        let sourceEntries = sourceTree.parentTree(source)
        for key in sourceEntries.keys.sorted() {
            guard let value = sourceEntries[key] else { continue }
            newKey[key] = nextKey
            parentTree[nextKey] = move(value, moved)
            nextKey += 1
        }
        for (sourcePage, mergedPage) in zip(sourcePages, pages) {
            guard var page = edit.value(mergedPage) else { continue }
            page["/StructParents"] = (source.value(sourcePage)?["/StructParents"] as? Int).flatMap { newKey[$0] }
            edit.set(mergedPage, page)
            for annotationRef in (page["/Annots"] as? [Any] ?? []).compactMap({ $0 as? String }) {
                guard var annotation = edit.value(annotationRef) else { continue }
                let original = annotationSource[annotationRef].flatMap { source.value($0)?["/StructParent"] as? Int }
                guard original != nil || annotation["/StructParent"] != nil else { continue }
                annotation["/StructParent"] = original.flatMap { newKey[$0] }
                edit.set(annotationRef, annotation)
            }
        }
        return tops.compactMap { moved[$0] }
    }

    /// A type the attachment's RoleMap maps to a standard one, followed to the end.
    static func standardType(_ type: String, roleMap: [String: Any]) -> String {
        var current = type
        var steps = 0
        while let next = roleMap[current] as? String, next != current, steps < 16 {
            current = next
            steps += 1
        }
        return current
    }

    /// The references in a value, at any depth.
    static func references(in value: Any) -> [String] {
        if let ref = value as? String { return isReference(ref) ? [ref] : [] }
        if let array = value as? [Any] { return array.flatMap(references) }
        if let dictionary = value as? [String: Any] { return dictionary.values.flatMap(references) }
        return []
    }

    /// "12 0 R" (qpdf writes strings "u:…" and names "/…", so nothing else looks like it).
    static func isReference(_ text: String) -> Bool {
        // By hand: every string of every copied object is asked, and a regular expression is parsed anew at each use.
        let parts = text.utf8.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        return parts.count == 3 && parts[2].elementsEqual("R".utf8)
            && parts[0...1].allSatisfy { !$0.isEmpty && $0.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } }
    }

    /// `value` with every reference moved; one that does not move (a stream, an object the
    /// graft does not copy) becomes null.
    static func move(_ value: Any, _ moved: [String: String]) -> Any {
        if let ref = value as? String, isReference(ref) { return moved[ref] ?? NSNull() }
        if let array = value as? [Any] { return array.map { move($0, moved) } }
        if let dictionary = value as? [String: Any] { return dictionary.mapValues { move($0, moved) } }
        return value
    }
}
