import CCmark
import IndstilSupport
import Foundation

/// Parses CommonMark with Debian's libcmark and returns a Swift value tree.
/// The C tree is freed before returning.
public enum MarkdownParser {
    /// Deeper nesting than this is kept as plain text: real documents never nest
    /// more than a handful of levels, and the value tree must not overflow the stack.
    public static let maximumDepth = 64

    public struct Result: Sendable {
        public let root: MarkdownNode
        /// Line of the first node that was nested deeper than `maximumDepth`, if any.
        public let flattenedAtLine: Int?
    }

    /// - Parameters:
    ///   - lineOffset: added to cmark's line numbers (lines of front matter before the body).
    ///   - tableFiles: reads the CSV files that `tabel` blocks name in `fil:`; without it
    ///     such a table has no rows.
    public static func parse(_ markdown: String, lineOffset: Int = 0, tableFiles: TableFileReader? = nil) -> Result {
        if markupLimitExceeded(markdown, lineOffset: lineOffset) != nil {
            // Not given to cmark (see `maximumMarkup`): the text as it stands, one paragraph.
            let text = MarkdownNode(kind: .text(markdown), line: 1 + lineOffset)
            let paragraph = MarkdownNode(kind: .paragraph, children: [text], line: 1 + lineOffset)
            return Result(root: MarkdownNode(kind: .document, children: [paragraph], line: 1 + lineOffset), flattenedAtLine: nil)
        }
        let result = parseWithoutTables(markdown, lineOffset: lineOffset)
        guard TableRecognizer.mayHoldTable(markdown) else { return result }
        let recognizer = TableRecognizer(markdown: markdown, lineOffset: lineOffset, files: tableFiles)
        return Result(root: recognizer.rewrite(result.root), flattenedAtLine: result.flattenedAtLine)
    }

    /// cmark's blocks alone, for the text of a table cell or the lines before a table.
    static func parseBlocks(_ markdown: String, lineOffset: Int) -> MarkdownNode {
        parseWithoutTables(markdown, lineOffset: lineOffset).root
    }

