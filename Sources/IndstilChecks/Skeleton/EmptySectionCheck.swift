import IndstilSupport
import IndstilDocument

/// A skeleton section with no text (a "-" is allowed only where the profile says so).
public struct EmptySectionCheck: Check {
    public let id = "skeleton.empty-section"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "Et afsnit er tomt", en: "A section is empty")

    public var examples: [CheckExample] {
        [
            .triggers("Ressourceafsnittet er tomt",
                      ExampleDocument.byraad.replacingSection("8. Hvilke", heading: "8. Hvilke ressourcer kræves? ⟵", body: "")),
            .triggers("Kun en tankestreg, hvor profilen ikke tillader det",
                      ExampleDocument.byraad.replacingSection("7. Hvem", heading: "7. Hvem gør det og hvordan? ⟵", body: "-")),
            .triggers("Sagsfremstillingen i en rådmandsindstilling er kun »-«",
                      ExampleDocument.raadmand.replacingSection("Sagsfremstilling", heading: "Sagsfremstilling ⟵", body: "-")),
            .passes("»Koordineret med« må være »-« i en rådmandsindstilling", .raadmand),
        ]
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        context.analyzed.sections.compactMap { match in
            guard let spec = match.spec else { return nil }
            let section = match.section
            if section.isEmpty {
                return diagnostic("Afsnittet »\(section.title)« er tomt", "The section \"\(section.title)\" is empty", line: section.line)
            }
            if section.isDashOnly {
                if spec.allowDash { return nil }
                return diagnostic("Afsnittet »\(section.title)« indeholder kun »-«; det skal udfyldes",
                                  "The section \"\(section.title)\" only holds \"-\"; it must be filled in", line: section.line)
            }
            // Only a short section can be nothing but dots.
            guard section.blocks.count == 1 else { return nil }
            let text = section.visibleText
            if text.allSatisfy({ $0 == "." || $0 == "…" || $0 == " " }) {
                return diagnostic("Afsnittet »\(section.title)« indeholder kun »\(text)«", "The section \"\(section.title)\" only holds \"\(text)\"", line: section.line)
            }
            return nil
        }
    }
}
