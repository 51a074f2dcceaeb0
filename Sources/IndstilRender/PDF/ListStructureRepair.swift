import Foundation

/// Lists as PDF/UA wants them: `L` > `LI` > `Lbl`/`LBody`.
///
/// WeasyPrint 57 and 70 tag a description list whose entries are wrapped for layout
/// (`<dl><div><dt>Mødedato</dt><dd>4. september</dd></div>`, the facts at the top of every
/// agenda, minutes and bundle) as `L` > `Div` > (`LI` > `Lbl`), (`LI` > `LBody`): a list whose
/// children are not list items, and two half items in each. A screen reader announces a list
/// of nothing. Each such `Div` becomes the one `LI` it stands for, holding the label and the
/// body in order (`isHalfItems`: only that shape).
package enum ListStructureRepair {
    /// Changes the tree in `edit`; returns the elements that were merged away and the element
    /// that took their place (for the ParentTree).
    package static func apply(_ tree: StructureTree, in edit: inout PDFObjectEdit) -> [String: String] {
        var replaced: [String: String] = [:]
        for listRef in tree.elements {
            guard var list = edit.value(listRef), list["/S"] as? String == "/L" else { continue }
            var changed = false
            var kids: [Any] = []
            for kid in StructureTree.kids(list) {
                guard let wrapperRef = kid as? String, let wrapper = edit.value(wrapperRef), wrapper["/S"] as? String == "/Div" else {
                    kids.append(kid)
                    continue
                }
                // The wrapper's own marked content (its background, if any) goes with the item.
                let parts = StructureTree.kids(wrapper)
                let items = parts.compactMap { StructureTree.isElement($0, in: edit) ? $0 as? String : nil }
                let content = parts.filter { !StructureTree.isElement($0, in: edit) }
                guard isHalfItems(items, in: edit) else {
                    kids.append(kid)
                    continue
                }
                kids.append(merge(items, content: content, page: wrapper["/Pg"] as? String, into: listRef, in: &edit, replaced: &replaced))
                replaced[wrapperRef] = items[0]
                changed = true
            }
            if changed {
                list["/K"] = kids
                edit.set(listRef, list)
            }
        }
        return replaced
    }

    /// WeasyPrint's shape of one `<div><dt>…</dt><dd>…</dd></div>`: `LI`s each holding one
    /// `Lbl` or one `LBody` and nothing else (57 makes the term a `Lbl`, 70 an `LBody`; a `<div>`
    /// may hold a `<dd>` alone). A `Div` grouping whole items (an `LI` with both, or more) is
    /// left as it is.
    static func isHalfItems(_ items: [String], in edit: PDFObjectEdit) -> Bool {
        !items.isEmpty && items.allSatisfy { item in
            guard edit.value(item)?["/S"] as? String == "/LI" else { return false }
            let parts = StructureTree.elementKids(of: item, in: edit)
            return parts.count == 1 && ["/Lbl", "/LBody"].contains(edit.value(parts[0])?["/S"] as? String ?? "")
        }
    }

    /// The first item, holding every item's kids; the others' kids re-parented to it.
    private static func merge(_ items: [String], content: [Any], page contentPage: String?, into listRef: String,
                              in edit: inout PDFObjectEdit, replaced: inout [String: String]) -> String {
        let keptRef = items[0]
        guard var kept = edit.value(keptRef) else { return keptRef }
        let keptPage = kept["/Pg"] as? String
        var kids: [Any] = content.map { kid -> Any in
            guard let mcid = kid as? Int, let contentPage, contentPage != keptPage else { return kid }
            return ["/Type": "/MCR", "/MCID": mcid, "/Pg": contentPage] as [String: Any]
        }
        for itemRef in items {
            guard let item = edit.value(itemRef) else { continue }
            let page = item["/Pg"] as? String ?? keptPage
            for kid in StructureTree.kids(item) {
                if let mcid = kid as? Int, page != keptPage, let page {
                    // Marked content of another page than the kept item's says which page.
                    kids.append(["/Type": "/MCR", "/MCID": mcid, "/Pg": page] as [String: Any])
                    continue
                }
                kids.append(kid)
                if itemRef != keptRef, let childRef = kid as? String, StructureTree.isElement(childRef, in: edit), var child = edit.value(childRef) {
                    child["/P"] = keptRef
                    edit.set(childRef, child)
                }
            }
            if itemRef != keptRef { replaced[itemRef] = keptRef }
        }
        kept["/K"] = kids
        kept["/P"] = listRef
        edit.set(keptRef, kept)
        return keptRef
    }
}
