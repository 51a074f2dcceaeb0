import IndstilSupport

/// A table as every output shows it: caption and unit, a header row, body rows with their
/// total rows marked, each cell's inline content and whether it is a figure (figures are
/// right-aligned). Rows shorter than the widest are padded with empty cells.
public struct RenderTable: Sendable, Equatable {
    public struct Cell: Sendable, Equatable {
        public let content: [RenderInline]
        public let isNumber: Bool

        package init(content: [RenderInline], isNumber: Bool) {
            self.content = content
            self.isNumber = isNumber
        }
    }

    public struct Row: Sendable, Equatable {
        public let cells: [Cell]
        public let isTotal: Bool
    }

    /// `titel:`, nil when the table has none.
    public let caption: String?
    /// `enhed:` as written ("1.000 kr."), shown after the caption.
    public let unit: String?
    public let header: Row
    public let rows: [Row]
    /// Per column: figures (right-aligned).
    public let numberColumns: [Bool]
    /// The first column labels the rows (it is not a column of figures).
    public var hasRowLabels: Bool { !(numberColumns.first ?? false) }

    /// "Identificeret potentiale (1.000 kr.)", or nil when there is neither.
    public var captionText: String? {
        switch (caption, unit) {
        case let (caption?, unit?): return "\(caption) (\(unit))"
        case let (caption?, nil): return caption
        case let (nil, unit?): return "(\(unit))"
        case (nil, nil): return nil
        }
    }

    /// The same table with every cell's content changed by `transform` (links resolved for a bundle).
    public func mappingContent(_ transform: ([RenderInline]) -> [RenderInline]) -> RenderTable {
        func mapped(_ row: Row) -> Row {
            Row(cells: row.cells.map { Cell(content: transform($0.content), isNumber: $0.isNumber) }, isTotal: row.isTotal)
        }
        return RenderTable(caption: caption, unit: unit, header: mapped(header), rows: rows.map(mapped), numberColumns: numberColumns)
    }

    private init(caption: String?, unit: String?, header: Row, rows: [Row], numberColumns: [Bool]) {
        self.caption = caption
        self.unit = unit
        self.header = header
        self.rows = rows
        self.numberColumns = numberColumns
    }

    package init(_ table: Table) {
        let columns = TableColumns(table)
        let width = max(table.columnCount, table.rows.map(\.cells.count).max() ?? 0)
        func row(_ row: TableRow, header: Bool) -> Row {
            let cells = (0..<width).map { index -> Cell in
                let content = index < row.cells.count ? RenderModelBuilder.inlines(row.cells[index].content) : []
                let isNumber = index < columns.isNumber.count && columns.isNumber[index]
                return Cell(content: content, isNumber: isNumber && (header || Self.isFigure(row, index)))
            }
            return Row(cells: cells, isTotal: !header && row.role == .total)
        }
        caption = table.caption
        unit = table.unitName
        header = row(table.header, header: true)
        rows = table.rows.map { row($0, header: false) }
        numberColumns = (0..<width).map { $0 < columns.isNumber.count && columns.isNumber[$0] }
    }

    /// A figure, "-" or an empty cell in a column of figures is aligned as a figure.
    static func isFigure(_ row: TableRow, _ index: Int) -> Bool {
        guard index < row.cells.count else { return true }
        if case .text = row.cells[index].reading { return false }
        return true
    }
}
