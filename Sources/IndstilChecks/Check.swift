import Foundation
import IndstilSupport
import IndstilDocument

/// One rule about a single document. Each conforming type lives in its own file,
/// is registered once in `CheckRegistry.documentChecks`, and carries examples that must
/// and must not trigger it (the test suite runs every one of them).
public protocol Check: Rule {
    var examples: [CheckExample] { get }
    func check(_ context: CheckContext) -> [Diagnostic]
}

extension Check {
    public var exampleSummaries: [ExampleSummary] {
        examples.map { ExampleSummary(triggers: $0.triggers, description: $0.description) }
    }
}

/// What a check sees: the document read through its profile, and where it lives.
public struct CheckContext: Sendable {
    public let analyzed: AnalyzedDocument
    /// Paths named in the document may not leave this folder.
    public let projectRoot: URL
    /// Settings from indstil.yml (per-check options).
    public let configuration: Configuration

    /// `projectRoot` with symbolic links resolved, for confining paths to it.
    package let resolvedProjectRoot: String
    /// Where each appendix file is (`AppendixFiles.resolutions`), worked out on first use.
    let appendixResolutions = Once<[AppendixFiles.Resolution]>()
    /// The personal data the open-document `privacy.*` warnings report, found in one scan
    /// shared by them (each scanned every paragraph of the document before).
    let personalDataWarnings = Once<[DocumentPersonalData.Located]>()

    public var document: Document { analyzed.document }
    public var profile: Profile { analyzed.profile }

    public init(analyzed: AnalyzedDocument, projectRoot: URL, configuration: Configuration = Configuration()) {
        self.init(analyzed: analyzed, projectRoot: projectRoot, resolvedProjectRoot: ProjectRoot.resolvedPath(projectRoot),
                  configuration: configuration)
    }

    /// With the project root's resolved path known (the workspace resolves each root once).
    package init(analyzed: AnalyzedDocument, projectRoot: URL, resolvedProjectRoot: String, configuration: Configuration) {
        self.analyzed = analyzed
        self.projectRoot = projectRoot
        self.resolvedProjectRoot = resolvedProjectRoot
        self.configuration = configuration
    }

    /// A number set for a check in indstil.yml (`checks: {readability.lix: {lix_max: 50}}`).
    public func number(_ key: String, for checkID: String) -> Double? {
        configuration.options(for: checkID)[key]?.trimmedString.flatMap(Double.init)
    }

    /// A whole number set for a check, within 0…1.000.000 (a huge, infinite or NaN setting
    /// is no count: `Int(_:)` would stop the process on it).
    public func count(_ key: String, for checkID: String) -> Int? {
        guard let number = number(key, for: checkID), number.isFinite else { return nil }
        return Int(min(max(number, 0), 1_000_000))
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
