import IndstilSupport

/// A depth-first traversal of a `MarkdownNode` tree, in the spirit of swift-markdown's
/// `MarkupWalker`: one `visit…` method per node kind, each with a default, so a walker
/// states only what it does differently.
///
/// Defaults: containers (document, quote, list, item, paragraph, heading, emphasis,
/// strong, link, image) descend into their children; leaves (text, code, breaks, code
/// blocks, raw HTML, thematic breaks, tables) do nothing. Raw HTML therefore contributes nothing
/// unless a walker asks for it, as it never reaches a rendering.
///
///     struct LinkCollector: MarkdownWalker {
///         var destinations: [String] = []
///         mutating func visitLink(_ node: MarkdownNode, destination: String, title: String) {
///             destinations.append(destination)
///             descend(into: node)
///         }
///     }
///     var collector = LinkCollector()
///     collector.walk(document.body)
public protocol MarkdownWalker {
    /// True once the walker has what it looked for: no further node is visited.
    var isFinished: Bool { get }

    mutating func visitDocument(_ node: MarkdownNode)
    mutating func visitBlockQuote(_ node: MarkdownNode)
    mutating func visitList(_ node: MarkdownNode, ordered: Bool, start: Int, tight: Bool)
    mutating func visitItem(_ node: MarkdownNode)
    mutating func visitCodeBlock(_ node: MarkdownNode, info: String, literal: String)
    mutating func visitHTMLBlock(_ node: MarkdownNode, html: String)
    mutating func visitParagraph(_ node: MarkdownNode)
    mutating func visitHeading(_ node: MarkdownNode, level: Int)
    mutating func visitThematicBreak(_ node: MarkdownNode)
    mutating func visitText(_ node: MarkdownNode, text: String)
    mutating func visitSoftBreak(_ node: MarkdownNode)
    mutating func visitLineBreak(_ node: MarkdownNode)
    mutating func visitInlineCode(_ node: MarkdownNode, code: String)
    mutating func visitInlineHTML(_ node: MarkdownNode, html: String)
    mutating func visitEmphasis(_ node: MarkdownNode)
    mutating func visitStrong(_ node: MarkdownNode)
    mutating func visitLink(_ node: MarkdownNode, destination: String, title: String)
    mutating func visitImage(_ node: MarkdownNode, destination: String, title: String)
    mutating func visitTable(_ node: MarkdownNode, table: Table)
}

extension MarkdownWalker {
    /// Visits `node` through the method for its kind.
    public mutating func walk(_ node: MarkdownNode) {
        guard !isFinished else { return }
        switch node.kind {
        case .document: visitDocument(node)
        case .blockQuote: visitBlockQuote(node)
        case .list(let ordered, let start, let tight): visitList(node, ordered: ordered, start: start, tight: tight)
        case .item: visitItem(node)
        case .codeBlock(let info, let literal): visitCodeBlock(node, info: info, literal: literal)
        case .htmlBlock(let html): visitHTMLBlock(node, html: html)
        case .paragraph: visitParagraph(node)
        case .heading(let level): visitHeading(node, level: level)
        case .thematicBreak: visitThematicBreak(node)
        case .text(let text): visitText(node, text: text)
        case .softBreak: visitSoftBreak(node)
        case .lineBreak: visitLineBreak(node)
        case .code(let code): visitInlineCode(node, code: code)
        case .htmlInline(let html): visitInlineHTML(node, html: html)
        case .emphasis: visitEmphasis(node)
        case .strong: visitStrong(node)
        case .link(let destination, let title): visitLink(node, destination: destination, title: title)
        case .image(let destination, let title): visitImage(node, destination: destination, title: title)
        case .table(let table): visitTable(node, table: table)
        }
    }

    /// Walks each child of `node` in order (until the walker is finished).
    public mutating func descend(into node: MarkdownNode) {
        for child in node.children {
            if isFinished { return }
            walk(child)
        }
    }

    public var isFinished: Bool { false }

    public mutating func visitDocument(_ node: MarkdownNode) { descend(into: node) }
    public mutating func visitBlockQuote(_ node: MarkdownNode) { descend(into: node) }
    public mutating func visitList(_ node: MarkdownNode, ordered: Bool, start: Int, tight: Bool) { descend(into: node) }
    public mutating func visitItem(_ node: MarkdownNode) { descend(into: node) }
    public mutating func visitCodeBlock(_ node: MarkdownNode, info: String, literal: String) {}
    public mutating func visitHTMLBlock(_ node: MarkdownNode, html: String) {}
    public mutating func visitParagraph(_ node: MarkdownNode) { descend(into: node) }
    public mutating func visitHeading(_ node: MarkdownNode, level: Int) { descend(into: node) }
    public mutating func visitThematicBreak(_ node: MarkdownNode) {}
    public mutating func visitText(_ node: MarkdownNode, text: String) {}
    public mutating func visitSoftBreak(_ node: MarkdownNode) {}
    public mutating func visitLineBreak(_ node: MarkdownNode) {}
    public mutating func visitInlineCode(_ node: MarkdownNode, code: String) {}
    public mutating func visitInlineHTML(_ node: MarkdownNode, html: String) {}
    public mutating func visitEmphasis(_ node: MarkdownNode) { descend(into: node) }
    public mutating func visitStrong(_ node: MarkdownNode) { descend(into: node) }
    public mutating func visitLink(_ node: MarkdownNode, destination: String, title: String) { descend(into: node) }
    public mutating func visitImage(_ node: MarkdownNode, destination: String, title: String) { descend(into: node) }
    /// Tables are skipped: their cells are not prose (no sentences, no paragraphs); a
    /// walker that wants them reads `table` (`Table`).
    public mutating func visitTable(_ node: MarkdownNode, table: Table) {}
}
