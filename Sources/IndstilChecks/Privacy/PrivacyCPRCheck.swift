import IndstilSupport
import IndstilDocument

/// A CPR number in the text: an error in an open document (it is published, and a leaked
/// CPR number is a reportable breach), a note in a closed one. Shown only masked, DDMMYY-XXXX.
public struct PrivacyCPRCheck: Check {
    public let id = PersonalDataKind.cpr.rawValue
    public let defaultSeverity = Severity.error
    public let isMandatory = true
    public let summary = Message(da: "Et CPR-nummer står i teksten (fejl i et åbent dokument, note i et lukket); det vises kun maskeret",
                                 en: "A CPR number is in the text (an error in an open document, a note in a closed one); it is only shown masked")

    public var examples: [CheckExample] {
        [
            .triggers("»CPR-nr.« foran et nummer med bindestreg",
                      ExampleDocument.byraad.replacingSection("4. Hvorfor", body: "Klagerens CPR-nr. er 150687-1006. ⟵")),
            .triggers("Ti cifre i træk med gyldig dato og kontrolciffer",
                      ExampleDocument.byraad.replacingSection("4. Hvorfor", body: "Sagen vedrører 0101901009, som har klaget. ⟵")),
            .triggers("Et nummer uden modulus 11 (gyldigt siden 2007) efter »født«",
                      ExampleDocument.byraad.replacingSection("4. Hvorfor", body: "Ansøgeren er født 150687-1000 og bor i kommunen. ⟵")),
            .triggers("En talrig tabel med »CPR« i kolonnens overskrift",
                      .withTable("| Navn | CPR |\n|---|---:|\n| Ansøger A | 2304751005 | ⟵\n| Ansøger B | 1203801005 |\n| Ansøger C | 0101901017 |")),
            .triggers("Et lukket dokument: en note",
                      ExampleDocument.byraad.settingField("status", "status: lukket").settingField("begrundelse", "begrundelse: \"Personsag\"")
                        .replacingSection("4. Hvorfor", body: "Klagerens CPR-nummer er 150687-1006. ⟵")),
            .passes("Sagsnummer, journalnummer og kontonummer med samme form",
                    ExampleDocument.byraad.replacingSection("4. Hvorfor", body: "Sagsnr. 1506871006, journalnr. 150687-1006 og kontonr. 0101901009; reg.nr. 1234 0101901017.")),
            .passes("En budgettabel fuld af ticifrede kontonumre",
                    .withTable("| Konto | 2027 | 2028 |\n|---|---:|---:|\n| 0101201234 | 1506871006 | 2304751005 |\n| 1203801005 | 0101901017 | 0707611006 |")),
            .passes("Ugyldig dato, fremtidig fødselsdato, et beløb og et link",
                    ExampleDocument.byraad.replacingSection("4. Hvorfor", body: "Tallene 3201871006 og 010135-4006 er ikke CPR-numre; beløbet er 0101901009,50 kr.; se [sagen](https://example.dk/sag/0101901009).")),
        ]
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        DocumentPersonalData.diagnostics(self, kind: .cpr, in: context.document)
    }
}
