import IndstilSupport
import IndstilDocument

/// JUnit XML for CI test-report viewers: one `<testsuite>` per file, one `<testcase>` per
/// diagnostic. Only errors fail (one `<failure>` per error); warnings and notes are passing
/// test cases that carry the finding in `<system-out>`; a clean file is one passing test
/// case named "indstil". No timestamps or durations, so the output is deterministic.
public enum JUnitReporter {
    public static func report(_ reports: [FileReport], language: Language) -> String {
        let summary = RunSummary(reports)
        let totalTests = reports.reduce(0) { $0 + max(1, $1.diagnostics.count) }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"indstil\" tests=\"\(totalTests)\" failures=\"\(summary.errors)\" errors=\"0\">\n"
        for file in reports {
            let path = file.path.markupAttributeEscaped
            let failures = file.diagnostics.filter { $0.severity == .error }.count
            out += "  <testsuite name=\"\(path)\" tests=\"\(max(1, file.diagnostics.count))\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n"
            if file.diagnostics.isEmpty {
                out += "    <testcase classname=\"\(path)\" name=\"indstil\"/>\n"
            }
            for d in file.diagnostics {
                let message = d.message.text(language)
                let line = "\(file.path):\(d.line):\(d.column): \(d.severity.rawValue): \(message) [\(d.check)]"
                out += "    <testcase classname=\"\(path)\" name=\"\("\(d.check):\(d.line)".markupAttributeEscaped)\">\n"
                if d.severity == .error {
                    out += "      <failure message=\"\(message.markupAttributeEscaped)\" type=\"\(d.check.markupAttributeEscaped)\">\(line.markupEscaped)</failure>\n"
                } else {
                    out += "      <system-out>\(line.markupEscaped)</system-out>\n"
                }
                out += "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return out
    }
}