    private static func parseWithoutTables(_ markdown: String, lineOffset: Int) -> Result {
        // The copy of the text given to cmark is gone before the tree is converted.
        let rootPointer: OpaquePointer? = {
            var utf8 = Array(markdown.utf8)
            let length = utf8.count
            utf8.append(0)  // never an empty buffer, so the base address exists
            let options = CMARK_OPT_DEFAULT
            return utf8.withUnsafeMutableBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_parse_document($0, length, options)
                }
            }
        }()
        guard let rootPointer else {
            return Result(root: MarkdownNode(kind: .document, line: 1 + lineOffset), flattenedAtLine: nil)
        }
        defer { cmark_node_free(rootPointer) }
        var converter = Converter(lineOffset: lineOffset)
        let root = converter.convert(rootPointer, depth: 0)
        return Result(root: root, flattenedAtLine: converter.flattenedAtLine)
    }

    private struct Converter {
        let lineOffset: Int
        var flattenedAtLine: Int?

        mutating func convert(_ node: OpaquePointer, depth: Int) -> MarkdownNode {
            let line = Int(cmark_node_get_start_line(node)) + lineOffset
            let column = Int(cmark_node_get_start_column(node))
            let endLine = max(line, Int(cmark_node_get_end_line(node)) + lineOffset)
            let kind = Self.kind(of: node)
            if depth >= maximumDepth, cmark_node_first_child(node) != nil {
                if flattenedAtLine == nil { flattenedAtLine = line }
                let text = Self.flattenedText(node)
                let isBlock = Self.isBlock(node)
                let textNode = MarkdownNode(kind: .text(text), line: line, column: column)
                return isBlock
                    ? MarkdownNode(kind: .paragraph, children: [textNode], line: line, column: column, endLine: endLine)
                    : textNode
            }
            var children: [MarkdownNode] = []
            children.reserveCapacity(Self.convertedChildCount(node))
            // Adjacent text nodes are one: cmark makes a node of every `[`, `]`, `!` and `&`
            // it does not match, and a line of them would be a node per byte.
            var text: (literal: String, line: Int, column: Int)?
            var child = cmark_node_first_child(node)
            while let current = child {
                child = cmark_node_next(current)
                // The document's blocks are freed as they are converted: the C tree of a
                // large document (some 200 bytes a node) and its Swift tree are never both
                // whole, so the peak is the larger of them, not their sum.
                defer { if depth == 0 { cmark_node_free(current) } }
                if cmark_node_get_type(current) == CMARK_NODE_TEXT {
                    let literal = Self.string(cmark_node_get_literal(current))
                    if text != nil {
                        text!.literal += literal
                    } else {
                        text = (literal, Int(cmark_node_get_start_line(current)) + lineOffset, Int(cmark_node_get_start_column(current)))
                    }
                } else {
                    if let pending = text {
                        children.append(MarkdownNode(kind: .text(pending.literal), line: pending.line, column: pending.column))
                        text = nil
                    }
                    children.append(convert(current, depth: depth + 1))
                }
            }
            if let pending = text {
                children.append(MarkdownNode(kind: .text(pending.literal), line: pending.line, column: pending.column))
            }
            return MarkdownNode(kind: kind, children: children, line: line, column: column, endLine: endLine)
        }

        /// The number of children `convert` makes of `node`'s (a run of text nodes is one):
        /// a large document's blocks are held at their exact size, not with up to twice the room.
        static func convertedChildCount(_ node: OpaquePointer) -> Int {
            var count = 0
            var previousIsText = false
            var child = cmark_node_first_child(node)
            while let current = child {
                let isText = cmark_node_get_type(current) == CMARK_NODE_TEXT
                if !(isText && previousIsText) { count += 1 }
                previousIsText = isText
                child = cmark_node_next(current)
            }
            return count
        }

        static func isBlock(_ node: OpaquePointer) -> Bool {
            let type = cmark_node_get_type(node)
            return type.rawValue >= CMARK_NODE_FIRST_BLOCK.rawValue && type.rawValue <= CMARK_NODE_LAST_BLOCK.rawValue
        }

        /// Text of a subtree collected iteratively (no recursion, whatever the depth).
        static func flattenedText(_ node: OpaquePointer) -> String {
            var out = ""
            guard let iterator = cmark_iter_new(node) else { return out }
            defer { cmark_iter_free(iterator) }
            while true {
                let event = cmark_iter_next(iterator)
                if event == CMARK_EVENT_DONE { break }
                guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator) else { continue }
                switch cmark_node_get_type(current) {
                case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                    out += string(cmark_node_get_literal(current))
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                    out += " "
                case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                    if !out.isEmpty && !out.hasSuffix(" ") { out += " " }
                default:
                    break
                }
            }
            return out
        }

        static func string(_ pointer: UnsafePointer<CChar>?) -> String {
            guard let pointer else { return "" }
            return String(cString: pointer)
        }

        static func kind(of node: OpaquePointer) -> MarkdownNode.Kind {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_DOCUMENT: return .document
            case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
            case CMARK_NODE_LIST:
                return .list(
                    ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                    start: Int(cmark_node_get_list_start(node)),
                    tight: cmark_node_get_list_tight(node) != 0)
            case CMARK_NODE_ITEM: return .item
            case CMARK_NODE_CODE_BLOCK:
                return .codeBlock(info: string(cmark_node_get_fence_info(node)), literal: string(cmark_node_get_literal(node)))
            case CMARK_NODE_HTML_BLOCK: return .htmlBlock(string(cmark_node_get_literal(node)))
            case CMARK_NODE_CUSTOM_BLOCK: return .paragraph
            case CMARK_NODE_PARAGRAPH: return .paragraph
            case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
            case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
            case CMARK_NODE_TEXT: return .text(string(cmark_node_get_literal(node)))
            case CMARK_NODE_SOFTBREAK: return .softBreak
            case CMARK_NODE_LINEBREAK: return .lineBreak
            case CMARK_NODE_CODE: return .code(string(cmark_node_get_literal(node)))
            case CMARK_NODE_HTML_INLINE: return .htmlInline(string(cmark_node_get_literal(node)))
            case CMARK_NODE_EMPH: return .emphasis
            case CMARK_NODE_STRONG: return .strong
            case CMARK_NODE_LINK:
                return .link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
            case CMARK_NODE_IMAGE:
                return .image(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
            default: return .text("")
            }
        }
    }
}

