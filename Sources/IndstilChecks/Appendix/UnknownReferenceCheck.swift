import IndstilSupport
import IndstilDocument

/// "bilag 3" in the text when the bilag list has fewer entries.
public struct UnknownReferenceCheck: Check {
    public let id = "appendix.unknown-reference"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "Teksten henviser til et bilag, der ikke står i bilagslisten",
                                 en: "The text refers to an appendix that is not in the appendix list")

    public var examples: [CheckExample] {
        [
            .triggers("»bilag 3«, men der er kun to bilag",
                      ExampleDocument.byraad.replacingSection("6. Hvad igangsættes", body: "Der oprettes én fælles bookingside (bilag 3). ⟵")),
            .triggers("»bilag 5A«", ExampleDocument.byraad.replacingSection("6. Hvad igangsættes", body: "Se tidsplanen i bilag 5A. ⟵")),
            .passes("»bilag 1« og »bilag 2« findes", .byraad),
            .passes("»jf. bilag 1 og 2«", ExampleDocument.byraad.replacingSection("6. Hvad igangsættes", body: "Der oprettes én fælles bookingside, jf. bilag 1 og 2.")),
        ]
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let count = context.analyzed.appendices.count
        let available = count == 0 ? "indstillingen har ingen bilag" : "bilagslisten har \(count) bilag"
        let availableEN = count == 0 ? "the document has no appendices" : "the appendix list has \(count)"
        return context.analyzed.appendixReferences.compactMap { reference in
            if let number = reference.number, number >= 1, number <= count { return nil }
            return diagnostic("Teksten henviser til bilag \(reference.label), men \(available)",
                              "The text refers to appendix \(reference.label), but \(availableEN)",
                              line: reference.line, column: reference.column)
        }
    }
}
