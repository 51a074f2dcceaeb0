import Foundation
import IndstilSupport

/// An entry of the front matter's `bilag` list.
public struct AppendixEntry: Sendable, Equatable {
    /// Position in the list, from 1: "bilag 2" means the second entry.
    public let number: Int
    public let title: String
    public let file: String?
    /// Line of the list entry and of its `fil:` value.
    public let line: Int
    public let fileLine: Int
    public let isClosed: Bool

    package static func entries(in frontMatter: YAMLValue) -> [AppendixEntry] {
        guard let list = frontMatter["bilag"] else { return [] }
        return list.items.enumerated().map { index, item in
            let file = item["fil"]
            return AppendixEntry(
                number: index + 1,
                title: item["titel"]?.trimmedString ?? item.trimmedString ?? "",
                file: file?.trimmedString,
                line: item.line,
                fileLine: file?.line ?? item.line,
                isClosed: item["status"]?.trimmedString?.lowercased() == "lukket")
        }
    }
}

/// A mention of an appendix in the text: "bilag 2", "(bilag 1 og 3)", "jf. bilag 2-4".
public struct AppendixReference: Sendable, Equatable {
    /// The number as written; "5A" stays "5A" (and resolves to nothing).
    public let label: String
    public let number: Int?
    public let line: Int
    public let column: Int

    private static let pattern = try! NSRegularExpression(
        pattern: #"\bbilag\s+(\d+[A-Za-z]?(?:\s*(?:,|og|-|–)\s*\d+[A-Za-z]?)*)(?![\w.,]*\d)"#,
        options: [.caseInsensitive])

    package static func find(in document: Document, sections: [Section]) -> [AppendixReference] {
        var references: [AppendixReference] = []
        for section in sections {
            for block in section.blocks {
                for textBlock in block.textBlocks {
                    for (text, line) in textBlock.textLines {
                        references += find(inText: text, line: line, document: document)
                    }
                }
            }
        }
        return references
    }

    package static func find(inText text: String, line: Int, document: Document) -> [AppendixReference] {
        guard let window = searchWindow(text) else { return [] }
        var found: [AppendixReference] = []
        let range = NSRange(location: 0, length: window.utf16.count)
        for match in pattern.matches(in: window, range: range) {
            guard let listRange = Range(match.range(at: 1), in: window),
                  let wholeRange = Range(match.range, in: window) else { continue }
            let column = document.column(of: String(window[wholeRange]), inLine: line)
            for label in expand(String(window[listRange])) {
                found.append(AppendixReference(label: label, number: Int(label), line: line, column: column))
            }
        }
        return found
    }

    /// The part of `text` the pattern can match in: nil when "bilag" does not occur in any
    /// letter case (most lines), else the text from the last ASCII character before the first
    /// "bilag" (or all of it). Bridging a line to the regular expression costs by its length.
    ///
    /// Exact: every match starts at a "bilag"; the lookahead only looks forward; and the `\b`
    /// before "bilag" looks back only to the first character that is not a combining mark or
    /// format character, which an ASCII character never is, so it stops inside the window.
    /// No character outside ASCII case-folds to a letter of "bilag", so the byte search finds
    /// exactly what a case-insensitive search finds. (`byte | 0x20` is a letter's lower case
    /// for exactly its two ASCII cases: only "B" and "b" give "b", and so on.)
    static func searchWindow(_ text: String) -> String? {
        var text = text
        text.makeContiguousUTF8()
        let start: Int?? = text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            guard bytes.count >= 5 else { return nil }
            for first in 0...(bytes.count - 5) where bytes[first] | 0x20 == UInt8(ascii: "b") {
                if bytes[first + 1] | 0x20 == UInt8(ascii: "i"), bytes[first + 2] | 0x20 == UInt8(ascii: "l"),
                   bytes[first + 3] | 0x20 == UInt8(ascii: "a"), bytes[first + 4] | 0x20 == UInt8(ascii: "g") {
                    var start = first - 1
                    while start > 0 && bytes[start] >= 0x80 { start -= 1 }
                    return max(0, start)
                }
            }
            return nil
        }
        switch start {
        case .some(.none): return nil
        case .some(.some(let offset)):
            return offset == 0 ? text : String(Substring(text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: offset)...]))
        case .none: return text
        }
    }

    /// "1, 2 og 4-6" → ["1", "2", "4", "5", "6"]; ranges are capped to stay small.
    package static func expand(_ list: String) -> [String] {
        // Almost every reference names one appendix ("bilag 2"): only ASCII digits, nothing
        // to split or trim, and the label is the text itself.
        if !list.isEmpty, list.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) { return [list] }
        var labels: [String] = []
        let parts = list.replacingOccurrences(of: " og ", with: ",").split(separator: ",")
        for part in parts {
            let piece = part.trimmingCharacters(in: .whitespaces)
            let bounds = piece.split(whereSeparator: { $0 == "-" || $0 == "–" }).map { $0.trimmingCharacters(in: .whitespaces) }
            if bounds.count == 2, let low = Int(bounds[0]), let high = Int(bounds[1]), low <= high, high - low < 50 {
                labels += (low...high).map(String.init)
            } else {
                labels += bounds.filter { !$0.isEmpty }
            }
        }
        return labels
    }
}
