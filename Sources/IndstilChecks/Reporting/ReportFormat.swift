import IndstilSupport
import IndstilDocument

/// Every report format of `indstil check --format`, and the one place that picks the reporter.
public enum DiagnosticReportFormat: String, CaseIterable, Sendable {
    case text, json, sarif, junit, github

    public func render(_ reports: [FileReport], language: Language) -> String {
        switch self {
        case .text: TextReporter.report(reports, language: language)
        case .json: JSONReporter.report(reports, language: language)
        case .sarif: SARIFReporter.report(reports, language: language)
        case .junit: JUnitReporter.report(reports, language: language)
        case .github: GitHubReporter.report(reports, language: language)
        }
    }
}
