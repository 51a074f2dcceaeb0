import Foundation
import IndstilSupport
import IndstilDocument

/// Raw HTML in the Markdown: indstil never passes it on (no output may carry a
/// document's scripts or styles), so a HTML block's text is missing from every output and
/// an inline tag's formatting is lost. Said, never dropped silently. HTML comments are
/// the author's hidden notes and pass.
public struct RawHTMLCheck: Check {
    public let id = "style.raw-html"
    public let defaultSeverity = Severity.warning
    public let summary = Message(da: "Rå HTML i teksten kommer ikke med i nogen udgave",
                                 en: "Raw HTML in the text is left out of every output")

    public var examples: [CheckExample] {
        [
            .triggers("En HTML-blok: teksten forsvinder",
                      ExampleDocument.byraad.replacingSection("4. Hvorfor fremsendes",
                                                              body: "Sagen skal behandles i Byrådet.\n\n<div class=\"boks\">Fristen er 1. oktober.</div> ⟵")),
            .triggers("Et HTML-mærke midt i et afsnit",
                      ExampleDocument.byraad.replacingSection("4. Hvorfor fremsendes",
                                                              body: "Sagen skal behandles i <b>Byrådet</b>, fordi den ændrer en takst. ⟵")),
            .passes("En HTML-kommentar er forfatterens egen note", ExampleDocument.byraad.replacingSection(
                "4. Hvorfor fremsendes", body: "<!-- husk at opdatere tallene -->\n\nSagen skal behandles i Byrådet.")),
            .passes("Ingen HTML", .byraad),
        ]
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func visit(_ node: MarkdownNode) {
            switch node.kind {
            case .htmlBlock(let html):
                guard !Self.isComment(html) else { return }
                let text = Self.excerpt(html)
                diagnostics.append(diagnostic(
                    text.isEmpty ? "Rå HTML kommer ikke med i nogen udgave; skriv indholdet som almindelig Markdown"
                        : "Rå HTML kommer ikke med i nogen udgave, så teksten »\(text)« mangler; skriv den som almindelig Markdown",
                    text.isEmpty ? "Raw HTML is left out of every output; write the content as plain Markdown"
                        : "Raw HTML is left out of every output, so the text \"\(text)\" is missing; write it as plain Markdown",
                    line: node.line, column: node.column))
            case .paragraph, .heading:
                var names: [String] = []
                node.forEach { child in
                    if case .htmlInline(let tag) = child.kind, !Self.isComment(tag) {
                        let name = Self.tagName(tag)
                        if !names.contains(name) { names.append(name) }
                    }
                }
                guard !names.isEmpty else { return }
                let shown = names.prefix(3).map { "»<\($0)>«" }.joined(separator: ", ") + (names.count > 3 ? " …" : "")
                let one = names.count == 1
                diagnostics.append(diagnostic(
                    "\(one ? "HTML-mærket" : "HTML-mærkerne") \(shown) ignoreres: teksten kommer med, formateringen ikke; brug Markdown (**fed**, *kursiv*, [link](adresse))",
                    "The HTML \(one ? "tag" : "tags") \(shown) \(one ? "is" : "are") ignored: the text is kept, the formatting is not; use Markdown (**bold**, *italic*, [link](address))",
                    line: node.line, column: node.column))
            default:
                for child in node.children where child.isBlock { visit(child) }
            }
        }
        visit(context.document.body)
        return diagnostics
    }

    /// `<b>`, `</b>` and `<b class="x">` are all "b"; a tag without a name is shown whole.
    static func tagName(_ tag: String) -> String {
        let inner = tag.drop { $0 == "<" || $0 == "/" }
        let name = inner.prefix { $0.isLetter || $0.isNumber || $0 == "-" }
        return name.isEmpty ? String(tag.trimmingCharacters(in: CharacterSet(charactersIn: "<>/"))) : name.lowercased()
    }

    static func isComment(_ html: String) -> Bool {
        html.drop { $0.isWhitespace }.hasPrefix("<!--")
    }

    /// The text of `html` without its tags, folded and cut to 60 characters.
    static func excerpt(_ html: String) -> String {
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true; text.append(" ") } else if character == ">" { inTag = false } else if !inTag { text.append(character) }
        }
        let folded = text.foldingWhitespace
        return folded.count > 60 ? String(folded.prefix(59)) + "…" : folded
    }
}
