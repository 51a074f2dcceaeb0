import IndstilSupport
import IndstilDocument

/// An image without alternative text: a screen reader says nothing, or the file name,
/// and a published document fails WCAG 2.1 (1.1.1, non-text content).
public struct ImageAltTextCheck: Check {
    public let id = "a11y.image-alt"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "Et billede har ingen alternativ tekst", en: "An image has no alternative text")

    public var examples: [CheckExample] {
        [
            .triggers("Et billede uden tekst", ExampleDocument.byraad.replacingSection(
                "6. Hvad igangsættes?", body: "Ordningen indføres i etaper.\n\n![](kort.png) ⟵")),
            .passes("Et billede med tekst", ExampleDocument.byraad.replacingSection(
                "6. Hvad igangsættes?", body: "Ordningen indføres i etaper.\n\n![Kort over de 12 lokaler i første etape](kort.png)")),
        ]
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        context.document.body.forEach { node in
            guard case .image(let destination, _) = node.kind,
                  node.children.map(\.plainText).joined().trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return }
            let name = destination.split(separator: "/").last.map(String.init) ?? destination
            diagnostics.append(diagnostic(
                "Billedet »\(name)« har ingen alternativ tekst; skriv hvad det viser mellem de firkantede parenteser, fx ![Kort over lokalerne](\(destination))",
                "The image \"\(name)\" has no alternative text; write what it shows between the square brackets, e.g. ![Map of the rooms](\(destination))",
                line: node.line, column: node.column))
        }
        return diagnostics
    }
}
