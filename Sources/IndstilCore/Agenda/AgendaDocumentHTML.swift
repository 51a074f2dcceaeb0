import Foundation

/// The HTML of a Markdown appendix inside a packet (site page or PDF): an indstilling or
/// another profiled document with its fields, sections, signature and bilag list, or a
/// notat as written. The bilag list shows both numbers: the document's own and the
/// packet's ("Bilag 1: Sammenfatning – Punkt 3, Bilag 2").
enum AgendaDocumentHTML {
    private static func escape(_ text: String) -> String { HTMLFragments.escape(text) }

    /// - Parameters:
    ///   - sectionLevel: the heading level of the document's sections (2 on a page of its own).
    ///   - anchorPrefix: prefixes section ids, so several documents can share one HTML document.
    ///   - packetEntry: the packet's line for the document's own bilag number N, as HTML.
    static func document(_ analyzed: AnalyzedDocument, sectionLevel: Int, anchorPrefix: String,
                         packetEntry: (Int) -> String?) -> String {
        let model = RenderModelBuilder.build(analyzed)
        var parts: [String] = []
        let fields = (model.headerLines + model.afterTitle + model.sidebar).map(HTMLRenderer.splitField)
        if !fields.isEmpty {
            let rows = fields.map { field in
                field.hasLabel ? "<div><dt>\(escape(field.label))</dt><dd>\(escape(field.value))</dd></div>"
                    : "<div><dd>\(escape(field.value))</dd></div>"
            }
            parts.append("<dl class=\"oplysninger\">\n\(rows.joined(separator: "\n"))\n</dl>")
        }
        let shift = sectionLevel - 2
        for section in model.sections {
            let id = anchorPrefix + section.anchor
            let number = section.number.map { "<span class=\"nr\">\(escape($0))</span> " } ?? ""
            parts.append("""
            <section class="afsnit" id="\(escape(id))">
            <h\(sectionLevel)>\(number)\(escape(section.heading))</h\(sectionLevel)>
            \(HTMLFragments.blocks(shifted(section.blocks, by: shift)))
            </section>
            """)
        }
        if let signature = model.signature, !signature.isEmpty {
            parts.append("<p class=\"underskrift\">\(escape(signature))</p>")
        }
        if !model.appendices.isEmpty {
            let items = model.appendices.map { appendix -> String in
                let own = "Bilag \(appendix.number): \(escape(appendix.title))"
                guard let entry = packetEntry(appendix.number) else { return "<li>\(own)</li>" }
                return "<li>\(own) <span class=\"i-pakken\">– \(entry)</span></li>"
            }
            parts.append("""
            <section class="egne-bilag">
            <h\(sectionLevel)>Bilag</h\(sectionLevel)>
            <ul>
            \(items.joined(separator: "\n"))
            </ul>
            </section>
            """)
        }
        return parts.joined(separator: "\n")
    }

    /// A notat's blocks, its highest heading at `topLevel`, levels never skipped; a first
    /// heading that is the title (shown above it already) is left out.
    static func notat(_ body: MarkdownNode, title: String, topLevel: Int) -> String {
        var nodes = body.children
        if let first = nodes.first, case .heading = first.kind,
           AttachmentText.comparable(first.plainText) == AttachmentText.comparable(title) {
            nodes.removeFirst()
        }
        let levels = nodes.compactMap { node -> Int? in if case .heading(let level) = node.kind { return level } else { return nil } }
        let top = levels.min() ?? 1
        let blocks = nodes.compactMap { node -> RenderBlock? in
            if case .heading(let level) = node.kind {
                return .subheading(level: level - top + 1, RenderModelBuilder.inlines(node.children))
            }
            return RenderModelBuilder.block(node)
        }
        return HTMLFragments.blocks(shifted(RenderModelBuilder.withoutSkippedHeadingLevels(blocks), by: topLevel - 2))
    }

    /// Subheadings moved down `levels` (a section's "##" is h3 on its own page, h4 in the PDF).
    static func shifted(_ blocks: [RenderBlock], by levels: Int) -> [RenderBlock] {
        guard levels != 0 else { return blocks }
        return blocks.map { block in
            if case .subheading(let level, let content) = block { return .subheading(level: min(6, max(1, level + levels)), content) }
            return block
        }
    }
}
