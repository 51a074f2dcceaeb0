/// Splits "---\nYAML\n---\nMarkdown" into its two parts, keeping line numbers.
public struct FrontMatterSplit: Sendable {
    /// The YAML text between the fences (nil when the file has no front matter).
    public let yaml: String?
    /// File line of the first YAML line (the line after the opening fence).
    public let yamlFirstLine: Int
    /// File line of the closing fence (0 when there is no front matter).
    public let closingLine: Int
    /// The Markdown after the front matter.
    public let body: String
    /// Lines before the body starts (add to body line numbers to get file lines).
    public let bodyLineOffset: Int
    /// True when an opening fence has no closing fence.
    public let isUnterminated: Bool

    public static func split(_ text: String) -> FrontMatterSplit {
        // Most Markdown files (appendices) have no front matter: look at the first line only.
        guard text.utf8.first == UInt8(ascii: "-") else { return noFrontMatter(text) }
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { split(text, $0) } ?? noFrontMatter(text)
    }

    private static func noFrontMatter(_ text: String) -> FrontMatterSplit {
        FrontMatterSplit(yaml: nil, yamlFirstLine: 0, closingLine: 0, body: text, bodyLineOffset: 0, isUnterminated: false)
    }

    /// The lines as `String.lineSlices` cuts them, found one at a time and only up to the
    /// closing fence: the body after it (most of a document) is not split into lines here.
    private static func split(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> FrontMatterSplit {
        let utf8 = text.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        var lineIndex = 0
        var lineStart = 0
        var secondLineStart = 0
        var previousLineEnd = 0
        while true {
            var end = lineStart
            while end < bytes.count, !(bytes[end] == 10 && (end == 0 || bytes[end - 1] != 13)) { end += 1 }
            let fence = fence(bytes, lineStart..<end)
            if lineIndex == 0 {
                guard fence == .dashes else { return noFrontMatter(text) }
            } else if fence != nil {
                // The lines between the fences (and after the closing one) joined by "\n" are
                // exactly the text between them: slice instead of joining.
                let yaml = lineIndex > 1 ? String(text[index(secondLineStart)..<index(previousLineEnd)]) : ""
                let body = end < bytes.count ? String(text[index(end + 1)...]) : ""
                return FrontMatterSplit(yaml: yaml, yamlFirstLine: 2, closingLine: lineIndex + 1,
                                        body: body, bodyLineOffset: lineIndex + 1, isUnterminated: false)
            }
            guard end < bytes.count else {
                return FrontMatterSplit(yaml: nil, yamlFirstLine: 2, closingLine: 0, body: text, bodyLineOffset: 0, isUnterminated: true)
            }
            previousLineEnd = end
            lineStart = end + 1
            if lineIndex == 0 { secondLineStart = lineStart }
            lineIndex += 1
        }
    }

    private enum Fence { case dashes, dots }

    /// Whether the line, without trailing spaces and tabs, is "---" or "...". A space or tab
    /// at the end of a line is a Character of its own, and nothing else is canonically
    /// equivalent to "---" or "...", so comparing bytes finds what comparing Characters finds.
    private static func fence(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Fence? {
        var end = line.upperBound
        while end > line.lowerBound, bytes[end - 1] == 32 || bytes[end - 1] == 9 { end -= 1 }
        guard end - line.lowerBound == 3 else { return nil }
        let first = bytes[line.lowerBound]
        guard first == UInt8(ascii: "-") || first == UInt8(ascii: "."),
              bytes[line.lowerBound + 1] == first, bytes[line.lowerBound + 2] == first else { return nil }
        return first == UInt8(ascii: "-") ? .dashes : .dots
    }
}

extension String {
    /// The same as `split(separator: "\n", omittingEmptySubsequences: false)`, found on
    /// UTF-8 bytes instead of Characters. A "\n" is always a Character of its own, except
    /// in "\r\n", which is one Character and so is not split there either.
    package var lineSlices: [Substring] {
        var utf8 = self.utf8
        if let lines = utf8.withContiguousStorageIfAvailable({ Self.lineSlices(self, $0) }) { return lines }
        var copy = self
        copy.makeContiguousUTF8()
        utf8 = copy.utf8
        return utf8.withContiguousStorageIfAvailable { Self.lineSlices(copy, $0) }
            ?? split(separator: "\n", omittingEmptySubsequences: false)
    }

    private static func lineSlices(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> [Substring] {
        var lines: [Substring] = []
        // Counted first, so a large text's lines are not held with up to twice the room.
        var count = 1
        for offset in 0..<bytes.count where bytes[offset] == 10 && (offset == 0 || bytes[offset - 1] != 13) { count += 1 }
        lines.reserveCapacity(count)
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var startOffset = 0
        for offset in 0..<bytes.count where bytes[offset] == 10 && (offset == 0 || bytes[offset - 1] != 13) {
            let end = utf8.index(lineStart, offsetBy: offset - startOffset)
            lines.append(text[lineStart..<end])
            lineStart = utf8.index(after: end)
            startOffset = offset + 1
        }
        lines.append(text[lineStart...])
        return lines
    }
}
