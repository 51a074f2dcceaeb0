import IndstilSupport
import IndstilDocument

/// A closed or draft document's marking (`DocumentMarking`) in the Word document: a bold
/// red line at the top of the header of every page ("UDKAST · LUKKET – må ikke
/// offentliggøres"). indstil's own page gets a header part holding only that line; a
/// Word template's headers get it as their first paragraph, and a header the template's
/// page setup leaves out (the first page's when it has a different first page, the even
/// pages' when they have their own) is added holding only the line, so no page is without it.
enum DocxMarking {
    /// The line's colour, as in the HTML and PDF (`HTMLMarking`): #8a1c1c, 9:1 on white.
    static let colour = "8A1C1C"

    /// The header types a page setup shows: "default", and "first" and "even" when the
    /// template has a different first page or even pages of their own.
    static func headerTypes(titlePage: Bool, evenAndOdd: Bool) -> [String] {
        ["default"] + (titlePage ? ["first"] : []) + (evenAndOdd ? ["even"] : [])
    }

    /// The marking's paragraph, right-aligned, with the `w:` prefix; nil for a clean, open document.
    package static func paragraph(_ marking: DocumentMarking) -> String? {
        guard !marking.isEmpty else { return nil }
        let properties = "<w:b/><w:bCs/><w:color w:val=\"\(colour)\"/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>"
        return "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"120\"/><w:jc w:val=\"right\"/></w:pPr>"
            + DocxXML.runs(marking.notices.joined(separator: "  ·  "), properties: properties) + "</w:p>"
    }

    /// A header part holding only the marking's paragraph.
    package static func header(_ marking: DocumentMarking) -> String? {
        paragraph(marking).map { DocxXML.declaration + "<w:hdr \(DocxXML.rootNamespaces)>" + $0 + "</w:hdr>" }
    }

    /// A template's header part (as written, any prefix) with the marking's paragraph as
    /// its first block, declaring the `w:` namespace on it when the part binds `w:`
    /// otherwise; the part unchanged for a clean, open document, nil when its root
    /// element cannot be found.
    static func prepending(_ marking: DocumentMarking, to xml: String) -> String? {
        guard let paragraph = paragraph(marking) else { return xml }
        let content = DocxRawXML.declaringWordNamespace(paragraph, declaration: DocxRawXML.wordNamespaceDeclaration(for: xml))
        guard let root = DocxRawXML.rootName(xml), let start = xml.range(of: "<" + root) else { return nil }
        // The end of the root's start tag: the first ">" outside an attribute value.
        var quote: Character?
        var index = start.upperBound
        while index < xml.endIndex {
            let character = xml[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == ">" {
                break
            }
            index = xml.index(after: index)
        }
        guard index < xml.endIndex else { return nil }
        var out = xml
        if xml[xml.index(before: index)] == "/" {
            // An empty header, <w:hdr …/>: it gets content and an end tag.
            out.replaceSubrange(xml.index(before: index)...index, with: ">" + content + "</\(root)>")
        } else {
            out.insert(contentsOf: content, at: xml.index(after: index))
        }
        return out
    }
}
