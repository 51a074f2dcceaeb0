import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// Resolves the file paths a manifest (or a document in it) names: relative to the
/// naming file's folder, confined to the project, and existing as a file.
struct ManifestPaths {
    /// The project folder no path may leave.
    let root: URL

    init(root: URL) {
        self.root = root
    }

    enum Problem: Error {
        case escapes(Diagnostic)
        case missing(Diagnostic)

        var diagnostic: Diagnostic {
            switch self {
            case .escapes(let diagnostic), .missing(let diagnostic): return diagnostic
            }
        }
    }

    /// The file `path` names relative to `folder`, or the `appendix.path-escape` /
    /// `appendix.missing-file` diagnostic at `line`.
    func resolve(_ path: String, relativeTo folder: URL, line: Int) -> Result<URL, Problem> {
        let url = (path.hasPrefix("/") ? URL(fileURLWithPath: path) : folder.appendingPathComponent(path)).standardizedFileURL
        guard ProjectRoot.contains(root, url) else {
            return .failure(.escapes(Diagnostic(
                check: "appendix.path-escape", severity: .error,
                message: Message(da: "Stien »\(path)« peger uden for projektmappen \(root.path)",
                                 en: "The path \"\(path)\" leaves the project folder \(root.path)"),
                line: line)))
        }
        switch FileKind.of(url) {
        case .regular:
            break
        case .special:
            return .failure(.missing(Diagnostic(
                check: "appendix.missing-file", severity: .error,
                message: Message(da: "»\(path)« er ikke en almindelig fil (fx en FIFO eller en enhed) og kan ikke bruges",
                                 en: "\"\(path)\" is not a regular file (e.g. a FIFO or a device) and cannot be used"),
                line: line)))
        case .directory, .missing:
            return .failure(.missing(Diagnostic(
                check: "appendix.missing-file", severity: .error,
                message: Message(da: "Filen »\(path)« findes ikke", en: "The file \"\(path)\" does not exist"),
                line: line)))
        }
        return .success(url)
    }
}
