import IndstilSupport
import IndstilDocument

/// A heading that skips a level (`#` then `###`): the document's outline, which screen
/// readers and the PDF's bookmarks follow, has a hole (WCAG 2.1, 1.3.1 info and relationships).
public struct HeadingLevelCheck: Check {
    public let id = "a11y.heading-level"
    public let defaultSeverity = Severity.warning
    public let summary = Message(da: "En overskrift springer et niveau over", en: "A heading skips a level")

    public var examples: [CheckExample] {
        [
            .triggers("### under #", ExampleDocument.byraad.replacingSection(
                "6. Hvad igangsættes?", body: "Ordningen indføres i etaper.\n\n### Første etape ⟵\n\nSkolerne begynder.")),
            .passes("## under #", ExampleDocument.byraad.replacingSection(
                "6. Hvad igangsættes?", body: "Ordningen indføres i etaper.\n\n## Første etape\n\nSkolerne begynder.\n\n### Skolerne\n\nDe store skoler først.")),
        ]
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var previous: Int?
        context.document.body.forEach { node in
            guard case .heading(let level) = node.kind else { return }
            if let previous, level > previous + 1 {
                let text = node.plainText.foldingWhitespace
                diagnostics.append(diagnostic(
                    "Overskriften »\(text)« er på niveau \(level) lige efter niveau \(previous); brug \(String(repeating: "#", count: previous + 1)), så dokumentets disposition hænger sammen",
                    "The heading \"\(text)\" is at level \(level) right after level \(previous); use \(String(repeating: "#", count: previous + 1)) so the outline holds together",
                    line: node.line, column: node.column))
            }
            previous = level
        }
        return diagnostics
    }
}
