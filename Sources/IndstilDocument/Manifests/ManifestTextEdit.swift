import Foundation
import IndstilSupport

/// Changes single-line fields of a manifest the way the workspace's buttons ask (an item's
/// `tilstand`, the agenda's `udsendt`, the records of sending), line by line, so that
/// everything else — comments, order, quoting, the other items — stays as the writer left
/// it. A field is replaced on its own line, or written as a new line among its siblings,
/// indented like them. A field written over several lines (a block list or mapping) is
/// replaced whole by its new one-line value: its own lines are those after the key indented
/// deeper than it.
public enum ManifestTextEdit {
    /// A field to set (a value) or to remove (nil).
    public struct Field: Sendable, Equatable {
        public let key: String
        public let value: String?
        /// The value is YAML already (a flow list or mapping, `[A, B]`), written as it is.
        public let isYAML: Bool

        public init(_ key: String, _ value: String?) {
            self.key = key
            self.value = value
            isYAML = false
        }

        /// A field whose value is written as YAML text (`flowList`, `flowMapping`).
        public init(_ key: String, yaml: String?) {
            self.key = key
            value = yaml
            isYAML = true
        }

        var written: String { isYAML ? value ?? "" : ManifestTextEdit.scalar(value ?? "") }
    }

    /// `[Ida Holm, "Bo, Jensen"]`.
    public static func flowList(_ values: [String]) -> String {
        "[" + values.map(scalar).joined(separator: ", ") + "]"
    }

    /// `{1: godkendt, 2: {udfald: godkendt med ændringer, tekst: "…"}}`: keys as given, values
    /// already YAML.
    public static func flowMapping(_ entries: [(key: String, yaml: String)]) -> String {
        "{" + entries.map { "\($0.key): \($0.yaml)" }.joined(separator: ", ") + "}"
    }

    /// The text with a new item appended to `punkter`, written as `- key: value` indented like
    /// the items before it; the item's number (from 1) is the count of items after.
    public static func appendingItem(_ field: Field, in text: String) throws(Failure) -> String {
        try editing(text, change: { root, lines throws(Failure) in
            guard let entry = root.entry("punkter"), let first = entry.value.items.first, let firstKey = first.entries.first else {
                throw Failure(message: Message(da: "Manifestet har ingen »punkter« at føje til", en: "The manifest has no \"punkter\" to add to"), line: 1)
            }
            guard let dash = dashColumn(of: firstKey, in: lines) else { throw notBlock(entry.keyLine) }
            let range = lineRange(of: entry, keyColumn: 0, lines: lines)
            lines.insert(String(repeating: " ", count: dash) + "- \(field.key): \(field.written)", at: range.upperBound)
        }, verify: { before, after in
            let (old, new) = (before["punkter"]?.items ?? [], after["punkter"]?.items ?? [])
            return new.count == old.count + 1 && sameExcept("punkter", before, after)
                && zip(old, new).allSatisfy { canonical($0.0) == canonical($0.1) }
                && new.last.map { changed(YAMLValue(content: .mapping([]), line: 1), into: $0, by: [field]) } == true
        })
    }

    public struct Failure: Error, Sendable, Equatable {
        public let message: Message
        public let line: Int
    }

    /// The text with `fields` set on item `number` (from 1) of `punkter`.
    public static func setting(_ fields: [Field], onItem number: Int, in text: String) throws(Failure) -> String {
        try editing(text, change: { root, lines throws(Failure) in
            guard let items = root["punkter"]?.items, items.indices.contains(number - 1) else {
                throw Failure(message: Message(da: "Manifestet har intet punkt \(number)", en: "The manifest has no item \(number)"), line: 1)
            }
            try set(fields, in: items[number - 1], lines: &lines)
        }, verify: { before, after in
            let (old, new) = (before["punkter"]?.items ?? [], after["punkter"]?.items ?? [])
            return old.count == new.count && sameExcept("punkter", before, after)
                && zip(old, new).enumerated().allSatisfy { $0.offset == number - 1 ? changed($0.element.0, into: $0.element.1, by: fields) : canonical($0.element.0) == canonical($0.element.1) }
        })
    }

    /// The text with `fields` set at the top level (new ones before `punkter`, when it is not first).
    public static func setting(_ fields: [Field], in text: String) throws(Failure) -> String {
        try editing(text, change: { root, lines throws(Failure) in try set(fields, in: root, lines: &lines, before: "punkter") },
                    verify: { before, after in changed(before, into: after, by: fields) })
    }

    /// A value as a YAML scalar on one line (`FrontMatterEdit.scalar`), safe inside the flow
    /// lists and mappings the workspace writes.
    public static func scalar(_ value: String) -> String {
        FrontMatterEdit.scalar(value, flow: true)
    }

