import IndstilSupport

/// An immutable Markdown syntax tree, converted from cmark's C tree at once.
///
/// Lines are 1-based lines of the *file* (front matter included), so diagnostics
/// can point straight at what the author sees in the editor.
public struct MarkdownNode: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case document
        case blockQuote
        case list(ordered: Bool, start: Int, tight: Bool)
        case item
        case codeBlock(info: String, literal: String)
        case htmlBlock(String)
        case paragraph
        case heading(level: Int)
        case thematicBreak
        case text(String)
        case softBreak
        case lineBreak
        case code(String)
        case htmlInline(String)
        case emphasis
        case strong
        case link(destination: String, title: String)
        case image(destination: String, title: String)
        /// A pipe table or a fenced `tabel` block (libcmark knows neither; `TableRecognizer`).
        /// Boxed: a `Table` inline made every node of every document about 190 bytes,
        /// where most nodes are text and paragraphs (300 000 paragraphs were 60 MB per copy).
        indirect case table(Table)
    }

    public let kind: Kind
    public let children: [MarkdownNode]
    public let line: Int
    public let column: Int
    public let endLine: Int

    public init(kind: Kind, children: [MarkdownNode] = [], line: Int, column: Int = 1, endLine: Int? = nil) {
        self.kind = kind
        self.children = children
        self.line = line
        self.column = column
        self.endLine = endLine ?? line
    }

    public var isBlock: Bool {
        switch kind {
        case .document, .blockQuote, .list, .item, .codeBlock, .htmlBlock, .paragraph, .heading, .thematicBreak, .table:
            return true
        default:
            return false
        }
    }

    /// Every node below this one (depth first, pre-order), including itself.
    public func forEach(_ body: (MarkdownNode) -> Void) {
        body(self)
        for child in children { child.forEach(body) }
    }
}
