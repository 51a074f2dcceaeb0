import Foundation
import IndstilSupport

/// Changes fields in a document's front matter the way the workspace's form asks, line by
/// line, so that everything else — the body, the other fields, their comments and order —
/// stays as the writer left it. Only the changed field's lines are rewritten:
/// - a field (`titel`) or a field of a group (`sagsbehandler.navn`) gets its new value on its
///   own line (the template's "# fx …" comment after it goes: the form shows the guidance);
/// - a list (`bilag`, `tidligere_beslutninger`) is written out whole, `bilag: []` when empty;
/// - an empty value removes an optional field and leaves a required one empty (`titel: ""`);
/// - a field that is not there yet is written after the field before it in the profile's order.
public enum FrontMatterEdit {
    public enum Value: Sendable, Equatable {
        case text(String)
        /// A list of entries, each its fields in the profile's order.
        case list([[(String, String)]])

        public static func == (lhs: Value, rhs: Value) -> Bool {
            switch (lhs, rhs) {
            case (.text(let a), .text(let b)): a == b
            case (.list(let a), .list(let b)): a.map { $0.map { "\($0.0)=\($0.1)" } } == b.map { $0.map { "\($0.0)=\($0.1)" } }
            default: false
            }
        }
    }

    public struct Change: Sendable, Equatable {
        /// `titel`, or `sagsbehandler.navn` for a field of a group.
        public let key: String
        public let value: Value

        public init(key: String, value: Value) {
            self.key = key
            self.value = value
        }
    }

    public enum Failure: Error, Equatable {
        /// The text has no front matter between two `---` lines to change.
        case noFrontMatter
        /// The key is not a field of the profile (the form only sends the profile's fields).
        case unknownField(String)
    }

    /// The text with `changes` applied to its front matter.
    public static func apply(_ changes: [Change], to text: String, fields: [FieldSpec]) throws(Failure) -> String {
        // A file saved on Windows keeps its CRLF line ends; the lines are edited without them.
        if text.contains("\r\n") {
            return try apply(changes, to: text.replacingOccurrences(of: "\r\n", with: "\n"), fields: fields)
                .replacingOccurrences(of: "\n", with: "\r\n")
        }
        var lines = text.components(separatedBy: "\n")
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---",
              let end = lines.indices.dropFirst().first(where: { lines[$0].trimmingCharacters(in: .whitespaces) == "---" })
        else { throw .noFrontMatter }
        var block = Array(lines[1..<end])
        for change in changes {
            try apply(change, to: &block, fields: fields)
        }
        lines.replaceSubrange(1..<end, with: block)
        return lines.joined(separator: "\n")
    }

    private static func apply(_ change: Change, to block: inout [String], fields: [FieldSpec]) throws(Failure) {
        let parts = change.key.split(separator: ".", maxSplits: 1).map(String.init)
        guard let spec = fields.first(where: { $0.key == parts[0] }) else { throw .unknownField(change.key) }
        let order = fields.map(\.key)
        if parts.count == 2 {
            guard spec.type == .group, let inner = spec.fields?.first(where: { $0.key == parts[1] }) else { throw .unknownField(change.key) }
            guard case .text(let value) = change.value else { throw .unknownField(change.key) }
            setGroupField(parts[0], inner, value: value, in: &block, order: order, innerOrder: spec.fields?.map(\.key) ?? [])
            return
        }
        let written: [String]
        switch change.value {
        case .text(let value):
            guard spec.type != .list, spec.type != .group else { throw .unknownField(change.key) }
            if value.isEmpty && !spec.required {
                if let range = range(ofKey: spec.key, indent: 0, in: block) { block.removeSubrange(range) }
                return
            }
            written = ["\(spec.key): \(scalar(value))"]
        case .list(let entries):
            guard spec.type == .list else { throw .unknownField(change.key) }
            let kept = entries.map { $0.filter { !$0.1.isEmpty } }.filter { !$0.isEmpty }
            if kept.isEmpty {
                written = ["\(spec.key): []"]
            } else {
                written = ["\(spec.key):"] + kept.flatMap { entry in
                    entry.enumerated().map { index, field in (index == 0 ? "  - " : "    ") + "\(field.0): \(scalar(field.1))" }
                }
            }
        }
        replaceOrInsert(spec.key, with: written, in: &block, order: order, indent: 0)
    }

