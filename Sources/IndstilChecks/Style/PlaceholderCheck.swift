import Foundation
import IndstilSupport
import IndstilDocument

/// Template leftovers: "[…]", "XX", "TODO", "[LINK](#)", "[04/09/2023 - 20 minutter]",
/// a paragraph that is only "." or "…".
public struct PlaceholderCheck: Check {
    package init() {}

    public let id = "style.placeholder"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "Der står en skabelonrest (fx […], XX, TODO eller [LINK](#))",
                                 en: "A template leftover remains (e.g. […], XX, TODO or [LINK](#))")

    public var examples: [CheckExample] {
        [
            .triggers("Et link uden mål", ExampleDocument.byraad.replacingSection("6. Hvad igangsættes", body: "Bookingsiden findes på [LINK](#). ⟵")),
            .triggers("XX i stedet for et beløb", ExampleDocument.byraad.replacingSection("8. Hvilke", body: "Ordningen koster XX kr. om året. ⟵")),
            .triggers("Skabelonens [dato - minutter]", ExampleDocument.byraad.replacingSection("6. Hvad igangsættes", body: "Sagen behandles [04/09/2023 - 20 minutter]. ⟵")),
            .triggers("TODO i front matter", ExampleDocument.byraad.settingField("titel", "titel: \"TODO skriv titel\" ⟵")),
            .triggers("Et afsnit der kun er »…«", ExampleDocument.byraad.replacingSection("7. Hvem", body: "Borgmesterens Afdeling driver siden.\n\n… ⟵")),
            .triggers("En tabelrække med kun »...«", .withTable("| Udgift | 2027 |\n|---|---:|\n| Booking | 600 |\n| ... | ... | ⟵")),
            .passes("En krydshenvisning uden tekst efter et linjeskift",
                    ExampleDocument.byraad.replacingSection("6. Hvad igangsættes", body: "Se analysen i\n[](bilag:analyse).")),
            .passes("Almindelig tekst med et rigtigt link",
                    ExampleDocument.byraad.replacingSection("6. Hvad igangsættes", body: "Bookingsiden findes på [aarhus.dk](https://www.aarhus.dk/lokaler). Projektet XXL-hallen er ikke omfattet.")),
        ]
    }

    private static let bracketed = try! NSRegularExpression(
        // No "[" inside the brackets: at a run of "[" every try then fails at once (a line of
        // 250 000 "[" took 4 s of the regex engine with `[^\]]`).
        pattern: #"\[\s*(?:…|\.\.\.?|x+|[^\[\]]{0,80}?(?:indsæt|udfyld|skriv|tekst her|navn|titel|minutter|link|dato)[^\[\]]{0,80}?|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}[^\[\]]{0,40})\s*\]"#,
        options: [.caseInsensitive])
    private static let markers = try! NSRegularExpression(pattern: #"(?<![\p{L}\d])(?:X{2,}|TODO|FIXME|TBD)(?![\p{L}\d])"#)

    package static func leftover(in text: String) -> String? {
        guard mayHoldLeftover(text) else { return nil }
        if let found = bracketedLeftover(in: text) { return found }
        let range = NSRange(text.startIndex..., in: text)
        if let match = markers.firstMatch(in: text, range: range), let found = Range(match.range, in: text) {
            return String(text[found])
        }
        return nil
    }

    /// The first match of `bracketed`. Every match is a "[" … "]" with no bracket between
    /// (no part of the pattern matches a bracket), so the expression runs on those pieces
    /// only, left to right: a line of many "[" is one pass over its bytes, where the engine
    /// tried a match from each "[" (a line of 960 000 "[" took 16 s).
    static func bracketedLeftover(in text: String) -> String? {
        let utf8 = text.utf8
        var open: String.Index?
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "[") {
                open = index
            } else if byte == UInt8(ascii: "]"), let start = open {
                open = nil
                let piece = String(decoding: utf8[start...index], as: UTF8.self)
                // "[]" is no leftover: every alternative needs a character.
                if piece.utf8.count > 2, let match = bracketed.firstMatch(in: piece, range: NSRange(piece.startIndex..., in: piece)),
                   let found = Range(match.range, in: piece) {
                    return String(piece[found])
                }
            }
            utf8.formIndex(after: &index)
        }
        return nil
    }

    /// A paragraph that is nothing but "." or "…" (a template's empty item). A link with no
    /// text, as in "[](bilag:id).", is content, not a leftover.
    static func onlyDots(_ block: MarkdownNode) -> String? {
        // Almost every paragraph starts with a letter: an ASCII character other than "."
        // before any white space is folded away rules it out without folding the text.
        let plain = block.plainText
        if let first = plain.utf8.first(where: { !($0 == 32 || (9...13).contains($0)) }), first < 0x80, first != UInt8(ascii: ".") {
            return nil
        }
        var hasLink = false
        block.forEach { if case .link = $0.kind { hasLink = true } }
        guard !hasLink else { return nil }
        let text = block.plainText.foldingWhitespace
        return !text.isEmpty && text.allSatisfy({ $0 == "." || $0 == "…" || $0 == " " }) ? text : nil
    }

    /// A byte scan that rules out most lines before any regular expression runs:
    /// a leftover needs "[", "XX", "TODO", "FIXME" or "TBD".
    static func mayHoldLeftover(_ text: String) -> Bool {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable(mayHoldLeftover) ?? true
    }

    private static func mayHoldLeftover(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: UInt8 = 0
        for byte in bytes {
            // Every byte that matters is in "D" (0x44) ... "[" (0x5B): most bytes are not.
            guard byte &- UInt8(ascii: "D") <= UInt8(ascii: "[") - UInt8(ascii: "D") else {
                previous = byte
                continue
            }
            switch byte {
            case UInt8(ascii: "["): return true
            case UInt8(ascii: "X") where previous == UInt8(ascii: "X"): return true
            case UInt8(ascii: "O") where previous == UInt8(ascii: "D"): return true  // TODO
            case UInt8(ascii: "M") where previous == UInt8(ascii: "I"): return true  // FIXME
            case UInt8(ascii: "D") where previous == UInt8(ascii: "B"): return true  // TBD
            default: break
            }
            previous = byte
        }
        return false
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let document = context.document
        var found = Self.leftovers(in: document.frontMatter)
        // Section by section: the blocks of a large document are not copied into one array first.
        found += Self.leftovers(inBlocks: document.preamble)
        for section in document.sections { found += Self.leftovers(inBlocks: section.blocks) }
        for section in document.sections {
            if let leftover = Self.leftover(in: section.heading) { found.append((leftover, section.line)) }
        }
        return found.map { leftover, line in
            diagnostic("Skabelonrest »\(leftover)«: erstat den med den rigtige tekst",
                       "Template leftover \"\(leftover)\": replace it with the real text",
                       line: line, column: document.column(of: leftover, inLine: line))
        }
    }

    /// Leftovers in Markdown blocks, with their lines: in the text, links without a
    /// target, paragraphs of only dots. (Also used for agenda notats, which have no profile.)
    package static func leftovers(inBlocks blocks: [MarkdownNode]) -> [(text: String, line: Int)] {
        var found: [(String, Int)] = []
        for block in blocks {
            block.forEach { node in
                if case .link(let destination, _) = node.kind {
                    let target = destination.trimmingCharacters(in: .whitespaces)
                    if target.isEmpty || target == "#" {
                        found.append(("[\(node.plainText)](\(target))", node.line))
                    }
                }
            }
            for textBlock in block.textBlocks {
                for (text, line) in textBlock.textLines {
                    if let leftover = leftover(in: text) { found.append((leftover, line)) }
                }
                if let dots = onlyDots(textBlock) { found.append((dots, textBlock.line)) }
            }
            for table in block.tables {
                found += leftovers(in: table)
            }
        }
        return found
    }

    /// Leftovers in a table's cells, and a row of nothing but "..." (a template's empty row).
    package static func leftovers(in table: Table) -> [(text: String, line: Int)] {
        var found: [(String, Int)] = []
        for row in [table.header] + table.rows {
            let filled = row.cells.map(\.text).filter { !$0.isEmpty }
            if !filled.isEmpty, filled.allSatisfy({ $0.allSatisfy { $0 == "." || $0 == "…" } }) {
                found.append((filled[0], row.line))
                continue
            }
            for cell in row.cells {
                if let leftover = leftover(in: cell.text) { found.append((leftover, cell.line)) }
            }
        }
        return found
    }

    /// Leftovers in every scalar of a YAML value (front matter, a manifest), with their lines.
    package static func leftovers(in value: YAMLValue) -> [(text: String, line: Int)] {
        switch value.content {
        case .scalar(let text): return leftover(in: text).map { [($0, value.line)] } ?? []
        case .sequence(let items): return items.flatMap { leftovers(in: $0) }
        case .mapping(let entries): return entries.flatMap { leftovers(in: $0.value) }
        case .null: return []
        }
    }
}
