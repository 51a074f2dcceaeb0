/// How serious a finding is. Ordered: a note < a warning < an error.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case note, warning, error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// The language diagnostics are shown in: Danish for users by default, English on request.
public enum Language: String, Sendable, CaseIterable {
    case da, en
}

/// A user-facing text in both languages the tool speaks.
public struct Message: Sendable, Equatable {
    public let da: String
    public let en: String

    public init(da: String, en: String) {
        self.da = da
        self.en = en
    }

    public func text(_ language: Language) -> String {
        language == .da ? da : en
    }
}

/// One finding of one check at one place in one file.
public struct Diagnostic: Sendable, Equatable {
    public let check: String
    public var severity: Severity
    public let message: Message
    public let line: Int
    public let column: Int
    /// The heading the line stands under, for documents whose lines are paragraphs
    /// (a Word document); nil for Markdown, whose line is enough.
    public var heading: String?

    public init(check: String, severity: Severity, message: Message, line: Int, column: Int = 1) {
        self.check = check
        self.severity = severity
        self.message = message
        self.line = max(1, line)
        self.column = max(1, column)
    }

    /// Stable order for output: by place, then check id, then message.
    public static func sortedForOutput(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.sorted {
            ($0.line, $0.column, $0.check, $0.message.en) < ($1.line, $1.column, $1.check, $1.message.en)
        }
    }
}
extension Diagnostic: Error {}
