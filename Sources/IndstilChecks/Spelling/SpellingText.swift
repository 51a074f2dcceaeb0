import IndstilSupport
import IndstilDocument

/// The text of a document a speller reads, line by line: paragraphs, headings, list items,
/// table cells that hold text, image descriptions, link texts, and the front matter's text
/// fields. Never code (spans and blocks), raw HTML, link addresses, numbers in cells, or
/// fields that are not prose (dates, case numbers, e-mail, phone, paths, choices, the profile
/// id). Names (a field whose key or label says "navn") are not read but accepted.
struct SpellingLine: Sendable {
    let text: String
    let line: Int
    /// Whether the line begins a sentence (a capital letter is expected there).
    let opensSentence: Bool
}

enum SpellingText {
    static func lines(of document: Document, profile: Profile) -> [SpellingLine] {
        var lines = frontMatterLines(document.frontMatter, fields: profile.fields, document: document)
        var collector = SpellingLineCollector()
        for block in document.preamble { collector.walk(block) }
        for section in document.sections {
            for block in section.blocks { collector.walk(block) }
        }
        lines += collector.lines
        return lines
    }

    /// Names the front matter gives (the case officer, people in lists): accepted words.
    static func names(in frontMatter: YAMLValue, fields: [FieldSpec]) -> [String] {
        var names: [String] = []
        visit(frontMatter, fields: fields) { field, value in
            if isName(field), let text = value.trimmedString { names.append(text) }
        }
        return names
    }

    static func frontMatterLines(_ frontMatter: YAMLValue, fields: [FieldSpec], document: Document) -> [SpellingLine] {
        var lines: [SpellingLine] = []
        visit(frontMatter, fields: fields) { field, value in
            guard field.type == .text, field.key != "profil", !isName(field), let text = value.string else { return }
            // A block scalar (`|`, `>`, with a chomping sign) starts on the line after its indicator.
            let source = document.sourceLine(value.line).utf8.reversed().drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            let last = source.first, beforeLast = source.dropFirst().first
            let isIndicator = last == UInt8(ascii: "|") || last == UInt8(ascii: ">")
                || ((last == UInt8(ascii: "-") || last == UInt8(ascii: "+")) && (beforeLast == UInt8(ascii: "|") || beforeLast == UInt8(ascii: ">")))
            let first = isIndicator && !value.isPlain ? value.line + 1 : value.line
            for (offset, piece) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                lines.append(SpellingLine(text: String(piece), line: first + offset, opensSentence: offset == 0))
            }
        }
        return lines
    }

    /// The column of `word` where it first stands as a whole word in `line` (the file's
    /// line), counted in characters; 1 when it is not there as written.
    static func column(of word: Substring, in line: Substring) -> Int {
        let needle = Array(word.utf8)
        guard !needle.isEmpty else { return 1 }
        func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
            guard bytes.count >= needle.count else { return 1 }
            var start = 0
            while start + needle.count <= bytes.count {
                if bytes[start] == needle[0], bytes[start..<(start + needle.count)].elementsEqual(needle),
                   start == 0 || !isLetterBefore(bytes, start),
                   start + needle.count == bytes.count || !isLetterAt(bytes, start + needle.count) {
                    // Counted in characters, as an editor counts columns.
                    return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<start]), as: UTF8.self).count + 1
                }
                start += 1
            }
            return 1
        }
        return line.utf8.withContiguousStorageIfAvailable(find) ?? Array(line.utf8).withUnsafeBufferPointer(find)
    }

    /// Whether a letter (ASCII or a Latin letter of two bytes) ends just before `index`.
    private static func isLetterBefore(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        let byte = bytes[index - 1]
        if byte < 0x80 { return DanishBytes.isWordByte(byte) }
        return index >= 2 && bytes[index - 2] >= 0xC3
    }

    private static func isLetterAt(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        let byte = bytes[index]
        if byte < 0x80 { return DanishBytes.isWordByte(byte) }
        return byte >= 0xC3 && byte != 0xE2
    }

    /// A field that holds a person's name.
    static func isName(_ field: FieldSpec) -> Bool {
        let key = field.key.lowercased(), label = field.label?.lowercased() ?? ""
        return key.contains("navn") || key.contains("name") || label.contains("navn")
    }

    /// Each scalar field value of the front matter with its field, through groups and lists.
    private static func visit(_ value: YAMLValue, fields: [FieldSpec], _ body: (FieldSpec, YAMLValue) -> Void) {
        for field in fields {
            guard let child = value[field.key] else { continue }
            switch field.type {
            case .group:
                visit(child, fields: field.fields ?? [], body)
            case .list:
                for item in child.items {
                    if let subfields = field.fields, !subfields.isEmpty { visit(item, fields: subfields, body) } else { body(field, item) }
                }
            default:
                body(field, child)
            }
        }
    }
}

/// Paragraphs, headings and table cells, each broken at its line breaks.
private struct SpellingLineCollector: MarkdownWalker {
    var lines: [SpellingLine] = []

    mutating func visitParagraph(_ node: MarkdownNode) { split(node) }
    mutating func visitHeading(_ node: MarkdownNode, level: Int) { split(node) }

    mutating func visitTable(_ node: MarkdownNode, table: Table) {
        for row in [table.header] + table.rows {
            for cell in row.cells where cell.reading == .text {
                var splitter = SpellingInlineSplitter(line: cell.fileLine ?? row.line)
                for inline in cell.content { splitter.walk(inline) }
                lines += splitter.finished
            }
        }
    }

    private mutating func split(_ node: MarkdownNode) {
        var splitter = SpellingInlineSplitter(line: node.line)
        splitter.descend(into: node)
        lines += splitter.finished
    }
}

/// One paragraph's inline content as lines: a code span, raw HTML and an address written as
/// its own link text are a gap (a word boundary), never read.
private struct SpellingInlineSplitter: MarkdownWalker {
    private var lines: [SpellingLine] = []
    private var current = ""
    private var line: Int

    init(line: Int) { self.line = line }

    var finished: [SpellingLine] {
        lines + [SpellingLine(text: current, line: line, opensSentence: lines.isEmpty)]
    }

    mutating func visitText(_ node: MarkdownNode, text: String) { current += text }
    mutating func visitInlineCode(_ node: MarkdownNode, code: String) { current += " " }
    mutating func visitInlineHTML(_ node: MarkdownNode, html: String) { current += " " }
    mutating func visitSoftBreak(_ node: MarkdownNode) { endLine() }
    mutating func visitLineBreak(_ node: MarkdownNode) { endLine() }

    mutating func visitLink(_ node: MarkdownNode, destination: String, title: String) {
        // <https://aarhus.dk> and [aarhus.dk/bolig](https://aarhus.dk/bolig): an address, not prose.
        let text = node.plainText
        if text == destination || destination.hasSuffix(text) || text.contains("://") {
            current += " "
        } else {
            descend(into: node)
        }
    }

    private mutating func endLine() {
        lines.append(SpellingLine(text: current, line: line, opensSentence: lines.isEmpty))
        current = ""
        line += 1
    }
}
