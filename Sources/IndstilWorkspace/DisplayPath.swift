import IndstilSupport
import IndstilDocument
import IndstilChecks

/// Paths as the user named them (relative or absolute), for diagnostics: a file a manifest
/// names is shown beside the manifest's path as given.
package enum DisplayPath {
    /// "møde/dagsorden.yml" → "møde"; "dagsorden.yml" → ""; "/dagsorden.yml" → "/".
    /// (Foundation's `deletingLastPathComponent` traps on some one-character paths.)
    package static func folder(of path: String) -> String {
        var path = Substring(path)
        while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `path` (relative to the folder) shown beside a file in `folder`.
    package static func beside(_ folder: String, _ path: String) -> String {
        if folder.isEmpty { return path }
        return folder.hasSuffix("/") ? folder + path : "\(folder)/\(path)"
    }
}
