import IndstilSupport

/// Everything a rendering shows, in display order and already laid out by the profile,
/// independent of the output format. HTML (through the profile's templates), DOCX and
/// the plain text (`PlainTextLayout`, which "Antal tegn" counts) are all made from this
/// one model, so they show the same things.
public struct RenderModel: Sendable {
    public struct Section: Sendable {
        /// "3." when the profile numbers sections, else nil.
        public let number: String?
        public let heading: String
        /// A stable id for links and bookmarks ("afsnit-3").
        public let anchor: String
        public let blocks: [RenderBlock]
    }

    public struct Appendix: Sendable {
        public let number: Int
        public let title: String
        public let file: String?
    }

    public let language = "da"
    public let documentLabel: String
    public let title: String
    /// "Til Aarhus Byråd", "Fra Magistraten", "Dato 31. marts 2021".
    public let headerLines: [String]
    /// Lines right under the title (a rådmandsindstilling's "Åben").
    public let afterTitle: [String]
    public let sections: [Section]
    public let signature: String?
    public let appendices: [Appendix]
    /// "6. marts 2019: Sag nr. 9 … (18/028943)".
    public let earlierDecisions: [String]
    /// The metadata block, "Antal tegn: 12.246" included when `characterCount` is known.
    public let sidebar: [String]
    /// "Antal tegn", stamped into the sidebar; nil in the model the count is taken from
    /// (a count cannot include itself), whose sidebar leaves that line out.
    public let characterCount: Int?
    public let profileID: String
    /// The document date in Danish, for PDF metadata and footers.
    public let date: String?
    /// The municipality's logo, letterhead, stylesheet variables and Word template.
    public var look: RenderLook = .plain
    /// "LUKKET – må ikke offentliggøres" and "UDKAST" on every page (`DocumentMarking`);
    /// never part of the text "Antal tegn" counts.
    public var marking: DocumentMarking = .unmarked

    /// True when a section holds a table (at any depth).
    public var hasTables: Bool {
        sections.contains { $0.blocks.contains(where: \.holdsTable) }
    }

    /// The heading over the appendix list and over the earlier decisions, in every format.
    public static let appendixListHeading = "Bilag"
    public static let earlierDecisionsHeading = "Tidligere beslutninger"
}

/// A block of section content. Inline content is kept as `[RenderInline]`, so each
/// output format escapes and styles it its own way; raw HTML never survives.
/// (Arrays hold the nested blocks, so neither enum needs `indirect`: a text is stored in
/// place, not boxed, which matters as every document is laid out to be counted.)
public enum RenderBlock: Sendable, Equatable {
    case paragraph([RenderInline])
    case subheading(level: Int, [RenderInline])
    case list(ordered: Bool, start: Int, items: [[RenderBlock]])
    /// Decision points in the profile's form: prefix "At 1)" and the point's text.
    case decisionPoints([DecisionItem])
    case quote([RenderBlock])
    case code(String)
    case table(RenderTable)

    public struct DecisionItem: Sendable, Equatable {
        public let number: Int
        /// "At 1)" or "1)".
        public let prefix: String
        public let content: [RenderInline]

        package init(number: Int, prefix: String, content: [RenderInline]) {
            self.number = number
            self.prefix = prefix
            self.content = content
        }
    }
}

extension RenderBlock {
    /// The block is a table or holds one (in a list or a quote).
    public var holdsTable: Bool {
        switch self {
        case .table: return true
        case .list(_, _, let items): return items.contains { $0.contains(where: \.holdsTable) }
        case .quote(let blocks): return blocks.contains(where: \.holdsTable)
        case .paragraph, .subheading, .decisionPoints, .code: return false
        }
    }
}

public enum RenderInline: Sendable, Equatable {
    case text(String)
    case emphasis([RenderInline])
    case strong([RenderInline])
    case code(String)
    case link(destination: String, [RenderInline])
    case lineBreak

    /// The text a reader sees.
    public var plainText: String {
        var out = ""
        appendPlainText(to: &out)
        return out
    }

    func appendPlainText(to out: inout String) {
        switch self {
        case .text(let s), .code(let s): out += s
        case .emphasis(let c), .strong(let c), .link(_, let c): c.appendPlainText(to: &out)
        case .lineBreak: out += " "
        }
    }
}

extension Array where Element == RenderInline {
    public var plainText: String {
        var out = ""
        appendPlainText(to: &out)
        return out
    }

    func appendPlainText(to out: inout String) {
        for inline in self { inline.appendPlainText(to: &out) }
    }
}
