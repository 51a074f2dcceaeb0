import IndstilSupport
import IndstilDocument

/// LIX above the profile's threshold: hard reading for council members, press and citizens.
public struct LixCheck: Check {
    public let id = "readability.lix"
    public let defaultSeverity = Severity.warning
    public let summary = Message(da: "Teksten er svær at læse (LIX over profilens grænse)",
                                 en: "The text is hard to read (LIX above the profile's threshold)")

    public var examples: [CheckExample] {
        let heavy = "Implementeringsorganisationens administrationsgrundlag forudsætter kvalitetssikringsprocedurer, koordineringsmekanismer, ledelsesinformationssystemer og budgetopfølgningsmodeller, hvilke understøtter organisationsudviklingsprocessernes gennemførelseshastighed og bæredygtighedsdimensionerne."
        return [
            .triggers("Lange ord og lange sætninger", ExampleDocument.byraad
                .replacingSection("4. Hvorfor fremsendes", body: heavy).replacingSection("5. Hvilken", body: heavy)
                .replacingSection("6. Hvad igangsættes", body: heavy).replacingSection("7. Hvem", body: heavy), line: 1),
            .passes("Korte sætninger og almindelige ord", .byraad),
        ]
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let score = context.analyzed.readability
        let limit = context.number("lix_max", for: id) ?? context.profile.readability.lixMax
        guard score.words >= 50, score.lix > limit else { return [] }
        return [diagnostic(
            "LIX er \(DanishFormat.decimal(score.lix)) (grænse \(DanishFormat.decimal(limit))); skriv kortere sætninger og færre lange ord – målgruppen er byrådsmedlemmer, presse og borgere",
            "LIX is \(String(format: "%.1f", score.lix)) (limit \(String(format: "%.1f", limit))); write shorter sentences and fewer long words",
            line: 1)]
    }
}
