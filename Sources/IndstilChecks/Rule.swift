import IndstilSupport
import IndstilDocument

/// What every id the tool can report has: the document checks, the checks over a whole
/// manifest (`bundle.*`, `agenda.*`) and `plugin.failed`. `CheckRegistry.rules` lists each
/// once; `indstil checks`, SARIF and indstil.yml read them from there.
public protocol Rule: Sendable {
    /// Stable id from the contract, e.g. "skeleton.missing-section".
    var id: String { get }
    var defaultSeverity: Severity { get }
    /// One line for `indstil checks` and SARIF.
    var summary: Message { get }
    /// True for the few rules that guard what must never go out wrong (an unreadable file,
    /// closed material on a public agenda, links that lead nowhere): indstil.yml may not
    /// lower them or turn them off.
    var isMandatory: Bool { get }
    /// What the rule's examples show, and whether each must trigger it.
    var exampleSummaries: [ExampleSummary] { get }
}

/// One example of a rule, as `indstil checks --examples` lists it.
public struct ExampleSummary: Sendable {
    public let triggers: Bool
    public let description: String
}

extension Rule {
    public var isMandatory: Bool { false }

    /// A diagnostic of this rule at its default severity.
    public func diagnostic(_ da: String, _ en: String, line: Int, column: Int = 1) -> Diagnostic {
        Diagnostic(check: id, severity: defaultSeverity, message: Message(da: da, en: en), line: line, column: column)
    }
}

/// A diagnostic together with the file it is about: manifest checks report on the
/// manifest and on the files it names.
public struct LocatedDiagnostic: Sendable {
    public let path: String
    public let diagnostic: Diagnostic

    public init(_ path: String, _ diagnostic: Diagnostic) {
        self.path = path
        self.diagnostic = diagnostic
    }
}
