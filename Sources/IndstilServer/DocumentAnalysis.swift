import Foundation
import IndstilCore

/// `POST /api/analyse`: one text read as the file at its path, through the workspace's one
/// analysis service. The answer has `diagnostics` as `check --format json` gives one file's,
/// `stats` as `stats --format json` gives one file's entry, and `html` rendered with the
/// profile's own template (documents' raw HTML never passes: the renderer escapes it).
enum DocumentAnalysis {
    static func json(text: String, url: URL, path: String, workspace: Workspace) -> JSONValue {
        json(workspace.analyze(text: text, url: url, displayPath: path), path: path)
    }

    /// One analysis as the answer: a Word document's (`POST /api/analyse-word`) has its
    /// findings on paragraphs, each with the heading it stands under.
    /// `line` places a Markdown line (a decision point's) where the reader finds it: for a
    /// Word document, its paragraph.
    static func json(_ analysis: FileAnalysis, path: String, line: (Int) -> Int = { $0 }) -> JSONValue {
        var stats: JSONValue = .null
        var html: JSONValue = .null
        var limit: JSONValue = .null
        var counted: JSONValue = .null
        var decisions: JSONValue = .array([])
        var profile: JSONValue = .null, fields: JSONValue = .null, frontMatter: JSONValue = .null
        var diagnostics = analysis.diagnostics
        if let analyzed = analysis.analyzed {
            stats = DocumentStatistics(path: path, analyzed: analyzed).json
            limit = analyzed.profile.length.map { .int($0.maxCharacters) } ?? .null
            counted = .int(analyzed.limitedCharacterCount)
            profile = .string(analyzed.profile.id)
            fields = FrontMatterForm.fields(analyzed.profile.fields)
            frontMatter = FrontMatterForm.values(analyzed.document.frontMatter)
            decisions = .array(analyzed.decisionPoints.enumerated().map { index, point in
                .object([("number", .int(point.writtenNumber ?? index + 1)), ("text", .string(point.text)), ("line", .int(line(point.line)))])
            })
            do {
                html = .string(try Renderer.html(analyzed))
            } catch {
                diagnostics.append(Diagnostic(check: "input.invalid", severity: .error,
                                              message: Message(da: "Forhåndsvisningen kunne ikke laves: \(error.message.da)",
                                                               en: "The preview could not be made: \(error.message.en)"),
                                              line: 1))
            }
        }
        let summary = RunSummary([FileReport(path: path, diagnostics: diagnostics)])
        return .object([
            ("path", .string(path)),
            ("diagnostics", JSONReporter.diagnostics(diagnostics, language: .da)),
            ("summary", .object([("errors", .int(summary.errors)), ("warnings", .int(summary.warnings)), ("notes", .int(summary.notes))])),
            ("stats", stats),
            ("limit", limit),
            ("limitedCharacters", counted),
            ("decisionPoints", decisions),
            ("html", html),
            ("profile", profile),
            ("fields", fields),
            ("frontMatter", frontMatter),
        ])
    }
}
