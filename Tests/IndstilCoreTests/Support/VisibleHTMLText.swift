import Foundation

/// The text a reader sees on an HTML page rendered by indstil, line by line, the way a
/// browser shows it: tags stripped, entities decoded, white space folded within a line
/// (as "Antal tegn" folds it), a new line at each block (paragraph, heading, list item,
/// table row, each line of a `<pre>`), a `<br>` read as a space, and the bullet or number
/// the browser draws before a list item ("- " or "3. ") on the item's first line — but
/// only for the lists in the sections: the house style (`Templates/_base/style.css`) sets
/// `list-style: none` on the header lines, the decision points (which show their own
/// "At 1)") and the appendix and earlier-decision lists. The skip link is off screen.
///
/// A data table (`<table class="tabel">`) reads as Word counts it: its caption as a line,
/// then a line per row with a tab between the cells (tabs are not counted).
///
/// Written independently of `PlainTextLayout`, from the HTML alone, so that the two can
/// be compared.
struct VisibleHTMLText {
    struct Line: Equatable, CustomStringConvertible {
        let text: String
        /// The `id` of the document section (`afsnit-3`) the line is in, else nil.
        let section: String?
        /// Inside `<aside class="metadata">`: the metadata block.
        let inMetadata: Bool
        /// Inside the metadata table's `<caption>`.
        let inCaption: Bool

        var description: String { text }
    }

    private(set) var lines: [Line] = []

    private var current = ""
    private var pendingMarker = ""
    private var lists: [(ordered: Bool, next: Int, showsMarkers: Bool)] = []
    private var section: String?
    private var inMetadata = false
    private var inCaption = false
    private var inPre = false
    private var inDataTable = false
    private var cellIndex = 0
    /// Inside the skip link (`<a class="spring">`): off screen until it has the focus.
    private var inSkipLink = false

    init(html: String) {
        let body: Substring
        if let start = html.range(of: "<body>"), let end = html.range(of: "</body>", range: start.upperBound..<html.endIndex) {
            body = html[start.upperBound..<end.lowerBound]
        } else {
            body = Substring(html)
        }
        var rest = body
        while let open = rest.firstIndex(of: "<") {
            appendText(Self.decodingEntities(rest[rest.startIndex..<open]))
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            handleTag(rest[rest.index(after: open)..<close])
            rest = rest[rest.index(after: close)...]
        }
        appendText(Self.decodingEntities(rest))
        endLine()
    }

    /// Tags that begin or end a line of their own.
    private static let blockTags: Set<String> = [
        "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "caption", "pre", "blockquote",
        "ul", "ol", "section", "header", "aside", "main", "div", "table", "tbody",
    ]

    private mutating func handleTag(_ tag: Substring) {
        let closing = tag.hasPrefix("/")
        let name = String(tag.dropFirst(closing ? 1 : 0).prefix { $0.isLetter || $0.isNumber }).lowercased()
        let attributes = tag.dropFirst(closing ? 1 : 0).dropFirst(name.count)
        if Self.blockTags.contains(name) { endLine() }
        switch (name, closing) {
        case ("br", false):
            appendText(" ")
        case ("a", false) where Self.attribute("class", in: attributes) == "spring":
            inSkipLink = true
        case ("a", true):
            inSkipLink = false
        case ("section", false):
            section = Self.attribute("id", in: attributes).flatMap { $0.hasPrefix("afsnit-") ? $0 : nil }
        case ("section", true):
            section = nil
        case ("aside", _):
            inMetadata = !closing
        case ("table", _):
            inDataTable = !closing && Self.attribute("class", in: attributes) == "tabel"
        case ("tr", false):
            cellIndex = 0
        case ("td", false) where inDataTable, ("th", false) where inDataTable:
            if cellIndex > 0 { appendText("\t") }
            cellIndex += 1
        case ("caption", _):
            // The metadata table's caption is the template's name for it; a data table's is text.
            inCaption = !closing && !inDataTable
        case ("pre", _):
            inPre = !closing
        case ("ul", false), ("ol", false):
            // The house style draws bullets and numbers only for unstyled lists in the sections.
            let shows = section != nil && Self.attribute("class", in: attributes) == nil
            let start = Self.attribute("start", in: attributes).flatMap(Int.init) ?? 1
            lists.append((ordered: name == "ol", next: start, showsMarkers: shows))
        case ("ul", true), ("ol", true):
            _ = lists.popLast()
        case ("li", false):
            guard let list = lists.last, list.showsMarkers else { break }
            pendingMarker += list.ordered ? "\(list.next). " : "- "
            lists[lists.count - 1].next += 1
        case ("li", true):
            if !pendingMarker.isEmpty {
                // An item without text still shows its bullet or number.
                current = pendingMarker
                pendingMarker = ""
                endLine()
            }
        case ("th", true) where !inDataTable:
            // A metadata row shows its label and value in two columns; the line reads as
            // the profile wrote it, "Sagsnummer: 21-030966" (see the count test).
            appendText(": ")
        default:
            break
        }
    }

    private mutating func appendText(_ text: String) {
        guard !inSkipLink else { return }
        var text = Substring(text)
        while !text.isEmpty {
            let lineEnd = inPre ? text.firstIndex(of: "\n") : nil
            let piece = text[text.startIndex..<(lineEnd ?? text.endIndex)]
            if !pendingMarker.isEmpty, piece.contains(where: { !$0.isWhitespace }) {
                current = pendingMarker + current
                pendingMarker = ""
            }
            current += piece
            guard let lineEnd else { break }
            endLine()
            text = text[text.index(after: lineEnd)...]
        }
    }

    private mutating func endLine() {
        // The cells of a data table's row, each folded, a tab between them; a row of empty cells shows nothing.
        let cells = current.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).foldingWhitespace }
        let text = cells.contains { !$0.isEmpty } ? cells.joined(separator: "\t") : ""
        current = ""
        if !text.isEmpty {
            lines.append(Line(text: text, section: section, inMetadata: inMetadata, inCaption: inCaption))
        }
    }

    private static func attribute(_ name: String, in attributes: Substring) -> String? {
        guard let range = attributes.range(of: " \(name)=\"") else { return nil }
        let value = attributes[range.upperBound...].prefix { $0 != "\"" }
        return decodingEntities(value)
    }

    static func decodingEntities(_ text: Substring) -> String {
        guard text.contains("&") else { return String(text) }
        var out = ""
        var rest = text
        while let amp = rest.firstIndex(of: "&") {
            out += rest[rest.startIndex..<amp]
            guard let semicolon = rest[amp...].prefix(12).firstIndex(of: ";") else {
                out += "&"
                rest = rest[rest.index(after: amp)...]
                continue
            }
            let entity = rest[rest.index(after: amp)..<semicolon]
            let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}"]
            if let value = named[String(entity)] {
                out += value
            } else if entity.hasPrefix("#x") || entity.hasPrefix("#X"), let code = UInt32(entity.dropFirst(2), radix: 16),
                      let scalar = Unicode.Scalar(code) {
                out.unicodeScalars.append(scalar)
            } else if entity.hasPrefix("#"), let code = UInt32(entity.dropFirst()), let scalar = Unicode.Scalar(code) {
                out.unicodeScalars.append(scalar)
            } else {
                out += rest[amp...semicolon]
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return out + rest
    }
}
