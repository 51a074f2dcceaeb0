import IndstilSupport
import IndstilDocument

/// A listed appendix the text never mentions.
public struct UnreferencedCheck: Check {
    public let id = "appendix.unreferenced"
    public let defaultSeverity = Severity.warning
    public let summary = Message(da: "Et bilag i bilagslisten nævnes aldrig i teksten",
                                 en: "An appendix in the list is never mentioned in the text")

    public var examples: [CheckExample] {
        [
            .triggers("Bilag 2 nævnes ikke",
                      ExampleDocument.byraad
                        .replacingSection("2. Beslutningspunkter", body: "Det indstilles på magistratens anbefaling:\n\n1. Byrådet godkender den nye ordning for udlån (bilag 1).\n2. Byrådet tager erfaringerne fra forsøget til efterretning.")
                        .replacingFrontMatterText("  - titel: \"Erfaringer fra forsøget\"", with: "  - titel: \"Erfaringer fra forsøget\" ⟵")),
            .passes("Begge bilag nævnes", .byraad),
        ]
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let referenced = Set(context.analyzed.appendixReferences.compactMap(\.number))
        return context.analyzed.appendices.compactMap { entry in
            guard !referenced.contains(entry.number) else { return nil }
            return diagnostic("Bilag \(entry.number) (»\(entry.title)«) nævnes ikke i teksten; henvis til det, fx »(bilag \(entry.number))«, eller fjern det",
                              "Appendix \(entry.number) (\"\(entry.title)\") is never mentioned; refer to it, e.g. \"(bilag \(entry.number))\", or remove it",
                              line: entry.line)
        }
    }
}
