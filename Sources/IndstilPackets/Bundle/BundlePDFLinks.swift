import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// In-document anchors of the bundle PDF: `kapitel-N` for chapters and one per
/// appendix made from its number (`Slug.anchor`: "B2.1" → `b2-1`), unique even when a
/// custom numbering repeats itself.
struct BundlePDFAnchors {
    private let byID: [String: String]

    init(_ bundle: ResolvedBundle) {
        var byID: [String: String] = [:]
        var used: Set<String> = []
        for chapter in bundle.chapters {
            used.insert(Self.chapter(chapter.number))
        }
        for appendix in bundle.appendices {
            let base = Slug.anchor(appendix.number)
            var anchor = base
            var suffix = 2
            while used.contains(anchor) {
                anchor = "\(base)-\(suffix)"
                suffix += 1
            }
            used.insert(anchor)
            byID[appendix.id] = anchor
        }
        self.byID = byID
    }

    static func chapter(_ number: Int) -> String { "kapitel-\(number)" }

    /// Every appendix has one.
    func appendix(_ appendix: ResolvedBundle.Appendix) -> String { byID[appendix.id] ?? Slug.anchor(appendix.number) }

    func appendix(id: String) -> String? { byID[id] }
}

/// Rewrites the links of one document's render blocks for the bundle PDF:
/// `bilag:ID` → `#b2-1` (an empty link text becomes "B2.1 Titel"), `kapitel:N` →
/// `#kapitel-N`, the document's own `#afsnit-N` → its prefixed anchor. A link the
/// PDF cannot point at keeps its text and loses the link.
struct BundlePDFLinks {
    let bundle: ResolvedBundle
    let anchors: BundlePDFAnchors
    /// "#afsnit-2" → "#b1-1-afsnit-2" for the document being rendered.
    var localAnchors: [String: String] = [:]
    /// Added to every subheading level: the appendix's own sections sit one level
    /// lower in the bundle than in a standalone rendering (and a chapter intro higher).
    var headingShift = 0

    func blocks(_ blocks: [RenderBlock]) -> [RenderBlock] {
        blocks.map(block)
    }

    func block(_ block: RenderBlock) -> RenderBlock {
        switch block {
        case .paragraph(let content):
            return .paragraph(inlines(content))
        case .subheading(let level, let content):
            return .subheading(level: max(1, min(5, level + headingShift)), inlines(content))
        case .list(let ordered, let start, let items):
            return .list(ordered: ordered, start: start, items: items.map(blocks))
        case .decisionPoints(let items):
            return .decisionPoints(items.map { .init(number: $0.number, prefix: $0.prefix, content: inlines($0.content)) })
        case .quote(let content):
            return .quote(blocks(content))
        case .table(let table):
            return .table(table.mappingContent(inlines))
        case .code:
            return block
        }
    }

    func inlines(_ content: [RenderInline]) -> [RenderInline] {
        content.flatMap(inline)
    }

    func inline(_ inline: RenderInline) -> [RenderInline] {
        switch inline {
        case .text, .code, .lineBreak:
            return [inline]
        case .emphasis(let content):
            return [.emphasis(inlines(content))]
        case .strong(let content):
            return [.strong(inlines(content))]
        case .link(let destination, let content):
            let text = inlines(content)
            let isEmpty = text.plainText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            switch BundleReference.parse(destination) {
            case .appendix(let id)?:
                guard let appendix = bundle.appendix(id: id), let anchor = anchors.appendix(id: id) else {
                    return isEmpty ? [.text(destination)] : text
                }
                return [.link(destination: "#" + anchor, isEmpty ? [.text("\(appendix.number) \(appendix.title)")] : text)]
            case .chapter(let number)?:
                guard let chapter = bundle.chapters.first(where: { $0.number == number }) else {
                    return isEmpty ? [.text(destination)] : text
                }
                return [.link(destination: "#" + BundlePDFAnchors.chapter(number),
                              isEmpty ? [.text("Kapitel \(number): \(chapter.title)")] : text)]
            case .invalid?:
                return isEmpty ? [.text(destination)] : text
            case nil:
                let trimmed = destination.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("#") {
                    // Only the document's own sections exist in the bundle under a known name.
                    guard let local = localAnchors[trimmed] else { return isEmpty ? [] : text }
                    return [.link(destination: local, isEmpty ? [.text(trimmed)] : text)]
                }
                return [.link(destination: destination, text)]
            }
        }
    }
}
