import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// A manifest (`bundle.yml` or any name): what a packet is assembled from, decided by its
/// `type`. The file is read and its YAML parsed once.
public enum Manifest: Sendable {
    /// `type: betaenkning`: a betænkning's appendix bundle.
    case betaenkning(BundleManifest)
    /// `type: dagsorden`: a meeting's agenda packet.
    case dagsorden(AgendaManifest)
    /// `type: referat`: a meeting's minutes, naming its agenda.
    case referat(MinutesManifest)

    /// True for the file names `indstil check` reads as manifests.
    public static func isManifest(_ url: URL) -> Bool {
        ["yml", "yaml"].contains(url.pathExtension.lowercased())
    }

    /// The manifest, or the `input.invalid` diagnostic (with its line) that says why not.
    public static func load(_ url: URL) -> Result<Manifest, Diagnostic> {
        switch SourceText.read(url) {
        case .failure(let failure): return .failure(failure.diagnostic)
        case .success(let text): return parse(text, url: url)
        }
    }

    /// The manifest in `text`, read as the file at `url` (its folder places the files it
    /// names): what the workspace checks while the manifest is edited, before it is saved.
    public static func parse(_ text: String, url: URL) -> Result<Manifest, Diagnostic> {
        let root: YAMLValue
        do { root = try YAMLReader.parse(text) } catch {
            return .failure(Diagnostic(check: "input.invalid", severity: .error, message: error.message, line: error.line))
        }
        switch root["type"]?.trimmedString {
        case "dagsorden": return AgendaManifest.parse(root, url: url).map(Manifest.dagsorden)
        case "referat": return MinutesManifest.parse(root, url: url).map(Manifest.referat)
        case "betaenkning", "betænkning": return BundleManifest.parse(root, url: url).map(Manifest.betaenkning)
        case let other:
            return .failure(Diagnostic(
                check: "input.invalid", severity: .error,
                message: Message(da: "»type« skal være »betaenkning«, »dagsorden« eller »referat« (fik »\(other ?? "")«)",
                                 en: "\"type\" must be \"betaenkning\", \"dagsorden\" or \"referat\" (got \"\(other ?? "")\")"),
                line: root.entry("type")?.keyLine ?? 1))
        }
    }
}
