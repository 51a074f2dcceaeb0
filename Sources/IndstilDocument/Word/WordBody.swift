import IndstilSupport

/// A Word document's body as the reader keeps it: paragraphs in order (each with its
/// number, counted over every `w:p` of the body, empty ones and table cells included:
/// that number is the "line" of a finding), tables as rows of cell paragraphs, and what
/// was found that is reported rather than read.
package struct WordBody {
    package var blocks: [WordBlock] = []
    /// Content controls (`w:sdt`) with a title or tag, and their text.
    var contentControls: [(label: String, text: String, paragraph: Int)] = []
    package var notices: [WordNotice] = []
    /// Text of each footnote and endnote, by reference.
    package var notes: [WordNoteKey: String] = [:]
    /// The superscript number each referenced note is shown with ("¹").
    var noteMarkers: [WordNoteKey: String] = [:]
    /// The text of the headers and footers (each line once, in order), which is not the
    /// document's text.
    package var pageLines: [(part: WordNotice.Part, text: String)] = []
}

package enum WordBlock {
    case paragraph(WordParagraph)
    case table(WordTable)
}

package struct WordParagraph {
    package let number: Int
    package var style: String?
    /// `w:outlineLvl` set on the paragraph itself.
    package var outlineLevel: Int?
    package var list: WordListReference?
    /// The paragraph switches off the numbering its style would give it (`w:numId w:val="0"`).
    package var numberingOff = false
    package var runs: [WordRun] = []
    /// Text boxes and shapes with text anchored in this paragraph, read after it.
    package var textBoxes: [WordTextBox] = []

    /// The text a reader sees, line breaks as spaces.
    package var text: String {
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
    package var lines: [String] {
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

package struct WordRun: Equatable {
    package enum Content: Equatable {
        case text(String)
        case lineBreak
        /// A footnote or endnote mark, shown as a superscript number.
        case noteReference(String)
    }

    package var content: Content
    package var bold = false
    package var italic = false
    package var code = false
    /// A web or mail address the run links to.
    package var link: String?
}

/// A text box (or a shape with text) and what it holds; `notice` is the index of its
/// `.textBox` notice, which the writer drops when the box was read as the header's fields.
package struct WordTextBox {
    package let notice: Int
    package let blocks: [WordBlock]
}

package struct WordTable {
    package let firstParagraph: Int
    /// Rows of cells, each cell its paragraphs and nested tables.
    package var rows: [[[WordBlock]]]

    /// A cell's paragraphs, those of nested tables included, in order.
    package static func paragraphs(_ cell: [WordBlock]) -> [WordParagraph] {
        cell.flatMap { block -> [WordParagraph] in
            switch block {
            case .paragraph(let paragraph): return [paragraph]
            case .table(let nested): return nested.rows.flatMap { $0.flatMap(paragraphs) }
            }
        }
    }
}

package enum WordNoteKey: Hashable {
    case footnote(String)
    case endnote(String)
}

/// Something in the file that is reported, with the paragraph it is in.
package struct WordNotice: Equatable {
    package enum Kind: Equatable {
        case insertion(author: String?)
        case deletion(author: String?, text: String)
        case formatChange(author: String?)
        case comment(author: String?, text: String)
        case field(instruction: String)
        /// Its paragraphs' texts.
        case textBox(lines: [String])
        case embeddedObject
        /// Macros (VBA) in a macro-enabled document (.docm): never run, not read.
        case macros
        /// A chart or a SmartArt diagram (Markdown has neither): its description, if any.
        case chart(description: String)
        case diagram(description: String)
        /// An equation (Office Math), read as flat text: its text as read.
        case equation(text: String)
        case table(rows: Int, columns: Int)
        case imageWithoutDescription
        /// A line among the template's fields that no field takes (a second phone number).
        case unreadLine(text: String)
        /// Document properties named after list or group fields, with no text (pandoc
        /// writes a list of appendices or the case officer's group so): their names.
        case emptyProperties(names: [String])
        /// A list numbered with letters or roman numerals: its format, and whether its items
        /// were written as paragraphs with their labels (under another item) or with numbers.
        case listFormat(format: String, labelled: Bool)
    }

    /// The part of the document a notice is in: the body, or a note, header or footer
    /// (then `paragraph` is the body paragraph that refers to the note, or 1).
    package enum Part: Equatable {
        case body, footnote, endnote, header, footer
    }

    package let kind: Kind
    package let paragraph: Int
    package var part: Part = .body

    package init(kind: Kind, paragraph: Int, part: Part = .body) {
        self.kind = kind
        self.paragraph = paragraph
        self.part = part
    }
}
