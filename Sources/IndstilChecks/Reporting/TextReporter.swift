import IndstilSupport
import IndstilDocument

/// `path:line:column: error: message [check-id]`, one per line, then a summary; a
/// plugin's finding says so before its id (`… message [plugin ordliste] [ordliste.x]`).
/// Paths, messages and ids are printed with their control, bidirectional and zero-width
/// characters escaped: one diagnostic is always one line, shown as it is.
public enum TextReporter {
    public static func report(_ reports: [FileReport], language: Language) -> String {
        var out = ""
        for file in reports {
            for d in file.diagnostics {
                out += line(path: file.path, d, language: language) + "\n"
            }
        }
        out += summaryLine(RunSummary(reports), language: language) + "\n"
        return out
    }

    /// One diagnostic as one line, without its line end.
    public static func line(path: String, _ d: Diagnostic, language: Language) -> String {
        "\(path.escapingControlCharacters):\(d.line):\(d.column): \(severityWord(d.severity)): "
            + "\(d.message.text(language).escapingControlCharacters)\(underHeading(d, language))\(pluginMarker(d)) [\(d.check.escapingControlCharacters)]"
    }

    /// " [plugin ordliste]" before the check id of a plugin's finding, so it is never
    /// read as one of indstil's own; "" for a built-in check.
    static func pluginMarker(_ diagnostic: Diagnostic) -> String {
        diagnostic.pluginName.map { " [plugin \($0.escapingControlCharacters)]" } ?? ""
    }

    /// " (under »3. Hvorfor …«)" when the diagnostic names its heading.
    static func underHeading(_ diagnostic: Diagnostic, _ language: Language) -> String {
        guard let heading = diagnostic.heading?.escapingControlCharacters else { return "" }
        return language == .da ? " (under »\(heading)«)" : " (under \"\(heading)\")"
    }

    static func severityWord(_ severity: Severity) -> String {
        severity.rawValue  // the compiler-style words editors and CI parse
    }

    public static func summaryLine(_ summary: RunSummary, language: Language) -> String {
        switch language {
        case .da:
            let files = summary.files == 1 ? "1 fil" : "\(DanishFormat.integer(summary.files)) filer"
            return "\(files) kontrolleret: \(summary.errors) fejl, \(summary.warnings) \(summary.warnings == 1 ? "advarsel" : "advarsler"), \(summary.notes) \(summary.notes == 1 ? "note" : "noter")"
        case .en:
            return "\(summary.files) \(summary.files == 1 ? "file" : "files") checked: \(summary.errors) \(summary.errors == 1 ? "error" : "errors"), \(summary.warnings) \(summary.warnings == 1 ? "warning" : "warnings"), \(summary.notes) \(summary.notes == 1 ? "note" : "notes")"
        }
    }
}
