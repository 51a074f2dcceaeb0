import IndstilSupport
import IndstilDocument

/// Fills `{titel}`, `{sagsbehandler.navn}`, `{dato}` … written as plain text in a Word
/// template's header or footer with the document's front matter (`FieldTemplate`, so a
/// date reads "31. marts 2021" and filters such as `{status|upper}` work). Word and
/// LibreOffice often split such a text over several runs ("{" "titel" "}" after an edit
/// or a spelling check); the text of a paragraph's `w:t` elements is read as one, and
/// the value is put where the placeholder starts, keeping that run's formatting. Word
/// fields (PAGE, NUMPAGES) are `w:fldChar`/`w:instrText`, not text, and stay fields; the
/// template's other field codes are already gone (`DocxFieldCodes`).
enum DocxPlaceholders {
    /// `{name}`, `{a.b}`, `{name|filter}`: letters, digits, `_ . | -`.
    private static func isNameCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || "_.|-".contains(character)
    }

    /// The part with every placeholder replaced by `value(name)` (the text between the braces).
    static func fill(_ xml: String, prefix: String, value: (String) -> String) -> String {
        let textTag = prefix.isEmpty ? "t" : "\(prefix):t"
        let paragraphTag = prefix.isEmpty ? "p" : "\(prefix):p"
        // The w:t elements: where their text is, and which paragraph they are in.
        var nodes: [(open: Range<String.Index>, text: Range<String.Index>, paragraph: Int)] = []
        var paragraph = 0
        var index = xml.startIndex
        while let open = xml[index...].firstIndex(of: "<"), let close = xml[open...].firstIndex(of: ">") {
            let tag = xml[open...close]
            let name = tag.dropFirst().prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
            index = xml.index(after: close)
            if name == paragraphTag || name == "/" + paragraphTag {
                paragraph += 1
            } else if name == textTag, !tag.hasSuffix("/>") {
                let end = xml[index...].firstIndex(of: "<") ?? xml.endIndex
                nodes.append((open..<xml.index(after: close), index..<end, paragraph))
                index = end
            }
        }
        guard !nodes.isEmpty else { return xml }

        var replacements: [(range: Range<String.Index>, with: String)] = []
        var start = 0
        while start < nodes.count {
            var end = start
            while end + 1 < nodes.count, nodes[end + 1].paragraph == nodes[start].paragraph { end += 1 }
            let group = Array(nodes[start...end])
            var texts = group.map { Array(DocxRawXML.unescape(xml[$0.text])) }
            if fillPlaceholders(&texts, value: value) {
                for (node, text) in zip(group, texts) {
                    replacements.append((node.open, "<\(textTag) xml:space=\"preserve\">"))
                    replacements.append((node.text, String(text).markupEscaped))
                }
            }
            start = end + 1
        }
        var out = xml
        for replacement in replacements.reversed() {
            out.replaceSubrange(replacement.range, with: replacement.with)
        }
        return out
    }

    /// Replaces the placeholders in the texts of one paragraph's runs, read as one text;
    /// true when anything was replaced.
    private static func fillPlaceholders(_ texts: inout [[Character]], value: (String) -> String) -> Bool {
        // Every character with the run it is in.
        var positions: [(node: Int, offset: Int)] = []
        for (node, text) in texts.enumerated() {
            for offset in text.indices { positions.append((node, offset)) }
        }
        let joined = texts.flatMap { $0 }
        var matches: [(start: Int, end: Int, name: String)] = []
        var index = 0
        while index < joined.count {
            if joined[index] == "{" {
                var close = index + 1
                while close < joined.count, isNameCharacter(joined[close]) { close += 1 }
                if close < joined.count, joined[close] == "}", close > index + 1 {
                    matches.append((index, close, String(joined[(index + 1)..<close])))
                    index = close + 1
                    continue
                }
            }
            index += 1
        }
        guard !matches.isEmpty else { return false }
        // From the last match back, so earlier positions stay valid.
        for match in matches.reversed() {
            let first = positions[match.start]
            let last = positions[match.end]
            let replacement = Array(value(match.name))
            if first.node == last.node {
                texts[first.node].replaceSubrange(first.offset...last.offset, with: replacement)
            } else {
                texts[last.node].removeSubrange(0...last.offset)
                for node in (first.node + 1)..<last.node { texts[node].removeAll() }
                texts[first.node].replaceSubrange(first.offset..., with: replacement)
            }
        }
        return true
    }
}
