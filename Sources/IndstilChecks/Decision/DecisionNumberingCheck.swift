import IndstilSupport
import IndstilDocument

/// Decision points must be numbered 1, 2, 3 … without gaps or repeats.
public struct DecisionNumberingCheck: Check {
    public let id = "decision.numbering"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "Beslutningspunkterne er ikke nummereret 1, 2, 3 …",
                                 en: "The decision points are not numbered 1, 2, 3 …")

    public var examples: [CheckExample] {
        [
            .triggers("Punkt 2 mangler (1, 3)",
                      ExampleDocument.byraad.replacingSection("2. Beslutningspunkter", body: "Det indstilles på magistratens anbefaling:\n\n1. Byrådet godkender ordningen (bilag 1).\n3. Byrådet tager erfaringerne til efterretning (bilag 2). ⟵")),
            .triggers("Punktopstilling i stedet for numre",
                      ExampleDocument.byraad.replacingSection("2. Beslutningspunkter", body: "Det indstilles på magistratens anbefaling:\n\n- Byrådet godkender ordningen (bilag 1). ⟵\n- Byrådet tager erfaringerne til efterretning (bilag 2).")),
            .triggers("Indsat fra Word med et nummer to gange",
                      ExampleDocument.byraad.replacingSection("2. Beslutningspunkter", body: "Det indstilles på magistratens anbefaling:\n\nAt 1) Byrådet godkender ordningen (bilag 1)\n\nAt 1) Byrådet tager erfaringerne til efterretning (bilag 2) ⟵")),
            .passes("1, 2", .byraad),
            .passes("Rådmandsform 1) at rådmanden …", .raadmand),
        ]
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var expected = 1
        for point in context.analyzed.decisionPoints {
            guard let number = point.writtenNumber else {
                return [diagnostic("Beslutningspunkterne skal være nummererede (1., 2., …), ikke en punktopstilling",
                                   "Decision points must be numbered (1., 2., …), not bullets", line: point.line)]
            }
            if number != expected {
                return [diagnostic("Beslutningspunktet har nummer \(number), men skulle have nummer \(expected)",
                                   "The decision point is numbered \(number) but should be \(expected)", line: point.line)]
            }
            expected += 1
        }
        return []
    }
}
