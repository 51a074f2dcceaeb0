import IndstilSupport
import IndstilDocument

/// A private e-mail address (at a free mail provider), or a Danish phone number next to the
/// name of someone who is not the case officer, in an open document.
public struct PrivacyContactCheck: Check {
    public let id = PersonalDataKind.contact.rawValue
    public let defaultSeverity = Severity.warning
    public let summary = Message(da: "En privat e-postadresse eller en borgers telefonnummer står i et åbent dokument",
                                 en: "A private e-mail address or a citizen's phone number is in an open document")

    public var examples: [CheckExample] {
        [
            .triggers("En e-postadresse hos en gratis udbyder",
                      ExampleDocument.byraad.replacingSection("4. Hvorfor", body: "Borgeren kan kontaktes på anna.testesen@gmail.com. ⟵")),
            .triggers("Et telefonnummer ved en borgers navn",
                      ExampleDocument.byraad.replacingSection("4. Hvorfor", body: "Jens Prøvesen, tlf. 23 45 67 89, har klaget over ordningen. ⟵")),
            .passes("Sagsbehandlerens telefon og kommunens e-postadresse",
                    ExampleDocument.byraad.replacingSection("4. Hvorfor", body: "Spørgsmål til Ida Eksempel på tlf. 89 40 00 00 eller ida.eksempel@example.dk og budget@example.dk.")),
            .passes("Et telefonnummer uden navn og tal der ligner et",
                    ExampleDocument.byraad.replacingSection("4. Hvorfor", body: "Ring til borgerservice på 89 40 20 00. Anna Testesen fik 2023 2024 fire tilskud.")),
        ]
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        DocumentPersonalData.diagnostics(self, kind: .contact, in: context)
    }
}
