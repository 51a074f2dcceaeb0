import Foundation
import IndstilSupport

/// A document read through its profile: which section is which, its decision points,
/// appendices and references, its rendering as text and its counts.
/// Built once per file; every check reads from it.
public struct AnalyzedDocument: Sendable {
    public struct MatchedSection: Sendable {
        public let section: Section
        /// The skeleton section the heading names, nil for an unknown heading.
        public let spec: SectionSpec?
    }

    public let document: Document
    public let profile: Profile
    public let sections: [MatchedSection]
    public let decisionPoints: [DecisionPoint]
    public let appendices: [AppendixEntry]
    /// The mentions of appendices in the sections' text: found on first use (the appendix
    /// checks need them; rendering does not).
    public var appendixReferences: [AppendixReference] {
        appendixReferenceCache.value { AppendixReference.find(in: document, sections: document.sections) }
    }
    public let rendered: RenderedText
    /// "Antal tegn": characters with spaces of everything the rendered document shows.
    public let characterCount: Int

    public init(document: Document, profile: Profile) {
        self.document = document
        self.profile = profile
        let sections = document.sections.map { MatchedSection(section: $0, spec: profile.sectionSpec(forHeading: $0.heading)) }
        self.sections = sections
        if let decision = profile.decision, let match = sections.first(where: { $0.spec?.id == decision.section }) {
            decisionPoints = DecisionPoint.extract(from: match.section, in: document)
        } else {
            decisionPoints = []
        }
        appendices = AppendixEntry.entries(in: document.frontMatter)
        // The text of the model that HTML and DOCX show, its "Antal tegn" line left out.
        let rendered = PlainTextLayout.layout(RenderModelBuilder.build(
            document: document, profile: profile, sections: sections, appendices: appendices, characterCount: nil))
        self.rendered = rendered
        characterCount = rendered.characters()
    }

    /// Characters counted against the profile's length limit (its scope).
    public var limitedCharacterCount: Int {
        switch profile.length?.scope ?? .document {
        case .document: return characterCount
        case .body:
            return rendered.characters { if case .section = $0 { return true } else { return false } }
        }
    }

    public func section(withID id: String) -> MatchedSection? {
        sections.first { $0.spec?.id == id }
    }

    /// Readable text of the sections (paragraphs, list items, subheadings).
    public func prose(ofSection index: Int) -> [String] {
        sections[index].section.blocks.flatMap(\.textBlocks).map { $0.plainText.foldingWhitespace }
    }

    public var readability: Readability.Score {
        readableBlocks.reduce(Readability.Score()) { $0 + $1.score }
    }

    /// Sentences and counts of every text block of the sections (paragraphs, list items,
    /// subheadings), in order: worked out on first use and shared by the readability checks
    /// (LIX and long sentences each tokenized every block before).
    public var readableBlocks: [Readability.Block] {
        readabilityCache.value {
            sections.flatMap { $0.section.blocks.flatMap(\.textBlocks) }.map { Readability.block($0.plainText, line: $0.line) }
        }
    }

    private let readabilityCache = Once<[Readability.Block]>()
    private let appendixReferenceCache = Once<[AppendixReference]>()
}
