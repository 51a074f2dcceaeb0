import IndstilSupport
import IndstilDocument

/// A typed "Antal tegn" that the text does not bear out: a Word template's field typed by
/// hand, or a count pasted into the Markdown, stale after the last edit. Read from the
/// front matter (`antal_tegn: 12246`, as `indstil import` writes a Word document's) or
/// from a paragraph "Antal tegn: 12.246"; compared with the count indstil renders.
public struct StatedCountCheck: Check {
    public let id = "length.stated-count"
    public let defaultSeverity = Severity.warning
    public let summary = Message(da: "Det anførte »Antal tegn« passer ikke med det optalte",
                                 en: "The stated character count (\"Antal tegn\") differs from the counted one")

    public var examples: [CheckExample] {
        [
            .triggers("»antal_tegn: 100« i front matter", ExampleDocument.byraad.settingField(StatedCount.frontMatterKey, "antal_tegn: 100 ⟵")),
            .triggers("En linje »Antal tegn: 12.246« sidst i teksten",
                      ExampleDocument.byraad.replacingSection("9. Hvad er den videre proces", body: "Byrådet får en status efter det første år.\n\nAntal tegn: 12.246 ⟵")),
            .passes("Intet anført antal tegn", .byraad),
            .passes("»Antal tegn« nævnt midt i en sætning",
                    ExampleDocument.byraad.replacingSection("8. Hvilke ressourcer", body: "Antal tegn i indstillingen holdes under grænsen på 12.000.")),
        ]
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let counted = context.analyzed.characterCount
        if let entry = context.document.frontMatter.entry(StatedCount.frontMatterKey), let text = entry.value.trimmedString {
            guard let stated = Self.number(text) else {
                return [diagnostic("»\(StatedCount.frontMatterKey)« skal være et tal (fx 12246), ikke »\(text)«",
                                   "\"\(StatedCount.frontMatterKey)\" must be a number (e.g. 12246), not \"\(text)\"", line: entry.keyLine)]
            }
            return stated == counted ? [] : [mismatch(stated: stated, counted: counted, line: entry.keyLine)]
        }
        // A line in a section is shown, so it is in the count, and a count cannot include
        // itself; text before the first heading is not shown and not counted.
        // Block by block, without copying the document's blocks into one array (an imported
        // Word document of 300 000 paragraphs made that copy 200 MB).
        for section in context.document.sections {
            for block in section.blocks {
                for textBlock in block.textBlocks {
                    if let found = stated(in: textBlock, isShown: true, counted: counted) { return found }
                }
            }
        }
        for block in context.document.preamble {
            for textBlock in block.textBlocks {
                if let found = stated(in: textBlock, isShown: false, counted: counted) { return found }
            }
        }
        return []
    }

    /// The findings of a block that states a count (none when it is right), nil when it states none.
    private func stated(in block: MarkdownNode, isShown: Bool, counted: Int) -> [Diagnostic]? {
        let text = block.plainText.foldingWhitespace
        guard let stated = WordFields.statedCount(in: text) else { return nil }
        let expected = isShown ? counted - text.count : counted
        return stated == expected ? [] : [mismatch(stated: stated, counted: expected, line: block.line)]
    }

    private func mismatch(stated: Int, counted: Int, line: Int) -> Diagnostic {
        diagnostic("Der står »Antal tegn: \(DanishFormat.integer(stated))«, men teksten har \(DanishFormat.integer(counted)) tegn (med mellemrum); ret tallet eller fjern det (indstil render skriver det rigtige)",
                   "The document states \"Antal tegn: \(stated)\" but the text has \(counted) characters (with spaces); correct or remove it (indstil render writes the right one)",
                   line: line)
    }

    /// "12246", "12.246" or "12 246".
    package static func number(_ text: String) -> Int? {
        let digits = text.filter { $0 != "." && $0 != " " && $0 != "\u{00A0}" }
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(digits)
    }
}
