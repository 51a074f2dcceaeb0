/// The same paragraph twice: usually pasted into a second section and forgotten.
public struct DuplicateParagraphCheck: Check {
    public let id = "style.duplicate-paragraph"
    public let defaultSeverity = Severity.warning
    public let summary = Message(da: "Et afsnit gentager et tidligere afsnit ord for ord",
                                 en: "A paragraph repeats an earlier one word for word")

    /// Shorter paragraphs ("Se bilag 1.") may well repeat.
    static let minimumCharacters = 60

    public var examples: [CheckExample] {
        let repeated = "Forsøget i to bydele har vist, at lokalerne står tomme to ud af tre aftener, og at foreningerne gerne vil bruge dem."
        return [
            .triggers("Samme afsnit i to afsnit",
                      ExampleDocument.byraad
                        .replacingSection("4. Hvorfor fremsendes", body: repeated)
                        .replacingSection("9. Hvad er den videre", body: "Byrådet får en status efter det første år.\n\n\(repeated) ⟵")),
            .passes("Korte gentagelser tæller ikke",
                    ExampleDocument.byraad.replacingSection("8. Hvilke", body: "Se bilag 1.").replacingSection("9. Hvad er den videre", body: "Se bilag 1.")),
            .passes("Ingen gentagelser", .byraad),
        ]
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        // Paragraphs seen so far, by their number of spaces: equal strings (canonical
        // equivalence, as String's ==) have equal numbers of U+0020, since no character
        // decomposes to or composes with a space. Only paragraphs with as many spaces are
        // compared, which spares hashing (and so normalising) every paragraph.
        var seen: [Int: [(text: String, line: Int)]] = [:]
        var diagnostics: [Diagnostic] = []
        for block in context.document.sections.flatMap(\.blocks) {
            for paragraph in block.textBlocks {
                guard case .paragraph = paragraph.kind else { continue }
                let text = paragraph.plainText.foldingWhitespace
                // text.count >= minimumCharacters, counting no further than needed.
                guard !text.dropFirst(Self.minimumCharacters - 1).isEmpty else { continue }
                let spaces = text.utf8.reduce(0) { $1 == 32 ? $0 + 1 : $0 }
                if let first = seen[spaces]?.first(where: { $0.text == text })?.line {
                    diagnostics.append(diagnostic(
                        "Afsnittet står allerede ord for ord i linje \(first); slet gentagelsen eller henvis til det",
                        "This paragraph already appears word for word on line \(first); delete the repetition or refer to it",
                        line: paragraph.line))
                } else {
                    seen[spaces, default: []].append((text, paragraph.line))
                }
            }
        }
        return diagnostics
    }
}
