import Foundation

/// One side of a comparison: a file as it is, or `FILE@REV`, the file as git holds it in a
/// revision (`sag.md@HEAD~1`, `sag.md@v2`), read with git itself. A Word document is read as
/// the Markdown `indstil import` makes of it (files only).
public struct VersionSource: Sendable {
    /// The text compared (Markdown with front matter).
    public let text: String
    /// As the user gave it ("sag.md@HEAD~1").
    public let name: String
    /// The file's place (for its profile and relative paths).
    public let url: URL
    /// The revision's author and date (ISO 8601), when it is one.
    public let author: String?
    public let date: String?

    public init(text: String, name: String, url: URL, author: String? = nil, date: String? = nil) {
        self.text = text
        self.name = name
        self.url = url
        self.author = author
        self.date = date
    }

    /// A name that is an existing file is that file, whatever `@` it holds; otherwise the
    /// part after the last `@` is a revision.
    public static func read(_ name: String, workspace: Workspace) throws(IndstilError) -> VersionSource {
        let path = URL(fileURLWithPath: name).standardizedFileURL
        if FileManager.default.fileExists(atPath: path.path) || !name.contains("@") {
            return try file(name, url: path, workspace: workspace)
        }
        let at = name.lastIndex(of: "@")!
        let file = String(name[..<at]), revision = String(name[name.index(after: at)...])
        guard !file.isEmpty, !revision.isEmpty, !revision.hasPrefix("-") else {
            throw IndstilError(da: "»\(name)« er hverken en fil eller FIL@REVISION", en: "\"\(name)\" is neither a file nor FILE@REVISION", file: name)
        }
        return try Self.revision(revision, of: URL(fileURLWithPath: file).standardizedFileURL, name: name)
    }

    /// The file at `url` as git holds it in `revision`.
    public static func revision(_ revision: String, of url: URL, name: String) throws(IndstilError) -> VersionSource {
        let folder = url.deletingLastPathComponent().path
        let inside = try git(["rev-parse", "--is-inside-work-tree"], in: folder, name: name)
        guard String(decoding: inside, as: UTF8.self).hasPrefix("true") else {
            throw IndstilError(da: "\(folder) er ikke i et git-arkiv, så \(name) kan ikke læses; sammenlign to filer i stedet",
                               en: "\(folder) is not in a git repository, so \(name) cannot be read; compare two files instead", file: name)
        }
        let data = try git(["show", "\(revision):./\(url.lastPathComponent)"], in: folder, name: name)
        guard let text = String(validating: data, as: UTF8.self) else {
            throw IndstilError(da: "\(name) er ikke UTF-8-tekst", en: "\(name) is not UTF-8 text", file: name)
        }
        let log = String(decoding: try git(["log", "-1", "--format=%an%x00%aI", revision, "--", url.lastPathComponent], in: folder, name: name), as: UTF8.self)
        let parts = log.trimmingCharacters(in: .newlines).split(separator: "\0", omittingEmptySubsequences: false).map(String.init)
        return VersionSource(text: text, name: name, url: url, author: parts.first.flatMap { $0.isEmpty ? nil : $0 },
                             date: parts.count > 1 ? parts[1] : nil)
    }

    private static func file(_ name: String, url: URL, workspace: Workspace) throws(IndstilError) -> VersionSource {
        if WordImport.isWordDocument(url) {
            switch workspace.importWord(url) {
            case .success(let imported): return VersionSource(text: imported.markdown, name: name, url: url, author: nil, date: nil)
            case .failure(let diagnostic): throw IndstilError(diagnostic.message, file: name)
            }
        }
        switch SourceText.read(url) {
        case .failure(let failure): throw IndstilError(failure.diagnostic.message, file: name)
        case .success(let text): return VersionSource(text: text, name: name, url: url, author: nil, date: nil)
        }
    }

    /// The last commit that holds the file at `url` as it was at the end of `day` (nil when
    /// git has none: the file is not in a repository, or was committed later).
    public static func lastRevision(of url: URL, onOrBefore day: CalendarDate) -> String? {
        let folder = url.deletingLastPathComponent().path
        guard let data = try? git(["log", "-1", "--format=%H", "--before=\(day.iso)T23:59:59", "--", url.lastPathComponent], in: folder, name: url.lastPathComponent)
        else { return nil }
        let hash = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return hash.count == 40 ? hash : nil
    }

    /// git's standard output, or its own message as the error.
    private static func git(_ arguments: [String], in folder: String, name: String) throws(IndstilError) -> Data {
        guard let executable = Subprocess.find("git") else {
            throw IndstilError(da: "git findes ikke, så \(name) kan ikke læses", en: "git is not installed, so \(name) cannot be read", file: name)
        }
        let result: Subprocess.Result
        do {
            result = try Subprocess.run(executable: executable.path, arguments: ["-C", folder] + arguments, argv0: "git", directory: nil,
                                        input: Data(), timeout: 30, outputLimit: 64 << 20, errorLimit: 64 << 10)
        } catch {
            throw IndstilError(da: "git kan ikke startes", en: "git cannot be started", file: name)
        }
        guard case .exited(0) = result.outcome else {
            let reason = String(decoding: result.stderr, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? "git fejlede"
            if arguments.first == "rev-parse" { return Data("false".utf8) }
            throw IndstilError(da: "\(name) kan ikke læses med git: \(reason)", en: "\(name) cannot be read with git: \(reason)", file: name)
        }
        return result.stdout
    }
}
