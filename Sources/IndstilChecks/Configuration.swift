import Foundation
import IndstilSupport
import IndstilDocument

/// `indstil.yml`: the project's settings, found from the working folder upward.
///
/// ```yaml
/// profile: aarhus-byraad            # for documents without `profil`
/// profile_paths: [husstile]         # more folders holding <id>/profile.yml
/// checks:
///   readability.lix: {severity: error, lix_max: 50}
///   readability.long-sentence: off
///   style.duplicate-paragraph: error
/// plugins:
///   - name: ordliste
///     command: [python3, plugins/ordliste.py]
///     timeout: 10
/// plugin_paths: [plugins]           # where a plugin's bare command name is looked up
/// spelling:                         # words the Danish dictionary lacks (ordliste.txt is read too)
///   words: [Gellerupparken, Hasle]
///   word_files: [sprog/stednavne.txt]
/// ```
public struct Configuration: Sendable {
    public struct CheckSetting: Sendable {
        /// nil keeps the check's default; `.off` turns it off.
        public var severity: Level?
        public var options: [String: YAMLValue]
    }

    public enum Level: String, Sendable {
        case off, note, warning, error

        public var severity: Severity? {
            switch self {
            case .off: nil
            case .note: .note
            case .warning: .warning
            case .error: .error
            }
        }
    }

    public struct Plugin: Sendable {
        public let name: String
        /// The executable and its arguments; a relative executable path is resolved against
        /// the project root, then the plugin paths, then PATH.
        public let command: [String]
        public let timeout: TimeInterval
        public let line: Int
    }

    /// The folder holding `indstil.yml` (the project root); nil when there is none.
    public var root: URL?
    public var defaultProfile: String?
    public var profileFolders: [URL] = []
    public var checks: [String: CheckSetting] = [:]
    public var plugins: [Plugin] = []
    public var pluginFolders: [URL] = []
    /// How many plugin processes may run at once.
    public var pluginConcurrency = 2
    /// The project's accepted words: `ordliste.txt` beside indstil.yml and `spelling:`
    /// (`words` and `word_files`) in it.
    public var spellingWords: [String] = []

    /// The word list a project keeps beside indstil.yml, read without being named.
    public static let projectWordList = "ordliste.txt"

    public init() {}

    /// The severity a diagnostic gets: the configured level, nil when the check is off.
    public func severity(for diagnostic: Diagnostic) -> Severity? {
        guard let level = checks[diagnostic.check]?.severity else { return diagnostic.severity }
        return level.severity
    }

    public func options(for checkID: String) -> [String: YAMLValue] {
        checks[checkID]?.options ?? [:]
    }
}
