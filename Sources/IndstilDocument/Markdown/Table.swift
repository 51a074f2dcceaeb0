import IndstilSupport

/// A table in a document: a GitHub pipe table or a fenced `tabel` block (its rows written
/// as pipe rows, pasted from a spreadsheet as tab-separated lines, or read from a CSV file).
/// Lines and columns are those of the file, so every finding points at the cell.
public struct Table: Sendable, Equatable {
    public enum Origin: Sendable, Equatable {
        /// `| a | b |` rows in the text.
        case pipe
        /// A fenced `tabel` block with its rows in the block (pipe rows or tab-separated).
        case block
        /// A fenced `tabel` block whose rows are in a CSV file (`fil:`), as named.
        case file(String)
    }

    public let origin: Origin
    /// `titel:`, shown as the table's caption.
    public let caption: String?
    /// `id:`, what other tables name in `{= id}`.
    public let id: String?
    /// The unit of the figures: `enhed:`, else the parenthesis of the first header cell.
    public let unit: TableUnit?
    /// `enhed:` as written, shown beside the caption.
    public let unitName: String?
    /// The header row (the first row), and the rows below it.
    public let header: TableRow
    public let rows: [TableRow]
    /// First and last line of the table in the file (the fences of a block included).
    public let line: Int
    public let endLine: Int
    /// What could not be read (a `fil:` outside the project, an unknown option), with its line.
    public let problems: [TableProblem]

    public init(origin: Origin, caption: String?, id: String?, unit: TableUnit?, unitName: String?,
                header: TableRow, rows: [TableRow], line: Int, endLine: Int, problems: [TableProblem]) {
        self.origin = origin
        self.caption = caption
        self.id = id
        self.unit = unit
        self.unitName = unitName
        self.header = header
        self.rows = rows
        self.line = line
        self.endLine = endLine
        self.problems = problems
    }

    /// The number of columns: the header's.
    public var columnCount: Int { header.cells.count }
}

/// One row: its cells, the line it is on, and what its first cell declares.
public struct TableRow: Sendable, Equatable {
    public enum Role: Sendable, Equatable {
        case body
        /// "I alt", "Total", "Anslået samlet besparelse" or a first cell ending in `{total}`:
        /// each figure is the sum of the rows above it (back to the previous total row).
        case total
    }

    public let cells: [TableCell]
    public let line: Int
    public let role: Role
    /// `{= id}` after the first cell's text: the row's figures equal the total row of the
    /// table with that id, column by column (matched by header text).
    public let reference: TableReference?

    public init(cells: [TableCell], line: Int, role: Role, reference: TableReference?) {
        self.cells = cells
        self.line = line
        self.role = role
        self.reference = reference
    }

    /// The first cell's text: the row's label.
    public var label: String { cells.first?.text ?? "" }
}

/// `{= id}`: where it is written, and the id it names.
public struct TableReference: Sendable, Equatable {
    public let id: String
    public let line: Int
    public let column: Int
}

/// One cell: its text as a reader sees it, its inline Markdown, and where it is.
public struct TableCell: Sendable, Equatable {
    /// Markup removed, white space folded.
    public let text: String
    /// The inline Markdown of the cell (emphasis, strong, links) for rendering.
    public let content: [MarkdownNode]
    public let line: Int
    public let column: Int
    /// For a cell of a CSV file: its line in that file (the diagnostics point at `fil:`).
    public let fileLine: Int?
    public let reading: CellReading

    public init(text: String, content: [MarkdownNode], line: Int, column: Int, fileLine: Int? = nil) {
        self.text = text
        self.content = content
        self.line = line
        self.column = column
        self.fileLine = fileLine
        self.reading = DanishNumberReader.read(text)
    }
}

/// Something in a table's source that could not be used, with its place.
public struct TableProblem: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// `fil:` names a file outside the project, a missing file, a folder or an unreadable file.
        case file
        /// An unknown option, an option without a value, rows and `fil:` both, no rows at all.
        case syntax
    }

    public let kind: Kind
    public let message: Message
    public let line: Int
    public let column: Int
}
