import IndstilSupport
import IndstilDocument

/// Written heading numbers must increase: a repeated or backward number is a slip.
/// (A gap comes from a missing section, which skeleton.missing-section reports; the
/// templates number sections themselves.)
public struct SectionNumberingCheck: Check {
    public let id = "skeleton.numbering"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "Overskrifternes numre gentages eller går baglæns",
                                 en: "The heading numbers repeat or go backwards")

    public var examples: [CheckExample] {
        [
            .triggers("Nummer 4 står to gange",
                      ExampleDocument.byraad.replacingSection("5. Hvilken værdi", heading: "4. Hvilken værdi skabes for borgere og samfund? ⟵", body: "Flere foreninger får et sted at mødes.")),
            .passes("Numrene løber 1–9", .byraad),
            .passes("Ingen numre (skabelonen nummererer selv)", ExampleDocument.raadmand),
        ]
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var previous = 0
        var diagnostics: [Diagnostic] = []
        for match in context.analyzed.sections {
            guard let number = match.section.number else { continue }
            if number <= previous {
                diagnostics.append(diagnostic(
                    "Overskriften har nummer \(number) efter nummer \(previous); ret nummeret eller udelad numrene",
                    "The heading is numbered \(number) after number \(previous); fix the number or leave numbers out",
                    line: match.section.line))
            }
            previous = number
        }
        return diagnostics
    }
}
