import Foundation
import IndstilSupport

/// A document read through its profile: which section is which, its decision points,
/// appendices and references, its rendering as text and its counts.
/// Built once per file; every check reads from it.
public struct AnalyzedDocument: Sendable {
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
    /// The text of the model that HTML and DOCX show, its "Antal tegn" line left out: laid
    /// out on first use (`render --to txt`); checking needs only `characterCounts`.
    public var rendered: RenderedText {
        renderedCache.value {
            PlainTextLayout.layout(RenderModelBuilder.build(
                document: document, profile: profile, sections: sections, appendices: appendices, characterCount: nil))
        }
    }
    /// The characters of each part of `rendered` (`characterCounts.characters(where:)` is
    /// `rendered.characters(where:)`), counted section by section without keeping the text.
    public let characterCounts: RenderedText.Counts
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
        // Counted on the model that HTML and DOCX show, its "Antal tegn" line left out; the
        // sections are made and laid out one at a time (a 300 000-paragraph document's
        // model and text were each held whole beside its parsed Markdown).
        let model = RenderModelBuilder.build(document: document, profile: profile, sections: [],
                                             appendices: appendices, characterCount: nil)
        let counts = PlainTextLayout.characterCounts(model, sectionCount: sections.count) { index in
            RenderModelBuilder.section(sections[index], at: index, profile: profile)
        }
        characterCounts = counts
        characterCount = counts.characters()
    }

    /// Characters counted against the profile's length limit (its scope).
    public var limitedCharacterCount: Int {
        switch profile.length?.scope ?? .document {
        case .document: return characterCount
        case .body:
            return characterCounts.characters { if case .section = $0 { return true } else { return false } }
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
            // Block by block: the text blocks of a whole document are not gathered first.
            var blocks: [Readability.Block] = []
            blocks.reserveCapacity(sections.reduce(0) { $0 + $1.section.blocks.count })
            for match in sections {
                for block in match.section.blocks {
                    for textBlock in block.textBlocks {
                        blocks.append(Readability.block(textBlock.plainText, line: textBlock.line))
                    }
                }
            }
            return blocks
        }
    }

    /// Every line of every text block (paragraphs, list items, headings) of the preamble and
    /// the sections, with its file line, in order: worked out on first use and shared by the
    /// checks that read running text line by line (stiff phrases, decimal points).
    public var textLines: [(text: String, line: Int)] {
        textLinesCache.value {
            var lines: [(text: String, line: Int)] = []
            for block in ([document.preamble] + document.sections.map(\.blocks)).joined() {
                for textBlock in block.textBlocks { lines += textBlock.textLines }
            }
            return lines
        }
    }

    private let readabilityCache = Once<[Readability.Block]>()
    private let textLinesCache = Once<[(text: String, line: Int)]>()
    private let renderedCache = Once<RenderedText>()
    private let appendixReferenceCache = Once<[AppendixReference]>()
}
