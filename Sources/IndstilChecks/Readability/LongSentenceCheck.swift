import IndstilSupport
import IndstilDocument

/// A sentence with more words than the profile allows.
public struct LongSentenceCheck: Check {
    public let id = "readability.long-sentence"
    public let defaultSeverity = Severity.note
    public let summary = Message(da: "En sætning er meget lang", en: "A sentence is very long")

    public var examples: [CheckExample] {
        let long = (1...45).map { _ in "ord" }.joined(separator: " ") + "."
        return [
            .triggers("45 ord i én sætning", ExampleDocument.byraad.replacingSection("6. Hvad igangsættes", body: "Der oprettes én fælles bookingside. \(long) ⟵")),
            .passes("Forkortelser som bl.a. og f.eks. og datoer som 17. maj deler ikke sætninger forkert",
                    ExampleDocument.byraad.replacingSection("6. Hvad igangsættes", body: "Siden åbner bl.a. for foreninger, f.eks. spejdere, den 17. maj 2026. Den lukker jf. aftalen kl. 22.")),
        ]
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let limit = context.count("max_words", for: id) ?? context.profile.readability.sentenceMaxWords
        var diagnostics: [Diagnostic] = []
        // The text blocks of the sections, in order, with their sentences (computed once, shared with LIX).
        for textBlock in context.analyzed.readableBlocks {
            for sentence in textBlock.sentences where sentence.words > limit {
                diagnostics.append(diagnostic(
                    "Sætningen »\(sentence.firstWords) …« har \(sentence.words) ord (grænse \(limit)); del den op",
                    "The sentence \"\(sentence.firstWords) …\" has \(sentence.words) words (limit \(limit)); split it",
                    line: textBlock.line))
            }
        }
        return diagnostics
    }
}
