import IndstilSupport

/// Walks word/document.xml into a `WordBody`. Text is what Word shows with tracked
/// changes accepted (insertions read, deletions left out), each change, comment, field,
/// text box and embedded object reported with the paragraph it is in. Recursion follows
/// the XML, whose depth `WordXML` has already limited.
struct WordBodyReader {
    /// Relationship id → external address (hyperlinks).
    package let links: [String: String]
    /// Comment id → author and text.
    let comments: [String: (author: String?, text: String)]

    private var body = WordBody()
    private var paragraphCount = 0
    private var noteCount = 0
    private var noteMarkers: [WordNoteKey: String] = [:]
    /// The paragraph each note is first referred to from.
    private var noteParagraphs: [WordNoteKey: Int] = [:]
    /// A comment is marked where its range starts and where it is referred to: one finding.
    private var reportedComments = Set<String>()
    /// Inside a complex field: before `separate` the instruction, after it the shown result.
    private var fieldStack: [(instruction: String, showingResult: Bool)] = []

    package init(links: [String: String], comments: [String: (author: String?, text: String)]) {
        self.links = links
        self.comments = comments
    }

    package static func read(document: WordXMLElement, notes: [WordNoteKey: WordXMLElement], links: [String: String],
                     comments: [String: (author: String?, text: String)]) -> WordBody {
        var reader = WordBodyReader(links: links, comments: comments)
        let bodyElement = document.child("body") ?? document
        var blocks: [WordBlock] = []
        // The body's elements are taken out of the tree and each let go once read: the XML
        // of a large body (some 150 bytes an element) and what is read from it are never
        // both whole.
        var nodes = bodyElement.takeChildren()
        blocks.reserveCapacity(nodes.reduce(0) { count, node in
            if case .element(let element) = node, element.name == "p" || element.name == "tbl" { return count + 1 }
            return count
        })
        var dropCap: WordParagraph?
        for index in nodes.indices {
            guard case .element(let element) = nodes[index] else { continue }
            nodes[index] = .text("")
            reader.readBlock(element, into: &blocks, dropCap: &dropCap)
        }
        if let held = dropCap { blocks.append(.paragraph(held)) }
        reader.body.blocks = blocks
        reader.body.noteMarkers = reader.noteMarkers
        // Notes are read after the body: their numbers follow the order of reference. What
        // is reported in a note (a tracked change, a comment) is placed on the paragraph
        // that refers to it.
        for (key, element) in notes.sorted(by: { (reader.noteParagraphs[$0.key] ?? 0, "\($0.key)") < (reader.noteParagraphs[$1.key] ?? 0, "\($1.key)") })
        where reader.noteMarkers[key] != nil {
            let part: WordNotice.Part
            if case .footnote = key { part = .footnote } else { part = .endnote }
            let read = readPart(element, part: part, paragraph: reader.noteParagraphs[key] ?? 1, links: links, comments: comments)
            reader.body.notes[key] = read.lines.joined(separator: " ")
            reader.body.notices += read.notices
        }
        return reader.body
    }

    /// A note, header or footer read on its own: its lines (text boxes in it included) and
    /// what it holds that is reported, placed on `paragraph` of the body and marked with `part`.
    package static func readPart(_ element: WordXMLElement, part: WordNotice.Part, paragraph: Int, links: [String: String],
                                 comments: [String: (author: String?, text: String)]) -> (lines: [String], notices: [WordNotice]) {
        var blocks: [WordBlock] = []
        var reader = WordBodyReader(links: links, comments: comments)
        reader.readBlocks(element, into: &blocks)
        var lines: [String] = []
        func collect(_ blocks: [WordBlock]) {
            for block in blocks {
                switch block {
                case .paragraph(let paragraph):
                    let text = paragraph.text.foldingWhitespace
                    if !text.isEmpty { lines.append(text) }
                    for box in paragraph.textBoxes { collect(box.blocks) }
                case .table(let table):
                    for row in table.rows { for cell in row { collect(cell) } }
                }
            }
        }
        collect(blocks)
        let notices = reader.body.notices.compactMap { notice -> WordNotice? in
            switch notice.kind {
            case .textBox:
                return nil  // read with the note or header
            case .insertion, .deletion, .formatChange, .comment:
                break
            default:
                // A header's page number (a field), logo or picture is the page's, not the text's.
                if part == .header || part == .footer { return nil }
            }
            return WordNotice(kind: notice.kind, paragraph: paragraph, part: part)
        }
        return (lines, notices)
    }

    // MARK: Blocks

