import Foundation

/// Every link annotation inside a `Link` structure element, found from the annotation through
/// the ParentTree, and printed, as PDF/UA wants it.
///
/// What WeasyPrint leaves (57 after `WeasyPrintLinkTags`, and 70):
/// - a link set as a block (a chapter line of the bilagsfortegnelse, the whole line
///   clickable) is tagged as the block it is (`NonStruct`), with its annotations in it: it
///   becomes the `Link` it is;
/// - such a link gets one more annotation over the whole line, untagged: it joins the `Link`
///   element of a tagged annotation on the same page with the same destination;
/// - an annotation without flags is not printed: it gets the print flag.
/// A ParentTree entry that names an object reference instead of an element is pointed at the
/// element holding the reference.
package enum LinkStructureRepair {
    /// Returns whether the ParentTree changed.
    @discardableResult
    package static func apply(_ tree: StructureTree, parentTree: inout [Int: Any], in edit: inout PDFObjectEdit) -> Bool {
        var changed = false
        // Which element holds each object reference, and each annotation.
        var holderOfReference: [String: String] = [:]
        var holderOfAnnotation: [String: String] = [:]
        for elementRef in tree.elements {
            guard var element = edit.value(elementRef) else { continue }
            var holdsLink = false
            for kid in StructureTree.kids(element) {
                var reference = kid as? [String: Any]
                if let ref = kid as? String, let value = edit.value(ref), value["/Type"] as? String == "/OBJR" {
                    holderOfReference[ref] = elementRef
                    reference = value
                }
                guard reference?["/Type"] as? String == "/OBJR", let annotation = reference?["/Obj"] as? String else { continue }
                holderOfAnnotation[annotation] = elementRef
                holdsLink = holdsLink || edit.value(annotation)?["/Subtype"] as? String == "/Link"
            }
            if holdsLink, ["/NonStruct", "/Span"].contains(element["/S"] as? String ?? "") {
                element["/S"] = "/Link"
                edit.set(elementRef, element)
            }
        }
        for (key, value) in parentTree {
            if let ref = value as? String, let holder = holderOfReference[ref] {
                parentTree[key] = holder
                changed = true
            }
        }

        var nextKey = (parentTree.keys.max() ?? -1) + 1
        for pageRef in edit.pages {
            guard let page = edit.value(pageRef) else { continue }
            let annotations = (page["/Annots"] as? [Any] ?? []).compactMap { $0 as? String }
            // The tagged link annotations by destination, with where they are.
            var tagged: [String: [(rect: [Double], holder: String)]] = [:]
            for annotationRef in annotations {
                guard let annotation = edit.value(annotationRef), annotation["/Subtype"] as? String == "/Link",
                      let holder = holderOfAnnotation[annotationRef], edit.value(holder)?["/S"] as? String == "/Link" else { continue }
                tagged[target(annotation), default: []].append((rectangle(annotation), holder))
            }
            for annotationRef in annotations {
                guard var annotation = edit.value(annotationRef), annotation["/Subtype"] as? String == "/Link" else { continue }
                if (annotation["/F"] as? Int ?? 0) == 0 {
                    annotation["/F"] = 4
                    edit.set(annotationRef, annotation)
                }
                // The link whose tagged annotations lie on the untagged one's line; the first to the
                // same place on the page when none does.
                guard holderOfAnnotation[annotationRef] == nil, let candidates = tagged[target(annotation)], !candidates.isEmpty else { continue }
                let area = rectangle(annotation)
                let holderRef = (candidates.first { overlaps($0.rect, area) } ?? candidates[0]).holder
                guard var holder = edit.value(holderRef) else { continue }
                holder["/K"] = StructureTree.kids(holder) + [["/Type": "/OBJR", "/Obj": annotationRef, "/Pg": pageRef] as [String: Any]]
                edit.set(holderRef, holder)
                annotation["/StructParent"] = nextKey
                edit.set(annotationRef, annotation)
                parentTree[nextKey] = holderRef
                holderOfAnnotation[annotationRef] = holderRef
                nextKey += 1
                changed = true
            }
        }
        return changed
    }

    /// An annotation's `/Rect` as x0, y0, x1, y1 (normalised); four zeros without one.
    static func rectangle(_ annotation: [String: Any]) -> [Double] {
        let values = (annotation["/Rect"] as? [Any] ?? []).compactMap { ($0 as? NSNumber)?.doubleValue }
        guard values.count == 4 else { return [0, 0, 0, 0] }
        return [min(values[0], values[2]), min(values[1], values[3]), max(values[0], values[2]), max(values[1], values[3])]
    }

    /// Whether two rectangles share some area (a line's pieces lie within the whole line).
    static func overlaps(_ a: [Double], _ b: [Double]) -> Bool {
        a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
    }

    /// Where a link goes, as comparable text: its destination or its action.
    static func target(_ annotation: [String: Any]) -> String {
        let destination = annotation["/Dest"] ?? annotation["/A"] ?? ""
        guard JSONSerialization.isValidJSONObject([destination]),
              let data = try? JSONSerialization.data(withJSONObject: [destination], options: [.sortedKeys]) else { return "\(destination)" }
        return String(decoding: data, as: UTF8.self)
    }
}
