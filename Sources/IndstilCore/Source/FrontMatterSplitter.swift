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
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingTrailingSpaces == "---" else {
            return FrontMatterSplit(yaml: nil, yamlFirstLine: 0, closingLine: 0, body: text, bodyLineOffset: 0, isUnterminated: false)
        }
        for index in 1..<max(1, lines.count) {
            let candidate = lines[index].trimmingTrailingSpaces
            if candidate == "---" || candidate == "..." {
                let yaml = lines[1..<index].joined(separator: "\n")
                let body = lines[(index + 1)...].joined(separator: "\n")
                return FrontMatterSplit(yaml: yaml, yamlFirstLine: 2, closingLine: index + 1,
                                        body: body, bodyLineOffset: index + 1, isUnterminated: false)
            }
        }
        return FrontMatterSplit(yaml: nil, yamlFirstLine: 2, closingLine: 0, body: text, bodyLineOffset: 0, isUnterminated: true)
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
