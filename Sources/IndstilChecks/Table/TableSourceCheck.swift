import IndstilSupport
import IndstilDocument

/// A `tabel` block that cannot be read as written: `fil:` outside the project, missing, not
/// a regular file or not UTF-8 (never read), an unknown option, both rows and `fil:`, no rows.
public struct TableSourceCheck: Check {
    public let id = "table.source"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "En tabel-blok kan ikke læses (ukendt indstilling, fil uden for projektet eller som mangler)",
                                 en: "A table block cannot be read (unknown option, file outside the project or missing)")
    public var isMandatory: Bool { true }

    public var examples: [CheckExample] {
        [
            .triggers("Fil uden for projektet", .withTable("```tabel\ntitel: Udgifter\nfil: ../../hemmeligt/tal.csv ⟵\n```")),
            .triggers("Filen findes ikke", .withTable("```tabel\nfil: tal/udgifter.csv ⟵\n```")),
            .triggers("Ukendt indstilling", .withTable("```tabel\ntitle: Udgifter ⟵\n\n| A | B |\n|---|---|\n| x | 1 |\n```")),
            .passes("CSV-fil i projektet", .withTable("```tabel\ntitel: Udgifter\nfil: tal/udgifter.csv\n```"),
                    files: ExampleDocument.byraad.files.merging(["tal/udgifter.csv": "Udgift;2027\nBooking;600\nI alt;600\n"]) { $1 }),
        ]
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        context.document.tables.flatMap(\.problems).map { problem in
            diagnostic(problem.message.da, problem.message.en, line: problem.line, column: problem.column)
        }
    }
}
