import IndstilSupport
import IndstilDocument

/// The why-council section must name its ground: law, the delegation plan,
/// practice/principle, or a member's right of initiative (KSL § 11).
public struct CouncilReasonCheck: Check {
    public let id = "council.reason"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "Afsnittet om, hvorfor byrådet skal behandle sagen, nævner ikke et grundlag",
                                 en: "The section on why the council must process the case names no ground")

    public var examples: [CheckExample] {
        [
            .triggers("Kun motivation, intet grundlag",
                      ExampleDocument.byraad.replacingSection("3. Hvorfor skal", heading: "3. Hvorfor skal byrådet behandle sagen? ⟵", body: "Foreningerne har længe ønsket flere lokaler, og det vil gavne bydelene.")),
            .passes("Principiel sag, ikke omfattet af delegationsplanen", .byraad),
            .passes("Lovkrav med paragraf",
                    ExampleDocument.byraad.replacingSection("3. Hvorfor skal", body: "Efter kommunestyrelseslovens § 40 skal byrådet godkende lån.")),
            .passes("Initiativret", ExampleDocument.byraad.replacingSection("3. Hvorfor skal", body: "Sagen er rejst af et byrådsmedlem efter initiativretten.")),
        ]
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        guard let reason = context.profile.councilReason,
              let index = context.analyzed.sections.firstIndex(where: { $0.spec?.id == reason.section }) else { return [] }
        let match = context.analyzed.sections[index]
        guard !match.section.isEmpty else { return [] }  // skeleton.empty-section says so
        let text = context.analyzed.prose(ofSection: index).joined(separator: " ")
        if reason.grounds.contains(where: { ground in ground.patterns.contains { $0.matches(text) } }) { return [] }
        let grounds = reason.grounds.map(\.label).joined(separator: "; ")
        return [diagnostic(
            "Afsnittet »\(match.section.title)« forklarer ikke, hvorfor byrådet skal behandle sagen; nævn grundlaget: \(grounds)",
            "The section \"\(match.section.title)\" does not say why the council must process the case; name the ground: \(grounds)",
            line: match.section.line)]
    }
}
