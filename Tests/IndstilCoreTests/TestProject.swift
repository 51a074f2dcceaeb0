import Foundation
import Testing
import IndstilCore
@_exported import IndstilTestSupport

/// A throw-away project folder (a `TempFolder`): it holds an empty `indstil.yml` (so it
/// is the project root) and whatever files a test writes.
struct TestProject {
    let folder: TempFolder
    var root: URL { folder.url }

    init() throws {
        folder = try TempFolder("test")
        try write("indstil.yml", "")
    }

    /// Writes `contents` at `path` (relative to the root), creating folders on the way.
    /// Paths that would land outside the project are refused.
    @discardableResult
    func write(_ path: String, _ contents: String) throws -> URL {
        try folder.write(path, contents)
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
        folder.remove()
    }
}

enum TestProjectError: Error {
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
