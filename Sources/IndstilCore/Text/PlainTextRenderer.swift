import Foundation

/// Lays a document out as text, the way its profile prints it: label, header lines,
/// title, numbered sections (decision points in the profile's form), signature,
/// appendix list, earlier decisions and the metadata block.
public enum PlainTextRenderer {
    public static func render(_ analyzed: AnalyzedDocument, characterCount: Int? = nil) -> RenderedText {
        render(document: analyzed.document, profile: analyzed.profile, sections: analyzed.sections,
               appendices: analyzed.appendices, characterCount: characterCount)
    }

    static func render(document: Document, profile: Profile, sections: [AnalyzedDocument.MatchedSection],
                       appendices: [AppendixEntry], characterCount: Int?) -> RenderedText {
        let fields = FieldTemplate(profile: profile, frontMatter: document.frontMatter, characterCount: characterCount)
        var out = RenderedText()
        out.add(profile.documentLabel, part: .header)
        out.add(profile.layout.header.compactMap(fields.expand), part: .header)
        out.add(document.title, part: .title)
        out.add(profile.layout.afterTitle.compactMap(fields.expand), part: .header)
        for (index, match) in sections.enumerated() {
            let section = match.section
            var heading = section.title
            if profile.headingStyle == .upper { heading = heading.uppercased() }
            if profile.numberSections { heading = "\(index + 1). \(heading)" }
            out.add(heading, part: .section(index))
            let isDecisionSection = match.spec?.id == profile.decision?.section
            if isDecisionSection, let decision = profile.decision {
                renderDecisionSection(section, decision: decision, into: &out, part: .section(index))
            } else {
                for block in section.blocks { renderBlock(block, into: &out, part: .section(index)) }
            }
        }
        if let signature = document.signature(profile: profile) {
            out.add(signature, part: .signature)
        }
        if !appendices.isEmpty {
            out.add("Bilag", part: .appendixList)
            out.add(appendices.map { "Bilag \($0.number): \($0.title)" }, part: .appendixList)
        }
        let earlier = document.earlierDecisionLines
        if !earlier.isEmpty {
            out.add("Tidligere beslutninger", part: .earlierDecisions)
            out.add(earlier, part: .earlierDecisions)
        }
        out.add(profile.layout.sidebar.compactMap(fields.expand), part: .sidebar)
        return out
    }

    static func renderDecisionSection(_ section: Section, decision: DecisionSpec, into out: inout RenderedText, part: RenderedText.Part) {
        var counter = 0
        let startsWithPoints = section.blocks.first.map { block -> Bool in
            if case .list = block.kind { return true }
            return false
        } ?? true
        if startsWithPoints { out.add(decision.leadIn, part: part) }
        for block in section.blocks {
            switch block.kind {
            case .list:
                for item in block.children {
                    counter += 1
                    let text = DecisionPoint.strippingPastedPrefix(item.plainText.foldingWhitespace).text
                    out.add(format(decision.form, number: counter, text: text), part: part)
                }
            case .paragraph:
                var lines: [String] = []
                for (text, _) in block.textLines {
                    let pasted = DecisionPoint.strippingPastedPrefix(text.foldingWhitespace)
                    if pasted.number != nil {
                        counter += 1
                        if !lines.isEmpty { out.add(lines.joined(separator: " "), part: part); lines = [] }
                        out.add(format(decision.form, number: counter, text: pasted.text), part: part)
                    } else {
                        lines.append(text)
                    }
                }
                if !lines.isEmpty { out.add(lines.joined(separator: " "), part: part) }
            default:
                renderBlock(block, into: &out, part: part)
            }
        }
    }

    static func format(_ form: String, number: Int, text: String) -> String {
        form.replacingOccurrences(of: "{n}", with: String(number)).replacingOccurrences(of: "{tekst}", with: text)
    }

    static func renderBlock(_ block: MarkdownNode, into out: inout RenderedText, part: RenderedText.Part) {
        switch block.kind {
        case .paragraph, .heading:
            out.add(block.plainText, part: part)
        case .list(let ordered, let start, _):
            for (offset, item) in block.children.enumerated() {
                let marker = ordered ? "\(start + offset). " : "- "
                var first = true
                for child in item.children {
                    if first, case .paragraph = child.kind {
                        out.add(marker + child.plainText, part: part)
                    } else {
                        if first { out.add(marker.trimmingCharacters(in: .whitespaces), part: part) }
                        renderBlock(child, into: &out, part: part)
                    }
                    first = false
                }
                if item.children.isEmpty { out.add(marker, part: part) }
            }
        case .blockQuote:
            for child in block.children { renderBlock(child, into: &out, part: part) }
        case .codeBlock(_, let literal):
            out.add(literal.split(separator: "\n").map(String.init), part: part)
        case .htmlBlock, .thematicBreak:
            break
        default:
            out.add(block.plainText, part: part)
        }
    }
}
