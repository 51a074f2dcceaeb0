import Foundation
import IndstilSupport

/// Builds the `RenderModel` of a document through its profile's layout: the one layout
/// that HTML, DOCX, the text file and "Antal tegn" all read.
public enum RenderModelBuilder {
    /// With `characterCount` nil, the metadata lines that show it are left out: that is
    /// the model "Antal tegn" is counted on (`AnalyzedDocument`). The model of an analyzed
    /// document is `build(_:marking:)` (RenderModelBuilder+Analyzed.swift).
    package static func build(document: Document, profile: Profile, sections: [MatchedSection],
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
            date: fields.display("dato"),
            look: RenderLook(profile.resolvedLook, fields: fields))
    }

    package static func section(_ match: MatchedSection, at index: Int, profile: Profile) -> RenderModel.Section {
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

    /// "##" then "####" would skip a level (WCAG 1.3.1): each subheading is at most one
    /// level below the one before it.
    package static func withoutSkippedHeadingLevels(_ blocks: [RenderBlock]) -> [RenderBlock] {
        var previous = 1  // the section heading
        return blocks.map { block in
            guard case .subheading(let level, let content) = block else { return block }
            let clamped = min(level, previous + 1)
            previous = clamped
            return .subheading(level: clamped, content)
        }
    }

    package static func block(_ node: MarkdownNode) -> RenderBlock? {
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
        case .table(let table):
            // A table that could not be read (its file refused) shows nothing; the check says why.
            return table.header.cells.isEmpty ? nil : .table(RenderTable(table))
        case .htmlBlock, .thematicBreak:
            return nil  // raw HTML never reaches an output
        default:
            return .paragraph(inlines([node]))
        }
    }

    /// Soft breaks read as spaces, except where lines matter (pasted decision points).
    package static func inlines(_ nodes: [MarkdownNode], softBreak: RenderInline = .text(" ")) -> [RenderInline] {
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