    private mutating func readBlocks(_ container: WordXMLElement, into blocks: inout [WordBlock]) {
        var dropCap: WordParagraph?
        for element in container.elements { readBlock(element, into: &blocks, dropCap: &dropCap) }
        if let held = dropCap { blocks.append(.paragraph(held)) }
    }

    /// A drop cap ("Initial" in Word) is a paragraph of its own holding the first letter: it
    /// is held (`dropCap`) and read as the start of the paragraph after it, so the word stays
    /// whole. The caller appends one still held at the end.
    private mutating func readBlock(_ element: WordXMLElement, into blocks: inout [WordBlock], dropCap: inout WordParagraph?) {
        if element.name == "p", Self.isDropCap(element) {
            if let held = dropCap { blocks.append(.paragraph(held)) }
            dropCap = readParagraph(element)
            return
        }
        let before = blocks.count
        readBlock(element, into: &blocks)
        guard let held = dropCap else { return }
        dropCap = nil
        if element.name == "p", blocks.count == before + 1, case .paragraph(var paragraph) = blocks[before] {
            paragraph.runs = held.runs + paragraph.runs
            blocks[before] = .paragraph(paragraph)
        } else {
            blocks.insert(.paragraph(held), at: before)
        }
    }

    static func isDropCap(_ paragraph: WordXMLElement) -> Bool {
        let dropCap = paragraph.child("pPr")?.child("framePr")?.attributes["dropCap"]
        return dropCap == "drop" || dropCap == "margin"
    }

    private mutating func readBlock(_ element: WordXMLElement, into blocks: inout [WordBlock]) {
        switch element.name {
        case "p":
            blocks.append(.paragraph(readParagraph(element)))
        case "tbl":
            blocks.append(.table(readTable(element)))
        case "sdt":
            let content = element.child("sdtContent")
            let first = paragraphCount + 1
            var inner: [WordBlock] = []
            if let content { readBlocks(content, into: &inner) }
            recordContentControl(element.child("sdtPr"), blocks: inner, paragraph: first)
            blocks += inner
        case "ins", "moveTo":
            body.notices.append(WordNotice(kind: .insertion(author: element.attributes["author"]), paragraph: paragraphCount + 1))
            readBlocks(element, into: &blocks)
        case "del", "moveFrom":
            body.notices.append(WordNotice(kind: .deletion(author: element.attributes["author"], text: Self.deletedText(element)),
                                           paragraph: paragraphCount + 1))
        case "customXml", "smartTag", "body", "txbxContent":
            readBlocks(element, into: &blocks)
        case "AlternateContent":
            if let choice = element.child("Choice") { readBlocks(choice, into: &blocks) }
        default:
            break  // sectPr, bookmarks, proofing marks: nothing shown
        }
    }

    private mutating func readTable(_ table: WordXMLElement) -> WordTable {
        let first = paragraphCount + 1
        var rows: [[[WordBlock]]] = []
        for row in table.descendantsStopping(at: "tbl", named: "tr") {
            var cells: [[WordBlock]] = []
            // Grid columns skipped before the row's first cell and after its last: empty cells,
            // so that each value stays under its column.
            let rowProperties = row.child("trPr")
            let before = min(rowProperties?.value(of: "gridBefore").flatMap(Int.init) ?? 0, 64)
            cells += Array(repeating: [], count: max(0, before))
            for cell in row.descendantsStopping(at: "tbl", named: "tc") {
                var blocks: [WordBlock] = []
                readBlocks(cell, into: &blocks)
                cells.append(blocks)
                // A cell merged across columns is followed by empty cells for the columns it
                // covers; one merged down (vMerge) is empty below its first row, as Word keeps it.
                let span = min(cell.child("tcPr")?.value(of: "gridSpan").flatMap(Int.init) ?? 1, 64)
                if span > 1 { cells += Array(repeating: [], count: span - 1) }
            }
            let after = min(rowProperties?.value(of: "gridAfter").flatMap(Int.init) ?? 0, 64)
            cells += Array(repeating: [], count: max(0, after))
            rows.append(cells)
        }
        return WordTable(firstParagraph: first, rows: rows)
    }

    private mutating func recordContentControl(_ properties: WordXMLElement?, blocks: [WordBlock], paragraph: Int) {
        guard let properties, let label = properties.value(of: "alias") ?? properties.value(of: "tag"), !label.isEmpty else { return }
        let text = blocks.compactMap { block -> String? in
            if case .paragraph(let paragraph) = block { return paragraph.text }
            return nil
        }.joined(separator: " ").foldingWhitespace
        body.contentControls.append((label, text, paragraph))
    }

