import Foundation

/// What a manifest assembles: a betænkning's appendix bundle or a meeting's agenda packet,
/// decided by its `type`.
public enum ManifestKind: Sendable, Equatable {
    case betaenkning
    case dagsorden

    /// The manifest's kind, or the diagnostic that says why it has none.
    public static func detect(_ url: URL) -> Result<ManifestKind, Diagnostic> {
        let root: YAMLValue
        switch readYAML(url) {
        case .failure(let diagnostic): return .failure(diagnostic)
        case .success(let value): root = value
        }
        switch root["type"]?.trimmedString {
        case "dagsorden": return .success(.dagsorden)
        case "betaenkning", "betænkning": return .success(.betaenkning)
        case let other:
            return .failure(Diagnostic(
                check: "input.invalid", severity: .error,
                message: Message(da: "»type« skal være »betaenkning« eller »dagsorden« (fik »\(other ?? "")«)",
                                 en: "\"type\" must be \"betaenkning\" or \"dagsorden\" (got \"\(other ?? "")\")"),
                line: root.entry("type")?.keyLine ?? 1))
        }
    }

    /// The manifest's YAML, or an `input.invalid` diagnostic with the line.
    static func readYAML(_ url: URL) -> Result<YAMLValue, Diagnostic> {
        switch SourceText.read(url) {
        case .failure(let failure): return .failure(failure.diagnostic)
        case .success(let text):
            do { return .success(try YAMLReader.parse(text)) } catch {
                return .failure(Diagnostic(check: "input.invalid", severity: .error, message: error.message, line: error.line))
            }
        }
    }
}
