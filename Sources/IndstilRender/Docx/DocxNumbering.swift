import Foundation
import IndstilSupport
import IndstilDocument

/// The list definitions of a document (word/numbering.xml). There is one abstract
/// definition per kind of list (numbered "1.", bullets, and each form of decision
/// point such as "At %1)"), and one `w:num` per list in the document, which restarts
/// the count at the list's own start value.
struct DocxNumbering {
    package enum Kind: Hashable {
        /// "1.", "2." … on every level.
        case decimal
        /// "•" and "◦" alternating by level.
        case bullet
        /// The profile's decision point form as a level text, e.g. "At %1)".
        case decision(levelText: String)
    }

    private struct Instance {
        let abstractID: Int
        let level: Int
        let start: Int
    }

    /// Abstract definitions in the order they were first needed; the id is
    /// `abstractIDOffset` + the index.
    private var kinds: [Kind] = []
    /// Lists in document order; numId = `numIDOffset` + index + 1.
    private var instances: [Instance] = []
    /// A Word template's own list definitions come first; indstil's are numbered after
    /// them so both coexist in one numbering.xml (0 and 0 without a template).
    private let abstractIDOffset: Int
    private let numIDOffset: Int

    package init(after template: (abstractID: Int, numID: Int)? = nil) {
        abstractIDOffset = template.map { $0.abstractID + 1 } ?? 0
        numIDOffset = template?.numID ?? 0
    }

    package var isEmpty: Bool { instances.isEmpty }

    /// A new list of `kind` at `level` (0 for a top-level list) counting from `start`;
    /// returns its numId.
    mutating func newList(_ kind: Kind, level: Int, start: Int) -> Int {
        let abstractID: Int
        if let existing = kinds.firstIndex(of: kind) {
            abstractID = existing
        } else {
            kinds.append(kind)
            abstractID = kinds.count - 1
        }
        instances.append(Instance(abstractID: abstractIDOffset + abstractID, level: min(max(level, 0), 8), start: max(start, 0)))
        return numIDOffset + instances.count
    }

    /// The level text for a decision point prefix: the point's number becomes "%1",
    /// so "At 1)" gives "At %1)" and "1)" gives "%1)".
    static func levelText(prefix: String, number: Int) -> String {
        let trimmed = prefix.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return "%1)" }
        guard let range = trimmed.range(of: String(number)) else { return trimmed }
        return trimmed.replacingCharacters(in: range, with: "%1")
    }

    /// Left indent of list text at `level`, in twentieths of a point.
    package static func indent(level: Int) -> Int { 567 * (level + 1) }
    static let hanging = 567
    /// Decision points need room for "At 10)".
    static let decisionIndent = 851

    package var xml: String {
        var out = DocxXML.declaration
        out += "<w:numbering \(DocxXML.rootNamespaces)>"
        out += abstractDefinitions
        out += lists
        out += "</w:numbering>"
        return out
    }

    /// The `w:abstractNum` elements, one per kind of list.
    var abstractDefinitions: String {
        kinds.enumerated().map { abstractXML(id: abstractIDOffset + $0.offset, kind: $0.element) }.joined()
    }

    /// The `w:num` elements, one per list.
    package var lists: String {
        instances.enumerated().map { index, instance in
            "<w:num w:numId=\"\(numIDOffset + index + 1)\"><w:abstractNumId w:val=\"\(instance.abstractID)\"/>"
                + "<w:lvlOverride w:ilvl=\"\(instance.level)\"><w:startOverride w:val=\"\(instance.start)\"/></w:lvlOverride>"
                + "</w:num>"
        }.joined()
    }

    /// A template's numbering.xml with indstil's definitions added: the abstract ones
    /// before the template's first `w:num` (the schema keeps all abstract definitions
    /// first), the lists at the end.
    package func merged(into template: String) -> String? {
        let declaration = DocxRawXML.wordNamespaceDeclaration(for: template)
        guard let withDefinitions = DocxRawXML.inserting(
                DocxRawXML.declaringWordNamespace(abstractDefinitions, declaration: declaration),
                into: template, beforeFirst: ["num", "numIdMacAtCleanup"]) else { return nil }
        return DocxRawXML.inserting(DocxRawXML.declaringWordNamespace(lists, declaration: declaration),
                                    into: withDefinitions, beforeFirst: ["numIdMacAtCleanup"])
    }

    private func abstractXML(id: Int, kind: Kind) -> String {
        // A fixed nsid derived from the id keeps the bytes stable (Word writes random ones).
        let nsid = String(0x1D50_0000 + id - abstractIDOffset, radix: 16, uppercase: true)
        var out = "<w:abstractNum w:abstractNumId=\"\(id)\"><w:nsid w:val=\"\(nsid)\"/>"
        switch kind {
        case .decision(let levelText):
            out += "<w:multiLevelType w:val=\"singleLevel\"/>"
            out += level(0, format: "decimal", text: levelText, left: Self.decisionIndent, hanging: Self.decisionIndent, font: nil)
        case .decimal:
            out += "<w:multiLevelType w:val=\"multilevel\"/>"
            for lvl in 0..<9 {
                out += level(lvl, format: "decimal", text: "%\(lvl + 1).", left: Self.indent(level: lvl), hanging: Self.hanging, font: nil)
            }
        case .bullet:
            out += "<w:multiLevelType w:val=\"multilevel\"/>"
            for lvl in 0..<9 {
                out += level(lvl, format: "bullet", text: lvl % 2 == 0 ? "\u{2022}" : "\u{25E6}",
                             left: Self.indent(level: lvl), hanging: Self.hanging, font: "Arial")
            }
        }
        out += "</w:abstractNum>"
        return out
    }

    private func level(_ ilvl: Int, format: String, text: String, left: Int, hanging: Int, font: String?) -> String {
        var out = "<w:lvl w:ilvl=\"\(ilvl)\">"
        out += "<w:start w:val=\"1\"/><w:numFmt w:val=\"\(format)\"/>"
        out += "<w:suff w:val=\"tab\"/><w:lvlText w:val=\"\(text.markupEscaped)\"/><w:lvlJc w:val=\"left\"/>"
        out += "<w:pPr><w:tabs><w:tab w:val=\"num\" w:pos=\"\(left)\"/></w:tabs><w:ind w:left=\"\(left)\" w:hanging=\"\(hanging)\"/></w:pPr>"
        if let font {
            out += "<w:rPr><w:rFonts w:ascii=\"\(font)\" w:hAnsi=\"\(font)\" w:cs=\"\(font)\" w:hint=\"default\"/></w:rPr>"
        }
        out += "</w:lvl>"
        return out
    }
}