    // MARK: Paragraphs

    private mutating func readParagraph(_ element: WordXMLElement) -> WordParagraph {
        paragraphCount += 1
        var paragraph = WordParagraph(number: paragraphCount)
        if let pPr = element.child("pPr") {
            paragraph.style = pPr.value(of: "pStyle")
            paragraph.outlineLevel = pPr.value(of: "outlineLvl").flatMap(Int.init)
            paragraph.list = pPr.child("numPr").flatMap(WordListReference.init)
            paragraph.numberingOff = pPr.child("numPr")?.value(of: "numId") == "0"
            if let change = pPr.child("pPrChange") {
                body.notices.append(WordNotice(kind: .formatChange(author: change.attributes["author"]), paragraph: paragraph.number))
            }
            // The paragraph mark itself inserted or deleted (paragraphs split or joined).
            if let inserted = pPr.child("rPr")?.child("ins") {
                body.notices.append(WordNotice(kind: .insertion(author: inserted.attributes["author"]), paragraph: paragraph.number))
            }
            if let deleted = pPr.child("rPr")?.child("del") {
                body.notices.append(WordNotice(kind: .deletion(author: deleted.attributes["author"], text: ""), paragraph: paragraph.number))
            }
        }
        readInline(element, format: WordRun(content: .text("")), into: &paragraph)
        return paragraph
    }

    private mutating func readInline(_ container: WordXMLElement, format: WordRun, into paragraph: inout WordParagraph) {
        for element in container.elements {
            switch element.name {
            case "pPr":
                break
            case "r":
                readRun(element, format: format, into: &paragraph)
            case "hyperlink":
                var inner = format
                if let id = element.attributes["id"], var target = links[id] {
                    // Word may keep a link's fragment apart, as its anchor ("README.html" + "synopsis").
                    if let anchor = element.attributes["anchor"], !anchor.isEmpty, !target.contains("#") { target += "#" + anchor }
                    inner.link = target
                }
                readInline(element, format: inner, into: &paragraph)
            case "fldSimple":
                let instruction = (element.attributes["instr"] ?? "").foldingWhitespace
                notice(.field(instruction: instruction), in: paragraph)
                readInline(element, format: format, into: &paragraph)
            case "ins", "moveTo":
                notice(.insertion(author: element.attributes["author"]), in: paragraph)
                readInline(element, format: format, into: &paragraph)
            case "del", "moveFrom":
                notice(.deletion(author: element.attributes["author"], text: Self.deletedText(element)), in: paragraph)
            case "commentRangeStart", "commentReference":
                if let id = element.attributes["id"], reportedComments.insert(id).inserted {
                    let comment = comments[id]
                    notice(.comment(author: comment?.author, text: comment?.text ?? ""), in: paragraph)
                }
            case "sdt":
                let before = paragraph.runs.count
                if let content = element.child("sdtContent") { readInline(content, format: format, into: &paragraph) }
                if let properties = element.child("sdtPr"), let label = properties.value(of: "alias") ?? properties.value(of: "tag"), !label.isEmpty {
                    let text = WordParagraph(number: 0, runs: Array(paragraph.runs[before...])).text.foldingWhitespace
                    body.contentControls.append((label, text, paragraph.number))
                }
            case "AlternateContent":
                // The modern form is the first choice; the fallback repeats it for old readers.
                if let choice = element.child("Choice") { readInline(choice, format: format, into: &paragraph) }
            case "oMath":
                // Markdown has no equations: the equation's text is read in line, and said so once.
                let text = element.descendants("t").map(\.text).joined()
                notice(.equation(text: text), in: paragraph)
                readInline(element, format: format, into: &paragraph)
            default:
                readInline(element, format: format, into: &paragraph)  // smartTag, customXml, bdo, oMathPara …
            }
        }
    }

    /// Superscript and subscript digits and signs as Unicode has them: "m" + superscript "2"
    /// is "m²", "CO" + subscript "2" is "CO₂". Text with a character Unicode has no raised or
    /// lowered form of ("1" + superscript "st") stays as written.
    static let raised: [Character: Character] = ["0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
                                                      "+": "⁺", "-": "⁻", "−": "⁻", "=": "⁼", "(": "⁽", ")": "⁾", "n": "ⁿ", "i": "ⁱ"]
    static let lowered: [Character: Character] = ["0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉",
                                                    "+": "₊", "-": "₋", "−": "₋", "=": "₌", "(": "₍", ")": "₎"]

    static func shifted(_ text: String, _ table: [Character: Character]) -> String {
        guard !text.isEmpty, text.allSatisfy({ table[$0] != nil }) else { return text }
        return String(text.map { table[$0]! })
    }

