import IndstilSupport
import IndstilDocument

/// A health word (a diagnosis, an illness, a disability, abuse, treatment; `HealthTerms`)
/// in the same sentence as a named person, or "han"/"hun", in an open document.
public struct PrivacyHealthCheck: Check {
    public let id = PersonalDataKind.health.rawValue
    public let defaultSeverity = Severity.warning
    public let summary = Message(da: "En helbredsoplysning om en navngiven person står i et åbent dokument",
                                 en: "Health data about a named person is in an open document")

    public var examples: [CheckExample] {
        [
            .triggers("En diagnose i samme sætning som et navn",
                      ExampleDocument.byraad.replacingSection("4. Hvorfor", body: "Anna Testesen har fået konstateret diabetes og kan ikke nå mødelokalet. ⟵")),
            .triggers("»Hun« og en diagnose",
                      ExampleDocument.byraad.replacingSection("4. Hvorfor", body: "Klageren skriver, at hun er i behandling for depression. ⟵")),
            .passes("Sundhed som politik, uden en person",
                    ExampleDocument.byraad.replacingSection("4. Hvorfor", body: "Kommunen styrker indsatsen for borgere med demens og for børn med diabetes.")),
            .passes("Sagsbehandleren og en sygdom i samme sætning",
                    ExampleDocument.byraad.replacingSection("4. Hvorfor", body: "Ida Eksempel har skrevet notatet om kommunens demensindsats.")),
            .passes("Et lukket dokument",
                    ExampleDocument.byraad.settingField("status", "status: lukket").settingField("begrundelse", "begrundelse: \"Personsag\"")
                        .replacingSection("4. Hvorfor", body: "Anna Testesen har fået konstateret diabetes.")),
        ]
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        DocumentPersonalData.diagnostics(self, kind: .health, in: context)
    }
}
