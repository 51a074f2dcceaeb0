import Foundation

/// What a printed page must not split over two lines: a date ("1. september 2026"), a time
/// ("kl. 10.00"), an appendix number ("bilag 1", "Punkt 3, Bilag 2"), a page reference
/// ("side 3 af 9"), a paragraph or number ("§ 17", "nr. 4"). Each is wrapped in
/// `<span class="samlet">` (`white-space: nowrap` in the print stylesheets), in the text of
/// the HTML only — never inside a tag or before `<body>` — so the words stay as they are for
/// copying, searching and screen readers (no no-break space characters in the text).
public enum PrintTypography {
    static let months = "januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december"
    static let pattern = try! NSRegularExpression(pattern: [
        #"\b\d{1,2}\. (?:\#(months))(?: \d{4})?\b"#,
        #"\b(?:\#(months)) \d{4}\b"#,
        #"\bkl\. \d{1,2}[.:]\d{2}(?:[–-]\d{1,2}[.:]\d{2})?"#,
        #"\b(?:Punkt|punkt) \d+, (?:Bilag|bilag) \d+"#,
        #"\b(?:[Bb]ilag|[Pp]unkt|[Ss]ide|[Ss]ag) \d+(?: af \d+)?\b"#,
        #"(?:§|nr\.|stk\.) \d+"#,
    ].joined(separator: "|"))

    /// The class the print stylesheets keep on one line.
    public static let className = "samlet"

    /// The HTML as WeasyPrint sets it: the phrases wrapped, and the rule that keeps them
    /// together at the end of its head (whatever stylesheet the document has).
    public static func forPrint(_ html: String) -> String {
        let wrapped = keepingTogether(html)
        guard let head = wrapped.range(of: "</head>") else { return wrapped }
        return wrapped.replacingCharacters(in: head, with: "<style>.\(className) { white-space: nowrap; hyphens: manual; }</style>\n</head>")
    }

    /// The HTML with those phrases kept together. Scans bytes: a 500-page packet's HTML is
    /// megabytes, and only its runs of text are looked at.
    public static func keepingTogether(_ html: String) -> String {
        let bytes = html.utf8
        guard let body = html.range(of: "<body") else { return html }
        var out = String(html[..<body.lowerBound])
        out.reserveCapacity(bytes.count + bytes.count / 20)
        var index = body.lowerBound
        while index < html.endIndex {
            // A comment, or an element whose content is not text to lay out (a style sheet, a
            // script, an SVG drawing, a form field, a title): copied as it is to its end.
            if bytes[index] == UInt8(ascii: "<"), let end = rawEnd(html, from: index) {
                out += html[index..<end]
                index = end
                continue
            }
            // A tag, copied as it is.
            if bytes[index] == UInt8(ascii: "<") {
                let close = bytes[index...].firstIndex(of: UInt8(ascii: ">")).map { bytes.index(after: $0) } ?? html.endIndex
                out += html[index..<close]
                index = close
                continue
            }
            // A run of text, up to the next tag.
            let next = bytes[index...].firstIndex(of: UInt8(ascii: "<")) ?? html.endIndex
            out += wrapping(String(html[index..<next]))
            index = next
        }
        return out
    }

    static let rawElements = ["style", "script", "svg", "textarea", "title", "math"]

    /// Where a comment or a raw element starting at `index` ends (after "-->" or its closing
    /// tag), or nil when `index` starts an ordinary tag. Looks only at the bytes of the tag's
    /// name: it runs at every tag of a packet's megabytes of HTML.
    static func rawEnd(_ html: String, from index: String.Index) -> String.Index? {
        let bytes = html.utf8
        let rest = html[index...]
        if rest.utf8.starts(with: "<!--".utf8) {
            return rest.range(of: "-->")?.upperBound ?? html.endIndex
        }
        for name in rawElements where startsTag(name, in: bytes, at: index) {
            // A self-closing drawing (`<svg/>`, `<math/>`) has no content to skip; HTML ignores the
            // slash of `<script/>` or `<title/>`, whose content follows.
            if name == "svg" || name == "math", let close = rest.utf8.firstIndex(of: UInt8(ascii: ">")), close > index,
               bytes[bytes.index(before: close)] == UInt8(ascii: "/") {
                return nil
            }
            return rest.range(of: "</" + name, options: .caseInsensitive).flatMap { close in
                rest[close.upperBound...].firstIndex(of: ">").map { rest.index(after: $0) }
            } ?? html.endIndex
        }
        return nil
    }

    /// Whether `<name` (any case) followed by ">", "/" or white space starts at `index`.
    static func startsTag(_ name: String, in bytes: String.UTF8View, at index: String.Index) -> Bool {
        var position = bytes.index(after: index)  // past "<"
        for expected in name.utf8 {
            guard position < bytes.endIndex, bytes[position] | 0x20 == expected else { return false }
            position = bytes.index(after: position)
        }
        guard position < bytes.endIndex else { return false }
        let next = bytes[position]
        return next == UInt8(ascii: ">") || next == UInt8(ascii: " ") || next == UInt8(ascii: "\n")
            || next == UInt8(ascii: "\t") || next == UInt8(ascii: "/")
    }

    /// One run of text (escaped, no tags) with the phrases wrapped.
    static func wrapping(_ text: String) -> String {
        // Every phrase has a digit and a space: most runs have neither and are left at once.
        guard text.utf8.count > 4, text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }), text.utf8.contains(0x20) else { return text }
        let source = text as NSString
        var out = ""
        var last = 0
        for match in pattern.matches(in: text, range: NSRange(location: 0, length: source.length)) {
            out += source.substring(with: NSRange(location: last, length: match.range.location - last))
            out += "<span class=\"\(className)\">\(source.substring(with: match.range))</span>"
            last = match.range.location + match.range.length
        }
        return last == 0 ? text : out + source.substring(from: last)
    }
}