extension MarkdownParser {
    /// cmark keeps its whole tree in memory, some 200 bytes a node, and it can make a node
    /// of nearly every byte: of each `[ ] ! & < \\` (a link or an entity that might begin),
    /// each run of `` ` * _ `` and each line. A text with more of these than this is not
    /// given to cmark (5 MB of `[` would be a gigabyte); a real recommendation has a few
    /// thousand, and a 5 MB text of ordinary prose under 200 000.
    public static let maximumMarkup = 1_000_000

    /// The file line at which the text passes `maximumMarkup`, and its count of markup in
    /// all; nil when it stays within it. One pass over the bytes.
    public static func markupLimitExceeded(_ markdown: String, lineOffset: Int = 0) -> (line: Int, count: Int)? {
        markdown.utf8.withContiguousStorageIfAvailable { markupLimitExceeded($0, lineOffset: lineOffset) }
            ?? Array(markdown.utf8).withUnsafeBufferPointer { markupLimitExceeded($0, lineOffset: lineOffset) }
    }

    private static func markupLimitExceeded(_ bytes: UnsafeBufferPointer<UInt8>, lineOffset: Int) -> (line: Int, count: Int)? {
        var count = 0
        var line = 1 + lineOffset
        var exceededAt: Int?
        var previous: UInt8 = 0
        let kinds = markupKinds
        for byte in bytes {
            let kind = kinds[Int(byte)]
            if kind != 0 {
                if kind == 1 || (kind == 2 && byte != previous) {
                    count += 1
                } else if kind == 3 {
                    count += 1
                    line += 1
                }
                if exceededAt == nil, count > maximumMarkup { exceededAt = line }
            }
            previous = byte
        }
        return exceededAt.map { ($0, count) }
    }

