/// A Word document's body as the reader keeps it: paragraphs in order (each with its
/// number, counted over every `w:p` of the body, empty ones and table cells included:
/// that number is the "line" of a finding), tables as rows of cell paragraphs, and what
/// was found that is reported rather than read.
struct WordBody {
    var blocks: [WordBlock] = []
    /// Content controls (`w:sdt`) with a title or tag, and their text.
    var contentControls: [(label: String, text: String, paragraph: Int)] = []
    var notices: [WordNotice] = []
    /// Text of each footnote and endnote, by reference.
    var notes: [WordNoteKey: String] = [:]
    /// The superscript number each referenced note is shown with ("¹").
    var noteMarkers: [WordNoteKey: String] = [:]
}

enum WordBlock {
    case paragraph(WordParagraph)
    case table(WordTable)
}

struct WordParagraph {
    let number: Int
    var style: String?
    /// `w:outlineLvl` set on the paragraph itself.
    var outlineLevel: Int?
    var list: WordListReference?
    var runs: [WordRun] = []

    /// The text a reader sees, line breaks as spaces.
    var text: String {
        runs.map { run in
            switch run.content {
            case .text(let text): text
            case .lineBreak: " "
            case .noteReference(let marker): marker
            }
        }.joined()
    }

    var hasVisibleText: Bool { text.contains { !$0.isWhitespace } }

    /// The text split at line breaks, each line folded; empty lines left out.
    var lines: [String] {
        var lines = [""]
        for run in runs {
            switch run.content {
            case .text(let text), .noteReference(let text): lines[lines.count - 1] += text
            case .lineBreak: lines.append("")
            }
        }
        return lines.map(\.foldingWhitespace).filter { !$0.isEmpty }
    }
}

struct WordRun: Equatable {
    enum Content: Equatable {
        case text(String)
        case lineBreak
        /// A footnote or endnote mark, shown as a superscript number.
        case noteReference(String)
    }

    var content: Content
    var bold = false
    var italic = false
    var code = false
    /// A web or mail address the run links to.
    var link: String?
}

struct WordTable {
    let firstParagraph: Int
    /// Rows of cells, each cell its paragraphs and nested tables.
    var rows: [[[WordBlock]]]

    /// A cell's paragraphs, those of nested tables included, in order.
    static func paragraphs(_ cell: [WordBlock]) -> [WordParagraph] {
        cell.flatMap { block -> [WordParagraph] in
            switch block {
            case .paragraph(let paragraph): return [paragraph]
            case .table(let nested): return nested.rows.flatMap { $0.flatMap(paragraphs) }
            }
        }
    }
}

enum WordNoteKey: Hashable {
    case footnote(String)
    case endnote(String)
}

/// Something in the file that is reported, with the paragraph it is in.
struct WordNotice: Equatable {
    enum Kind: Equatable {
        case insertion(author: String?)
        case deletion(author: String?, text: String)
        case formatChange(author: String?)
        case comment(author: String?, text: String)
        case field(instruction: String)
        /// Its paragraphs' texts.
        case textBox(lines: [String])
        case embeddedObject
        case table(rows: Int, columns: Int)
        case imageWithoutDescription
        /// A line among the template's fields that no field takes (a second phone number).
        case unreadLine(text: String)
    }

    let kind: Kind
    let paragraph: Int
}
