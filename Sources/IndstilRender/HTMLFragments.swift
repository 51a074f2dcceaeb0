import IndstilSupport
import IndstilDocument

/// Section content as escaped HTML. Only what Markdown means is produced: raw HTML
/// from the source was dropped when the model was built, every text is escaped, and
/// a link keeps its target only when it is http(s), mailto or an in-page anchor.
public enum HTMLFragments {
    /// Where a link that the page itself understands goes (a bundle's `bilag:ID` or
    /// `kapitel:N`): the href, and the text shown when the link has no text of its own.
    public struct ResolvedLink: Sendable, Equatable {
        public let href: String
        public let text: String

        public init(href: String, text: String) {
            self.href = href
            self.text = text
        }
    }

    /// Resolves a link destination; nil leaves the link to the usual rules.
    public typealias LinkResolver = (_ destination: String) -> ResolvedLink?

    /// `resolver` (optional) turns destinations such as `bilag:ID` into links; without
    /// it, only http(s), mailto and in-page anchors become links.
    public static func blocks(_ blocks: [RenderBlock], resolvingLinks resolver: LinkResolver? = nil) -> String {
        blocks.map { block($0, resolver) }.joined(separator: "\n")
    }

    package static func block(_ block: RenderBlock, _ resolver: LinkResolver? = nil) -> String {
        let inlines = { (content: [RenderInline]) in Self.inlines(content, resolvingLinks: resolver) }
        let blocks = { (content: [RenderBlock]) in Self.blocks(content, resolvingLinks: resolver) }
        switch block {
        case .paragraph(let content):
            return "<p>\(inlines(content))</p>"
        case .subheading(let level, let content):
            let tag = "h\(min(6, level + 1))"  // the title is h1, sections h2
            return "<\(tag)>\(inlines(content))</\(tag)>"
        case .list(let ordered, let start, let items):
            let tag = ordered ? "ol" : "ul"
            let startAttribute = ordered && start != 1 ? " start=\"\(start)\"" : ""
            let body = items.map { item in "<li>\(listItem(item, resolver))</li>" }.joined(separator: "\n")
            return "<\(tag)\(startAttribute)>\n\(body)\n</\(tag)>"
        case .decisionPoints(let items):
            let body = items.map { item in
                "<li><span class=\"punkt-nr\">\(item.prefix.markupEscaped)</span> \(inlines(item.content))</li>"
            }.joined(separator: "\n")
            return "<ol class=\"beslutningspunkter\">\n\(body)\n</ol>"
        case .quote(let content):
            return "<blockquote>\n\(blocks(content))\n</blockquote>"
        case .code(let literal):
            return "<pre><code>\(literal.markupEscaped)</code></pre>"
        case .table(let table):
            return self.table(table, resolver)
        }
    }

    /// Figures right-aligned in tabular figures and total rows set apart, by inline style
    /// as well as by class, so a table reads right wherever the fragment is placed (a
    /// bundle page, an agenda packet) whatever stylesheet is there.
    static let numberStyle = "text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap"
    static let totalStyle = "font-weight:700;border-top:1px solid currentColor"

    /// `<table>` with its caption, `<th scope="col">` over the columns and `<th scope="row">`
    /// for the rows' labels; the header in `<thead>`, which printing repeats on every page.
    package static func table(_ table: RenderTable, _ resolver: LinkResolver?) -> String {
        var out = "<table class=\"tabel\">\n"
        if let caption = table.caption {
            out += "<caption>\(caption.markupEscaped)"
            if let unit = table.unit { out += " <span class=\"enhed\">(\(unit.markupEscaped))</span>" }
            out += "</caption>\n"
        } else if let unit = table.unit {
            out += "<caption><span class=\"enhed\">(\(unit.markupEscaped))</span></caption>\n"
        }
        out += "<thead>\n<tr>"
        for cell in table.header.cells {
            out += "<th scope=\"col\"\(cell.isNumber ? " class=\"tal\" style=\"\(numberStyle)\"" : "")>\(inlines(cell.content, resolvingLinks: resolver))</th>"
        }
        out += "</tr>\n</thead>\n<tbody>\n"
        for row in table.rows {
            let cellStyle = row.isTotal ? totalStyle : nil
            out += row.isTotal ? "<tr class=\"total\">" : "<tr>"
            for (index, cell) in row.cells.enumerated() {
                let content = inlines(cell.content, resolvingLinks: resolver)
                let styles = [cell.isNumber ? numberStyle : nil, cellStyle].compactMap { $0 }.joined(separator: ";")
                let attributes = (cell.isNumber ? " class=\"tal\"" : "") + (styles.isEmpty ? "" : " style=\"\(styles)\"")
                if index == 0 && table.hasRowLabels {
                    out += "<th scope=\"row\"\(attributes)>\(content)</th>"
                } else {
                    out += "<td\(attributes)>\(content)</td>"
                }
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>"
        return out
    }

    /// A tight item's single paragraph is written without <p>.
    static func listItem(_ item: [RenderBlock], _ resolver: LinkResolver? = nil) -> String {
        if item.count == 1, case .paragraph(let content) = item[0] { return inlines(content, resolvingLinks: resolver) }
        return blocks(item, resolvingLinks: resolver)
    }

    public static func inlines(_ content: [RenderInline], resolvingLinks resolver: LinkResolver? = nil) -> String {
        content.map { inline($0, resolver) }.joined()
    }

    package static func inline(_ inline: RenderInline, _ resolver: LinkResolver? = nil) -> String {
        let inlines = { (content: [RenderInline]) in Self.inlines(content, resolvingLinks: resolver) }
        switch inline {
        case .text(let s): return AddressBreaks.markup(s)
        case .code(let s): return "<code>\(s.markupEscaped)</code>"
        case .emphasis(let c): return "<em>\(inlines(c))</em>"
        case .strong(let c): return "<strong>\(inlines(c))</strong>"
        case .lineBreak: return "<br>"
        case .link(let destination, let c):
            if let resolved = resolver?(destination) {
                let shown = c.plainText.trimmingCharacters(in: .whitespaces).isEmpty ? resolved.text.markupEscaped : inlines(c)
                return "<a href=\"\(resolved.href.markupEscaped)\">\(shown)</a>"
            }
            guard isSafe(destination) else { return inlines(c) }
            return "<a href=\"\(destination.markupEscaped)\">\(inlines(c))</a>"
        }
    }

    /// http(s), mailto and in-page anchors; never javascript: or data:.
    public static func isSafe(_ destination: String) -> Bool {
        let lower = destination.trimmingCharacters(in: .whitespaces).lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:")
            || (lower.hasPrefix("#") && lower.count > 1)
    }
}

import Foundation
