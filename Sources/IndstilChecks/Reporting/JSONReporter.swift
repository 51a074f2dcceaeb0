import IndstilSupport
import IndstilDocument

/// The contract's JSON report: `{"version":1,"files":[…],"summary":{…}}`.
public enum JSONReporter {
    public static func report(_ reports: [FileReport], language: Language) -> String {
        let summary = RunSummary(reports)
        let files: [JSONValue] = reports.map { file in
            .object([
                ("path", .string(file.path)),
                ("diagnostics", diagnostics(file.diagnostics, language: language)),
            ])
        }
        let root = JSONValue.object([
            ("version", .int(1)),
            ("files", .array(files)),
            ("summary", .object([
                ("errors", .int(summary.errors)),
                ("warnings", .int(summary.warnings)),
                ("notes", .int(summary.notes)),
                ("files", .int(summary.files)),
            ])),
        ])
        return root.serialized() + "\n"
    }

    /// One file's `"diagnostics"` array, as in the report (a plugin's finding also has
    /// `"plugin": "ordliste"`) (the browser workspace's
    /// `/api/analyse` answers with the same shape).
    public static func diagnostics(_ diagnostics: [Diagnostic], language: Language) -> JSONValue {
        .array(diagnostics.map { d in
            .object([
                ("check", .string(d.check)),
                ("severity", .string(d.severity.rawValue)),
                ("message", .string(d.message.text(language))),
                ("line", .int(d.line)),
                ("column", .int(d.column)),
            ] + (d.heading.map { [("heading", JSONValue.string($0))] } ?? [])
              + (d.pluginName.map { [("plugin", JSONValue.string($0))] } ?? []))
        })
    }
}
