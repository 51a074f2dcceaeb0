import IndstilSupport
import IndstilDocument

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
        //
        // Paragraphs shorter than `minimumCharacters` are kept too: one can only equal a
        // paragraph as short, and the length is counted (Characters, the costly part) only
        // for a paragraph that repeats one, so the reported repetitions are the same.
        var seen: [Int: [(text: String, line: Int)]] = [:]
        var diagnostics: [Diagnostic] = []
        // Section by section: the blocks of a large document are not copied into one array first.
        for block in context.document.sections.lazy.flatMap(\.blocks) {
            for paragraph in block.textBlocks {
                guard case .paragraph = paragraph.kind else { continue }
                let text = paragraph.plainText.foldingWhitespace
                // Fewer bytes than the minimum number of Characters: surely too short.
                guard text.utf8.count >= Self.minimumCharacters else { continue }
                let spaces = Self.spaces(in: text)
                if let first = seen[spaces]?.first(where: { $0.text == text })?.line {
                    // text.count >= minimumCharacters, counting no further than needed.
                    guard !text.dropFirst(Self.minimumCharacters - 1).isEmpty else { continue }
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

    /// The number of U+0020 in `text`, counted on its UTF-8 bytes.
    static func spaces(in text: String) -> Int {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            var count = 0
            for byte in bytes where byte == 32 { count += 1 }
            return count
        } ?? text.utf8.reduce(0) { $1 == 32 ? $0 + 1 : $0 }
    }
}
