import Foundation
import IndstilSupport
import IndstilDocument
/// GitHub Actions workflow commands, one annotation per diagnostic:
/// `::error file=PATH,line=L,col=C,title=CHECK-ID::MESSAGE` (`::warning`, `::notice` for a
/// note; a plugin's finding has `title=plugin NAME: CHECK-ID`), then the plain summary line. Escaped as the Actions runner unescapes them.
public enum GitHubReporter {
    public static func report(_ reports: [FileReport], language: Language) -> String {
        var out = ""
        for file in reports {
            for d in file.diagnostics {
                let properties = [
                    "file=" + escapeProperty(file.path),
                    "line=\(d.line)",
                    "col=\(d.column)",
                    "title=" + escapeProperty(d.pluginName.map { "plugin \($0): \(d.check)" } ?? d.check),
                ].joined(separator: ",")
                out += "::\(command(d.severity)) \(properties)::\(escapeData(d.message.text(language)))\n"
            }
        }
        out += TextReporter.summaryLine(RunSummary(reports), language: language) + "\n"
        return out
    }

    /// The workflow command for a severity.
    public static func command(_ severity: Severity) -> String {
        switch severity {
        case .note: "notice"
        case .warning: "warning"
        case .error: "error"
        }
    }

    /// A command's message: `%`, CR and LF escaped as the runner unescapes them; other
    /// control characters (ESC …), bidirectional controls and zero-width characters made visible.
    public static func escapeData(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            if scalar.isControlCharacter && scalar != "\r" && scalar != "\n" {
                out += String(scalar).escapingControlCharacters
                continue
            }
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A command property value: as a message, and also `:` and `,`.
    public static func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
