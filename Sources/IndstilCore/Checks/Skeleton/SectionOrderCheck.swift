/// Skeleton sections must come in the profile's order.
public struct SectionOrderCheck: Check {
    public let id = "skeleton.order"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "Afsnittene står ikke i skeletets rækkefølge",
                                 en: "The sections are not in the skeleton's order")

    public var examples: [CheckExample] {
        [
            .triggers("Værdi og igangsættelse er byttet om",
                      ExampleDocument.byraad.swappingSections("5. Hvilken værdi", "6. Hvad igangsættes")
                        .replacingSection("6. Hvad igangsættes", heading: "5. Hvad igangsættes? ⟵", body: "Der oprettes én fælles bookingside.")
                        .replacingSection("5. Hvilken værdi", heading: "6. Hvilken værdi skabes for borgere og samfund?", body: "Flere foreninger får et sted at mødes.")),
            .passes("Profilens rækkefølge", .byraad),
        ]
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let order = Dictionary(uniqueKeysWithValues: context.profile.sections.enumerated().map { ($1.id, $0) })
        var highest = -1
        var highestHeading = ""
        var seen = Set<String>()
        var diagnostics: [Diagnostic] = []
        for match in context.analyzed.sections {
            guard let spec = match.spec, let rank = order[spec.id], seen.insert(spec.id).inserted else { continue }
            if rank < highest {
                diagnostics.append(diagnostic(
                    "»\(spec.heading)« skal stå før »\(highestHeading)«",
                    "\"\(spec.heading)\" must come before \"\(highestHeading)\"",
                    line: match.section.line))
            } else {
                highest = rank
                highestHeading = spec.heading
            }
        }
        return diagnostics
    }
}
