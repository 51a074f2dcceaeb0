import IndstilSupport
import IndstilDocument

/// A level-1 heading that is not in the skeleton, or text before the first section.
public struct UnknownSectionCheck: Check {
    public let id = "skeleton.unknown-section"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "En overskrift på niveau 1 hører ikke til profilens skelet",
                                 en: "A level-1 heading is not part of the profile's skeleton")

    public var examples: [CheckExample] {
        [
            .triggers("Et ekstra afsnit »Baggrund«",
                      ExampleDocument.byraad.appendingSection("Baggrund ⟵", body: "Lidt historik.")),
            .triggers("Stavefejl i en overskrift",
                      ExampleDocument.byraad.replacingSection("1. Resume", heading: "1. Resumee ⟵", body: "Kort om sagen, jf. bilag 1.")),
            .passes("Underoverskrifter (##) hører til afsnittet over dem",
                    ExampleDocument.byraad.replacingSection("6. Hvad igangsættes", body: "## Bookingsiden\n\nDer oprettes én fælles bookingside.")),
            .passes("Bilag må have egne afsnit efter forsidearket",
                    ExampleDocument.bilag.appendingSection("Analyse", body: "Analysen bygger på mødekalenderne.")),
        ]
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if let first = context.document.preamble.first(where: { !$0.plainText.foldingWhitespace.isEmpty }) {
            diagnostics.append(diagnostic(
                "Tekst før første afsnit; begynd med overskriften »\(context.profile.sections.first?.heading ?? "")«",
                "Text before the first section; start with the heading \"\(context.profile.sections.first?.heading ?? "")\"",
                line: first.line))
        }
        guard !context.profile.allowOtherSections else { return diagnostics }
        let expected = context.profile.sections.map(\.heading).joined(separator: "; ")
        for match in context.analyzed.sections where match.spec == nil {
            diagnostics.append(diagnostic(
                "»\(match.section.heading)« er ikke et afsnit i profilen \(context.profile.id) (afsnittene er: \(expected)); brug ## til underoverskrifter",
                "\"\(match.section.heading)\" is not a section of profile \(context.profile.id) (sections: \(expected)); use ## for subheadings",
                line: match.section.line))
        }
        return diagnostics
    }
}
