import Foundation
import Testing
import IndstilCore

/// A throw-away project folder under the system's temporary directory: it holds an
/// empty `indstil.yml` (so it is the project root) and whatever files a test writes.
struct TestProject {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("indstil-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try write("indstil.yml", "")
    }

    /// Writes `contents` at `path` (relative to the root), creating folders on the way.
    /// Paths that would land outside the project are refused.
    @discardableResult
    func write(_ path: String, _ contents: String) throws -> URL {
        let url = root.appendingPathComponent(path).standardizedFileURL
        guard url.path.hasPrefix(root.standardizedFileURL.path + "/") else {
            throw TestProjectError.outsideProject(path)
        }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
        return url
    }

    /// Writes the files and the document as `sag.md`, loads it and runs every check,
    /// the way `indstil check sag.md` would.
    func check(document: String, files: [String: String] = [:]) throws -> [Diagnostic] {
        for (path, contents) in files.sorted(by: { $0.key < $1.key }) {
            try write(path, contents)
        }
        let url = try write("sag.md", document)
        let analysis = Workspace().analyze(url, displayPath: "sag.md")
        if case .noFrontMatter = analysis.content { throw TestProjectError.noFrontMatter }
        return analysis.diagnostics
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}

enum TestProjectError: Error {
    case outsideProject(String)
    case noFrontMatter
}

/// Diagnostics one per line, for failure messages.
func describe(_ diagnostics: [Diagnostic]) -> String {
    if diagnostics.isEmpty { return "(no diagnostics)" }
    return diagnostics
        .map { "  \($0.line):\($0.column) \($0.severity.rawValue) [\($0.check)] \($0.message.en)" }
        .joined(separator: "\n")
}

/// Runs `body` plainly, or inside `withKnownIssue` when a known bug in Sources makes it fail.
func expect(knownIssue: String?, _ body: () -> Void) {
    if let knownIssue {
        withKnownIssue(Comment(rawValue: knownIssue)) { body() }
    } else {
        body()
    }
}
