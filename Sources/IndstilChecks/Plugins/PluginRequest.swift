import Foundation
import IndstilSupport
import IndstilDocument

/// The JSON request an external check plugin reads on stdin (protocol version 1), for
/// one document:
///
/// ```json
/// {"protocol": 1,
///  "path": "/abs/path/sag.md",
///  "profile": "aarhus-byraad",
///  "front_matter": {"titel": "…", "bilag": [{"titel": "…", "fil": "…"}]},
///  "sections": [{"id": "resume", "heading": "1. Resume", "line": 27, "text": "…\n\n…"}],
///  "decisions": [{"number": 1, "written_number": 1, "text": "Byrådet godkender …", "line": 45}],
///  "appendices": [{"number": 1, "title": "…", "file": "bilag/x.md", "line": 16}],
///  "stats": {"characters": 5321, "lix": 41.3, "decisions": 3, "appendices": 2}}
/// ```
///
/// - `path` is absolute, so the plugin can read the file itself (the plugin runs in the
///   project root, not necessarily where indstil was started).
/// - Front matter scalars are strings exactly as written ("2026-03-31", "true", "12"),
///   empty values are null, lists are arrays and mappings are objects in file order.
/// - A section's `id` is the profile's id for the heading, null for an unknown heading;
///   `text` is its readable text (paragraphs, list items, subheadings) joined by a blank line.
/// - A decision's `number` is its position (from 1); `written_number` is the number the
///   author wrote, null for a bullet.
/// - Lines are 1-based lines of the whole file, front matter included.
/// - `tables` (only when the document has tables): each table's line, id, caption, unit,
///   header texts and rows, a row as `{"line", "total", "reference", "cells": ["I alt",
///   "1.180"], "numbers": [null, 1180]}` (a number is null for text, an empty cell or an
///   ambiguous figure; "-" is 0; "0,49" is 0.49).
public enum PluginRequest {
    public static let protocolVersion = 1

    public static func json(for analyzed: AnalyzedDocument) -> JSONValue {
        let document = analyzed.document
        let sections: [JSONValue] = analyzed.sections.indices.map { index in
            let match = analyzed.sections[index]
            return .object([
                ("id", match.spec.map { .string($0.id) } ?? .null),
                ("heading", .string(match.section.heading)),
                ("line", .int(match.section.line)),
                ("text", .string(analyzed.prose(ofSection: index).joined(separator: "\n\n"))),
            ])
        }
        let decisions: [JSONValue] = analyzed.decisionPoints.enumerated().map { index, point in
            .object([
                ("number", .int(index + 1)),
                ("written_number", point.writtenNumber.map(JSONValue.int) ?? .null),
                ("text", .string(point.text)),
                ("line", .int(point.line)),
            ])
        }
        let appendices: [JSONValue] = analyzed.appendices.map { entry in
            .object([
                ("number", .int(entry.number)),
                ("title", .string(entry.title)),
                ("file", entry.file.map(JSONValue.string) ?? .null),
                ("line", .int(entry.line)),
            ])
        }
        var entries: [(String, JSONValue)] = [
            ("protocol", .int(protocolVersion)),
            ("path", .string(document.url.standardizedFileURL.path)),
            ("profile", .string(analyzed.profile.id)),
            ("front_matter", json(document.frontMatter, topLevel: true)),
            ("sections", .array(sections)),
            ("decisions", .array(decisions)),
            ("appendices", .array(appendices)),
            ("stats", .object([
                ("characters", .int(analyzed.characterCount)),
                ("lix", .double(analyzed.readability.lix)),
                ("decisions", .int(analyzed.decisionPoints.count)),
                ("appendices", .int(analyzed.appendices.count)),
            ])),
        ]
        let tables = document.tables
        if !tables.isEmpty { entries.append(("tables", .array(tables.map(\.pluginJSON)))) }
        return .object(entries)
    }

    /// The request as bytes: one line of compact JSON ending in a newline.
    public static func data(for analyzed: AnalyzedDocument) -> Data {
        Data((json(for: analyzed).serialized(pretty: false) + "\n").utf8)
    }

    /// YAML as JSON: scalars as strings, null as null, sequences as arrays, mappings as
    /// objects in file order. Empty front matter is an empty object.
    package static func json(_ value: YAMLValue, topLevel: Bool = false) -> JSONValue {
        switch value.content {
        case .null: return topLevel ? .object([]) : .null
        case .scalar(let text): return .string(text)
        case .sequence(let items): return .array(items.map { json($0) })
        case .mapping(let entries): return .object(entries.map { ($0.key, json($0.value)) })
        }
    }
}
