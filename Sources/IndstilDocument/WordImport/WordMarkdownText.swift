import Foundation
import IndstilSupport

/// Markdown text built line by line, each line remembering the Word paragraph it came
/// from and the heading it stands under: the map that turns a finding's Markdown line
/// into the paragraph a Word user finds.
package struct WordMarkdownText {
    package struct Origin: Sendable, Equatable {
        /// 1-based paragraph number in the Word document.
        package let paragraph: Int
        /// The nearest heading above, as shown; nil in the header block.
        package let heading: String?
    }

    /// Each line's origin, held in 8 bytes a line (a 300 000-paragraph document has twice
    /// as many lines): the paragraph, and an index into the headings, which follow each
    /// other in runs.
    package struct Origins: RandomAccessCollection, Sendable {
        private var paragraphs: [Int32] = []
        /// Into `headings`; -1 for none.
        private var headingIndices: [Int32] = []
        private var headings: [String] = []

        package var startIndex: Int { 0 }
        package var endIndex: Int { paragraphs.count }

        package subscript(position: Int) -> Origin {
            let heading = Int(headingIndices[position])
            return Origin(paragraph: Int(paragraphs[position]), heading: heading < 0 ? nil : headings[heading])
        }

        package mutating func append(_ origin: Origin) {
            paragraphs.append(Int32(clamping: origin.paragraph))
            guard let heading = origin.heading else {
                headingIndices.append(-1)
                return
            }
            if headings.last != heading { headings.append(heading) }
            headingIndices.append(Int32(clamping: headings.count - 1))
        }

        package mutating func reserveCapacity(_ count: Int) {
            paragraphs.reserveCapacity(count)
            headingIndices.reserveCapacity(count)
        }
    }

    package private(set) var lines: [String] = []
    package private(set) var origins = Origins()
    /// Every heading and its paragraph, also those not written as Markdown (the appendix
    /// list's): what a finding about a paragraph stands under.
    package private(set) var headings: [(paragraph: Int, text: String)] = []

    mutating func markHeading(_ text: String, paragraph: Int) {
        if let last = headings.last, last.paragraph > paragraph { headingsInOrder = false }
        headings.append((paragraph, text))
    }

    /// The heading a paragraph stands under; nil above the first. The last one marked at
    /// or before it, found by halving when the headings are in order (they are, but for
    /// the appendix list's), so a document's every finding is not a walk over every heading.
    package func heading(atParagraph paragraph: Int) -> String? {
        guard headingsInOrder else { return headings.last { $0.paragraph <= paragraph }?.text }
        var low = 0
        var high = headings.count  // the first heading after `paragraph` is in low...high
        while low < high {
            let middle = (low + high) / 2
            if headings[middle].paragraph <= paragraph { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? headings[low - 1].text : nil
    }

    private var headingsInOrder = true

    /// Room for `count` lines in all, so a large document's lines and their origins are
    /// held at their size.
    package mutating func reserveCapacity(_ count: Int) {
        lines.reserveCapacity(count)
        origins.reserveCapacity(count)
    }

    package mutating func append(_ line: String, paragraph: Int, heading: String?) {
        lines.append(line)
        origins.append(Origin(paragraph: max(1, paragraph), heading: heading))
    }

    /// A blank line, unless the text is empty or already ends with one.
    mutating func separate() {
        guard let last = lines.last, !last.isEmpty, let origin = origins.last else { return }
        append("", paragraph: origin.paragraph, heading: origin.heading)
    }

    package var text: String { lines.joined(separator: "\n") + "\n" }

    // MARK: Inline

    /// Text escaped so CommonMark reads it back as the same characters: every ASCII
    /// punctuation mark that could open markup gets a backslash.
    package static func escape(_ text: String) -> String {
        // Byte by byte (every character escaped is ASCII): walking Characters was a tenth of
        // importing a document of 300 000 paragraphs. Text with nothing to escape is returned as is.
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        var changed = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "]"),
                 UInt8(ascii: "<"), UInt8(ascii: "&"), UInt8(ascii: "|"):
                out.append(UInt8(ascii: "\\"))
                out.append(byte)
                changed = true
            case UInt8(ascii: "\t"):
                out.append(UInt8(ascii: " "))
                changed = true
            default:
                out.append(byte)
            }
        }
        return changed ? String(decoding: out, as: UTF8.self) : text
    }

    /// `text` without the white space at its ends (Foundation's trimming, much slower,
    /// would run on every line of a document).
    package static func trimmed(_ text: String) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }), let last = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(text[first...last])
    }

    /// A line beginning that CommonMark would read as a block marker ("1. ", "- ", "+ ",
    /// "=", "~~~") gets a backslash before its marker.
    static func protectLineStart(_ line: String) -> String {
        let trimmed = line.drop { $0 == " " }
        let indent = String(line.prefix(line.count - trimmed.count))
        guard let first = trimmed.first else { return line }
        if "-+=~#>".contains(first) { return indent + "\\" + trimmed }
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9, let after = trimmed.dropFirst(digits.count).first, after == "." || after == ")" {
            return indent + digits + "\\" + trimmed.dropFirst(digits.count)
        }
        return indent.count >= 4 ? String(trimmed) : line
    }

    /// Runs as Markdown lines (a line break starts a new line): bold `**…**`, italic
    /// `*…*`, code in backticks, links `[…](…)`; spaces stay outside the delimiters.
    package static func inline(_ runs: [WordRun]) -> [String] {
        var lines: [String] = [""]
        var index = 0
        while index < runs.count {
            let run = runs[index]
            if case .lineBreak = run.content {
                lines.append("")
                index += 1
                continue
            }
            if let link = run.link {
                var end = index
                var inner: [WordRun] = []
                while end < runs.count, runs[end].link == link, runs[end].content != .lineBreak {
                    var plain = runs[end]
                    plain.link = nil
                    inner.append(plain)
                    end += 1
                }
                let shown = inline(inner).joined(separator: " ")
                lines[lines.count - 1] += "[\(shown)](\(destination(link)))"
                index = end
                continue
            }
            lines[lines.count - 1] += formatted(run)
            index += 1
        }
        return lines
    }

    private static func formatted(_ run: WordRun) -> String {
        let raw: String
        switch run.content {
        case .text(let text): raw = text
        case .noteReference(let marker): raw = marker
        case .lineBreak: return ""
        }
        if run.code {
            let text = raw.replacingOccurrences(of: "\t", with: " ")
            let fence = text.contains("`") ? "``" : "`"
            return text.trimmingCharacters(in: .whitespaces).isEmpty ? text : "\(fence)\(text.hasPrefix("`") ? " " : "")\(text)\(text.hasSuffix("`") ? " " : "")\(fence)"
        }
        guard run.bold || run.italic, raw.contains(where: { !$0.isWhitespace }) else { return escape(raw) }
        let leading = String(raw.prefix { $0.isWhitespace })
        let trailing = String(raw.reversed().prefix { $0.isWhitespace }.reversed())
        let core = String(raw.dropFirst(leading.count).dropLast(trailing.count))
        let delimiter = (run.bold ? "**" : "") + (run.italic ? "*" : "")
        return escape(leading) + delimiter + escape(core) + String(delimiter.reversed()) + escape(trailing)
    }

    private static func destination(_ link: String) -> String {
        link.contains(where: { $0 == " " || $0 == "(" || $0 == ")" || $0 == "<" || $0 == ">" })
            ? "<\(link.replacingOccurrences(of: "<", with: "%3C").replacingOccurrences(of: ">", with: "%3E"))>" : link
    }
}