    /// The items of `punkter` in the text, read as the edits read them.
    public static func items(in text: String) throws(Failure) -> [YAMLValue] {
        do { return try YAMLReader.parse(text.replacingOccurrences(of: "\r\n", with: "\n"))["punkter"]?.items ?? [] } catch {
            throw Failure(message: error.message, line: error.line)
        }
    }

    // MARK: - Lines

    /// Line separators other than "\n" that YAML counts as line breaks: a text holding one would
    /// put every line number after it one off.
    static let otherLineBreaks: [Character] = ["\u{85}", "\u{2028}", "\u{2029}", "\r"]

    /// Edits the text's lines, then reads the result again and keeps it only when `verify`
    /// finds exactly the change asked for (everything else as it was): an edit the line rules
    /// could get wrong is refused, never saved.
    private static func editing(_ text: String, change: (YAMLValue, inout [String]) throws(Failure) -> Void,
                                verify: (YAMLValue, YAMLValue) -> Bool) throws(Failure) -> String {
        // A file saved on Windows keeps its CRLF line ends; the lines are edited without them.
        let crlf = text.contains("\r\n")
        let plain = crlf ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
        if let odd = plain.firstIndex(where: { otherLineBreaks.contains($0) }) {
            let line = plain[..<odd].filter { $0 == "\n" }.count + 1
            throw Failure(message: Message(da: "Linjen har et usynligt linjeskift (fx U+2028 fra en kopieret tekst); ret den i teksten, før den ændres her",
                                           en: "The line holds an invisible line break (such as U+2028 from pasted text); fix it in the text before changing it here"),
                          line: line)
        }
        let root: YAMLValue
        do { root = try YAMLReader.parse(plain) } catch { throw Failure(message: error.message, line: error.line) }
        var lines = plain.components(separatedBy: "\n")
        try change(root, &lines)
        let result = lines.joined(separator: "\n")
        guard let after = try? YAMLReader.parse(result), verify(root, after) else {
            throw Failure(message: Message(da: "Ændringen kunne ikke skrives sikkert i manifestets tekst, som den er skrevet; ret den i teksten",
                                           en: "The change could not be written safely into the manifest's text as it is written; edit it in the text"),
                          line: 1)
        }
        return crlf ? result.replacingOccurrences(of: "\n", with: "\r\n") : result
    }

    // MARK: - Verifying

    /// A value's content without its lines, to compare what a text says before and after.
    static func canonical(_ value: YAMLValue) -> String {
        switch value.content {
        case .null: return "~"
        case .scalar(let text): return "s" + text.debugDescription
        case .sequence(let items): return "[" + items.map(canonical).joined(separator: ",") + "]"
        case .mapping(let entries): return "{" + entries.map { $0.key.debugDescription + ":" + canonical($0.value) }.joined(separator: ",") + "}"
        }
    }

    /// Every top-level entry but `key` is the same.
    static func sameExcept(_ key: String, _ before: YAMLValue, _ after: YAMLValue) -> Bool {
        let (old, new) = (before.entries.filter { $0.key != key }, after.entries.filter { $0.key != key })
        return old.map(\.key) == new.map(\.key) && zip(old, new).allSatisfy { canonical($0.0.value) == canonical($0.1.value) }
    }

    /// `after` is `before` with the fields set (a plain value reads back as written) or removed,
    /// and every other entry the same.
    static func changed(_ before: YAMLValue, into after: YAMLValue, by fields: [Field]) -> Bool {
        let keys = Set(fields.map(\.key))
        let (old, new) = (before.entries.filter { !keys.contains($0.key) }, after.entries.filter { !keys.contains($0.key) })
        guard old.map(\.key) == new.map(\.key), zip(old, new).allSatisfy({ canonical($0.0.value) == canonical($0.1.value) }) else { return false }
        return fields.allSatisfy { field in
            guard let value = field.value else { return after.entry(field.key) == nil }
            guard let written = after[field.key] else { return false }
            return field.isYAML || written.string == value
        }
    }

