import IndstilSupport
import IndstilDocument

/// The changes as JSON for CI and the workspace: each with its kind, place, section, label,
/// old and new text, lines and (for changed text) the word segments.
public enum RedlineJSON {
    public static func report(_ diff: DocumentDiff, old: String, new: String) -> JSONValue {
        func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        func line(_ value: Int?) -> JSONValue { value.map(JSONValue.int) ?? .null }
        let changes = diff.changes.map { change -> JSONValue in
            var entries: [(String, JSONValue)] = [
                ("kind", .string(change.kind.rawValue)), ("place", .string(change.place.rawValue)),
                ("section", text(change.section)), ("label", text(change.label)),
                ("old", text(change.old)), ("new", text(change.new)),
                ("oldLine", line(change.oldLine)), ("newLine", line(change.newLine)),
                ("summary", .string(RedlineWording.headline(change))),
            ]
            if change.kind == .moved { entries.append(("movedFrom", text(change.movedFrom))) }
            if !change.segments.isEmpty {
                entries.append(("segments", .array(change.segments.map { .object([("kind", .string($0.kind.rawValue)), ("text", .string($0.text))]) })))
            }
            return .object(entries)
        }
        var counts: [(String, JSONValue)] = []
        for kind in [DocumentChange.Kind.added, .removed, .changed, .moved] {
            counts.append((kind.rawValue, .int(diff.changes.filter { $0.kind == kind }.count)))
        }
        return .object([("old", .string(old)), ("new", .string(new)), ("count", .int(diff.changes.count)),
                        ("kinds", .object(counts)),
                        ("decisionPointsChanged", .bool(diff.changes.contains { $0.place == .decisionPoint })),
                        ("changes", .array(changes))])
    }
}
