import Foundation
import IndstilSupport
import IndstilDocument

/// The redline as a Word document with real revisions: the whole text, deleted words in
/// `w:del` and inserted ones in `w:ins` (a paragraph, row or field added or removed whole
/// has its paragraph mark or row tracked too), each with the author and date given. Word's
/// Review pane and LibreOffice list them; accepting all gives the new version's text and
/// rejecting all the old one's. Deterministic: the bytes depend on the diff, author and date.
public enum RedlineDocx {
    public struct Revision: Sendable {
        public let author: String
        /// ISO 8601, "2026-03-31T00:00:00Z".
        public let date: String

        public init(author: String, date: String) {
            self.author = author
            self.date = date
        }
    }

    public static func docx(_ diff: DocumentDiff, title: String, revision: Revision) throws(IndstilError) -> Data {
        var writer = Writer(revision: revision)
        writer.paragraph(style: "Title", [WordDiff.Segment(.same, "Ændringer: " + title)])
        for block in diff.blocks { writer.block(block) }
        let main = "application/vnd.openxmlformats-officedocument.wordprocessingml"
        let documentRelationships = DocxParts.relationships([
            DocxParts.Relationship(id: "rId1", type: "styles", target: "styles.xml"),
            DocxParts.Relationship(id: "rId3", type: "settings", target: "settings.xml"),
        ])
        let parts: [(path: String, data: Data)] = [
            ("[Content_Types].xml", Data(DocxParts.contentTypes(defaults: [], overrides: [
                ("/word/document.xml", "\(main).document.main+xml"), ("/word/styles.xml", "\(main).styles+xml"),
                ("/word/settings.xml", "\(main).settings+xml"),
                ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
                ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
            ]).utf8)),
            ("_rels/.rels", Data(DocxParts.packageRelationships.utf8)),
            ("docProps/core.xml", Data(DocxParts.core(title: "Ændringer: " + title, subject: "").utf8)),
            ("docProps/app.xml", Data(DocxParts.app.utf8)),
            ("word/_rels/document.xml.rels", Data(documentRelationships.utf8)),
            ("word/document.xml", Data(writer.document.utf8)),
            ("word/styles.xml", Data(DocxParts.styles(headingColour: "1F3864").utf8)),
            ("word/settings.xml", Data(DocxParts.settings().utf8)),
        ]
        return try DocxWriter.zip(parts)
    }

    struct Writer {
        let revision: Revision
        var body = ""
        var nextID = 1

        init(revision: Revision) {
            self.revision = revision
        }

        var document: String {
            DocxXML.declaration + "<w:document \(DocxXML.rootNamespaces)><w:body>" + body
                + "<w:p/><w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1418\" w:right=\"1418\" w:bottom=\"1418\" w:left=\"1418\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>"
        }

        private mutating func attributes() -> String {
            defer { nextID += 1 }
            return "w:id=\"\(nextID)\" w:author=\"\(MarkupEscaping.escape(revision.author, for: .attribute))\" w:date=\"\(revision.date)\""
        }

        /// A run of text as it stands: kept, inserted or deleted.
        private mutating func runs(_ segments: [WordDiff.Segment], properties: String = "") -> String {
            var out = ""
            for segment in segments where !segment.text.isEmpty {
                let text = MarkupEscaping.escape(segment.text)
                switch segment.kind {
                case .same: out += "<w:r>\(properties)<w:t xml:space=\"preserve\">\(text)</w:t></w:r>"
                case .inserted: out += "<w:ins \(attributes())><w:r>\(properties)<w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:ins>"
                case .deleted: out += "<w:del \(attributes())><w:r>\(properties)<w:delText xml:space=\"preserve\">\(text)</w:delText></w:r></w:del>"
                }
            }
            return out
        }

        static func segments(_ state: RedlineBlock.State) -> [WordDiff.Segment] {
            switch state {
            case .same(let text): [WordDiff.Segment(.same, text)]
            case .inserted(let text): [WordDiff.Segment(.inserted, text)]
            case .deleted(let text): [WordDiff.Segment(.deleted, text)]
            case .changed(let segments): segments
            }
        }

        /// A paragraph; one added or removed whole has its paragraph mark tracked too, so
        /// that accepting or rejecting leaves no empty paragraph behind.
        mutating func paragraph(style: String? = nil, indent: Bool = false, prefix: String? = nil, _ segments: [WordDiff.Segment], whole: RedlineBlock.State? = nil) {
            var pPr = style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? ""
            if indent { pPr += "<w:ind w:left=\"567\"/>" }
            switch whole {
            case .inserted?: pPr += "<w:rPr><w:ins \(attributes())/></w:rPr>"
            case .deleted?: pPr += "<w:rPr><w:del \(attributes())/></w:rPr>"
            default: break
            }
            var content = ""
            if let prefix {
                let kind: WordDiff.Kind
                switch whole {
                case .inserted?: kind = .inserted
                case .deleted?: kind = .deleted
                default: kind = .same
                }
                content += runs([WordDiff.Segment(kind, prefix)], properties: "<w:rPr><w:b/></w:rPr>")
            }
            content += runs(segments)
            body += "<w:p>\(pPr.isEmpty ? "" : "<w:pPr>\(pPr)</w:pPr>")\(content)</w:p>"
        }

        mutating func block(_ block: RedlineBlock) {
            if let table = block.table {
                self.table(table, whole: block.state)
                return
            }
            let segments = Self.segments(block.state)
            let whole: RedlineBlock.State? = {
                switch block.state {
                case .inserted, .deleted: return block.state
                default: return nil
                }
            }()
            switch block.role {
            case .heading(let level):
                paragraph(style: "Heading\(min(max(level, 1), 6))", segments, whole: whole)
            case .paragraph:
                paragraph(segments, whole: whole)
            case .listItem:
                paragraph(indent: true, segments, whole: whole)
            case .field(let label):
                paragraph(prefix: label + ": ", segments, whole: whole)
            }
        }

        mutating func table(_ rows: [[RedlineBlock.State]], whole: RedlineBlock.State) {
            let columns = rows.map(\.count).max() ?? 0
            guard columns > 0 else { return }
            var out = "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"0\" w:type=\"auto\"/><w:tblBorders>"
            for side in ["top", "left", "bottom", "right", "insideH", "insideV"] { out += "<w:\(side) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"767676\"/>" }
            out += "</w:tblBorders></w:tblPr><w:tblGrid>" + String(repeating: "<w:gridCol/>", count: columns) + "</w:tblGrid>"
            body += out
            for row in rows {
                // A row added or removed whole is a tracked row.
                let rowState: RedlineBlock.State? = {
                    if row.allSatisfy({ if case .inserted = $0 { return true } else { return false } }) { return .inserted("") }
                    if row.allSatisfy({ if case .deleted = $0 { return true } else { return false } }) { return .deleted("") }
                    return nil
                }()
                var rowXML = "<w:tr>"
                switch rowState {
                case .inserted?: rowXML += "<w:trPr><w:ins \(attributes())/></w:trPr>"
                case .deleted?: rowXML += "<w:trPr><w:del \(attributes())/></w:trPr>"
                default: break
                }
                body += rowXML
                for column in 0..<columns {
                    let state = column < row.count ? row[column] : .same("")
                    body += "<w:tc><w:tcPr><w:tcW w:w=\"0\" w:type=\"auto\"/></w:tcPr>"
                    paragraph(Self.segments(state))
                    body += "</w:tc>"
                }
                body += "</w:tr>"
            }
            body += "</w:tbl>"
            _ = whole
        }
    }
}
