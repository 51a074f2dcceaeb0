import Foundation

/// Builds the `RenderModel` of a document through its profile's layout: the one layout
/// that HTML, DOCX, the text file and "Antal tegn" all read.
public enum RenderModelBuilder {
    /// The model a rendering shows, "Antal tegn" stamped into its metadata block.
    public static func build(_ analyzed: AnalyzedDocument) -> RenderModel {
        build(document: analyzed.document, profile: analyzed.profile, sections: analyzed.sections,
              appendices: analyzed.appendices, characterCount: analyzed.characterCount)
    }

    /// With `characterCount` nil, the metadata lines that show it are left out: that is
    /// the model "Antal tegn" is counted on (`AnalyzedDocument`).
    static func build(document: Document, profile: Profile, sections: [AnalyzedDocument.MatchedSection],
                      appendices: [AppendixEntry], characterCount: Int?) -> RenderModel {
        let fields = FieldTemplate(profile: profile, frontMatter: document.frontMatter, characterCount: characterCount)
        return RenderModel(
            documentLabel: profile.documentLabel,
            title: document.title,
            headerLines: profile.layout.header.compactMap(fields.expand),
            afterTitle: profile.layout.afterTitle.compactMap(fields.expand),
            sections: sections.enumerated().map { index, match in section(match, at: index, profile: profile) },
            signature: document.signature(profile: profile),
            appendices: appendices.map { .init(number: $0.number, title: $0.title, file: $0.file) },
            earlierDecisions: document.earlierDecisionLines,
            sidebar: profile.layout.sidebar.compactMap(fields.expand),
            characterCount: characterCount,
            profileID: profile.id,
            date: fields.display("dato"))
    }

    static func section(_ match: AnalyzedDocument.MatchedSection, at index: Int, profile: Profile) -> RenderModel.Section {
        var heading = match.section.title
        if profile.headingStyle == .upper { heading = heading.uppercased() }
        let isDecision = match.spec?.id != nil && match.spec?.id == profile.decision?.section
        let blocks: [RenderBlock]
        if match.section.isDashOnly {
            blocks = [.paragraph([.text("-")])]  // "nothing to add", not an empty bullet
        } else if isDecision, let decision = profile.decision {
            blocks = decisionBlocks(match.section, decision: decision)
        } else {
            blocks = withoutSkippedHeadingLevels(match.section.blocks.compactMap(block))
        }
        return RenderModel.Section(
            number: profile.numberSections ? "\(index + 1)." : nil,
            heading: heading, anchor: "afsnit-\(index + 1)", blocks: blocks)
    }

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

    /// "##" then "####" would skip a level (WCAG 1.3.1): each subheading is at most one
    /// level below the one before it.
    static func withoutSkippedHeadingLevels(_ blocks: [RenderBlock]) -> [RenderBlock] {
        var previous = 1  // the section heading
        return blocks.map { block in
            guard case .subheading(let level, let content) = block else { return block }
            let clamped = min(level, previous + 1)
            previous = clamped
            return .subheading(level: clamped, content)
        }
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

    static func block(_ node: MarkdownNode) -> RenderBlock? {
        switch node.kind {
        case .paragraph:
            return .paragraph(inlines(node.children))
        case .heading(let level):
            return .subheading(level: max(2, level), inlines(node.children))
        case .list(let ordered, let start, _):
            return .list(ordered: ordered, start: start, items: node.children.map { $0.children.compactMap(block) })
        case .blockQuote:
            return .quote(node.children.compactMap(block))
        case .codeBlock(_, let literal):
            return .code(literal)
        case .htmlBlock, .thematicBreak:
            return nil  // raw HTML never reaches an output
        default:
            return .paragraph(inlines([node]))
        }
    }

    /// Soft breaks read as spaces, except where lines matter (pasted decision points).
    static func inlines(_ nodes: [MarkdownNode], softBreak: RenderInline = .text(" ")) -> [RenderInline] {
        nodes.compactMap { node -> RenderInline? in
            switch node.kind {
            case .text(let s): return .text(s)
            case .softBreak: return softBreak
            case .lineBreak: return .lineBreak
            case .code(let s): return .code(s)
            case .emphasis: return .emphasis(inlines(node.children, softBreak: softBreak))
            case .strong: return .strong(inlines(node.children, softBreak: softBreak))
            case .link(let destination, _): return .link(destination: destination, inlines(node.children, softBreak: softBreak))
            case .image(_, _): return .text(node.plainText)
            case .htmlInline: return nil
            default: return .text(node.plainText)
            }
        }
    }
}
