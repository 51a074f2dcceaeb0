import IndstilSupport

/// The document as a reader sees it, line by line, each line tagged with the part it
/// belongs to: the `PlainTextLayout` of the render model. This is the plain-text
/// rendering (`render --to txt`) and the basis of "Antal tegn": the sum of the line
/// lengths (line breaks are not counted).
public struct RenderedText: Sendable, Equatable {
    public enum Part: Sendable, Equatable {
        case header, title, section(Int), signature, appendixList, earlierDecisions, sidebar
    }

    public struct Line: Sendable, Equatable {
        public let text: String
        public let part: Part
        /// Tabs between the cells of a table row, not counted (Word counts cell text only).
        public let cellBreaks: Int

        package init(text: String, part: Part, cellBreaks: Int = 0) {
            self.text = text
            self.part = part
            self.cellBreaks = cellBreaks
        }
    }

    /// Paragraph-like blocks, each a run of lines; blocks are separated by a blank line.
    public private(set) var blocks: [[Line]] = []

    package mutating func add(_ texts: [String], part: Part) {
        let lines = texts.map { $0.foldingWhitespace }.filter { !$0.isEmpty }.map { Line(text: $0, part: part) }
        if !lines.isEmpty { blocks.append(lines) }
    }

    package mutating func add(_ text: String, part: Part) { add([text], part: part) }

    /// A table: its caption, then one line per row, its cells (white space folded) separated
    /// by tabs, which "Antal tegn" does not count, as Word counts the text of the cells and
    /// not their borders.
    package mutating func add(caption: String?, rows: [[String]], part: Part) {
        var lines = [caption?.foldingWhitespace].compactMap { $0 }.filter { !$0.isEmpty }.map { Line(text: $0, part: part) }
        lines += rows.compactMap { cells -> Line? in
            let folded = cells.map { $0.foldingWhitespace }
            guard folded.contains(where: { !$0.isEmpty }) else { return nil }
            return Line(text: folded.joined(separator: "\t"), part: part, cellBreaks: folded.count - 1)
        }
        if !lines.isEmpty { blocks.append(lines) }
    }

    /// Characters with spaces (grapheme clusters), line breaks not counted.
    public func characters(where include: (Part) -> Bool = { _ in true }) -> Int {
        blocks.joined().filter { include($0.part) }.reduce(0) { $0 + $1.text.graphemeCount - $1.cellBreaks }
    }

    public func text(where include: (Part) -> Bool) -> String {
        blocks.joined().filter { include($0.part) }.map(\.text).joined(separator: "\n")
    }

    /// The text file: lines, a blank line between blocks, a final newline.
    public var plainText: String {
        blocks.map { $0.map(\.text).joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    /// The characters of each part of a layout, without its lines: what
    /// `characters(where:)` answers, kept where the text itself is not (a checked
    /// document's "Antal tegn" and section lengths).
    public struct Counts: Sendable, Equatable {
        /// Consecutive lines of one part summed, in layout order.
        private var parts: [Tally] = []

        private struct Tally: Sendable, Equatable {
            let part: Part
            var characters: Int
        }

        /// Adds the lines of `text`, counted as `characters(where:)` counts them.
        package mutating func add(_ text: RenderedText) {
            for line in text.blocks.joined() {
                let characters = line.text.graphemeCount - line.cellBreaks
                if let last = parts.indices.last, parts[last].part == line.part {
                    parts[last].characters += characters
                } else {
                    parts.append(Tally(part: line.part, characters: characters))
                }
            }
        }

        /// Characters with spaces (grapheme clusters) of the parts `include` takes.
        public func characters(where include: (Part) -> Bool = { _ in true }) -> Int {
            parts.reduce(0) { include($1.part) ? $0 + $1.characters : $0 }
        }
    }
}

extension String {
    /// `count` (grapheme clusters), counted on UTF-8 bytes when every scalar is below U+0300
    /// and there is no carriage return: there each scalar is a cluster of its own (no
    /// combining marks, joiners, Hangul or emoji; only "\r\n" joins two). "Antal tegn" counts
    /// every line of every document, mostly Latin text; anything else goes to `count`.
    var graphemeCount: Int {
        var text = self
        text.makeContiguousUTF8()
        let scalars: Int? = text.utf8.withContiguousStorageIfAvailable { bytes in
            var scalars = 0
            for byte in bytes {
                if byte >= 0xCC || byte == 13 { return nil }
                if byte & 0xC0 != 0x80 { scalars += 1 }
            }
            return scalars
        } ?? nil
        return scalars ?? count
    }
}
