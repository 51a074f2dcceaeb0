import IndstilSupport

/// Two versions of a document compared as what they are: front-matter fields by their path,
/// sections by their title, and within a section its paragraphs, list items, decision points
/// and table cells; text word by word (`WordDiff`). A paragraph found unchanged elsewhere is
/// moved, not deleted and written anew.
///
/// `blocks` is the whole document with the changes in place (what a redline shows: the new
/// text, the old beside it); `changes` lists each change once, decision points first (they
/// change what the council decides), then fields, then in the order of the sections.
public struct DocumentDiff: Sendable {
    public let changes: [DocumentChange]
    public let blocks: [RedlineBlock]

    public var isEmpty: Bool { changes.isEmpty }

    /// - Parameter isDecisionSection: whether a section holds the decision points (the
    ///   profile's decision section); its list items are compared as decision points.
    public static func compare(old: Document, new: Document, isDecisionSection: @escaping (Section) -> Bool = { _ in false }) -> DocumentDiff {
        var differ = DocumentDiffer(isDecisionSection: isDecisionSection)
        return differ.compare(old: old, new: new)
    }
}

/// One change between the versions.
public struct DocumentChange: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case added, removed, changed, moved
    }

    public enum Place: String, Sendable {
        case field, appendix, section, paragraph
        case listItem = "list-item"
        case decisionPoint = "decision-point"
        case tableCell = "table-cell"
        case tableRow = "table-row"
    }

    public let kind: Kind
    public let place: Place
    /// The section's heading ("2. Beslutningspunkter"); for a field, nil.
    public let section: String?
    /// What changed, in Danish: "punkt 3", "dato", "Tabel 1, række »Midtbyen«, kolonne »2027«";
    /// for a moved paragraph, where it was.
    public let label: String?
    public let old: String?
    public let new: String?
    public let oldLine: Int?
    public let newLine: Int?
    /// The words of `old` and `new` compared (changed text only).
    public let segments: [WordDiff.Segment]
    /// For a moved block: the section it came from (nil: the text before the first heading).
    public var movedFrom: String?
}

/// A block of the redline: a heading, paragraph, list item or field line, or a table, with
/// its state between the versions.
public struct RedlineBlock: Sendable, Equatable {
    public enum Role: Sendable, Equatable {
        case heading(level: Int)
        case paragraph
        case listItem(ordered: Bool)
        case field(label: String)
    }

    public enum State: Sendable, Equatable {
        case same(String)
        case inserted(String)
        case deleted(String)
        case changed([WordDiff.Segment])
    }

    public let role: Role
    /// A table's cells, each with its state; nil for text blocks.
    public let table: [[State]]?
    public let state: State

    init(_ role: Role, _ state: State) {
        self.role = role
        self.state = state
        table = nil
    }

    init(table: [[State]], state: State) {
        role = .paragraph
        self.table = table
        self.state = state
    }
}

/// The comparison's working state (one use).
struct DocumentDiffer {
    let isDecisionSection: (Section) -> Bool
    var changes: [DocumentChange] = []
    var blocks: [RedlineBlock] = []

    init(isDecisionSection: @escaping (Section) -> Bool) {
        self.isDecisionSection = isDecisionSection
    }

    /// A comparable block of a section.
    struct Unit {
        enum Role: Equatable {
            case paragraph, listItem(ordered: Bool), decisionPoint, table
        }

        let role: Role
        let text: String
        let line: Int
        /// For a table: its rows of cell texts (the header first) and its name.
        var rows: [[String]] = []
        var tableName = ""

        var key: String { "\(role)|\(text)" }
    }

    mutating func compare(old: Document, new: Document) -> DocumentDiff {
        compareFields(old: old.frontMatter, new: new.frontMatter)
        compareSections(old: old, new: new)
        detectMoves()
        // Decision points first, then fields and appendices, then the sections in order.
        let rank: (DocumentChange) -> Int = { change in
            switch change.place {
            case .decisionPoint: 0
            case .field, .appendix: 1
            default: 2
            }
        }
        let ordered = changes.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
        return DocumentDiff(changes: ordered, blocks: blocks)
    }

