import Foundation
import IndstilSupport
import IndstilDocument

/// Link text that says nothing on its own ("her", "klik her", a bare address): a screen
/// reader's list of links, and a printed page, then say nothing about where it leads
/// (WCAG 2.1, 2.4.4 link purpose).
public struct LinkTextCheck: Check {
    public let id = "a11y.link-text"
    public let defaultSeverity = Severity.warning
    public let summary = Message(da: "Linkteksten siger ikke, hvor linket fører hen", en: "The link text does not say where the link leads")

    /// Folded, lower-cased link texts that say nothing on their own.
    static let meaningless: Set<String> = [
        "her", "klik her", "tryk her", "se her", "læs her", "læs mere", "mere", "link", "linket", "dette link",
        "denne side", "siden", "hjemmesiden", "click here", "here", "read more", "more",
    ]

    public var examples: [CheckExample] {
        [
            .triggers("»Klik her«", ExampleDocument.byraad.replacingSection(
                "6. Hvad igangsættes?", body: "Ordningen indføres i etaper. Læs om forsøget [klik her](https://www.example.dk/forsoeg). ⟵")),
            .triggers("En adresse som linktekst", ExampleDocument.byraad.replacingSection(
                "6. Hvad igangsættes?", body: "Ordningen indføres i etaper, se <https://www.example.dk/lokaler/ordning-2026>. ⟵")),
            .passes("En linktekst der siger hvorhen", ExampleDocument.byraad.replacingSection(
                "6. Hvad igangsættes?", body: "Ordningen indføres i etaper, se [kommunens side om lokaleudlån](https://www.example.dk/lokaler).")),
        ]
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        context.document.body.forEach { node in
            guard case .link(let destination, _) = node.kind else { return }
            let text = node.children.map(\.plainText).joined().foldingWhitespace
            let folded = text.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".:!?»«\"' "))
            let isAddress = !text.isEmpty && (text == destination || "mailto:" + text == destination
                || folded.hasPrefix("http://") || folded.hasPrefix("https://") || folded.hasPrefix("www."))
            if Self.meaningless.contains(folded) {
                diagnostics.append(diagnostic(
                    "Linkteksten »\(text)« siger ikke, hvor linket fører hen; skriv hvad der er der, fx [kommunens side om lokaleudlån](…)",
                    "The link text \"\(text)\" does not say where the link leads; say what is there, e.g. [the council's page on room loans](…)",
                    line: node.line, column: node.column))
            } else if isAddress && !destination.hasPrefix("mailto:") {
                diagnostics.append(diagnostic(
                    "Linkteksten er selve adressen »\(text)«; skriv hvad der er der, fx [kommunens side om lokaleudlån](\(destination))",
                    "The link text is the address itself, \"\(text)\"; say what is there, e.g. [the council's page on room loans](\(destination))",
                    line: node.line, column: node.column))
            }
        }
        return diagnostics
    }
}
