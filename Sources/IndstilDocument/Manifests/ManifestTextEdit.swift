import Foundation
import IndstilSupport

/// Changes single-line fields of a manifest the way the workspace's buttons ask (an item's
/// `tilstand`, the agenda's `udsendt`, the records of sending), line by line, so that
/// everything else — comments, order, quoting, the other items — stays as the writer left
/// it. A field is replaced on its own line, or written as a new line among its siblings,
/// indented like them. Only fields whose value sits on the key's own line are changed; a
/// field written over several lines is refused rather than rewritten.
public enum ManifestTextEdit {
    /// A field to set (a value) or to remove (nil).
    public struct Field: Sendable, Equatable {
        public let key: String
        public let value: String?

        public init(_ key: String, _ value: String?) {
            self.key = key
            self.value = value
        }
    }

    public struct Failure: Error, Sendable, Equatable {
        public let message: Message
        public let line: Int
    }

    /// The text with `fields` set on item `number` (from 1) of `punkter`.
    public static func setting(_ fields: [Field], onItem number: Int, in text: String) throws(Failure) -> String {
        try editing(text) { root, lines throws(Failure) in
            guard let items = root["punkter"]?.items, items.indices.contains(number - 1) else {
                throw Failure(message: Message(da: "Manifestet har intet punkt \(number)", en: "The manifest has no item \(number)"), line: 1)
            }
            try set(fields, in: items[number - 1], lines: &lines)
        }
    }

    /// The text with `fields` set at the top level (new ones before `punkter`, when it is not first).
    public static func setting(_ fields: [Field], in text: String) throws(Failure) -> String {
        try editing(text) { root, lines throws(Failure) in try set(fields, in: root, lines: &lines, before: "punkter") }
    }

    /// A value as a YAML scalar on one line: plain when it reads back as the same text,
    /// double-quoted otherwise.
    public static func scalar(_ value: String) -> String {
        let plain = value.range(of: #"^[\p{L}\p{N}][\p{L}\p{N} ._/-]*$"#, options: .regularExpression) != nil
            && !["true", "false", "yes", "no", "null", "on", "off", "y", "n", "~"].contains(value.lowercased())
            && !value.hasSuffix(" ")
        if plain { return value }
        var quoted = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f { quoted += String(format: "\\x%02X", scalar.value) } else { quoted.unicodeScalars.append(scalar) }
            }
        }
        return quoted + "\""
    }

    // MARK: - Lines

    private static func editing(_ text: String, _ change: (YAMLValue, inout [String]) throws(Failure) -> Void) throws(Failure) -> String {
        // A file saved on Windows keeps its CRLF line ends; the lines are edited without them.
        let crlf = text.contains("\r\n")
        let plain = crlf ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
        let root: YAMLValue
        do { root = try YAMLReader.parse(plain) } catch { throw Failure(message: error.message, line: error.line) }
        var lines = plain.components(separatedBy: "\n")
        try change(root, &lines)
        let result = lines.joined(separator: "\n")
        return crlf ? result.replacingOccurrences(of: "\n", with: "\r\n") : result
    }

    /// Applies the fields to one mapping. Replacements and removals work from the bottom up
    /// so earlier line numbers stay right; new lines go in last, before the mapping's second
    /// entry (always a key line of its own at the siblings' indentation) or after a one-entry
    /// mapping's only line.
    private static func set(_ fields: [Field], in mapping: YAMLValue, lines: inout [String], before anchor: String? = nil) throws(Failure) {
        guard case .mapping(let entries) = mapping.content, let first = entries.first else {
            throw Failure(message: Message(da: "Stedet, der skal ændres, er ikke nøgler med værdier", en: "The place to change is not keys with values"), line: mapping.line)
        }
        let indent = String(repeating: " ", count: keyColumn(of: first, in: lines))
        var existing: [(entry: YAMLValue.Entry, field: Field)] = []
        var added: [Field] = []
        for field in fields {
            if let entry = entries.first(where: { $0.key == field.key }) {
                guard isSingleLine(entry, lines: lines) else {
                    throw Failure(message: Message(da: "»\(field.key)« fylder flere linjer og kan ikke ændres her; ret den i teksten",
                                                   en: "\"\(field.key)\" spans several lines and cannot be changed here; edit it in the text"),
                                  line: entry.keyLine)
                }
                existing.append((entry, field))
            } else if field.value != nil {
                added.append(field)
            }
        }
        for (entry, field) in existing.sorted(by: { $0.entry.keyLine > $1.entry.keyLine }) {
            let index = entry.keyLine - 1
            let line = lines[index]
            let column = keyColumn(of: entry, in: lines)
            let prefix = String(line.prefix(column))
            if let value = field.value {
                lines[index] = prefix + "\(field.key): \(scalar(value))"
            } else if entry.keyLine == first.keyLine {
                // The item's first key carries the "- " of the list: keep it for the next key.
                throw Failure(message: Message(da: "»\(field.key)« står først i punktet og kan ikke fjernes her; ret den i teksten",
                                               en: "\"\(field.key)\" comes first in the item and cannot be removed here; edit it in the text"),
                              line: entry.keyLine)
            } else {
                lines.remove(at: index)
            }
        }
        guard !added.isEmpty else { return }
        let newLines = added.map { indent + "\($0.key): \(scalar($0.value ?? ""))" }
        // Lines removed above lie after the first entry; the second entry's line is found
        // again by its key in the text.
        if let anchor, entries.first?.key != anchor, entries.contains(where: { $0.key == anchor }),
           let before = lineIndex(ofKey: anchor, from: first.keyLine, indent: indent, in: lines) {
            lines.insert(contentsOf: newLines, at: before)
        } else if entries.count > 1, let second = lineIndex(ofKey: entries[1].key, from: first.keyLine, indent: indent, in: lines) {
            lines.insert(contentsOf: newLines, at: second)
        } else if isSingleLine(first, lines: lines) {
            lines.insert(contentsOf: newLines, at: first.keyLine)
        } else {
            throw Failure(message: Message(da: "Punktet kan ikke få nye felter her; skriv dem i teksten",
                                           en: "The item cannot get new fields here; write them in the text"), line: first.keyLine)
        }
    }

    /// The column where the entry's key starts on its line (after any "- ").
    private static func keyColumn(of entry: YAMLValue.Entry, in lines: [String]) -> Int {
        let line = lines[entry.keyLine - 1]
        let characters = Array(line)
        var index = 0
        while index < characters.count, characters[index] == " " || characters[index] == "-" { index += 1 }
        return index
    }

    private static func lineIndex(ofKey key: String, from line: Int, indent: String, in lines: [String]) -> Int? {
        let start = indent + key + ":"
        return lines.indices.dropFirst(line).first { lines[$0].hasPrefix(start) }
    }

    /// The value is a scalar written on the key's own line (not `|`, `>`, or a flow over lines).
    private static func isSingleLine(_ entry: YAMLValue.Entry, lines: [String]) -> Bool {
        guard case .scalar = entry.value.content, entry.value.line == entry.keyLine || entry.value.string == "" else {
            if case .null = entry.value.content { return true }
            return false
        }
        let line = lines[entry.keyLine - 1]
        guard let colon = line.range(of: entry.key + ":") else { return false }
        let rest = line[colon.upperBound...].trimmingCharacters(in: .whitespaces)
        if rest.hasPrefix("|") || rest.hasPrefix(">") { return false }
        // A quoted value that does not close on this line goes on.
        if let quote = rest.first, quote == "\"" || quote == "'" {
            return rest.dropFirst().contains(quote)
        }
        return !rest.isEmpty || entry.value.string == ""
    }
}
