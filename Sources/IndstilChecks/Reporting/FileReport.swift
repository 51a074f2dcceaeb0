import IndstilSupport
import IndstilDocument

/// The diagnostics of one file.
public struct FileReport: Sendable {
    public let path: String
    public let diagnostics: [Diagnostic]

    public init(path: String, diagnostics: [Diagnostic]) {
        self.path = path
        self.diagnostics = diagnostics
    }
}

/// Counts over a whole run.
public struct RunSummary: Sendable, Equatable {
    public let errors: Int
    public let warnings: Int
    public let notes: Int
    public let files: Int

    public init(_ reports: [FileReport]) {
        let all = reports.flatMap(\.diagnostics)
        errors = all.filter { $0.severity == .error }.count
        warnings = all.filter { $0.severity == .warning }.count
        notes = all.filter { $0.severity == .note }.count
        files = reports.count
    }

    public var hasErrors: Bool { errors > 0 }
}
