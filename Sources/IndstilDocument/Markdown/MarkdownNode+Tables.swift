import IndstilSupport

extension MarkdownNode {
    /// Every table at any depth below (and including) this block, in document order.
    public var tables: [Table] {
        var collector = TableCollector()
        collector.walk(self)
        return collector.found
    }
}

private struct TableCollector: MarkdownWalker {
    var found: [Table] = []

    mutating func visitTable(_ node: MarkdownNode, table: Table) { found.append(table) }
}
