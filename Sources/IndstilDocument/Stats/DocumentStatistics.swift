import IndstilSupport

/// The numbers `indstil stats` shows for one document.
public struct DocumentStatistics: Sendable {
    public struct SectionFigures: Sendable {
        public let id: String?
        public let heading: String
        public let line: Int
        public let characters: Int
        public let lix: Double
    }

    public let path: String
    public let characters: Int
    public let lix: Double
    public let decisions: Int
    public let appendices: Int
    public let sections: [SectionFigures]
    /// The document's tables, in order.
    public let tables: [Table]

    /// `lineOfSection` turns a section's Markdown line into the line shown (a Word
    /// document's paragraph, `WordImport.paragraph(ofLine:)`).
    public init(path: String, analyzed: AnalyzedDocument, lineOfSection: (Int) -> Int = { $0 }) {
        self.path = path
        characters = analyzed.characterCount
        lix = analyzed.readability.lix
        decisions = analyzed.decisionPoints.count
        appendices = analyzed.appendices.count
        tables = analyzed.document.tables
        sections = analyzed.sections.enumerated().map { index, match in
            SectionFigures(
                id: match.spec?.id, heading: match.section.heading, line: lineOfSection(match.section.line),
                characters: analyzed.characterCounts.characters { $0 == .section(index) },
                lix: Readability.score(analyzed.prose(ofSection: index)).lix)
        }
    }

    /// A document without tables has no "tables" key (its output is as before tables existed).
    public var json: JSONValue {
        var entries: [(String, JSONValue)] = [
            ("path", .string(path)),
            ("characters", .int(characters)),
            ("lix", .double(lix)),
            ("decisions", .int(decisions)),
            ("appendices", .int(appendices)),
            ("sections", .array(sections.map { s in
                .object([
                    ("id", s.id.map(JSONValue.string) ?? .null),
                    ("heading", .string(s.heading)),
                    ("line", .int(s.line)),
                    ("characters", .int(s.characters)),
                    ("lix", .double(s.lix)),
                ])
            })),
        ]
        if !tables.isEmpty { entries.append(("tables", .array(tables.map(\.statisticsJSON)))) }
        return .object(entries)
    }

    /// A table for the terminal, in Danish.
    public var text: String {
        var out = "\(path)\n"
        let width = max(20, sections.map { $0.heading.count }.max() ?? 20)
        for s in sections {
            out += "  \(s.heading.padding(to: width))  \(DanishFormat.integer(s.characters).leftPadded(to: 7, with: " ")) tegn  LIX \(DanishFormat.decimal(s.lix))\n"
        }
        out += "  Antal tegn i alt: \(DanishFormat.integer(characters)) · LIX \(DanishFormat.decimal(lix)) · \(decisions) beslutningspunkter · \(appendices) bilag\n"
        if !tables.isEmpty {
            let rows = tables.reduce(0) { $0 + $1.rows.count }
            out += "  Tabeller: \(tables.count) med \(DanishFormat.integer(rows)) rækker i alt\n"
        }
        return out
    }
}

extension String {
    package func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
