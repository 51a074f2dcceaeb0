import Foundation

/// One rule about a single document. Each conforming type lives in its own file,
/// is registered once in `CheckRegistry.all`, and carries examples that must and
/// must not trigger it (the test suite runs every one of them).
public protocol Check: Sendable {
    /// Stable id from the contract, e.g. "skeleton.missing-section".
    var id: String { get }
    var defaultSeverity: Severity { get }
    /// One line for `indstil checks`.
    var summary: Message { get }
    var examples: [CheckExample] { get }
    func check(_ context: CheckContext) -> [Diagnostic]
}

/// What a check sees: the document read through its profile, and where it lives.
public struct CheckContext: Sendable {
    public let analyzed: AnalyzedDocument
    /// Paths named in the document may not leave this folder.
    public let projectRoot: URL
    /// Settings from indstil.yml (per-check options).
    public let configuration: Configuration

    /// Where each appendix file is (`AppendixFiles.resolutions`), worked out on first use.
    let appendixResolutions = Once<[AppendixFiles.Resolution]>()

    public var document: Document { analyzed.document }
    public var profile: Profile { analyzed.profile }

    public init(analyzed: AnalyzedDocument, projectRoot: URL, configuration: Configuration = Configuration()) {
        self.analyzed = analyzed
        self.projectRoot = projectRoot
        self.configuration = configuration
    }

    /// A number set for a check in indstil.yml (`checks: {readability.lix: {lix_max: 50}}`).
    public func number(_ key: String, for checkID: String) -> Double? {
        configuration.options(for: checkID)[key]?.trimmedString.flatMap(Double.init)
    }
}

extension Check {
    /// A diagnostic of this check at its default severity.
    public func diagnostic(_ da: String, _ en: String, line: Int, column: Int = 1) -> Diagnostic {
        Diagnostic(check: id, severity: defaultSeverity, message: Message(da: da, en: en), line: line, column: column)
    }
}

/// A document that must (or must not) trigger a check, for its tests and its docs.
public struct CheckExample: Sendable {
    public let triggers: Bool
    /// What the example shows, in a few words.
    public let description: String
    /// A complete document.
    public let document: String
    /// The line the first diagnostic must point at, when the example triggers.
    public let line: Int?
    /// Profile id the example is checked with.
    public let profile: String
    /// Files to create beside the document (path → contents); nil means the example's standard appendices.
    public let files: [String: String]?

    public static func triggers(_ description: String, _ document: ExampleDocument, line: Int? = nil, files: [String: String]? = nil) -> CheckExample {
        CheckExample(triggers: true, description: description, document: document.text, line: line ?? document.markedLine,
                     profile: document.profile, files: files ?? document.files)
    }

    public static func passes(_ description: String, _ document: ExampleDocument, files: [String: String]? = nil) -> CheckExample {
        CheckExample(triggers: false, description: description, document: document.text, line: nil,
                     profile: document.profile, files: files ?? document.files)
    }
}
