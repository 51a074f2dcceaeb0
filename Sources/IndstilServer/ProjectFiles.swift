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

    /// What the workspace shows, and so what it serves: a recommendation or appendix it
    /// edits (`.md`), or a bundle's or agenda's manifest it assembles (never `indstil.yml`).
    enum Shown {
        case document, manifest
    }

    /// Folders whose files the workspace never serves: profiles, templates, plugins.
    static let unservedFolders: Set<String> = ["Templates", "profiles", "plugins", "node_modules"]

    /// The file a project-relative path names, when the workspace may serve it as `shown`: a
    /// regular file (never a FIFO, device or socket) inside the project, with no hidden
    /// component as written or where symbolic links lead, of the kind's extension as written
    /// and where it leads. Refused in Danish otherwise (403, or 404 when nothing is there).
    func served(_ relative: String, as shown: Shown) throws(Refusal) -> URL {
        let url = try url(for: relative)
        let real = try realLocation(of: url)
        let components = relativePath(of: url).split(separator: "/").map(String.init)
        guard !components.contains(where: Self.unservedFolders.contains) else { throw Refusal.notShown(relative) }
        let extensions: Set<String> = shown == .document ? ["md"] : ["yml", "yaml"]
        guard extensions.contains(url.pathExtension.lowercased()), extensions.contains(real.pathExtension.lowercased()),
              real.lastPathComponent != ProjectRoot.configName, url.lastPathComponent != ProjectRoot.configName
        else { throw Refusal.notShown(relative) }
        switch FileKind.of(real) {
        case .regular: break
        case .missing, .directory: throw Refusal.notFound(relative)
        case .special: throw Refusal.notRegular(relative)
        }
        if shown == .manifest, !DocumentCatalog.isPacketManifest(real) { throw Refusal.notShown(relative) }
        return url
    }

    /// A file the workspace's editor opens: a document (`.md`), or a packet's manifest.
    func editable(_ relative: String) throws(Refusal) -> URL {
        try served(relative, as: ["yml", "yaml"].contains((relative as NSString).pathExtension.lowercased()) ? .manifest : .document)
    }

    /// Where `url` really is (symbolic links resolved; for a file not yet made, its folder
    /// resolved): inside the project and not in a hidden place, or refused.
    func realLocation(of url: URL) throws(Refusal) -> URL {
        guard isInside(url) else { throw Refusal.outsideProject }
        // The nearest existing part of the path, resolved by the system, and the rest as written.
        var existing = url.standardizedFileURL
        var rest: [String] = []
        while FileKind.ofLink(existing) == .missing, existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing = existing.deletingLastPathComponent()
        }
        guard let resolved = realpath(existing.path, nil) else { throw Refusal.outsideProject }
        defer { free(resolved) }
        let real = rest.reduce(URL(fileURLWithPath: String(cString: resolved))) { $0.appendingPathComponent($1) }
        let root = URL(fileURLWithPath: resolvedRoot)
        guard ProjectRoot.contains(root, real), !ProjectRoot.isHidden(real, in: root) else { throw Refusal.outsideProject }
        return real
    }

    /// The bytes of a served file, read without blocking and never through a FIFO or device.
    func bytes(of url: URL, _ relative: String) throws(Refusal) -> Data {
        switch FileKind.read(url, limit: 64 << 20) {
        case .success(let data): return data
        case .failure(.missing): throw Refusal.notFound(relative)
        case .failure(.notRegular), .failure(.symbolicLink): throw Refusal.notRegular(relative)
        case .failure(.tooLarge): throw Refusal(.contentTooLarge, "»\(relative)« er for stor til arbejdsrummet.")
        case .failure(.unreadable): throw Refusal(.forbidden, "»\(relative)« kan ikke læses (adgang nægtet).")
        }
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
