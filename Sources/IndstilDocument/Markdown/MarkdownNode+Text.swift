import IndstilSupport

/// The text of a Markdown tree as a reader sees it, read with `MarkdownWalker`s: markup
/// removed, raw HTML and thematic breaks left out (they never reach a rendering).
extension MarkdownNode {
    /// The text a reader sees for this node: soft and hard breaks as spaces, a code
    /// block's literal as written.
    public var plainText: String {
        var collector = PlainTextCollector()
        collector.walk(self)
        return collector.text
    }

    /// Whether the node shows any non-space character, stopping at the first one.
    public var hasVisibleText: Bool {
        var finder = VisibleTextFinder()
        finder.walk(self)
        return finder.isFinished
    }

    /// The inline content of a paragraph or heading split at line breaks, each
    /// piece with its file line.
    public var textLines: [(text: String, line: Int)] {
        var splitter = LineSplitter(line: line)
        splitter.descend(into: self)
        splitter.lines.append((splitter.current, splitter.line))
        return splitter.lines
    }

    /// Paragraphs and headings at any depth below (and including) this block.
    public var textBlocks: [MarkdownNode] {
        var collector = TextBlockCollector()
        collector.walk(self)
        return collector.found
    }
}

private struct PlainTextCollector: MarkdownWalker {
    var text = ""

    mutating func visitText(_ node: MarkdownNode, text: String) { self.text += text }
    mutating func visitInlineCode(_ node: MarkdownNode, code: String) { text += code }
    mutating func visitCodeBlock(_ node: MarkdownNode, info: String, literal: String) { text += literal }
    mutating func visitSoftBreak(_ node: MarkdownNode) { text += " " }
    mutating func visitLineBreak(_ node: MarkdownNode) { text += " " }
    /// A table reads row by row, its cells separated by spaces.
    mutating func visitTable(_ node: MarkdownNode, table: Table) {
        let rows = [table.header] + table.rows
        text += rows.map { $0.cells.map(\.text).joined(separator: " ") }.joined(separator: " ")
    }
}

private struct VisibleTextFinder: MarkdownWalker {
    private(set) var isFinished = false

    mutating func visitText(_ node: MarkdownNode, text: String) { find(in: text) }
    mutating func visitInlineCode(_ node: MarkdownNode, code: String) { find(in: code) }
    mutating func visitCodeBlock(_ node: MarkdownNode, info: String, literal: String) { find(in: literal) }
    mutating func visitTable(_ node: MarkdownNode, table: Table) {
        if ([table.header] + table.rows).contains(where: { $0.cells.contains { !$0.text.isEmpty } }) { isFinished = true }
    }

    private mutating func find(in text: String) {
        if text.unicodeScalars.contains(where: { !$0.isFastWhitespace }) { isFinished = true }
    }
}

/// Soft and hard breaks end a line; each break moves one file line down.
private struct LineSplitter: MarkdownWalker {
    var lines: [(text: String, line: Int)] = []
    var current = ""
    var line: Int

    mutating func visitText(_ node: MarkdownNode, text: String) { current += text }
    mutating func visitInlineCode(_ node: MarkdownNode, code: String) { current += code }
    mutating func visitSoftBreak(_ node: MarkdownNode) { endLine() }
    mutating func visitLineBreak(_ node: MarkdownNode) { endLine() }

    private mutating func endLine() {
        lines.append((current, line))
        current = ""
        line += 1
    }
}

/// Paragraphs and headings are collected whole; code blocks, raw HTML and thematic
/// breaks hold no prose (the defaults skip them).
private struct TextBlockCollector: MarkdownWalker {
    var found: [MarkdownNode] = []

    mutating func visitParagraph(_ node: MarkdownNode) { found.append(node) }
    mutating func visitHeading(_ node: MarkdownNode, level: Int) { found.append(node) }
}
