import Foundation
import IndstilSupport

/// One Markdown file with front matter, parsed: the YAML as values with lines,
/// the body as a Markdown value tree, split into level-1 sections.
public struct Document: Sendable {
    /// The path as the user named it (for diagnostics).
    public let path: String
    public let url: URL
    /// The file's lines, for literal numbers and columns.
    public let sourceLines: [Substring]
    public let frontMatter: YAMLValue
    /// Line of the closing `---` of the front matter.
    public let frontMatterEndLine: Int
    public let body: MarkdownNode
    /// Blocks before the first level-1 heading.
    public let preamble: [MarkdownNode]
    public let sections: [Section]
    /// Set when the body nested deeper than the parser keeps; the rest is plain text.
    public let flattenedAtLine: Int?

    public var profileID: String? { frontMatter["profil"]?.trimmedString }
    public var title: String { frontMatter["titel"]?.trimmedString ?? "" }

    public func sourceLine(_ line: Int) -> Substring {
        line >= 1 && line <= sourceLines.count ? sourceLines[line - 1] : ""
    }

    /// 1-based column of `needle` in a source line, or 1.
    public func column(of needle: String, inLine line: Int) -> Int {
        let text = sourceLine(line)
        guard !needle.isEmpty else { return 1 }
        if let column = Self.plainColumn(of: needle, in: text) { return column }
        guard let range = text.range(of: needle) else { return 1 }
        return text.distance(from: text.startIndex, to: range.lowerBound) + 1
    }

    /// The column without Foundation when both texts hold only scalars below U+0300 (bytes
    /// below 0xCC) and no carriage return: there are no combining marks and no canonical
    /// singletons there, so Foundation's canonical-equivalence search finds exactly the first
    /// byte-equal occurrence, and each scalar is a Character of its own. Nil otherwise.
    static func plainColumn(of needle: String, in text: Substring) -> Int? {
        let haystack = Array(text.utf8), pattern = Array(needle.utf8)
        // "\r\n" would be one Character of two scalars.
        guard !haystack.contains(where: { $0 >= 0xCC || $0 == 13 }), !pattern.contains(where: { $0 >= 0xCC }) else { return nil }
        guard pattern.count <= haystack.count else { return 1 }
        var characters = 0
        for start in 0...(haystack.count - pattern.count) {
            if haystack[start] == pattern[0], haystack[start..<start + pattern.count].elementsEqual(pattern) {
                return characters + 1
            }
            if haystack[start] & 0xC0 != 0x80 { characters += 1 }
        }
        return 1
    }
}

/// A level-1 heading and everything up to the next one.
public struct Section: Sendable {
    /// The heading as written, markup removed ("3. Hvorfor fremsendes indstillingen?").
    public let heading: String
    /// The author's number ("3") if the heading starts with one.
    public let number: Int?
    /// The heading without its number ("Hvorfor fremsendes indstillingen?").
    public let title: String
    public let line: Int
    public let blocks: [MarkdownNode]

    package init(headingNode: MarkdownNode, blocks: [MarkdownNode]) {
        let heading = headingNode.plainText.foldingWhitespace
        self.heading = heading
        self.line = headingNode.line
        self.blocks = blocks
        let (number, title) = Section.splitNumber(heading)
        self.number = number
        self.title = title
    }

    /// "3. Hvorfor …" → (3, "Hvorfor …"); "Resume" → (nil, "Resume").
    package static func splitNumber(_ heading: String) -> (Int?, String) {
        let digits = heading.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3, let number = Int(digits) else { return (nil, heading) }
        var rest = heading.dropFirst(digits.count)
        guard let separator = rest.first, separator == "." || separator == ")" || separator == " " else { return (nil, heading) }
        rest = rest.drop { $0 == "." || $0 == ")" || $0 == " " }
        return rest.isEmpty ? (nil, heading) : (number, String(rest))
    }

    /// True when the section has no visible content.
    public var isEmpty: Bool { !isDashOnly && !blocks.contains { $0.hasVisibleText } }

    /// The section holds just "-" (or "–"): "nothing to add". CommonMark reads a lone
    /// "-" as an empty bullet item, so that counts too.
    public var isDashOnly: Bool {
        if blocks.count == 1, case .list(ordered: false, _, _) = blocks[0].kind,
           blocks[0].children.count == 1, blocks[0].children[0].children.isEmpty {
            return true
        }
        guard blocks.count == 1 else { return false }
        let text = visibleText
        return text == "-" || text == "–"
    }

    /// Only worth computing for short sections (one or two blocks), as the checks do.
    public var visibleText: String {
        blocks.map(\.plainText).joined(separator: " ").foldingWhitespace
    }
}
