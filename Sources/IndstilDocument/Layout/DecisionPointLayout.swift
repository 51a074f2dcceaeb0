import IndstilSupport

/// The decision section laid out in the profile's form: the lead-in, then the points
/// numbered "At 1)", "At 2)" … whether the author wrote a list or pasted "At 1) …" lines.
extension RenderModelBuilder {
    static func decisionBlocks(_ section: Section, decision: DecisionSpec) -> [RenderBlock] {
        var blocks: [RenderBlock] = []
        var items: [RenderBlock.DecisionItem] = []
        func flush() {
            if !items.isEmpty { blocks.append(.decisionPoints(items)); items = [] }
        }
        func add(_ content: [RenderInline]) {
            let number = items.count + blocks.reduce(0) { count, block in
                if case .decisionPoints(let previous) = block { return count + previous.count }
                return count
            } + 1
            let prefix = decision.form.components(separatedBy: "{tekst}").first?
                .replacingOccurrences(of: "{n}", with: String(number)).trimmingCharacters(in: .whitespaces) ?? "\(number))"
            items.append(.init(number: number, prefix: prefix, content: content))
        }
        let startsWithPoints = section.blocks.first.map { if case .list = $0.kind { return true } else { return false } } ?? true
        if startsWithPoints { blocks.append(.paragraph([.text(decision.leadIn)])) }
        for node in section.blocks {
            switch node.kind {
            case .list:
                for item in node.children {
                    let content = item.children.flatMap { child -> [RenderInline] in
                        if case .paragraph = child.kind { return inlines(child.children) }
                        return [.text(child.plainText)]
                    }
                    add(strippingPastedPrefix(content))
                }
            case .paragraph:
                // Pasted "At 1) Byrådet …" lines become points; other lines stay text.
                var pending: [RenderInline] = []
                for line in splitAtBreaks(inlines(node.children, softBreak: .lineBreak)) {
                    if DecisionPoint.strippingPastedPrefix(line.plainText.foldingWhitespace).number != nil {
                        if !pending.isEmpty { flush(); blocks.append(.paragraph(pending)); pending = [] }
                        add(strippingPastedPrefix(line))
                    } else {
                        if !pending.isEmpty { pending.append(.text(" ")) }
                        pending += line
                    }
                }
                if !pending.isEmpty { flush(); blocks.append(.paragraph(pending)) }
            default:
                flush()
                if let block = block(node) { blocks.append(block) }
            }
        }
        flush()
        return blocks
    }

    /// Removes "At 1)" / "1)" written by the author, also in bold or italics
    /// ("**At 1)** Byrådet …"); the form adds its own.
    static func strippingPastedPrefix(_ content: [RenderInline]) -> [RenderInline] {
        switch content.first {
        case .text(let first)?:
            let stripped = DecisionPoint.strippingPastedPrefix(first.foldingWhitespace)
            guard stripped.number != nil else { return content }
            // The space that ends the text parts it from what follows ("Byrådet **godkender**").
            let space = !stripped.text.isEmpty && first.last?.isWhitespace == true ? " " : ""
            return [.text(stripped.text + space)] + content.dropFirst()
        case .strong(let inner)?, .emphasis(let inner)?:
            let strippedInner = strippingPastedPrefix(inner)
            guard strippedInner != inner else { return content }
            let rest = Array(content.dropFirst())
            if strippedInner.plainText.foldingWhitespace.isEmpty { return trimmingLeadingWhitespace(rest) }
            if case .strong? = content.first { return [.strong(strippedInner)] + rest }
            return [.emphasis(strippedInner)] + rest
        default:
            return content
        }
    }

    static func trimmingLeadingWhitespace(_ content: [RenderInline]) -> [RenderInline] {
        guard case .text(let first)? = content.first else { return content }
        let trimmed = first.drop { $0.isWhitespace }
        return (trimmed.isEmpty ? [] : [.text(String(trimmed))]) + content.dropFirst()
    }

    static func splitAtBreaks(_ content: [RenderInline]) -> [[RenderInline]] {
        var lines: [[RenderInline]] = [[]]
        for inline in content {
            if inline == .lineBreak { lines.append([]) } else { lines[lines.count - 1].append(inline) }
        }
        return lines.filter { !$0.isEmpty }
    }
}
