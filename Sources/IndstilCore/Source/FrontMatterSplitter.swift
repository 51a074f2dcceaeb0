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
        let noFrontMatter = FrontMatterSplit(yaml: nil, yamlFirstLine: 0, closingLine: 0, body: text, bodyLineOffset: 0, isUnterminated: false)
        // Most Markdown files (appendices) have no front matter: look at the first line only.
        guard text.utf8.first == UInt8(ascii: "-") else { return noFrontMatter }
        let lines = text.lineSlices
        guard let first = lines.first, first.trimmingTrailingSpaces == "---" else { return noFrontMatter }
        for index in 1..<max(1, lines.count) {
            let candidate = lines[index].trimmingTrailingSpaces
            if candidate == "---" || candidate == "..." {
                // The lines between the fences (and after the closing one) joined by "\n" are
                // exactly the text between them: slice instead of joining.
                let yaml = index > 1 ? String(text[lines[1].startIndex..<lines[index - 1].endIndex]) : ""
                let body = index + 1 < lines.count ? String(text[lines[index + 1].startIndex...]) : ""
                return FrontMatterSplit(yaml: yaml, yamlFirstLine: 2, closingLine: index + 1,
                                        body: body, bodyLineOffset: index + 1, isUnterminated: false)
            }
        }
        return FrontMatterSplit(yaml: nil, yamlFirstLine: 2, closingLine: 0, body: text, bodyLineOffset: 0, isUnterminated: true)
    }
}

extension String {
    /// The same as `split(separator: "\n", omittingEmptySubsequences: false)`, found on
    /// UTF-8 bytes instead of Characters. A "\n" is always a Character of its own, except
    /// in "\r\n", which is one Character and so is not split there either.
    var lineSlices: [Substring] {
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

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var end = endIndex
        while end > startIndex, let previous = self[..<end].last, previous == " " || previous == "\t" {
            end = index(before: end)
        }
        return self[startIndex..<end]
    }
}