    /// Applies the fields to one mapping. Replacements and removals work from the bottom up
    /// so earlier line numbers stay right; new lines go in last, after the mapping's last
    /// entry (or before `anchor` at the top level).
    private static func set(_ fields: [Field], in mapping: YAMLValue, lines: inout [String], before anchor: String? = nil) throws(Failure) {
        guard case .mapping(let entries) = mapping.content, let first = entries.first else {
            throw Failure(message: Message(da: "Stedet, der skal ændres, er ikke nøgler med værdier", en: "The place to change is not keys with values"), line: mapping.line)
        }
        // Keys written in { } (several on one line) are not edited line by line.
        guard Set(entries.map(\.keyLine)).count == entries.count,
              lines[first.keyLine - 1].dropFirst(keyColumn(of: first, in: lines)).hasPrefix(first.key + ":")
        else { throw notBlock(first.keyLine) }
        let indent = String(repeating: " ", count: keyColumn(of: first, in: lines))
        var existing: [(entry: YAMLValue.Entry, field: Field)] = []
        var added: [Field] = []
        for field in fields {
            if let entry = entries.first(where: { $0.key == field.key }) {
                existing.append((entry, field))
            } else if field.value != nil {
                added.append(field)
            }
        }
        for (entry, field) in existing.sorted(by: { $0.entry.keyLine > $1.entry.keyLine }) {
            let column = keyColumn(of: entry, in: lines)
            let range = lineRange(of: entry, keyColumn: column, lines: lines)
            let prefix = String(lines[range.lowerBound].prefix(column))
            if field.value != nil {
                lines.replaceSubrange(range, with: [prefix + "\(field.key): \(field.written)"])
            } else if entry.keyLine == first.keyLine {
                // The item's first key carries the "- " of the list: keep it for the next key.
                throw Failure(message: Message(da: "»\(field.key)« står først i punktet og kan ikke fjernes her; ret den i teksten",
                                               en: "\"\(field.key)\" comes first in the item and cannot be removed here; edit it in the text"),
                              line: entry.keyLine)
            } else {
                lines.removeSubrange(range)
            }
        }
        guard !added.isEmpty else { return }
        let newLines = added.map { indent + "\($0.key): \($0.written)" }
        // Lines removed above lie after the first entry; the second entry's line is found
        // again by its key in the text.
        if let anchor, entries.first?.key != anchor, entries.contains(where: { $0.key == anchor }),
           let before = lineIndex(ofKey: anchor, from: first.keyLine, indent: indent, in: lines) {
            lines.insert(contentsOf: newLines, at: before)
        } else if let dash = dashPosition(of: first, in: lines) {
            // An item of a list: after its last line (every line indented deeper than its "-").
            lines.insert(contentsOf: newLines, at: lineRange(startingAt: dash.line, keyColumn: dash.column, isList: false, lines: lines).upperBound)
        } else {
            // The top level without the anchor: at the end of the text.
            let end = (lines.lastIndex { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? -1) + 1
            lines.insert(contentsOf: newLines, at: end)
        }
    }

    /// The column of the "-" that starts the list item whose first key is `first`: on the
    /// key's own line ("  - titel: A"), or alone on the line before it ("  -"). Nil for a
    /// mapping that is not a list item (the top level).
    static func dashColumn(of first: YAMLValue.Entry, in lines: [String]) -> Int? {
        dashPosition(of: first, in: lines)?.column
    }

    /// The index of the dash's line and its column.
    static func dashPosition(of first: YAMLValue.Entry, in lines: [String]) -> (line: Int, column: Int)? {
        let line = lines[first.keyLine - 1]
        let column = keyColumn(of: first, in: lines)
        if let dash = line.prefix(column).lastIndex(of: "-") { return (first.keyLine - 1, line.distance(from: line.startIndex, to: dash)) }
        let previous = lines[..<(first.keyLine - 1)].lastIndex { !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }
        guard let previous, lines[previous].trimmingCharacters(in: .whitespaces) == "-" else { return nil }
        return (previous, lines[previous].prefix(while: { $0 == " " }).count)
    }

    static func notBlock(_ line: Int) -> Failure {
        Failure(message: Message(da: "Punktet er skrevet på én linje med { } eller [ ] og kan ikke ændres her; ret det i teksten",
                                 en: "The item is written on one line with { } or [ ] and cannot be changed here; edit it in the text"),
                line: line)
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

    /// The lines of an entry: its key's line, then every line indented deeper than the key
    /// (a block value, a folded text), and the "- " items of a list written at the key's own
    /// indentation; blank lines and comments inside count, trailing ones do not.
    static func lineRange(of entry: YAMLValue.Entry, keyColumn: Int, lines: [String]) -> Range<Int> {
        let isList: Bool = { if case .sequence = entry.value.content { return true } else { return false } }()
        return lineRange(startingAt: entry.keyLine - 1, keyColumn: keyColumn, isList: isList, lines: lines)
    }

    static func lineRange(startingAt start: Int, keyColumn: Int, isList: Bool, lines: [String]) -> Range<Int> {
        var last = start
        var index = start + 1
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let indent = line.prefix(while: { $0 == " " }).count
            // Blank lines and comments (at any indentation: "# --- lukkede punkter ---") neither end
            // the entry nor count as its last line.
            if trimmed.isEmpty || trimmed.hasPrefix("#") {
                index += 1
                continue
            }
            guard indent > keyColumn || (isList && indent == keyColumn && trimmed.hasPrefix("-")) else { break }
            last = index
            index += 1
        }
        return start..<(last + 1)
    }
}
