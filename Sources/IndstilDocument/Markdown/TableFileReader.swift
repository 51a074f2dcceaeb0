import Foundation
import IndstilSupport

/// Reads the CSV file a `tabel` block names in `fil:`, relative to the document, and only
/// when it is a regular file inside the project: a path that leaves the project, a
/// missing file or a folder is a problem with the option's line, never a read.
public struct TableFileReader: Sendable {
    public enum Outcome: Sendable, Equatable {
        case text(String)
        case problem(Message)
    }

    /// The document's folder.
    package let folder: URL
    /// Larger files are refused (a table is not a data dump).
    package static let maximumBytes = 2_000_000

    /// For a document at `documentURL`: its project is the nearest folder upward with
    /// `indstil.yml`, else the document's own folder.
    public init(documentURL: URL) {
        folder = documentURL.deletingLastPathComponent().standardizedFileURL
    }

    public func read(_ path: String) -> Outcome {
        let root = ProjectRoot.find(from: folder) ?? folder
        let resolvedRoot = ProjectRoot.resolvedPath(root)
        let url = (path.hasPrefix("/") ? URL(fileURLWithPath: path) : folder.appendingPathComponent(path)).standardizedFileURL
        guard ProjectRoot.contains(resolvedRoot: resolvedRoot, url) else {
            return .problem(Message(
                da: "Tabelfilen »\(path)« ligger uden for projektmappen \(resolvedRoot); læg den i projektet",
                en: "The table file \"\(path)\" is outside the project folder \(resolvedRoot); put it inside the project"))
        }
        let resolved = url.resolvingSymlinksInPath()
        // A hidden file or folder (.env, .git/…) is never a table, as written or where a link leads.
        guard !ProjectRoot.isHidden(url, in: root), !ProjectRoot.isHidden(resolved, in: URL(fileURLWithPath: resolvedRoot)) else {
            return .problem(Message(da: "Tabelfilen »\(path)« er en skjult fil (et navn med punktum foran) og læses ikke",
                                    en: "The table file \"\(path)\" is a hidden file (a name starting with a dot) and is not read"))
        }
        switch FileKind.of(resolved) {
        case .missing:
            return .problem(Message(da: "Tabelfilen »\(path)« findes ikke", en: "The table file \"\(path)\" does not exist"))
        case .directory, .special:
            return .problem(Message(da: "Tabelfilen »\(path)« er ikke en almindelig fil", en: "The table file \"\(path)\" is not a regular file"))
        case .regular:
            break
        }
        let data: Data
        switch FileKind.read(resolved, limit: Self.maximumBytes) {
        case .success(let bytes):
            data = bytes
        case .failure(.tooLarge(let size)):
            return .problem(Message(
                da: "Tabelfilen »\(path)« er for stor (\(DanishFormat.integer(size)) byte; højst \(DanishFormat.integer(Self.maximumBytes)))",
                en: "The table file \"\(path)\" is too large (\(size) bytes; at most \(Self.maximumBytes))"))
        case .failure(.notRegular):
            return .problem(Message(da: "Tabelfilen »\(path)« er ikke en almindelig fil", en: "The table file \"\(path)\" is not a regular file"))
        case .failure:
            return .problem(Message(da: "Tabelfilen »\(path)« kan ikke læses", en: "The table file \"\(path)\" cannot be read"))
        }
        guard var text = String(data: data, encoding: .utf8) else {
            return .problem(Message(da: "Tabelfilen »\(path)« er ikke UTF-8; gem den som »CSV UTF-8« i Excel",
                                    en: "The table file \"\(path)\" is not UTF-8; save it as \"CSV UTF-8\" in Excel"))
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return .text(text)
    }
}
