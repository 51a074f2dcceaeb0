import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// The HTML of a Markdown document inside a packet (a site page or the PDF): an
/// indstilling or another profiled document with its fields, its sections, signature
/// and own bilag list. The one rendering every packet kind uses; `Layout` says what
/// differs with where the document stands. A document without a profile (a notat, a
/// chapter's intro) is `looseBlocks`.
struct ProfiledDocumentHTML {
    /// How the profile's fields (Beslutningstager …) are shown.
    enum Fields {
        /// `<dl class="oplysninger">` of every header field; `addingSender` adds the
        /// front matter's `afsender` when no field says it.
        case definitionList(addingSender: Bool)
        /// `<ul class="bilag-meta">` of the header lines only (a bundle PDF).
        case headerLines
    }

    /// How sections are marked up.
    enum Sections {
        /// `<section class="afsnit" id="PREFIX-anchor">` with an `h<level>` heading.
        case plain(level: Int, idPrefix: String)
        /// A page of its own: each section labelled by its `h2`, the profile's skeleton
        /// sections at the start (Formål, Opsummering …) in one front card.
        case page
    }

    /// The document's own bilag list.
    struct OwnAppendices {
        /// "Bilag", "Bilag til B1.2".
        let heading: String
        /// The heading with an id that labels the section (a page of its own).
        let labelled: Bool
        /// The packet's line for the document's own bilag number N, as HTML, if any.
        var packetEntry: (Int) -> String? = { _ in nil }
    }

    let fields: Fields
    let sections: Sections
    let ownAppendices: OwnAppendices
    /// A section's blocks as HTML: links resolved or rewritten for where the document stands.
    let blocks: ([RenderBlock]) -> String

    /// The document's parts, in order: fields, sections, signature, own bilag; with the
    /// profile's look, one part that opens with its letterhead (`ProfileLookHTML`).
    func parts(_ analyzed: AnalyzedDocument) -> [String] {
        let model = RenderModelBuilder.build(analyzed)
        var parts: [String] = []
        if let fields = fieldsHTML(model, analyzed) { parts.append(fields) }
        switch sections {
        case .plain(let level, let idPrefix):
            parts += model.sections.map { section in
                """
                <section class="afsnit" id="\((idPrefix + section.anchor).markupEscaped)">
                <h\(level)>\(Self.heading(section))</h\(level)>
                \(blocks(section.blocks))
                </section>
                """
            }
        case .page:
            func labelled(_ section: RenderModel.Section) -> String {
                let anchor = section.anchor.markupEscaped
                return """
                <section id="\(anchor)" aria-labelledby="\(anchor)-overskrift">
                <h2 id="\(anchor)-overskrift">\(Self.heading(section))</h2>
                \(blocks(section.blocks))
                </section>
                """
            }
            let cardCount = analyzed.sections.prefix { $0.spec != nil }.count
            let card = model.sections.prefix(cardCount)
            if !card.isEmpty {
                parts.append("<div class=\"forsideark\">\n\(card.map(labelled).joined(separator: "\n"))\n</div>")
            }
            parts += model.sections.dropFirst(cardCount).map(labelled)
        }
        if let signature = model.signature, !signature.isEmpty {
            parts.append("<p class=\"underskrift\">\(signature.markupEscaped)</p>")
        }
        if !model.appendices.isEmpty {
            // The list of own appendices is kept on a page with the part before it (a PDF
            // never leaves the short list alone on a page of its own).
            let list = ownAppendicesHTML(model.appendices)
            if let last = parts.popLast() {
                parts.append("<div class=\"hold-sammen\">\n\(last)\n\(list)\n</div>")
            } else {
                parts.append(list)
            }
        }
        return ProfileLookHTML.wrapping(parts, look: model.look)
    }

    static func heading(_ section: RenderModel.Section) -> String {
        let number = section.number.map { "<span class=\"nr\">\($0.markupEscaped)</span> " } ?? ""
        return number + section.heading.markupEscaped
    }

    func fieldsHTML(_ model: RenderModel, _ analyzed: AnalyzedDocument) -> String? {
        switch fields {
        case .headerLines:
            guard !model.headerLines.isEmpty else { return nil }
            return "<ul class=\"bilag-meta\">\n" + model.headerLines.map { "<li>\(AddressBreaks.markup($0))</li>\n" }.joined() + "</ul>"
        case .definitionList(let addingSender):
            var fields = (model.headerLines + model.afterTitle + model.sidebar).map(HTMLRenderer.splitField)
            if addingSender, let sender = analyzed.document.frontMatter["afsender"]?.trimmedString, !sender.isEmpty,
               !fields.contains(where: { $0.label == "Afsender" }) {
                fields.append(.init(label: "Afsender", value: sender))
            }
            guard !fields.isEmpty else { return nil }
            let rows = fields.map { field in
                field.hasLabel ? "<div><dt>\(field.label.markupEscaped)</dt><dd>\(field.valueHTML)</dd></div>"
                    : "<div><dd>\(field.valueHTML)</dd></div>"
            }
            return "<dl class=\"oplysninger\">\n\(rows.joined(separator: "\n"))\n</dl>"
        }
    }

    func ownAppendicesHTML(_ appendices: [RenderModel.Appendix]) -> String {
        let level: Int
        switch sections {
        case .plain(let sectionLevel, _): level = sectionLevel
        case .page: level = 2
        }
        let items = appendices.map { appendix -> String in
            let own = "Bilag \(appendix.number): \(appendix.title.markupEscaped)"
            guard let entry = ownAppendices.packetEntry(appendix.number) else { return "<li>\(own)</li>" }
            return "<li>\(own) <span class=\"i-pakken\">– \(entry)</span></li>"
        }
        let section = ownAppendices.labelled ? "<section class=\"egne-bilag\" aria-labelledby=\"egne-bilag-overskrift\">" : "<section class=\"egne-bilag\">"
        let heading = ownAppendices.labelled ? "<h\(level) id=\"egne-bilag-overskrift\">" : "<h\(level)>"
        return """
        \(section)
        \(heading)\(ownAppendices.heading.markupEscaped)</h\(level)>
        <ul>
        \(items.joined(separator: "\n"))
        </ul>
        </section>
        """
    }

    /// The blocks of a document without a profile (a notat, a chapter's intro), its
    /// highest heading level becoming 1, levels never skipped; a first heading that
    /// `repeatsTitle` (it is shown above already) is left out.
    static func looseBlocks(_ body: MarkdownNode, repeatsTitle: (String) -> Bool) -> [RenderBlock] {
        var nodes = body.children
        if let first = nodes.first, case .heading = first.kind, repeatsTitle(first.plainText) {
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
        return RenderModelBuilder.withoutSkippedHeadingLevels(blocks)
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