    /// For each byte: 0 not markup; 1 markup each time (`[ ] ! & < \\`); 2 markup where a
    /// run of it begins (`` ` * _ ``); 3 a line break.
    private static let markupKinds: [UInt8] = (0..<256).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "!"), UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: "\\"): 1
        case UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"): 2
        case 10: 3
        default: 0
        }
    }

    /// The `input.invalid` finding for a text past `maximumMarkup`.
    public static func markupLimitDiagnostic(line: Int, count: Int) -> Diagnostic {
        Diagnostic(check: "input.invalid", severity: .error,
                   message: Message(
                    da: "Teksten har \(DanishFormat.integer(count)) tegn, der kan være Markdown-opmærkning (linjeskift og [ ] ! & < \\ ` * _); indstil læser højst \(DanishFormat.integer(maximumMarkup)) (grænsen er nået i linje \(line)); en rigtig indstilling har nogle tusinde",
                    en: "The text has \(count) characters that may be Markdown markup (line breaks and [ ] ! & < \\ ` * _); indstil reads at most \(maximumMarkup) (the limit is reached on line \(line)); a real recommendation has a few thousand"),
                   line: line)
    }

    /// The body re-written as canonical CommonMark by cmark (`render --to md`).
    public static func normalized(_ markdown: String) -> String {
        if markupLimitExceeded(markdown) != nil { return markdown }
        var utf8 = Array(markdown.utf8)
        let length = utf8.count
        utf8.append(0)
        return utf8.withUnsafeMutableBufferPointer { buffer -> String in
            let pointer = buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parse_document($0, length, CMARK_OPT_DEFAULT)
            }
            guard let pointer else { return markdown }
            defer { cmark_node_free(pointer) }
            flattenDeepEmphasis(pointer)
            guard let rendered = cmark_render_commonmark(pointer, CMARK_OPT_DEFAULT, 0) else { return markdown }
            defer { free(rendered) }
            return String(cString: rendered)
        }
    }

    /// Inline nesting below which emphasis is left to cmark as it is.
    static let emphasisFlatteningDepth = 32

    /// cmark's CommonMark renderer looks up the containing block of every node by walking
    /// its parents, which is quadratic in the nesting depth (1 MB of `*` nested emphasis
    /// takes minutes). Emphasis and strong emphasis nested deeper than
    /// `emphasisFlatteningDepth` are replaced by their delimiters as inline HTML, which the
    /// renderer writes literally exactly as it writes the delimiters themselves, so the
    /// output is the same and the tree is never deeper than the threshold.
    /// Linear: one pass chooses every delimiter on the unchanged tree (cmark's rule:
    /// `_` for emphasis that is the only child of emphasis, else `*`; `**` for strong),
    /// then the nodes are unwrapped outermost first, so every child moves only once.
    static func flattenDeepEmphasis(_ root: OpaquePointer) {
        guard let iterator = cmark_iter_new(root) else { return }
        var unwrap: [(node: OpaquePointer, delimiter: String)] = []
        var depth = 0
        var event = cmark_iter_next(iterator)
        while event != CMARK_EVENT_DONE {
            if let node = cmark_iter_get_node(iterator) {
                let type = cmark_node_get_type(node)
                let container = type == CMARK_NODE_EMPH || type == CMARK_NODE_STRONG
                    || type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE || type == CMARK_NODE_CUSTOM_INLINE
                if container, event == CMARK_EVENT_ENTER {
                    if depth >= emphasisFlatteningDepth, let delimiter = delimiter(of: node, type: type) {
                        unwrap.append((node, delimiter))
                    }
                    depth += 1
                } else if container, event == CMARK_EVENT_EXIT {
                    depth -= 1
                }
            }
            event = cmark_iter_next(iterator)
        }
        cmark_iter_free(iterator)
        for (node, delimiter) in unwrap {
            guard let opening = literal(delimiter), let closing = literal(delimiter) else { return }
            cmark_node_insert_before(node, opening)
            while let child = cmark_node_first_child(node) {
                cmark_node_insert_before(node, child)
            }
            cmark_node_insert_before(node, closing)
            cmark_node_free(node)  // unlinks the now empty node
        }
    }

    /// The delimiter cmark 0.30 writes for `node`, or nil when it is to stay a node: neither
    /// emphasis nor strong, or the first child of a link (which cmark inspects for autolinks).
    private static func delimiter(of node: OpaquePointer, type: cmark_node_type) -> String? {
        let parent = cmark_node_parent(node)
        if let parent, cmark_node_get_type(parent) == CMARK_NODE_LINK, cmark_node_previous(node) == nil {
            return nil
        }
        switch type {
        case CMARK_NODE_STRONG:
            return "**"
        case CMARK_NODE_EMPH:
            let onlyChildOfEmphasis = parent.map { cmark_node_get_type($0) == CMARK_NODE_EMPH } == true
                && cmark_node_next(node) == nil && cmark_node_previous(node) == nil
            return onlyChildOfEmphasis ? "_" : "*"
        default:
            return nil
        }
    }

    private static func literal(_ text: String) -> OpaquePointer? {
        guard let node = cmark_node_new(CMARK_NODE_HTML_INLINE) else { return nil }
        cmark_node_set_literal(node, text)
        return node
    }
}
