import Foundation
import IndstilSupport

/// Turns a read Word document into indstil Markdown: the header block into front matter
/// (`WordFields`), the appendix list, earlier decisions and signature that indstil's own
/// DOCX shows after the sections back into their fields, and the body into Markdown.
package struct WordMarkdownWriter {
    package let package: WordPackage
    package let profile: Profile?
    package let profileID: String?

    private var fields: WordFields
    private var out = WordMarkdownText()
    private var heading: String?
    private var title: (text: String, paragraph: Int)?
    private var appendices: [(title: String, paragraph: Int)] = []
    private var earlierDecisions: [(line: String, paragraph: Int)] = []
    private var signature: (text: String, paragraph: Int)?
    package private(set) var notices: [WordNotice] = []
    /// Numbers already given in each list (numId) at each level.
    private var counters: [String: [Int: Int]] = [:]
    /// The list (numId) whose top-level items are being written, and the text indent of
    /// each open level: nil and empty outside a list.
    private var listInProgress: String?
    private var listIndents: [Int] = []

    package init(package: WordPackage, profile: Profile?, profileID: String?) {
        self.package = package
        self.profile = profile
        self.profileID = profileID
        fields = WordFields(profile: profile)
    }

    /// The Markdown with front matter, each line's origin, and what is reported.
    package static func write(_ package: WordPackage, profile: Profile?, profileID: String?) -> (text: WordMarkdownText, notices: [WordNotice]) {
        var writer = WordMarkdownWriter(package: package, profile: profile, profileID: profileID)
        let body = writer.writeBody()
        var document = WordMarkdownText()
        let frontMatter = WordFrontMatter(profileID: profileID, title: writer.title, fields: writer.fields.fields,
                                          statedCount: writer.fields.statedCount, appendices: writer.appendices,
                                          earlierDecisions: writer.earlierDecisions, signature: writer.signature)
        frontMatter.write(into: &document, profile: profile)
        document.reserveCapacity(document.lines.count + body.lines.count)
        for (index, line) in body.lines.enumerated() {
            document.append(line, paragraph: body.origins[index].paragraph, heading: body.origins[index].heading)
        }
        for heading in body.headings { document.markHeading(heading.text, paragraph: heading.paragraph) }
        return (document, writer.notices + writer.unreadNotices)
    }

    // MARK: Roles

    private func role(_ paragraph: WordParagraph) -> WordStyles.Role {
        if let level = paragraph.outlineLevel, (0...8).contains(level) { return .heading(level + 1) }
        return package.styles.role(of: paragraph.style)
    }

    /// Level-1 sections are the shallowest heading level used; but a single heading at
    /// that level above two or more of the next, naming no section of the profile, is the
    /// document's title (Word users often put the title in "Overskrift 1").
    private func sectionLevel(_ paragraphs: [WordParagraph]) -> (level: Int, titleParagraph: WordParagraph?) {
        let headings = paragraphs.compactMap { paragraph -> (level: Int, paragraph: WordParagraph)? in
            if case .heading(let level) = role(paragraph), paragraph.hasVisibleText { return (level, paragraph) }
            return nil
        }
        guard let top = headings.map(\.level).min() else { return (1, nil) }
        let atTop = headings.filter { $0.level == top }
        if atTop.count == 1, headings.first?.level == top, headings.filter({ $0.level == top + 1 }).count >= 2,
           profile?.sectionSpec(forHeading: atTop[0].paragraph.text.foldingWhitespace) == nil {
            return (top + 1, atTop[0].paragraph)
        }
        return (top, nil)
    }

    private func isProfileHeading(_ paragraph: WordParagraph) -> Bool {
        guard let profile, paragraph.list == nil, role(paragraph) == .body else { return false }
        let text = paragraph.text.foldingWhitespace
        guard !text.isEmpty, text.count <= 100, text != profile.documentLabel else { return false }
        return profile.sectionSpec(forHeading: text) != nil
    }

    // MARK: Body

    private mutating func writeBody() -> WordMarkdownText {
        let blocks = package.body.blocks
        let paragraphs = blocks.compactMap { block -> WordParagraph? in
            if case .paragraph(let paragraph) = block { return paragraph }
            return nil
        }
        let (topLevel, titleHeading) = sectionLevel(paragraphs)
        if let titleHeading { title = (titleHeading.text.foldingWhitespace, titleHeading.number) }
        let hasStyledHeadings = paragraphs.contains { if case .heading = role($0) { return $0.hasVisibleText } else { return false } }
        func level(of paragraph: WordParagraph) -> Int? {
            if paragraph.number == titleHeading?.number { return nil }
            if case .heading(let level) = role(paragraph), paragraph.hasVisibleText { return max(1, level - topLevel + 1) }
            return !hasStyledHeadings && (isProfileHeading(paragraph) || Self.isTrailerHeading(paragraph.text.foldingWhitespace)) ? 1 : nil
        }
        namedTitle = namedTitleCandidate()
        var firstSection = blocks.firstIndex { block in
            if case .paragraph(let paragraph) = block { return level(of: paragraph) == 1 }
            return false
        } ?? blocks.count
        // Without a section heading the header block is not the whole document: it ends
        // where the text begins.
        if firstSection == blocks.count { firstSection = headerEnd(blocks) }
        let firstSectionParagraph: Int
        switch firstSection < blocks.count ? blocks[firstSection] : nil {
        case .paragraph(let paragraph)?: firstSectionParagraph = paragraph.number
        case .table(let table)?: firstSectionParagraph = table.firstParagraph
        case nil: firstSectionParagraph = Int.max
        }
        readTextBoxFields(before: firstSectionParagraph)
        readHeaderBlock(blocks[..<firstSection])
        readNamedFields()
        var trailer: String?  // "Bilag" or "Tidligere beslutninger" after the sections
        for block in blocks[firstSection...] {
            switch block {
            case .table(let table):
                endList()
                writeTable(table)
            case .paragraph(let paragraph):
                let text = paragraph.text.foldingWhitespace
                if WordFields.statedCount(in: text) != nil, fields.take(text, paragraph: paragraph.number) { continue }
                if let headingLevel = level(of: paragraph) {
                    endList()
                    out.markHeading(text, paragraph: paragraph.number)
                    if headingLevel == 1, Self.isTrailerHeading(text) {
                        heading = text
                        trailer = text.lowercased().hasPrefix("bilag") ? RenderModel.appendixListHeading : RenderModel.earlierDecisionsHeading
                        continue
                    }
                    trailer = nil
                    heading = text
                    out.separate()
                    // A heading's bold or italics is its style, not emphasis: plain text.
                    out.append(String(repeating: "#", count: min(headingLevel, 6)) + " " + WordMarkdownText.escape(text),
                               paragraph: paragraph.number, heading: heading)
                    writeNotes(of: paragraph)
                    writeTextBoxes(of: paragraph)
                    continue
                }
                guard paragraph.hasVisibleText else {
                    // Word anchors floating text boxes in empty paragraphs: the boxes are the text.
                    writeTextBoxes(of: paragraph)
                    continue
                }
                if role(paragraph) == .signature || (trailer == nil && text == profile?.layout.defaultSignature?.foldingWhitespace) {
                    signature = (text, paragraph.number)
                    continue
                }
                switch trailer {
                case RenderModel.appendixListHeading?:
                    if let match = Self.appendixLine(text) {
                        appendices.append((match, paragraph.number))
                    } else if var last = appendices.popLast() {
                        last.title += " " + text
                        appendices.append(last)
                    }
                case RenderModel.earlierDecisionsHeading?:
                    readEarlierDecisionOrSidebar(paragraph)
                default:
                    writeParagraph(paragraph)
                }
            }
        }
        writeRemainingNotes()
        writePageLines()
        return out
    }

    /// Notes referred to from where no note follows (the title, a field, the appendix list):
    /// at the end, so no note is lost.
    private mutating func writeRemainingNotes() {
        let remaining = package.body.noteMarkers.values.filter { !writtenNotes.contains($0) }.sorted { noteOrder($0) < noteOrder($1) }
        for marker in remaining {
            writtenNotes.insert(marker)
            out.separate()
            let text = noteTexts[marker] ?? ""
            out.append(marker + " " + WordMarkdownText.protectLineStart(WordMarkdownText.escape(text)),
                       paragraph: out.origins.last?.paragraph ?? 1, heading: heading)
        }
    }

    /// "¹²" → 12: notes in the order of their numbers.
    private func noteOrder(_ marker: String) -> Int {
        Int(String(marker.compactMap { character in WordBodyReader.raised.first { $0.value == character }?.key })) ?? Int.max
    }

    /// The headers' and footers' text, kept as a Markdown comment at the end: not the
    /// document's text (not shown, not counted), but not lost either.
    private mutating func writePageLines() {
        let lines = package.body.pageLines.filter { line in line.text.contains { $0.isLetter } }
        guard !lines.isEmpty else { return }
        out.separate()
        let paragraph = out.origins.last?.paragraph ?? 1
        out.append("<!-- Sidehoved og sidefod i Word:", paragraph: paragraph, heading: heading)
        for line in lines {
            let label = line.part == .header ? "Sidehoved" : "Sidefod"
            // No "--" may stand in a comment (it could end it and let the rest be text).
            var text = line.text
            while text.contains("--") { text = text.replacingOccurrences(of: "--", with: "- -") }
            out.append("\(label): " + text, paragraph: paragraph, heading: heading)
        }
        out.append("-->", paragraph: paragraph, heading: heading)
    }

    /// The headings indstil's DOCX (and the house template) puts after the sections: the
    /// appendix list and the earlier decisions.
    static func isTrailerHeading(_ text: String) -> Bool {
        [RenderModel.appendixListHeading, RenderModel.earlierDecisionsHeading, "Bilagsliste"].contains { $0.lowercased() == text.lowercased() }
    }

    /// "Bilag 2: Erfaringer fra forsøget" → "Erfaringer fra forsøget".
    static func appendixLine(_ text: String) -> String? {
        guard text.lowercased().hasPrefix("bilag ") else { return nil }
        let rest = text.dropFirst("bilag ".count)
        let number = rest.prefix { $0.isNumber }
        guard !number.isEmpty else { return nil }
        let title = rest.dropFirst(number.count).drop { $0 == ":" || $0 == "." || $0 == " " }
        return title.isEmpty ? nil : String(title)
    }

    /// After "Tidligere beslutninger": an entry begins with its date ("6. marts 2019: …");
    /// once a line there is a field, the template's sidebar has begun (as it does in a
    /// document pasted from the printed page), and a line no field takes is reported.
    private var sidebarInTrailer = false

    private mutating func readEarlierDecisionOrSidebar(_ paragraph: WordParagraph) {
        let text = paragraph.text.foldingWhitespace
        if !sidebarInTrailer, WordFrontMatter.earlierDecision(text).date != nil {
            earlierDecisions.append((text, paragraph.number))
        } else if fields.take(text, paragraph: paragraph.number, zone: sidebarInTrailer ? .sidebar : .anywhere) {
            sidebarInTrailer = true
        } else if sidebarInTrailer {
            notices.append(WordNotice(kind: .unreadLine(text: text), paragraph: paragraph.number))
        } else if var last = earlierDecisions.popLast() {
            last.line += " " + text
            earlierDecisions.append(last)
        } else {
            earlierDecisions.append((text, paragraph.number))
        }
    }

    // MARK: Header block

    private mutating func readHeaderBlock(_ blocks: ArraySlice<WordBlock>) {
        // What is no field, in order: paragraphs, and tables that hold no field at all
        // (written as tables, not flattened).
        var leftovers: [WordBlock] = []
        for block in blocks {
            switch block {
            case .paragraph(let paragraph):
                // A text box in the header block that is not the sidebar's fields: its lines
                // are read like the header's own.
                for box in paragraph.textBoxes where !fieldTextBoxes.contains(box.notice) {
                    writtenTextBoxes.insert(box.notice)
                    for block in box.blocks {
                        switch block {
                        case .paragraph(let inner) where inner.hasVisibleText: leftovers += takeFields(inner).map(WordBlock.paragraph)
                        case .table(let table): leftovers.append(.table(table))
                        default: break
                        }
                    }
                }
                guard paragraph.hasVisibleText, paragraph.number != title?.paragraph else { continue }
                let text = paragraph.text.foldingWhitespace
                switch role(paragraph) {
                case .title where title == nil:
                    title = (text, paragraph.number)
                case .documentLabel:
                    continue
                case .letterhead:
                    // The sender's block: its fields are read, the rest is not the document's text.
                    _ = takeFields(paragraph)
                default:
                    if text == profile?.documentLabel { continue }
                    leftovers += takeFields(paragraph).map(WordBlock.paragraph)
                }
            case .table(let table):
                var probe = self
                var scratch: [WordParagraph] = []
                let consumedAll = probe.readHeaderTable(table, leftovers: &scratch)
                if probe.fields.fields.count == fields.fields.count, probe.title?.paragraph == title?.paragraph {
                    leftovers.append(.table(table))  // no field in it: a table of the text
                    continue
                }
                var paragraphs: [WordParagraph] = []
                _ = readHeaderTable(table, leftovers: &paragraphs)
                leftovers += paragraphs.map(WordBlock.paragraph)
                if !consumedAll {
                    notices.append(WordNotice(kind: .table(rows: table.rows.count, columns: table.rows.map(\.count).max() ?? 0),
                                              paragraph: table.firstParagraph))
                }
            }
        }
        func paragraph(_ block: WordBlock) -> WordParagraph? {
            if case .paragraph(let paragraph) = block { return paragraph }
            return nil
        }
        if title == nil, let named = namedTitle {
            // A title named by a property or content control: the line that shows it is the title.
            if let index = leftovers.firstIndex(where: { paragraph($0)?.text.foldingWhitespace == named.text }), let shown = paragraph(leftovers[index]) {
                title = (named.text, shown.number)
                leftovers.remove(at: index)
            } else {
                title = named
            }
        }
        // Without a title style, the title is the last line of the header block that is no field.
        if title == nil, let index = leftovers.lastIndex(where: { paragraph($0) != nil }), let last = paragraph(leftovers[index]) {
            title = (last.text.foldingWhitespace, last.number)
            leftovers.remove(at: index)
        }
        for block in leftovers {
            switch block {
            case .paragraph(let paragraph): writeParagraph(paragraph)
            case .table(let table): writeTable(table)
            }
        }
    }

    /// Where the header block of a document without section headings ends: after the
    /// leading lines that are fields (or the title, or the document's label), and after the
    /// first line of text when it reads as a title (short, no full stop) and more text follows.
    private func headerEnd(_ blocks: [WordBlock]) -> Int {
        var probe = self
        var titleSeen = false
        for (index, block) in blocks.enumerated() {
            switch block {
            case .table(let table):
                var attempt = probe
                var scratch: [WordParagraph] = []
                guard attempt.readHeaderTable(table, leftovers: &scratch), attempt.fields.fields.count > probe.fields.fields.count else { return index }
                probe = attempt
            case .paragraph(let paragraph):
                guard paragraph.hasVisibleText else { continue }
                let text = paragraph.text.foldingWhitespace
                switch role(paragraph) {
                case .title, .documentLabel, .letterhead:
                    if role(paragraph) == .title { titleSeen = true }
                    continue
                default:
                    if text == profile?.documentLabel { continue }
                }
                var attempt = probe
                if listReference(of: paragraph) == nil,
                   paragraph.lines.allSatisfy({ attempt.fields.take($0, paragraph: paragraph.number, zone: attempt.zone(paragraph)) }) {
                    probe = attempt
                    continue
                }
                if let named = namedTitle { return named.text == text ? index + 1 : index }
                let more = blocks[(index + 1)...].contains { block in
                    if case .paragraph(let next) = block { return next.hasVisibleText }
                    return true
                }
                let looksLikeTitle = !titleSeen && more && listReference(of: paragraph) == nil && text.count <= 150
                    && !(text.last.map { ".:;,".contains($0) } ?? true)
                return looksLikeTitle ? index + 1 : index
            }
        }
        return blocks.count
    }

    // MARK: Named fields

    /// A title a content control or a document property names (`titel`, `Title`, an alias).
    private var namedTitle: (text: String, paragraph: Int)?

    private func namedTitleCandidate() -> (text: String, paragraph: Int)? {
        for control in package.body.contentControls where fields.path(forProperty: control.label) == "titel" {
            let text = control.text.foldingWhitespace
            if !text.isEmpty { return (text, control.paragraph) }
        }
        for property in package.properties.custom where fields.path(forProperty: property.name) == "titel" && !property.value.isEmpty {
            return (property.value, 1)
        }
        return nil
    }

    /// Content controls and document properties (case systems, pandoc) named after a field:
    /// each fills a field the text has not given. The core title is the last resort for the
    /// title (Word fills it with the file name, so "Microsoft Word - …" is not taken).
    private mutating func readNamedFields() {
        for control in package.body.contentControls {
            if case .unknown = fields.take(property: control.label, value: control.text, paragraph: control.paragraph) {
                _ = fields.take(label: control.label, value: control.text, paragraph: control.paragraph)
            }
        }
        var empty: [String] = []
        for property in package.properties.custom {
            if case .emptyStructured = fields.take(property: property.name, value: property.value, paragraph: 1) { empty.append(property.name) }
        }
        if !empty.isEmpty { notices.append(WordNotice(kind: .emptyProperties(names: empty), paragraph: 1)) }
        if title == nil, let core = package.properties.title, !core.hasPrefix("Microsoft Word - ") {
            title = (core, 1)
        }
    }

    /// A table in the header block: a row of a label cell and a value cell is one field;
    /// other cells are read line by line, nested tables (indstil's metadata block sits in
    /// the header table's right cell) as tables. False when something was not a field.
    private mutating func readHeaderTable(_ table: WordTable, leftovers: inout [WordParagraph]) -> Bool {
        var consumedAll = true
        for row in table.rows {
            let filled = row.map { WordTable.paragraphs($0).filter(\.hasVisibleText) }.filter { !$0.isEmpty }
            if filled.count == 2, filled[0].count == 1, filled[1].count == 1, row.allSatisfy({ !$0.contains(where: Self.isTable) }),
               fields.take(label: filled[0][0].text, value: filled[1][0].text, paragraph: filled[0][0].number) {
                continue
            }
            for block in row.flatMap({ $0 }) {
                switch block {
                case .table(let nested):
                    if !readHeaderTable(nested, leftovers: &leftovers) { consumedAll = false }
                case .paragraph(let paragraph):
                    guard paragraph.hasVisibleText else { continue }
                    let text = paragraph.text.foldingWhitespace
                    if role(paragraph) == .documentLabel || text == profile?.documentLabel { continue }
                    if role(paragraph) == .letterhead {
                        _ = takeFields(paragraph)
                        continue
                    }
                    if role(paragraph) == .title, title == nil {
                        title = (text, paragraph.number)
                        continue
                    }
                    let untaken = takeFields(paragraph)
                    leftovers += untaken
                    if !untaken.isEmpty { consumedAll = false }
                }
            }
        }
        return consumedAll
    }

    /// Each line of a header-block paragraph ("Til Aarhus Byråd⏎Fra Magistraten⏎Dato …" is
    /// often one paragraph) taken as a field where it is one; the lines that are not, as
    /// paragraphs of their own (empty when every line was a field).
    private mutating func takeFields(_ paragraph: WordParagraph) -> [WordParagraph] {
        let zone = zone(paragraph)
        let lines = paragraph.lines
        let untaken = lines.filter { !fields.take($0, paragraph: paragraph.number, zone: zone) }
        if untaken.count == lines.count { return [paragraph] }
        return untaken.map { WordParagraph(number: paragraph.number, style: paragraph.style, runs: [WordRun(content: .text($0))]) }
    }

    /// The layout part a header-block paragraph is in, by its indstil style.
    fileprivate func zone(_ paragraph: WordParagraph) -> WordFields.Zone {
        switch role(paragraph) {
        case .metadata: .sidebar
        case .headerLine: .header
        case .letterhead: .letterhead
        case .subtitle: .afterTitle
        default: .anywhere
        }
    }

    private static func isTable(_ block: WordBlock) -> Bool {
        if case .table = block { return true }
        return false
    }

    /// The template's sidebar often stands in a text box: one in the header block whose
    /// every line is a field, one at least named by its label, is read as fields, not reported.
    private var fieldTextBoxes: Set<Int> = []

    private mutating func readTextBoxFields(before firstSectionParagraph: Int) {
        for (index, notice) in package.body.notices.enumerated() where notice.paragraph < firstSectionParagraph {
            guard case .textBox(let lines) = notice.kind, !lines.isEmpty else { continue }
            var labelled = fields
            guard lines.contains(where: { labelled.take($0, paragraph: notice.paragraph) }) else { continue }
            var probe = fields
            if lines.allSatisfy({ probe.take($0, paragraph: notice.paragraph, zone: .sidebar) }) {
                fields = probe
                fieldTextBoxes.insert(index)
            }
        }
    }

    /// Text boxes written after their paragraph (or read in the header block).
    private var writtenTextBoxes: Set<Int> = []

    /// The reader's notices but the text boxes that were read (as fields or as text).
    private var unreadNotices: [WordNotice] {
        package.body.notices.enumerated().filter { !fieldTextBoxes.contains($0.offset) && !writtenTextBoxes.contains($0.offset) }.map(\.element)
    }

    /// The text boxes anchored in `paragraph`, as paragraphs (and tables) after it.
    private mutating func writeTextBoxes(of paragraph: WordParagraph) {
        for box in paragraph.textBoxes where !fieldTextBoxes.contains(box.notice) && !writtenTextBoxes.contains(box.notice) {
            writtenTextBoxes.insert(box.notice)
            for block in box.blocks {
                switch block {
                case .paragraph(let inner):
                    if inner.hasVisibleText {
                        writeParagraph(inner)
                    } else {
                        writeTextBoxes(of: inner)
                    }
                case .table(let table):
                    endList()
                    writeTable(table)
                }
            }
        }
    }

    // MARK: Blocks

    private mutating func endList() {
        listInProgress = nil
        listIndents = []
    }

    private mutating func writeParagraph(_ paragraph: WordParagraph) {
        let list = listReference(of: paragraph)
        let lines = WordMarkdownText.inline(paragraph.runs).map(WordMarkdownText.trimmed)
        if let list {
            writeListItem(paragraph, reference: list, lines: lines)
        } else if !listIndents.isEmpty, Self.isListParagraphStyle(paragraph.style) {
            // An unnumbered paragraph in list style continues the item above.
            let indent = String(repeating: " ", count: listIndents.last ?? 0)
            out.separate()
            write(lines, firstPrefix: indent, prefix: indent, paragraph: paragraph)
        } else {
            endList()
            out.separate()
            switch role(paragraph) {
            case .quote:
                write(lines, firstPrefix: "> ", prefix: "> ", paragraph: paragraph)
            case .code:
                out.append("```", paragraph: paragraph.number, heading: heading)
                for line in paragraph.runs.map({ run -> String in
                    switch run.content {
                    case .text(let text), .noteReference(let text): return text
                    case .lineBreak: return "\n"
                    }
                }).joined().split(separator: "\n", omittingEmptySubsequences: false) {
                    out.append(line.hasPrefix("```") ? " " + line : String(line), paragraph: paragraph.number, heading: heading)
                }
                out.append("```", paragraph: paragraph.number, heading: heading)
            default:
                write(lines, firstPrefix: "", prefix: "", paragraph: paragraph)
            }
        }
        writeNotes(of: paragraph)
        writeTextBoxes(of: paragraph)
    }

    /// The list a paragraph is an item of, by its own numbering or its style's; a paragraph
    /// that switches its style's numbering off is no list item.
    private func listReference(of paragraph: WordParagraph) -> WordListReference? {
        paragraph.numberingOff ? nil : paragraph.list ?? package.styles.listReference(of: paragraph.style)
    }

    static func isListParagraphStyle(_ style: String?) -> Bool {
        guard let style = style?.lowercased() else { return false }
        return style == "listparagraph" || style == "listeafsnit" || style.hasPrefix("list")
    }

    /// Lists already reported as numbered with letters or roman numerals.
    private var reportedListFormats = Set<String>()

    private mutating func writeListItem(_ paragraph: WordParagraph, reference: WordListReference, lines: [String]) {
        let level = package.numbering.level(reference)
        let depth = reference.level
        // Letters and roman numerals: a list of the text (decision points) keeps being a list,
        // numbered; an item under another keeps its label as text ("a)"). Either is reported.
        if level.isLetteredOrRoman, depth > 0 {
            writeLabelledItem(paragraph, reference: reference, level: level, lines: lines)
            return
        }
        if level.isLetteredOrRoman, reportedListFormats.insert(reference.numID).inserted {
            notices.append(WordNotice(kind: .listFormat(format: level.format, labelled: false), paragraph: paragraph.number))
        }
        if listIndents.isEmpty {
            out.separate()
        } else if depth == 0, let current = listInProgress, current != reference.numID {
            // Another list: CommonMark would join two lists of the same kind.
            out.separate()
            out.append("<!-- -->", paragraph: paragraph.number, heading: heading)
            out.separate()
            listIndents = []
        }
        if depth == 0 { listInProgress = reference.numID }
        while listIndents.count > depth { listIndents.removeLast() }
        let indent = listIndents.last ?? 0
        var levels = counters[reference.numID] ?? [:]
        for deeper in levels.keys where deeper > depth { levels[deeper] = nil }
        let number = (levels[depth] ?? (level.start - 1)) + 1
        levels[depth] = number
        counters[reference.numID] = levels
        let marker = level.isOrdered ? "\(number). " : "- "
        let pad = String(repeating: " ", count: indent)
        write(lines, firstPrefix: pad + marker, prefix: pad + String(repeating: " ", count: marker.count), paragraph: paragraph)
        listIndents.append(indent + marker.count)
    }

    /// The number of a numbered list item in a table cell, as Word shows it ("2.", "b)"): a
    /// cell holds no Markdown list, so the number is written as text. Nil for other paragraphs.
    private mutating func numberLabel(_ paragraph: WordParagraph) -> String? {
        guard let reference = listReference(of: paragraph) else { return nil }
        let level = package.numbering.level(reference)
        guard level.isOrdered else { return nil }
        let depth = reference.level
        var levels = counters[reference.numID] ?? [:]
        for deeper in levels.keys where deeper > depth { levels[deeper] = nil }
        let number = (levels[depth] ?? (level.start - 1)) + 1
        levels[depth] = number
        counters[reference.numID] = levels
        var label = level.text ?? "%\(depth + 1)."
        for other in (0...depth).reversed() {
            let shown = other == depth ? level.shown(number)
                : package.numbering.level(WordListReference(numID: reference.numID, level: other)).shown(levels[other] ?? 1)
            label = label.replacingOccurrences(of: "%\(other + 1)", with: shown)
        }
        return WordMarkdownText.escape(label.foldingWhitespace)
    }

    /// An item under another numbered with letters or roman numerals ("a)", "iii.", "1.a)"):
    /// Markdown numbers with digits only, so it is a paragraph that begins with its label as
    /// Word shows it, inside the list item above it, and the list is reported once.
    private mutating func writeLabelledItem(_ paragraph: WordParagraph, reference: WordListReference, level: WordNumbering.Level, lines: [String]) {
        while listIndents.count > reference.level { listIndents.removeLast() }
        let label = numberLabel(paragraph) ?? ""
        if reportedListFormats.insert(reference.numID).inserted {
            notices.append(WordNotice(kind: .listFormat(format: level.format, labelled: true), paragraph: paragraph.number))
        }
        let pad = String(repeating: " ", count: listIndents.last ?? 0)
        var labelled = lines
        if labelled.isEmpty { labelled = [""] }
        labelled[0] = label.isEmpty ? labelled[0] : label + " " + labelled[0]
        out.separate()
        write(labelled, firstPrefix: pad, prefix: pad, paragraph: paragraph)
    }

    /// Lines of one paragraph: the first after `firstPrefix`, the rest (after a hard
    /// break, a backslash at the line end) after `prefix`.
    private mutating func write(_ lines: [String], firstPrefix: String, prefix: String, paragraph: WordParagraph) {
        let kept = lines.enumerated().filter { $0.offset == 0 || !$0.element.isEmpty }.map(\.element)
        for (index, line) in kept.enumerated() {
            let isLast = index == kept.count - 1
            let protected = WordMarkdownText.protectLineStart(line)
            out.append((index == 0 ? firstPrefix : prefix) + protected + (isLast ? "" : "\\"), paragraph: paragraph.number, heading: heading)
        }
    }

    /// The markers of the notes written so far.
    private var writtenNotes = Set<String>()

    private mutating func writeNotes(of paragraph: WordParagraph) {
        // Notes follow the paragraph that refers to them, as "¹ The note's text".
        for run in paragraph.runs {
            guard case .noteReference(let marker) = run.content, writtenNotes.insert(marker).inserted else { continue }
            let text = noteTexts[marker] ?? ""
            out.separate()
            out.append(marker + " " + WordMarkdownText.protectLineStart(WordMarkdownText.escape(text)), paragraph: paragraph.number, heading: heading)
        }
    }

    /// Each note's text by the marker it is shown with (looked up once per reference).
    private lazy var noteTexts: [String: String] = {
        var texts: [String: String] = [:]
        for (key, text) in package.body.notes {
            if let marker = package.body.noteMarkers[key], texts[marker] == nil { texts[marker] = text }
        }
        return texts
    }()

    /// A body table becomes a pipe table, which the table model reads (its totals and
    /// shares are checked like any Markdown table's).
    private mutating func writeTable(_ table: WordTable) {
        let width = table.rows.map(\.count).max() ?? 0
        guard width > 0 else { return }
        out.separate()
        for (index, row) in table.rows.enumerated() {
            let cells = (0..<width).map { column -> String in
                guard column < row.count else { return "" }
                return WordTable.paragraphs(row[column]).map { cellParagraph in
                    (numberLabel(cellParagraph).map { $0 + " " } ?? "") + WordMarkdownText.inline(cellParagraph.runs).joined(separator: " ")
                }.joined(separator: " ").foldingWhitespace
            }
            let paragraph = row.first.flatMap { WordTable.paragraphs($0).first?.number } ?? table.firstParagraph
            out.append("| " + cells.joined(separator: " | ") + " |", paragraph: paragraph, heading: heading)
            if index == 0 {
                out.append("|" + String(repeating: " --- |", count: width), paragraph: paragraph, heading: heading)
            }
        }
        out.separate()
        // The notes the cells refer to, and text boxes in the cells, after the table.
        for paragraph in table.rows.flatMap({ $0.flatMap(WordTable.paragraphs) }) {
            writeNotes(of: paragraph)
            writeTextBoxes(of: paragraph)
        }
    }
}