    private static func setGroupField(_ group: String, _ inner: FieldSpec, value: String, in block: inout [String],
                                      order: [String], innerOrder: [String]) {
        guard let groupRange = range(ofKey: group, indent: 0, in: block) else {
            if value.isEmpty && !inner.required { return }
            replaceOrInsert(group, with: ["\(group):", "  \(inner.key): \(scalar(value))"], in: &block, order: order, indent: 0)
            return
        }
        // The group's own line ends any inline value (`sagsbehandler: […]`): its fields follow it.
        block[groupRange.lowerBound] = "\(group):"
        var inside = Array(block[groupRange.dropFirst()])
        if value.isEmpty && !inner.required {
            if let range = range(ofKey: inner.key, indent: 2, in: inside) { inside.removeSubrange(range) }
        } else {
            replaceOrInsert(inner.key, with: ["  \(inner.key): \(scalar(value))"], in: &inside, order: innerOrder, indent: 2)
        }
        block.replaceSubrange(groupRange.index(after: groupRange.lowerBound)..<groupRange.upperBound, with: inside)
    }

    /// Replaces the lines of `key` (at `indent`), or inserts them after the nearest field
    /// before it in `order` that is there (else at the top, else after the last field).
    private static func replaceOrInsert(_ key: String, with written: [String], in block: inout [String], order: [String], indent: Int) {
        if let range = range(ofKey: key, indent: indent, in: block) {
            block.replaceSubrange(range, with: written)
            return
        }
        let position = order.firstIndex(of: key) ?? order.count
        for earlier in order[..<position].reversed() {
            if let range = range(ofKey: earlier, indent: indent, in: block) {
                block.insert(contentsOf: written, at: range.upperBound)
                return
            }
        }
        for later in order.dropFirst(position + 1) {
            if let range = range(ofKey: later, indent: indent, in: block) {
                block.insert(contentsOf: written, at: range.lowerBound)
                return
            }
        }
        block.append(contentsOf: written)
    }

    /// The lines of `key: …` at exactly `indent` spaces: its own line and every following line
    /// indented deeper (its value's lines), blank lines inside included.
    static func range(ofKey key: String, indent: Int, in block: [String]) -> Range<Int>? {
        let prefix = String(repeating: " ", count: indent) + key + ":"
        guard let start = block.firstIndex(where: { $0.hasPrefix(prefix) && indentation($0) == indent }) else { return nil }
        var end = start + 1
        var lastContent = start + 1
        while end < block.count {
            let line = block[end]
            if line.trimmingCharacters(in: .whitespaces).isEmpty { end += 1; continue }
            guard indentation(line) > indent || (indent == 0 && line.hasPrefix("- ")) else { break }
            end += 1
            lastContent = end
        }
        return start..<lastContent
    }

    private static func indentation(_ line: String) -> Int {
        line.prefix { $0 == " " }.count
    }

    /// A value as YAML on one line: plain when that reads back as the same text, else in
    /// double quotes. `flow`: the value may stand inside `{ }` or `[ ]`, where a comma ends it.
    /// Line breaks YAML counts (`\u{2028}` …) are escaped, so the value stays on its line.
    package static func scalar(_ value: String, flow: Bool = false) -> String {
        let characters = flow ? #"^[\p{L}\p{N}][\p{L}\p{N} ./()–@+'-]*$"# : #"^[\p{L}\p{N}][\p{L}\p{N} .,/()–@+'-]*$"#
        let plain = value.range(of: characters, options: .regularExpression) != nil
            && !value.hasSuffix(" ") && !value.contains(" #") && !value.contains(": ")
            && !["true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"].contains(value.lowercased())
        if plain { return value }
        var escaped = ""
        for character in value.unicodeScalars {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            case "\r": escaped += "\\r"
            case "\u{85}": escaped += "\\N"
            case "\u{2028}": escaped += "\\L"
            case "\u{2029}": escaped += "\\P"
            case _ where character.value < 0x20 || character.value == 0x7F: escaped += String(format: "\\x%02X", character.value)
            default: escaped.unicodeScalars.append(character)
            }
        }
        return "\"\(escaped)\""
    }
}
