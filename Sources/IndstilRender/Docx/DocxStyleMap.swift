import IndstilSupport
import IndstilDocument

/// Which style id each of indstil's parts (`DocxStyle`) gets in the document, and which
/// of indstil's own style definitions styles.xml must carry.
///
/// Without a Word template every part has indstil's own style. With one, each part is
/// looked up in the template's styles.xml by name, English or Danish ("heading 1" or
/// "Overskrift 1", "Title" or "Titel", "List Paragraph" or "Listeafsnit", "Quote" or
/// "Citat", "Caption" or "Billedtekst" …), case-insensitively, through `w:name` and then
/// the style id. A heading level the template has no such style for takes the template's
/// own heading style for that level: a paragraph style with that outline level, or one
/// based on a style of that heading's name. Fallback: a part the template has no style
/// for gets indstil's own definition, added to the template's styles under indstil's id
/// (or "Indstil" + that id, should the template use the id for something else); the
/// table caption, which indstil does not define, then has no style.
struct DocxStyleMap {
    private var ids: [DocxStyle: String] = [:]
    /// The own definitions styles.xml must add, in `DocxStyle.allCases` order.
    package private(set) var fallbacks: [(style: DocxStyle, id: String)] = []

    /// indstil's own styles: every part under its own id.
    package static let own: DocxStyleMap = {
        var map = DocxStyleMap()
        for style in DocxStyle.allCases where style != .caption {
            map.ids[style] = style.ownID
            map.fallbacks.append((style, style.ownID))
        }
        return map
    }()

    private init() {}

    package init(template: DocxTemplateStyles) {
        for style in DocxStyle.allCases {
            if let id = template.styleID(named: style.names, ownID: style.ownID, character: style.isCharacterStyle)
                ?? style.headingLevel.flatMap(template.customHeadingID(level:)) {
                ids[style] = id
            } else if style != .caption {
                let id = template.hasStyle(id: style.ownID) ? "Indstil" + style.ownID : style.ownID
                ids[style] = id
                fallbacks.append((style, id))
            }
        }
    }

    /// The style id of `style`; nil for a part without a style (a caption no template defines).
    package func id(_ style: DocxStyle) -> String? { ids[style] }

    /// indstil's own definitions of the styles the document uses and does not otherwise
    /// have, for the end of styles.xml.
    func fallbackDefinitions(headingColour: String) -> String {
        fallbacks.compactMap { entry in
            entry.style.definition(id: entry.id, basedOn: { self.id($0) ?? "Normal" }, headingColour: headingColour)
        }.joined()
    }
}

/// The paragraph and character styles of a template's styles.xml, in their order there.
struct DocxTemplateStyles {
    package struct Style {
        package let id: String
        let isCharacter: Bool
        /// `w:name` lower-cased and trimmed (the id when the style has no name).
        package let name: String
        package let basedOn: String?
        package let outlineLevel: Int?
        /// `w:color` of its run properties ("7A1F3D"), nil for none or "auto".
        let colour: String?
    }

    package let styles: [Style]

    package init(_ root: WordXMLElement) {
        styles = root.children("style").compactMap { element in
            guard let id = element.attributes["styleId"], !id.isEmpty else { return nil }
            let type = element.attributes["type"] ?? "paragraph"
            guard type == "paragraph" || type == "character" else { return nil }
            return Style(id: id, isCharacter: type == "character",
                         name: (element.value(of: "name") ?? id).lowercased().trimmingCharacters(in: .whitespaces),
                         basedOn: element.value(of: "basedOn"),
                         outlineLevel: element.child("pPr")?.value(of: "outlineLvl").flatMap(Int.init),
                         colour: element.child("rPr")?.value(of: "color").flatMap { value in
                             value.count == 6 && value.allSatisfy(\.isHexDigit) ? value.uppercased() : nil
                         })
        }
    }

    /// The text colour of style `id`, following `basedOn` (at most 20 steps).
    func colour(of id: String) -> String? {
        var current: String? = id
        var steps = 0
        while let styleID = current, steps < 20 {
            steps += 1
            guard let style = styles.first(where: { $0.id == styleID }) else { return nil }
            if let colour = style.colour { return colour }
            current = style.basedOn
        }
        return nil
    }

    func hasStyle(id: String) -> Bool { styles.contains { $0.id == id } }

    /// The first style of the right kind whose name is one of `names`, else the one whose
    /// id is `ownID` (compared case-insensitively).
    package func styleID(named names: [String], ownID: String, character: Bool) -> String? {
        let candidates = styles.filter { $0.isCharacter == character }
        if let byName = candidates.first(where: { names.contains($0.name) }) { return byName.id }
        return candidates.first { $0.id.lowercased() == ownID.lowercased() }?.id
    }

    /// A custom heading style for `level`: the first paragraph style with outline level
    /// `level − 1`, or based on a style whose id reads "Heading<level>" / "Overskrift<level>"
    /// (Word keeps built-in styles a template does not change out of styles.xml).
    func customHeadingID(level: Int) -> String? {
        let paragraphStyles = styles.filter { !$0.isCharacter }
        if let outlined = paragraphStyles.first(where: { $0.outlineLevel == level - 1 }) { return outlined.id }
        let headingIDs = ["heading\(level)", "overskrift\(level)"]
        return paragraphStyles.first { style in
            style.basedOn.map { headingIDs.contains($0.lowercased().replacingOccurrences(of: " ", with: "")) } ?? false
        }?.id
    }
}
