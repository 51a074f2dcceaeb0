import IndstilSupport
import IndstilDocument

/// Input the tool cannot read as intended. Unreadable files, invalid UTF-8 and broken
/// YAML are reported by the loader under this id before any check runs; this check
/// reports what survives loading but was cut short: nesting too deep to keep, and NUL
/// characters in text that did not come from a file (the browser workspace's unsaved text;
/// a file with one is refused as it is read).
public struct InputInvalidCheck: Check {
    public let id = "input.invalid"
    public let defaultSeverity = Severity.error
    public let isMandatory = true
    public let summary = Message(da: "Filen kan ikke læses korrekt (ikke UTF-8, ugyldig YAML, for stor, for dybt nestet)",
                                 en: "The file cannot be read correctly (not UTF-8, invalid YAML, too large, nested too deeply)")

    public var examples: [CheckExample] {
        let deep = String(repeating: "> ", count: 200) + "Citat ⟵"
        return [
            .triggers("200 niveauer citat i citat", ExampleDocument.byraad.replacingSection("6. Hvad igangsættes", body: deep)),
            .passes("Almindeligt citat", ExampleDocument.byraad.replacingSection("6. Hvad igangsættes", body: "> Lokalerne skal bruges.")),
            .triggers("Et NUL-tegn i teksten", ExampleDocument.byraad.replacingSection("6. Hvad igangsættes", body: "Lokalerne\u{0} skal bruges. ⟵")),
        ]
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        if let index = context.document.sourceLines.firstIndex(where: { $0.utf8.contains(0) }) {
            let line = context.document.sourceLines[index]
            let column = line[..<(line.firstIndex(of: "\u{0}") ?? line.endIndex)].count + 1
            found.append(diagnostic(
                "Teksten indeholder et NUL-tegn (byte 0), som ingen tekst har; slet det",
                "The text contains a NUL character (byte 0), which no text has; delete it",
                line: index + 1, column: column))
        }
        guard let line = context.document.flattenedAtLine else { return found }
        return found + [diagnostic(
            "Teksten er nestet mere end \(MarkdownParser.maximumDepth) niveauer dybt (citater eller lister i hinanden); det dybere indhold vises som almindelig tekst",
            "The text is nested more than \(MarkdownParser.maximumDepth) levels deep (quotes or lists inside each other); deeper content is shown as plain text",
            line: line)]
    }
}
