import Foundation

/// A tagged PDF's structure tree as `PDFObjectEdit` holds it: its elements in reading order,
/// their kids, and the ParentTree that leads from marked content and annotations back to them.
///
/// Kids (`/K`) are marked-content ids (integers), references to elements, or marked-content
/// and object references (`/MCR`, `/OBJR` dictionaries, direct or indirect).
package struct StructureTree {
    package let rootRef: String
    /// Every element below the root, depth first (reading order).
    package private(set) var elements: [String] = []
    /// Each element's parent (the root's kids: the root).
    package private(set) var parents: [String: String] = [:]
    /// The page each element's marked content is on: its own `/Pg` or the nearest ancestor's.
    private var pages: [String: String] = [:]

    /// nil when the PDF has no structure tree.
    package init?(_ edit: PDFObjectEdit) {
        guard let catalogRef = edit.rootRef, let catalog = edit.value(catalogRef),
              let rootRef = catalog["/StructTreeRoot"] as? String, edit.value(rootRef) != nil else { return nil }
        self.rootRef = rootRef
        reread(edit)
    }

    /// Reads the elements again after the tree's shape changed.
    package mutating func reread(_ edit: PDFObjectEdit) {
        elements = []
        parents = [:]
        pages = [:]
        var seen: Set<String> = [rootRef]
        // Depth first without recursion: a deep tree must not exhaust the stack.
        var stack: [(ref: String, parent: String)] = Self.elementKids(of: rootRef, in: edit).reversed().map { ($0, rootRef) }
        while let (ref, parent) = stack.popLast() {
            guard seen.insert(ref).inserted else { continue }
            elements.append(ref)
            parents[ref] = parent
            pages[ref] = edit.value(ref)?["/Pg"] as? String ?? pages[parent]
            stack += Self.elementKids(of: ref, in: edit).reversed().map { ($0, ref) }
        }
    }

    /// `/K` as an array.
    package static func kids(_ element: [String: Any]) -> [Any] {
        guard let kids = element["/K"] else { return [] }
        return kids as? [Any] ?? [kids]
    }

    /// `/K` as an array, an array object of its own read through `edit`.
    package static func kids(_ element: [String: Any], in edit: PDFObjectEdit) -> [Any] {
        if let ref = element["/K"] as? String, let array = edit.anyValue(ref) as? [Any] { return array }
        return kids(element)
    }

    /// Whether `kid` is a reference to a structure element (not an MCR or OBJR, not a page).
    package static func isElement(_ kid: Any, in edit: PDFObjectEdit) -> Bool {
        guard let ref = kid as? String, let value = edit.value(ref) else { return false }
        let type = value["/Type"] as? String
        return type != "/MCR" && type != "/OBJR" && type != "/Page" && (value["/S"] != nil || type == "/StructElem")
    }

    package static func elementKids(of ref: String, in edit: PDFObjectEdit) -> [String] {
        guard let element = edit.value(ref) else { return [] }
        return kids(element, in: edit).compactMap { isElement($0, in: edit) ? $0 as? String : nil }
    }

    /// The ParentTree as one table: key → an array of elements (a page's marked content by id)
    /// or one element (an annotation's). Leaves and intermediate nodes are both read.
    package func parentTree(_ edit: PDFObjectEdit) -> [Int: Any] {
        guard let root = edit.value(rootRef), let top = root["/ParentTree"] else { return [:] }
        var entries: [Int: Any] = [:]
        var nodes: [Any] = [top]
        var visited: Set<String> = []
        while let node = nodes.popLast() {
            let dictionary: [String: Any]?
            if let ref = node as? String {
                guard visited.insert(ref).inserted else { continue }
                dictionary = edit.value(ref)
            } else {
                dictionary = node as? [String: Any]
            }
            guard let dictionary else { continue }
            let nums = dictionary["/Nums"] as? [Any] ?? []
            var index = 0
            while index + 1 < nums.count {
                if let key = nums[index] as? Int {
                    // A page's entry may be an array object of its own.
                    let entry = nums[index + 1]
                    if let ref = entry as? String, let array = edit.anyValue(ref) as? [Any] { entries[key] = array } else { entries[key] = entry }
                }
                index += 2
            }
            nodes += dictionary["/Kids"] as? [Any] ?? []
        }
        return entries
    }

    /// Writes `entries` as the ParentTree, one leaf in key order, and the next free key.
    package func setParentTree(_ entries: [Int: Any], in edit: inout PDFObjectEdit) {
        guard var root = edit.value(rootRef) else { return }
        var nums: [Any] = []
        for key in entries.keys.sorted() { nums += [key, entries[key] as Any] }
        if let ref = root["/ParentTree"] as? String, edit.value(ref) != nil {
            edit.set(ref, ["/Nums": nums])
        } else {
            root["/ParentTree"] = edit.add(["/Nums": nums])
        }
        root["/ParentTreeNextKey"] = (entries.keys.max() ?? -1) + 1
        edit.set(rootRef, root)
    }

    /// Points the ParentTree's entries for elements that were merged away at the ones that took them.
    package static func remap(_ entries: inout [Int: Any], _ replaced: [String: String]) {
        guard !replaced.isEmpty else { return }
        for (key, value) in entries {
            if let ref = value as? String, let new = replaced[ref] {
                entries[key] = new
            } else if let array = value as? [Any] {
                entries[key] = array.map { item -> Any in (item as? String).flatMap { replaced[$0] } ?? item }
            }
        }
    }

    /// Takes out marked content whose page the document no longer has (the pages a merge
    /// replaced: qpdf drops a `/Pg` that points at a page it did not keep, so such content has
    /// no page at all, which no reader could place either), then the elements left with
    /// nothing, and the ParentTree entries no page or annotation uses any more.
    package func dropContentOffPages(in edit: inout PDFObjectEdit, parentTree: inout [Int: Any]) {
        let pages = Set(edit.pages)
        var removed: Set<String> = []
        for elementRef in elements.reversed() {
            guard var element = edit.value(elementRef) else { continue }
            let kids = Self.kids(element, in: edit)
            guard !kids.isEmpty else { continue }
            let page = self.page(of: elementRef)
            let kept = kids.filter { kid in
                if kid is Int { return page.map(pages.contains) ?? false }
                if let ref = kid as? String, Self.isElement(ref, in: edit) { return !removed.contains(ref) }
                let reference = (kid as? String).flatMap { edit.value($0) } ?? kid as? [String: Any]
                guard let reference else { return true }
                return ((reference["/Pg"] as? String) ?? page).map(pages.contains) ?? false
            }
            guard kept.count != kids.count else { continue }
            if kept.isEmpty { removed.insert(elementRef) }
            element["/K"] = kept
            edit.set(elementRef, element)
        }
        var used: Set<Int> = []
        for pageRef in edit.pages {
            guard let page = edit.value(pageRef) else { continue }
            if let key = page["/StructParents"] as? Int { used.insert(key) }
            for annotation in (page["/Annots"] as? [Any] ?? []).compactMap({ ($0 as? String).flatMap { edit.value($0) } }) {
                if let key = annotation["/StructParent"] as? Int { used.insert(key) }
            }
        }
        parentTree = parentTree.filter { used.contains($0.key) }
    }

    /// The page an element's marked content is on: its own `/Pg` or the nearest ancestor's, as
    /// read by the last `reread`.
    package func page(of ref: String) -> String? {
        pages[ref]
    }
}
