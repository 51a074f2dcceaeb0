import Foundation

/// The project a file belongs to: the nearest folder upward holding `indstil.yml`.
public enum ProjectRoot {
    public static let configName = "indstil.yml"

    /// The nearest folder at or above `folder` with an `indstil.yml`, or nil.
    public static func find(from folder: URL) -> URL? {
        var current = folder.standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: current.appendingPathComponent(configName).path) {
                return current
            }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { return nil }
            current = parent
        }
    }

    /// True when `path` (after resolving symbolic links) lies inside `root`.
    public static func contains(_ root: URL, _ path: URL) -> Bool {
        contains(resolvedRoot: resolvedPath(root), path)
    }

    /// `root` with symbolic links resolved, for `contains(resolvedRoot:_:)`.
    package static func resolvedPath(_ root: URL) -> String {
        root.resolvingSymlinksInPath().standardizedFileURL.path
    }

    /// `contains(_:_:)` with the root already resolved (several paths against one root).
    package static func contains(resolvedRoot rootPath: String, _ path: URL) -> Bool {
        let target = path.resolvingSymlinksInPath().standardizedFileURL.path
        return target == rootPath || target.hasPrefix(rootPath.hasSuffix("/") ? rootPath : rootPath + "/")
    }

    /// True when a component of `path` below `root` (both as given, links not resolved)
    /// starts with a dot: `.env`, `.git/config`. A path outside `root` is judged by its own
    /// components.
    public static func isHidden(_ path: URL, in root: URL) -> Bool {
        let full = path.standardizedFileURL.path, base = root.standardizedFileURL.path
        let prefix = base.hasSuffix("/") ? base : base + "/"
        let relative = full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : full
        return relative.split(separator: "/").contains { $0.hasPrefix(".") }
    }
}
