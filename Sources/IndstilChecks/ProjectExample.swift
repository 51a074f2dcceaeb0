import IndstilSupport
import IndstilDocument

/// A small project that must (or must not) trigger a rule that looks beyond one document:
/// a manifest with the files it names, or an indstil.yml with a plugin. The test suite
/// writes the files into a fresh folder and checks `entry` the way `indstil check ENTRY`
/// does. In a triggering example one line of one file carries the marker "⟵": the rule's
/// first finding must be in that file, on that line (the marker itself is removed).
public struct ProjectExample: Sendable {
    public struct Place: Sendable, Equatable {
        public let path: String
        public let line: Int
    }

    public let triggers: Bool
    public let description: String
    /// Path (relative to the project folder) → contents, markers removed.
    public let files: [String: String]
    /// The file checked: a manifest or a document.
    public let entry: String
    /// Where the first finding must be, when the example triggers.
    public let expected: Place?

    public static func triggers(_ description: String, entry: String, files: [String: String]) -> ProjectExample {
        ProjectExample(triggers: true, description: description, files: files, entry: entry)
    }

    public static func passes(_ description: String, entry: String, files: [String: String]) -> ProjectExample {
        ProjectExample(triggers: false, description: description, files: files, entry: entry)
    }

    package init(triggers: Bool, description: String, files: [String: String], entry: String) {
        self.triggers = triggers
        self.description = description
        self.entry = entry
        var cleaned: [String: String] = [:]
        var expected: Place?
        for (path, contents) in files {
            let lines = contents.components(separatedBy: "\n")
            if expected == nil, let index = lines.firstIndex(where: { $0.contains(ExampleDocument.marker) }) {
                expected = Place(path: path, line: index + 1)
            }
            cleaned[path] = contents
                .replacingOccurrences(of: " " + ExampleDocument.marker, with: "")
                .replacingOccurrences(of: ExampleDocument.marker, with: "")
        }
        self.files = cleaned
        self.expected = expected
    }
}

/// A rule whose examples are small projects (manifest checks, `plugin.failed`).
public protocol ProjectRule: Rule {
    var examples: [ProjectExample] { get }
}

extension ProjectRule {
    public var exampleSummaries: [ExampleSummary] {
        examples.map { ExampleSummary(triggers: $0.triggers, description: $0.description) }
    }
}