    private mutating func readRun(_ run: WordXMLElement, format: WordRun, into paragraph: inout WordParagraph) {
        var style = format
        var shift: [Character: Character]?
        if let rPr = run.child("rPr") {
            switch rPr.value(of: "vertAlign") {
            case "superscript": shift = Self.raised
            case "subscript": shift = Self.lowered
            default: break
            }
            style.bold = Self.isOn(rPr.child("b")) ?? style.bold
            style.italic = Self.isOn(rPr.child("i")) ?? style.italic
            if let runStyle = rPr.value(of: "rStyle")?.lowercased(), runStyle.contains("code") { style.code = true }
            if rPr.child("rPrChange") != nil {
                notice(.formatChange(author: rPr.child("rPrChange")?.attributes["author"]), in: paragraph)
            }
        }
        func append(_ content: WordRun.Content) {
            if let last = fieldStack.last, !last.showingResult { return }  // a field's instruction is not shown
            var piece = style
            piece.content = content
            if case .text(let text) = content, let last = paragraph.runs.indices.last, case .text(var previous) = paragraph.runs[last].content,
               (paragraph.runs[last].bold, paragraph.runs[last].italic, paragraph.runs[last].code, paragraph.runs[last].link)
                == (piece.bold, piece.italic, piece.code, piece.link) {
                // Appended in place: the run gives up its text first, so `previous` is its
                // only owner and grows without a copy (a paragraph of 100 000 runs is linear).
                paragraph.runs[last].content = .lineBreak
                previous += text
                paragraph.runs[last].content = .text(previous)
            } else {
                paragraph.runs.append(piece)
            }
        }
        for element in run.elements {
            switch element.name {
            case "t":
                // Word's no-width optional break is no text, and a no-break space is a space
                // (indstil's own DOCX put both there to keep dates and addresses whole).
                var text = element.text
                if text.contains("\u{200B}") || text.contains("\u{00A0}") {
                    text = text.replacingOccurrences(of: "\u{200B}", with: "").replacingOccurrences(of: "\u{00A0}", with: " ")
                }
                append(.text(shift.map { Self.shifted(text, $0) } ?? text))
            case "tab", "ptab":
                append(.text("\t"))
            case "br", "cr":
                if element.attributes["type"] != "page" && element.attributes["type"] != "column" { append(.lineBreak) }
            case "noBreakHyphen":
                append(.text("-"))
            case "sym":
                break  // a symbol-font glyph (Wingdings): no text
            case "fldChar":
                switch element.attributes["fldCharType"] {
                case "begin": fieldStack.append(("", false))
                case "separate":
                    if let last = fieldStack.popLast() {
                        fieldStack.append((last.instruction, true))
                        notice(.field(instruction: last.instruction.foldingWhitespace), in: paragraph)
                    }
                case "end":
                    if let last = fieldStack.popLast(), !last.showingResult {
                        notice(.field(instruction: last.instruction.foldingWhitespace), in: paragraph)
                    }
                default: break
                }
            case "instrText":
                if var last = fieldStack.popLast() {
                    last.instruction += element.text
                    fieldStack.append(last)
                }
            case "commentReference":
                if let id = element.attributes["id"], reportedComments.insert(id).inserted {
                    let comment = comments[id]
                    notice(.comment(author: comment?.author, text: comment?.text ?? ""), in: paragraph)
                }
            case "footnoteReference", "endnoteReference":
                guard let id = element.attributes["id"] else { break }
                let key: WordNoteKey = element.name == "footnoteReference" ? .footnote(id) : .endnote(id)
                let marker = noteMarkers[key] ?? {
                    noteCount += 1
                    return Self.superscript(noteCount)
                }()
                noteMarkers[key] = marker
                if noteParagraphs[key] == nil { noteParagraphs[key] = paragraph.number }
                append(.noteReference(marker))
            case "drawing":
                if let description = readDrawing(element, in: &paragraph) {
                    // An image's description stands apart from the words around it.
                    let after = paragraph.runs.last.map { run -> Bool in
                        if case .text(let text) = run.content { return text.last?.isWhitespace ?? true }
                        return true
                    } ?? true
                    append(.text((after ? "" : " ") + description + " "))
                }
            case "pict":
                if !readTextBoxes(element, in: &paragraph), let shape = element.descendants("shape").first,
                   let alt = shape.attributes["alt"], !alt.isEmpty {
                    append(.text(alt))
                }
            case "object":
                notice(.embeddedObject, in: paragraph)
            case "AlternateContent":
                if let choice = element.child("Choice") {
                    let wrapper = WordXMLElement(name: "r", attributes: [:])
                    if let rPr = run.child("rPr") { wrapper.append(.element(rPr)) }
                    for child in choice.elements { wrapper.append(.element(child)) }
                    readRun(wrapper, format: format, into: &paragraph)
                }
            default:
                break  // rPr, lastRenderedPageBreak, delText (a deletion is reported where it is)
            }
        }
    }

