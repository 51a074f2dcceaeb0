import IndstilSupport
import IndstilDocument

/// A citizen's name next to a street address or a CPR number in an open document. Not the
/// case officer (front matter `sagsbehandler`), not a name after an official's title, not
/// an address in a municipality's or institution's own words (a letterhead).
public struct PrivacyNameAddressCheck: Check {
    public let id = PersonalDataKind.nameAddress.rawValue
    public let defaultSeverity = Severity.warning
    public let summary = Message(da: "En borgers navn står ved en adresse eller et CPR-nummer i et åbent dokument",
                                 en: "A citizen's name stands next to an address or a CPR number in an open document")

    public var examples: [CheckExample] {
        [
            .triggers("Navn, vej, etage og postnummer",
                      ExampleDocument.byraad.replacingSection("4. Hvorfor", body: "Klagen kommer fra Anna Testesen, Egevej 12, 2. tv., 8000 Aarhus C. ⟵")),
            .triggers("Navn og adresse i en tabel",
                      .withTable("| Klager | Adresse |\n|---|---|\n| Jens Prøvesen | Bøgevænget 4B | ⟵")),
            .triggers("Godkendt i front matter: en note med begrundelsen",
                      ExampleDocument.byraad.appendingFrontMatter([
                        "persondata_godkendt:", "  - tjek: privacy.name-address", "    tekst: \"Anna Testesen\"",
                        "    begrundelse: \"Klageren har bedt om at stå med navn\""])
                        .replacingSection("4. Hvorfor", body: "Klagen kommer fra Anna Testesen, Egevej 12, 8000 Aarhus C. ⟵")),
            .passes("Sagsbehandleren fra front matter og kommunens egen adresse",
                    ExampleDocument.byraad.replacingSection("4. Hvorfor", body: "Spørgsmål til Ida Eksempel, Rådhuspladsen 2. Borgmesterens Afdeling, Rådhuspladsen 2, 8000 Aarhus C.")),
            .passes("En gade opkaldt efter en person, og en adresse uden navn",
                    ExampleDocument.byraad.replacingSection("4. Hvorfor", body: "Lokalerne ligger på Hans Tavsens Gade 4 og på Egevej 12.")),
            .passes("Et lukket dokument",
                    ExampleDocument.byraad.settingField("status", "status: lukket").settingField("begrundelse", "begrundelse: \"Personsag\"")
                        .replacingSection("4. Hvorfor", body: "Klagen kommer fra Anna Testesen, Egevej 12, 8000 Aarhus C.")),
        ]
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        DocumentPersonalData.diagnostics(self, kind: .nameAddress, in: context)
    }
}
