import IndstilSupport
import IndstilDocument

/// An external plugin named in indstil.yml could not do its job: not found, not
/// executable, crashed, exceeded its timeout or wrote invalid JSON. Reported by
/// `PluginRunner` on line 1 of the document it was asked about.
public struct PluginFailedRule: ProjectRule {
    public let id = "plugin.failed"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "Et eksternt plugin fejlede: findes ikke, gik ned, overskred sin tidsgrænse eller skrev ugyldig JSON",
                                 en: "An external plugin failed: not found, crashed, exceeded its timeout or wrote invalid JSON")

    public var examples: [ProjectExample] {
        let document = ExampleDocument.byraad
        let marked = "--- ⟵" + document.text.dropFirst(3)
        func project(_ plugin: String, document text: String, extra: [String: String] = [:]) -> [String: String] {
            var files = document.files
            files["indstil.yml"] = "plugins:\n  - name: ordliste\n    command: \(plugin)\n"
            files["sag.md"] = text
            files.merge(extra) { _, new in new }
            return files
        }
        let silent = "#!/bin/sh\ncat > /dev/null\necho '{\"diagnostics\": []}'\n"
        let garbled = "#!/bin/sh\ncat > /dev/null\necho 'ikke JSON'\n"
        return [
            .triggers("Pluginets program findes ikke", entry: "sag.md", files: project("[indstil-plugin-der-ikke-findes]", document: marked)),
            .triggers("Pluginet skriver noget, der ikke er JSON", entry: "sag.md",
                      files: project("[sh, plugins/forkert.sh]", document: marked, extra: ["plugins/forkert.sh": garbled])),
            .passes("Pluginet svarer med en tom liste", entry: "sag.md",
                    files: project("[sh, plugins/tom.sh]", document: document.text, extra: ["plugins/tom.sh": silent])),
        ]
    }
}