    /// An image shows its description (alt text), returned. Text boxes and shapes with text
    /// in a drawing are read (after the paragraph); a chart or SmartArt diagram, or an image
    /// without a description, is reported.
    private mutating func readDrawing(_ drawing: WordXMLElement, in paragraph: inout WordParagraph) -> String? {
        if readTextBoxes(drawing, in: &paragraph) { return nil }
        let properties = drawing.descendants("docPr").first
        let description = (properties?.attributes["descr"] ?? properties?.attributes["title"] ?? "").foldingWhitespace
        let uri = drawing.descendants("graphicData").first?.attributes["uri"] ?? ""
        if uri.hasSuffix("/chart") || uri.hasSuffix("/chartex") {
            notice(.chart(description: description), in: paragraph)
            return description.isEmpty ? nil : description
        }
        if uri.hasSuffix("/diagram") {
            notice(.diagram(description: description), in: paragraph)
            return description.isEmpty ? nil : description
        }
        guard properties != nil else { return nil }
        if description.isEmpty {
            notice(.imageWithoutDescription, in: paragraph)
            return nil
        }
        return description
    }

    /// Every text box (or shape with text) directly in `element`, read as blocks anchored in
    /// `paragraph` and noticed (the writer reads a box of header fields as fields); false
    /// when there is none. A box inside a box is read with the outer one.
    private mutating func readTextBoxes(_ element: WordXMLElement, in paragraph: inout WordParagraph) -> Bool {
        // Outer boxes only, and not the copy an old reader's fallback (VML) repeats.
        var boxes: [WordXMLElement] = []
        var stack = [element]
        while let next = stack.popLast() {
            for child in next.elements.reversed() where child.name != "Fallback" {
                if child.name == "txbxContent" { boxes.append(child) } else { stack.append(child) }
            }
        }
        boxes.reverse()
        guard !boxes.isEmpty else { return false }
        for box in boxes {
            let index = body.notices.count
            notice(.textBox(lines: Self.lines(box)), in: paragraph)
            var blocks: [WordBlock] = []
            readBlocks(box, into: &blocks)
            paragraph.textBoxes.append(WordTextBox(notice: index, blocks: blocks))
        }
        return true
    }

    private mutating func notice(_ kind: WordNotice.Kind, in paragraph: WordParagraph) {
        body.notices.append(WordNotice(kind: kind, paragraph: paragraph.number))
    }

    // MARK: Helpers

    /// `<w:b/>` is on, `<w:b w:val="0"/>` (or "false", "off") is off, no element: inherited.
    static func isOn(_ element: WordXMLElement?) -> Bool? {
        guard let element else { return nil }
        guard let value = element.attributes["val"]?.lowercased() else { return true }
        return !(value == "0" || value == "false" || value == "off" || value == "none")
    }

    static func deletedText(_ element: WordXMLElement) -> String {
        element.descendants("delText").map(\.text).joined().foldingWhitespace
    }

    /// The text of each paragraph below `element`.
    package static func lines(_ element: WordXMLElement) -> [String] {
        element.descendants("p").map { paragraph in
            paragraph.descendantsStopping(at: "txbxContent", named: "t").map(\.text).joined().foldingWhitespace
        }.filter { !$0.isEmpty }
    }

    static func allText(_ element: WordXMLElement) -> String {
        element.descendants("t").map(\.text).joined(separator: " ").foldingWhitespace
    }

    static func superscript(_ number: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return String(String(number).compactMap { $0.wholeNumberValue.map { digits[$0] } })
    }
}

extension WordXMLElement {
    /// Elements named `name` below this one, not looking inside elements named `boundary`
    /// (a table's own rows, not those of a table nested in a cell).
    func descendantsStopping(at boundary: String, named name: String) -> [WordXMLElement] {
        var found: [WordXMLElement] = []
        var stack = elements.reversed().map { $0 }
        while let element = stack.popLast() {
            if element.name == name {
                found.append(element)
                continue
            }
            if element.name == boundary { continue }
            stack.append(contentsOf: element.elements.reversed())
        }
        return found
    }
}
