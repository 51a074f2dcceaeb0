import Foundation
import IndstilCore

/// The project's files as the server may touch them: a path from a URL is resolved inside
/// the project root or refused (`..`, absolute paths, hidden folders, and symbolic links
/// that lead out of the project).
struct ProjectFiles: Sendable {
    let root: URL
    private let resolvedRoot: String

    init(root: URL) {
        self.root = root.standardizedFileURL
        resolvedRoot = root.resolvingSymlinksInPath().standardizedFileURL.path
    }

    /// The file a project-relative path (already percent-decoded) names.
    func url(for relativePath: String) throws(Refusal) -> URL {
        let components = relativePath.split(separator: "/", omittingEmptySubsequences: true)
        guard !relativePath.isEmpty, !relativePath.hasPrefix("/"), !relativePath.contains("\0"), !relativePath.contains("\\"),
              !components.isEmpty,
              !components.contains(where: { $0 == ".." || $0 == "." || $0.hasPrefix(".") })
        else { throw Refusal.outsideProject }
        let url = components.reduce(root) { $0.appendingPathComponent(String($1)) }
        guard isInside(url) else { throw Refusal.outsideProject }
        return url
    }

    /// True when `url`, symbolic links resolved (or, for a file not yet made, its folder), lies in the project.
    func isInside(_ url: URL) -> Bool {
        let fileManager = FileManager.default
        var probe = url
        // A new file: its nearest existing folder decides.
        while !fileManager.fileExists(atPath: probe.path), (try? fileManager.destinationOfSymbolicLink(atPath: probe.path)) == nil,
              probe.path != root.path {
            probe = probe.deletingLastPathComponent()
        }
        let target = probe.resolvingSymlinksInPath().standardizedFileURL.path
        return target == resolvedRoot || target.hasPrefix(resolvedRoot.hasSuffix("/") ? resolvedRoot : resolvedRoot + "/")
    }

    /// The path of `url` relative to the project root, with `/`.
    func relativePath(of url: URL) -> String {
        let path = url.standardizedFileURL.path
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : url.lastPathComponent
    }

    /// A URL path's remainder after `prefix`, percent-decoded once.
    static func decoded(_ rawPath: String, after prefix: String) throws(Refusal) -> String {
        guard rawPath.hasPrefix(prefix) else { throw Refusal.outsideProject }
        let raw = String(rawPath.dropFirst(prefix.count))
        guard let decoded = raw.removingPercentEncoding else {
            throw Refusal(.badRequest, "Stien i adressen er ikke gyldigt kodet.")
        }
        return decoded
    }
}
