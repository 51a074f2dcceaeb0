import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// The register as CSV for Danish Excel: UTF-8 with a byte-order mark, `;` between
/// fields, CRLF between rows, and no cell a spreadsheet would run as a formula (a cell
/// starting with `=`, `+`, `-`, `@`, tab or carriage return gets a leading apostrophe).
public enum RegisterCSV {
    public static let byteOrderMark = "\u{FEFF}"

    public static func render(_ rows: [DecisionRegister.Row]) -> String {
        let lines = [DecisionRegister.headings] + rows.map(DecisionRegister.cells)
        return byteOrderMark + lines.map { $0.map(cell).joined(separator: ";") }.joined(separator: "\r\n") + "\r\n"
    }

    /// One field, neutralised and quoted when needed.
    public static func cell(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            text = "'" + text
        }
        guard text.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "," }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
