import Foundation

/// The one folder indstil keeps things in between runs (the spelling answers, the PDF
/// work it can reuse): `INDSTIL_CACHE_DIR` (empty or `off`: nothing is kept; a relative
/// folder is taken from where indstil runs, `.indstil-cache` in a CI job), else
/// `$XDG_CACHE_HOME/indstil`, else `~/.cache/indstil`. It is made private (0700, its
/// parents too) and used only when it is the user's own and no one else may write in it.
package enum CacheFolder {
    /// The folder, made if need be; nil when none is set, it is not absolute, or it cannot be trusted.
    package static func trusted(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        guard let folder = folder(environment), isPrivateFolder(folder) else { return nil }
        return folder
    }

    /// The folder, made if need be; nil when none is set or it is not absolute.
    package static func folder(_ environment: [String: String]) -> URL? {
        let path: String
        if let named = environment["INDSTIL_CACHE_DIR"] {
            guard !named.isEmpty, named != "off" else { return nil }
            path = named.hasPrefix("/") ? named : FileManager.default.currentDirectoryPath + "/" + named
        } else if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            path = cache + "/indstil"
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            path = home + "/.cache/indstil"
        } else {
            return nil
        }
        guard path.hasPrefix("/") else { return nil }
        if mkdir(path, 0o700) != 0, errno == ENOENT {
            // The parents (`~/.cache`, private as the XDG base directory rules ask) first, then the folder itself.
            try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true,
                                                     attributes: [.posixPermissions: 0o700])
            _ = mkdir(path, 0o700)
        }
        return URL(fileURLWithPath: path, isDirectory: true)
    }

    /// The user's own folder (not a link), that no one else may write in.
    package static func isPrivateFolder(_ folder: URL) -> Bool {
        var info = stat()
        guard lstat(folder.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return false }
        return info.st_uid == geteuid() && (info.st_mode & 0o022) == 0
    }

    /// A private subfolder (`pdf`), made if need be; nil when it cannot be trusted.
    package static func subfolder(_ name: String, of folder: URL) -> URL? {
        let sub = folder.appendingPathComponent(name, isDirectory: true)
        _ = mkdir(sub.path, 0o700)
        return isPrivateFolder(sub) ? sub : nil
    }

    /// A file's modification time (Linux and Darwin name it differently).
    package static func modified(_ info: stat) -> timespec {
        #if canImport(Darwin)
        info.st_mtimespec
        #else
        info.st_mtim
        #endif
    }

    /// `path` with every link resolved (realpath); nil when it does not exist.
    package static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// What else decides the bytes of a PDF a program writes, as far as indstil can name it: the
    /// fonts (the system's and the user's fontconfig caches and configuration, the user's font
    /// folders), the package database (on Debian it changes with every installed or updated
    /// library: Pango, HarfBuzz, fontTools, qpdf, LibreOffice), qpdf itself (it finishes every
    /// PDF) and `SOURCE_DATE_EPOCH` (fontTools stamps font subsets with it). Files that are not
    /// there are left out; one that appears later changes the identity.
    package static func environmentIdentity(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let home = environment["HOME"] ?? ""
        var files = ["/var/cache/fontconfig", "/etc/fonts/fonts.conf", "/etc/fonts/conf.d", "/var/lib/dpkg/status",
                     "/usr/share/fonts", "/usr/local/share/fonts"]
        if home.hasPrefix("/") {
            files += [home + "/.cache/fontconfig", home + "/.local/share/fonts", home + "/.fonts"]
        }
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { files.append(cache + "/fontconfig") }
        if let qpdf = Subprocess.find("qpdf").flatMap({ realPath($0.path) }) { files.append(qpdf) }
        return (files.compactMap(fileIdentity) + ["SOURCE_DATE_EPOCH=\(environment["SOURCE_DATE_EPOCH"] ?? "315532800")"]).joined(separator: "\n")
    }

    /// "path device inode size mtime" of a file (following links), so that a changed
    /// program, library or dictionary names another cache entry; nil when it is not there.
    package static func fileIdentity(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let modified = modified(info)
        return "\(path) \(info.st_dev) \(info.st_ino) \(info.st_size) \(modified.tv_sec).\(modified.tv_nsec)"
    }
}
