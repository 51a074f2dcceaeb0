import CCmark
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

    /// - Parameter lineOffset: added to cmark's line numbers (lines of front matter before the body).
    public static func parse(_ markdown: String, lineOffset: Int = 0) -> Result {
        var utf8 = Array(markdown.utf8)
        let length = utf8.count
        utf8.append(0)  // never an empty buffer, so the base address exists
        let options = CMARK_OPT_DEFAULT
        let rootPointer: OpaquePointer? = utf8.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parse_document($0, length, options)
            }
        }
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
            var child = cmark_node_first_child(node)
            while let current = child {
                children.append(convert(current, depth: depth + 1))
                child = cmark_node_next(current)
            }
            return MarkdownNode(kind: kind, children: children, line: line, column: column, endLine: endLine)
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
    /// The body re-written as canonical CommonMark by cmark (`render --to md`).
    public static func normalized(_ markdown: String) -> String {
        var utf8 = Array(markdown.utf8)
        let length = utf8.count
        utf8.append(0)
        return utf8.withUnsafeMutableBufferPointer { buffer -> String in
            let pointer = buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parse_document($0, length, CMARK_OPT_DEFAULT)
            }
            guard let pointer else { return markdown }
            defer { cmark_node_free(pointer) }
            guard let rendered = cmark_render_commonmark(pointer, CMARK_OPT_DEFAULT, 0) else { return markdown }
            defer { free(rendered) }
            return String(cString: rendered)
        }
    }
}