    // MARK: Fields

    /// Scalars of the front matter by path ("sagsbehandler.navn", "bilag[2].titel").
    static func flatten(_ value: YAMLValue, path: String = "", into out: inout [(path: String, value: String, line: Int)]) {
        switch value.content {
        case .null:
            if !path.isEmpty { out.append((path, "", value.line)) }
        case .scalar(let text):
            out.append((path, text, value.line))
        case .sequence(let items):
            for (index, item) in items.enumerated() { flatten(item, path: "\(path)[\(index + 1)]", into: &out) }
        case .mapping(let entries):
            for entry in entries { flatten(entry.value, path: path.isEmpty ? entry.key : "\(path).\(entry.key)", into: &out) }
        }
    }

    private mutating func compareFields(old: YAMLValue, new: YAMLValue) {
        var oldFields: [(path: String, value: String, line: Int)] = [], newFields: [(path: String, value: String, line: Int)] = []
        Self.flatten(old, into: &oldFields)
        Self.flatten(new, into: &newFields)
        let oldByPath = Dictionary(oldFields.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let newPaths = Set(newFields.map(\.path))
        func place(_ path: String) -> DocumentChange.Place { path.hasPrefix("bilag[") ? .appendix : .field }
        for field in newFields {
            let label = Self.fieldLabel(field.path)
            if let before = oldByPath[field.path] {
                if before.value == field.value {
                    blocks.append(RedlineBlock(.field(label: label), .same(field.value)))
                } else {
                    let segments = WordDiff.valueSegments(old: before.value, new: field.value)
                    changes.append(DocumentChange(kind: .changed, place: place(field.path), section: nil, label: label, old: before.value,
                                                  new: field.value, oldLine: before.line, newLine: field.line, segments: segments))
                    blocks.append(RedlineBlock(.field(label: label), .changed(segments)))
                }
            } else {
                changes.append(DocumentChange(kind: .added, place: place(field.path), section: nil, label: label, old: nil,
                                              new: field.value, oldLine: nil, newLine: field.line, segments: []))
                blocks.append(RedlineBlock(.field(label: label), .inserted(field.value)))
            }
        }
        for field in oldFields where !newPaths.contains(field.path) {
            let label = Self.fieldLabel(field.path)
            changes.append(DocumentChange(kind: .removed, place: place(field.path), section: nil, label: label, old: field.value,
                                          new: nil, oldLine: field.line, newLine: nil, segments: []))
            blocks.append(RedlineBlock(.field(label: label), .deleted(field.value)))
        }
    }

    /// "bilag[2].titel" → "bilag 2, titel"; other paths as they are.
    static func fieldLabel(_ path: String) -> String {
        path.replacingOccurrences(of: "[", with: " ").replacingOccurrences(of: "].", with: ", ").replacingOccurrences(of: "]", with: "")
    }

    // MARK: Sections

    private static func sectionKey(_ section: Section) -> String { section.title.foldingWhitespace.lowercased() }

    private mutating func compareSections(old: Document, new: Document) {
        // The text before the first heading counts as a section without a heading.
        if !old.preamble.isEmpty || !new.preamble.isEmpty {
            compareUnits(units(old.preamble, decision: false), units(new.preamble, decision: false), section: nil)
        }
        let oldKeys = old.sections.map(Self.sectionKey)
        var oldUsed = Set<Int>()
        var oldCursor = 0
        for section in new.sections {
            let key = Self.sectionKey(section)
            guard let match = oldKeys.indices.first(where: { oldKeys[$0] == key && !oldUsed.contains($0) }) else {
                addedSection(section)
                continue
            }
            // Sections of the old version dropped before this one are shown where they stood.
            if match >= oldCursor {
                for index in oldCursor..<match where !oldUsed.contains(index) && !new.sections.contains(where: { Self.sectionKey($0) == oldKeys[index] }) {
                    removedSection(old.sections[index])
                    oldUsed.insert(index)
                }
                oldCursor = match + 1
            }
            oldUsed.insert(match)
            let before = old.sections[match]
            if before.heading != section.heading {
                let segments = WordDiff.segments(old: before.heading, new: section.heading)
                changes.append(DocumentChange(kind: .changed, place: .section, section: section.heading, label: nil, old: before.heading,
                                              new: section.heading, oldLine: before.line, newLine: section.line, segments: segments))
                blocks.append(RedlineBlock(.heading(level: 1), .changed(segments)))
            } else {
                blocks.append(RedlineBlock(.heading(level: 1), .same(section.heading)))
            }
            let decision = isDecisionSection(section) || isDecisionSection(before)
            compareUnits(units(before.blocks, decision: decision), units(section.blocks, decision: decision), section: section.heading)
        }
        for index in old.sections.indices where !oldUsed.contains(index) { removedSection(old.sections[index]) }
    }

    private mutating func addedSection(_ section: Section) {
        changes.append(DocumentChange(kind: .added, place: .section, section: section.heading, label: nil, old: nil,
                                      new: section.visibleText.foldingWhitespace, oldLine: nil, newLine: section.line, segments: []))
        blocks.append(RedlineBlock(.heading(level: 1), .inserted(section.heading)))
        for unit in units(section.blocks, decision: isDecisionSection(section)) { blocks.append(block(unit, .inserted(unit.text))) }
    }

    private mutating func removedSection(_ section: Section) {
        changes.append(DocumentChange(kind: .removed, place: .section, section: section.heading, label: nil,
                                      old: section.visibleText.foldingWhitespace, new: nil, oldLine: section.line, newLine: nil, segments: []))
        blocks.append(RedlineBlock(.heading(level: 1), .deleted(section.heading)))
        for unit in units(section.blocks, decision: isDecisionSection(section)) { blocks.append(block(unit, .deleted(unit.text))) }
    }

    // MARK: Units

    private func units(_ nodes: [MarkdownNode], decision: Bool) -> [Unit] {
        var out: [Unit] = []
        func add(_ node: MarkdownNode) {
            switch node.kind {
            case .list(let ordered, _, _):
                for item in node.children {
                    // An item's own text, and its nested lists' items after it.
                    let own = item.children.filter { if case .list = $0.kind { return false } else { return true } }
                    let text = own.map(\.plainText).joined(separator: " ").foldingWhitespace
                    out.append(Unit(role: decision ? .decisionPoint : .listItem(ordered: ordered), text: text, line: item.line))
                    for nested in item.children { if case .list = nested.kind { add(nested) } }
                }
            case .table(let table):
                var unit = Unit(role: .table, text: "", line: node.line)
                unit.rows = [table.header.cells.map(\.text)] + table.rows.map { $0.cells.map(\.text) }
                unit.tableName = table.caption ?? table.id ?? ""
                unit = Unit(role: .table, text: unit.rows.map { $0.joined(separator: " | ") }.joined(separator: "\n"), line: node.line,
                            rows: unit.rows, tableName: unit.tableName)
                out.append(unit)
            case .blockQuote:
                for child in node.children { add(child) }
            case .thematicBreak, .htmlBlock:
                break
            default:
                let text = node.plainText.foldingWhitespace
                if !text.isEmpty { out.append(Unit(role: .paragraph, text: text, line: node.line)) }
            }
        }
        nodes.forEach(add)
        return out
    }

    private func block(_ unit: Unit, _ state: RedlineBlock.State) -> RedlineBlock {
        switch unit.role {
        case .table:
            let cellState: (String) -> RedlineBlock.State = { text in
                switch state {
                case .inserted: .inserted(text)
                case .deleted: .deleted(text)
                default: .same(text)
                }
            }
            return RedlineBlock(table: unit.rows.map { $0.map(cellState) }, state: state)
        case .paragraph: return RedlineBlock(.paragraph, state)
        case .listItem(let ordered): return RedlineBlock(.listItem(ordered: ordered), state)
        case .decisionPoint: return RedlineBlock(.listItem(ordered: true), state)
        }
    }

    private static func place(_ unit: Unit) -> DocumentChange.Place {
        switch unit.role {
        case .paragraph: .paragraph
        case .listItem: .listItem
        case .decisionPoint: .decisionPoint
        case .table: .tableRow
        }
    }

    /// Pending deletions and insertions, kept for spotting moves across sections.
    private var removedUnits: [(change: Int, text: String)] = []
    private var addedUnits: [(change: Int, text: String)] = []

    /// Units compared in order: a longest common subsequence of equal units, and between
    /// two kept ones, deletions and insertions paired by likeness into changes.
    private mutating func compareUnits(_ old: [Unit], _ new: [Unit], section: String?) {
        let operations = CommonSubsequence.operations(old.map(\.key), new.map(\.key))
        var pendingOld: [(index: Int, unit: Unit)] = [], pendingNew: [Unit] = []
        var newPosition = 0, oldPosition = 0
        // The decision points before each unit, counted once: "punkt 3".
        func pointsBefore(_ units: [Unit]) -> [Int] {
            var counts = [0]
            for unit in units { counts.append(counts[counts.count - 1] + (unit.role == .decisionPoint ? 1 : 0)) }
            return counts
        }
        let oldPoints = pointsBefore(old), newPoints = pointsBefore(new)
        func label(_ unit: Unit, newIndex: Int?, oldIndex: Int?) -> String? {
            guard unit.role == .decisionPoint else { return nil }
            let counts = newIndex != nil ? newPoints : oldPoints
            let index = min(newIndex ?? oldIndex ?? 0, counts.count - 1)
            return "punkt \(counts[index] + 1)"
        }
        func flush() {
            var remaining = pendingNew.enumerated().map { ($0.offset, $0.element) }
            var pairs: [(oldIndex: Int, old: Unit, new: Unit?, newOffset: Int?)] = []
            // Likeness is weighed for every pair of a region; a region rewritten throughout
            // beyond `maximumPairings` is deletions and insertions.
            let pairing = pendingOld.count * pendingNew.count <= Self.maximumPairings
            // As many blocks in as out: each took the place of the one it stands in for (a
            // decision point rewritten is that point changed), however few words they share.
            let oneForOne = pendingOld.count == pendingNew.count
                && zip(pendingOld, pendingNew).allSatisfy { Self.comparable($0.unit.role, $1.role) }
            for (position, (oldIndex, unit)) in pendingOld.enumerated() {
                if oneForOne {
                    pairs.append((oldIndex, unit, pendingNew[position], position))
                    continue
                }
                let candidates = pairing ? remaining.filter { Self.comparable($0.1.role, unit.role) } : []
                let best = candidates.max { Self.likeness(unit, $0.1) < Self.likeness(unit, $1.1) }
                if let best, unit.role == .table || Self.likeness(unit, best.1) >= 0.4 {
                    pairs.append((oldIndex, unit, best.1, best.0))
                    remaining.removeAll { $0.0 == best.0 }
                } else {
                    pairs.append((oldIndex, unit, nil, nil))
                }
            }
            var pairOfNew: [Int: Int] = [:]
            for (index, pair) in pairs.enumerated() { if let offset = pair.newOffset { pairOfNew[offset] = index } }
            // In the order of the new text: each new unit at its place, deletions before the
            // unit that took their place.
            let startNew = newPosition - pendingNew.count
            var writtenOld = Set<Int>()
            var cursor = 0  // the deletions before it are written (each pair looked at once)
            for (offset, unit) in pendingNew.enumerated() {
                if let pairIndex = pairOfNew[offset] {
                    while cursor < pairIndex {
                        let pair = pairs[cursor]
                        if pair.new == nil, !writtenOld.contains(cursor) {
                            removed(pair.old, section: section, label: label(pair.old, newIndex: nil, oldIndex: pair.oldIndex))
                            writtenOld.insert(cursor)
                        }
                        cursor += 1
                    }
                    writtenOld.insert(pairIndex)
                    changed(pairs[pairIndex].old, unit, section: section, label: label(unit, newIndex: startNew + offset, oldIndex: nil))
                } else {
                    added(unit, section: section, label: label(unit, newIndex: startNew + offset, oldIndex: nil))
                }
            }
            for (index, pair) in pairs.enumerated() where !writtenOld.contains(index) {
                removed(pair.old, section: section, label: label(pair.old, newIndex: nil, oldIndex: pair.oldIndex))
            }
            pendingOld = []
            pendingNew = []
        }
        for operation in operations {
            switch operation {
            case .same:
                flush()
                blocks.append(block(new[newPosition], .same(new[newPosition].text)))
                newPosition += 1
                oldPosition += 1
            case .deleted:
                pendingOld.append((oldPosition, old[oldPosition]))
                oldPosition += 1
            case .inserted:
                pendingNew.append(new[newPosition])
                newPosition += 1
            }
        }
        flush()
    }

    /// Old and new units of one rewritten region weighed against each other at most.
    static let maximumPairings = 10_000

    private static func comparable(_ a: Unit.Role, _ b: Unit.Role) -> Bool {
        switch (a, b) {
        case (.table, .table): true
        case (.table, _), (_, .table): false
        default: true
        }
    }

    private static func likeness(_ a: Unit, _ b: Unit) -> Double {
        WordDiff.similarity(a.text, b.text) + (a.role == b.role ? 0.01 : 0)
    }

    private mutating func added(_ unit: Unit, section: String?, label: String?) {
        addedUnits.append((changes.count, unit.text))
        changes.append(DocumentChange(kind: .added, place: Self.place(unit), section: section, label: label ?? (unit.role == .table ? Self.tableLabel(unit) : nil),
                                      old: nil, new: unit.text, oldLine: nil, newLine: unit.line, segments: []))
        blocks.append(block(unit, .inserted(unit.text)))
    }

    private mutating func removed(_ unit: Unit, section: String?, label: String?) {
        removedUnits.append((changes.count, unit.text))
        changes.append(DocumentChange(kind: .removed, place: Self.place(unit), section: section, label: label ?? (unit.role == .table ? Self.tableLabel(unit) : nil),
                                      old: unit.text, new: nil, oldLine: unit.line, newLine: nil, segments: []))
        blocks.append(block(unit, .deleted(unit.text)))
    }

    private mutating func changed(_ old: Unit, _ new: Unit, section: String?, label: String?) {
        if new.role == .table {
            compareTables(old, new, section: section)
            return
        }
        let segments = WordDiff.segments(old: old.text, new: new.text)
        changes.append(DocumentChange(kind: .changed, place: Self.place(new), section: section, label: label, old: old.text,
                                      new: new.text, oldLine: old.line, newLine: new.line, segments: segments))
        blocks.append(block(new, .changed(segments)))
    }

    static func tableLabel(_ unit: Unit) -> String {
        unit.tableName.isEmpty ? "tabel" : "tabel »\(unit.tableName)«"
    }

    /// Cells compared by row (its first cell, else its place) and by column place (the header
    /// names the column in the change).
    private mutating func compareTables(_ old: Unit, _ new: Unit, section: String?) {
        let oldHeader = old.rows.first ?? [], newHeader = new.rows.first ?? []
        // Old rows by their first cell, in order (a repeated "I alt" keeps its place in line).
        var oldByKey: [String: [Int]] = [:]
        for (index, row) in old.rows.enumerated() where index > 0 { oldByKey[row.first ?? "", default: []].append(index) }
        let newKeys = Set(new.rows.dropFirst().map { $0.first ?? "" })
        var usedOld = Set<Int>()
        var grid: [[RedlineBlock.State]] = []
        func columnName(_ column: Int) -> String {
            let name = column < newHeader.count ? newHeader[column] : ""
            return name.isEmpty ? "kolonne \(column + 1)" : "kolonne »\(name)«"
        }
        let name = Self.tableLabel(new)
        /// Two rows' cells compared column by column.
        func cells(_ old: [String], _ new: [String], label: (Int) -> String, line: Int) -> [RedlineBlock.State] {
            (0..<max(old.count, new.count)).map { column in
                cellChange(column < old.count ? old[column] : nil, column < new.count ? new[column] : nil,
                           section: section, label: label(column), line: line)
            }
        }
        grid.append(cells(oldHeader, newHeader, label: { "\(name), overskriften i kolonne \($0 + 1)" }, line: new.line))
        for (index, row) in new.rows.enumerated() where index > 0 {
            let key = row.first ?? ""
            // The first unused old row with the same first cell; else the old row at the same
            // place, when no new row has its first cell (a row whose label changed).
            var matchIndex = oldByKey[key]?.first { !usedOld.contains($0) }
            if matchIndex == nil, index < old.rows.count, !usedOld.contains(index), !newKeys.contains(old.rows[index].first ?? "") { matchIndex = index }
            guard let matchIndex else {
                changes.append(DocumentChange(kind: .added, place: .tableRow, section: section, label: "\(name), række »\(key)«", old: nil,
                                              new: row.joined(separator: " | "), oldLine: nil, newLine: new.line, segments: []))
                grid.append(row.map { .inserted($0) })
                continue
            }
            usedOld.insert(matchIndex)
            grid.append(cells(old.rows[matchIndex], row, label: { "\(name), række »\(key)«, \(columnName($0))" }, line: new.line))
        }
        for (index, row) in old.rows.enumerated() where index > 0 && !usedOld.contains(index) {
            changes.append(DocumentChange(kind: .removed, place: .tableRow, section: section, label: "\(name), række »\(row.first ?? "")«",
                                          old: row.joined(separator: " | "), new: nil, oldLine: old.line, newLine: nil, segments: []))
            grid.append(row.map { .deleted($0) })
        }
        let changedAny = grid.contains { $0.contains { if case .same = $0 { return false } else { return true } } }
        blocks.append(RedlineBlock(table: grid, state: changedAny ? .changed([]) : .same(new.text)))
    }

    private mutating func cellChange(_ before: String?, _ after: String?, section: String?, label: String, line: Int) -> RedlineBlock.State {
        switch (before, after) {
        case (let before?, let after?) where before == after:
            return .same(after)
        case (let before?, let after?):
            let segments = WordDiff.valueSegments(old: before, new: after)
            changes.append(DocumentChange(kind: .changed, place: .tableCell, section: section, label: label, old: before, new: after,
                                          oldLine: line, newLine: line, segments: segments))
            return .changed(segments)
        case (nil, let after?):
            return .inserted(after)
        case (let before?, nil):
            return .deleted(before)
        case (nil, nil):
            return .same("")
        }
    }

    // MARK: Moves

    /// A deleted unit whose text stands, unchanged, where a unit was added is moved: one
    /// change, "flyttet", from its old section to its new one.
    private mutating func detectMoves() {
        var consumed = Set<Int>()
        var addedByText: [String: [Int]] = [:]
        for added in addedUnits.reversed() where !added.text.isEmpty { addedByText[added.text, default: []].append(added.change) }
        for removed in removedUnits where !removed.text.isEmpty {
            guard let change = addedByText[removed.text]?.popLast() else { continue }
            let added = (change: change, text: removed.text)
            consumed.insert(added.change)
            consumed.insert(removed.change)
            let from = changes[removed.change], to = changes[added.change]
            changes[added.change] = DocumentChange(kind: .moved, place: to.place, section: to.section, label: to.label,
                                                   old: from.old, new: to.new, oldLine: from.oldLine, newLine: to.newLine, segments: [],
                                                   movedFrom: from.section)
        }
        let removedMoves = Set(removedUnits.map(\.change)).intersection(consumed)
        changes = changes.enumerated().filter { !removedMoves.contains($0.offset) }.map(\.element)
    }
}
