import Foundation
import IndstilCore

/// Libraries the setup installs from Debian and the workspace serves from this machine
/// (nothing is fetched at run time): CodeMirror 5 from `libjs-codemirror`, the editor of
/// the document page. Only the files listed here are served, at `/static/vendor/codemirror/…`.
/// Without the package the page keeps its plain text field (`Templates/_serve/editor.js`).
enum VendorLibraries {
    /// `/usr/share/javascript/codemirror`, or what `INDSTIL_CODEMIRROR` names.
    static let codeMirrorFolder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["INDSTIL_CODEMIRROR"]
        .flatMap { $0.isEmpty ? nil : $0 } ?? "/usr/share/javascript/codemirror")

    static let urlPrefix = "vendor/codemirror/"

    /// Scripts in the order they load: the editor, its Markdown and YAML modes (front matter
    /// is YAML), and the add-ons the page uses.
    static let codeMirrorScripts = [
        "lib/codemirror.js", "mode/markdown/markdown.js", "mode/yaml/yaml.js", "mode/yaml-frontmatter/yaml-frontmatter.js",
        "addon/edit/continuelist.js", "addon/selection/active-line.js", "addon/display/placeholder.js",
    ]
    static let codeMirrorStylesheets = ["lib/codemirror.css"]

    /// Whether CodeMirror is installed (its main script is readable).
    static var hasCodeMirror: Bool {
        FileManager.default.isReadableFile(atPath: codeMirrorFolder.appendingPathComponent("lib/codemirror.js").path)
    }

    /// The bytes of a listed file (`name` after `vendor/codemirror/`); nil for anything else.
    static func file(_ name: String) -> Data? {
        guard codeMirrorScripts.contains(name) || codeMirrorStylesheets.contains(name) else { return nil }
        let url = codeMirrorFolder.appendingPathComponent(name)
        guard FileKind.isRegularFile(url.resolvingSymlinksInPath()) else { return nil }
        return FileManager.default.contents(atPath: url.path)
    }
}
