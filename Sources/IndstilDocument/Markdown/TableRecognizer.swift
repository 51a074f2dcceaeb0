import IndstilSupport

/// Finds the tables libcmark does not know in its tree: a paragraph whose source lines are
/// pipe rows with a delimiter row (GitHub's pipe table), and a fenced code block whose info
/// string is `tabel`. Both become `.table` nodes; every other node is kept as it is.
struct TableRecognizer {
    /// The Markdown body's lines.
    package let lines: [Substring]
    /// File line of the body's first line, minus one.
    package let lineOffset: Int
    package let files: TableFileReader?

    package init(markdown: String, lineOffset: Int, files: TableFileReader?) {
        lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        self.lineOffset = lineOffset
        self.files = files
    }

    /// True when the body may hold a table: a pipe or a `tabel` fence somewhere. Most
    /// documents have neither, and their tree is then left untouched. Searched on the bytes:
    /// `String.contains` goes through Foundation's locale-aware search, which took a fifth of
    /// the time of checking a folder of documents without tables.
    static func mayHoldTable(_ markdown: String) -> Bool {
        var markdown = markdown
        markdown.makeContiguousUTF8()
        return markdown.utf8.withContiguousStorageIfAvailable { bytes in
            let fence = Array("tabel".utf8)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "|") { return true }
                if byte == fence[0], index + fence.count <= bytes.count,
                   UnsafeBufferPointer(rebasing: bytes[index..<(index + fence.count)]).elementsEqual(fence) { return true }
                index += 1
            }
            return false
        } ?? true
    }

    func rewrite(_ node: MarkdownNode) -> MarkdownNode {
        switch node.kind {
        case .document, .blockQuote, .list, .item:
            var changed = false
            var children: [MarkdownNode] = []
            children.reserveCapacity(node.children.count)
            for child in node.children {
                let replaced = rewriteBlock(child)
                if replaced.count != 1 || replaced[0] != child { changed = true }
                children += replaced
            }
            return changed ? MarkdownNode(kind: node.kind, children: children, line: node.line, column: node.column, endLine: node.endLine) : node
        default:
            return node
        }
    }

    /// A block, or what replaces it: a table, or the paragraph lines before a table and the table.
    private func rewriteBlock(_ node: MarkdownNode) -> [MarkdownNode] {
        switch node.kind {
        case .paragraph:
            return pipeTable(in: node) ?? [node]
        case .codeBlock(let info, let literal) where TableBlock.isTableBlock(info: info):
            let table = TableBlock.table(literal: literal, firstLine: node.line + 1, column: node.column,
                                         fenceLine: node.line, endLine: node.endLine, files: files)
            return [MarkdownNode(kind: .table(table), line: node.line, column: node.column, endLine: node.endLine)]
        case .document, .blockQuote, .list, .item:
            return [rewrite(node)]
        default:
            return [node]
        }
    }

    /// The paragraph's source lines, each with the column its text starts at.
    private func sourceLines(of node: MarkdownNode) -> [PipeRows.SourceLine] {
        var result: [PipeRows.SourceLine] = []
        for fileLine in node.line...max(node.line, node.endLine) {
            let index = fileLine - lineOffset - 1
            guard index >= 0, index < lines.count else { return [] }
            var text = lines[index]
            var column = 1
            // Drop the container's prefix: the first line starts at the paragraph's column,
            // the others after at most as many spaces and quote markers.
            let prefixLength = node.column - 1
            if fileLine == node.line {
                let dropped = min(prefixLength, text.count)
                text = text.dropFirst(dropped)
                column += dropped
            } else {
                let prefix = text.prefix(prefixLength).prefix { $0 == " " || $0 == ">" || $0 == "\t" }
                text = text.dropFirst(prefix.count)
                column += prefix.count
            }
            result.append(PipeRows.SourceLine(text: text, line: fileLine, column: column))
        }
        return result
    }

    /// A pipe table in a paragraph: from its first line, or after lines of text (which stay a paragraph).
    private func pipeTable(in node: MarkdownNode) -> [MarkdownNode]? {
        guard node.endLine > node.line else { return nil }
        let source = sourceLines(of: node)
        guard source.count >= 2, let delimiter = source.indices.dropFirst().first(where: { PipeRows.isDelimiterRow(source[$0].text) }) else {
            return nil
        }
        let start = delimiter - 1
        let rows = source[start...].prefix { PipeRows.isRow($0.text) }
        guard rows.count == source.count - start, let table = PipeRows.table(Array(rows)) else { return nil }
        let tableNode = MarkdownNode(kind: .table(table), line: table.line, column: node.column, endLine: table.endLine)
        guard start > 0 else { return [tableNode] }
        // The lines before the header stay a paragraph, parsed again on their own.
        let before = source[..<start].map { String($0.text) }.joined(separator: "\n")
        let parsed = MarkdownParser.parseBlocks(before, lineOffset: node.line - 1)
        return parsed.children + [tableNode]
    }
}
