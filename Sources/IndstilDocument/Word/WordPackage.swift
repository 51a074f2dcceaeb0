import Foundation
import IndstilSupport

/// A .docx file read: its body, styles and lists. Every part is parsed safely
/// (`WordArchive`, `WordXML`); any failure is one `WordReadFailure`.
package struct WordPackage {
    package let body: WordBody
    package let styles: WordStyles
    package let numbering: WordNumbering

    package static func read(_ url: URL) -> Result<WordPackage, WordReadFailure> {
        switch WordArchive.open(url) {
        case .failure(let failure): return .failure(failure)
        case .success(let archive): return read(archive)
        }
    }

    private static func read(_ archive: WordArchive) -> Result<WordPackage, WordReadFailure> {
        do {
            let documentPath = try mainDocumentPath(archive)
            guard let document = try part(documentPath, in: archive) else { throw WordReadFailure.missingDocument }
            let folder = documentPath.split(separator: "/").dropLast().joined(separator: "/")
            let prefix = folder.isEmpty ? "" : folder + "/"
            let relationships = try part("\(prefix)_rels/\(documentPath.split(separator: "/").last ?? "document.xml").rels", in: archive)
            var links: [String: String] = [:]
            var targets: [String: String] = [:]
            for relationship in relationships?.children("Relationship") ?? [] {
                guard let id = relationship.attributes["Id"], let target = relationship.attributes["Target"],
                      let type = relationship.attributes["Type"] else { continue }
                if relationship.attributes["TargetMode"] == "External", type.hasSuffix("/hyperlink") { links[id] = target }
                let kind = String(type.split(separator: "/").last ?? "")
                if targets[kind] == nil { targets[kind] = target.hasPrefix("/") ? String(target.dropFirst()) : prefix + target }
            }
            func related(_ kind: String, _ fallback: String) throws -> WordXMLElement? {
                try part(targets[kind] ?? prefix + fallback, in: archive)
            }
            let styles = WordStyles(try related("styles", "styles.xml"))
            let numbering = WordNumbering(try related("numbering", "numbering.xml"))
            var comments: [String: (author: String?, text: String)] = [:]
            for comment in try related("comments", "comments.xml")?.children("comment") ?? [] {
                guard let id = comment.attributes["id"] else { continue }
                comments[id] = (comment.attributes["author"], WordBodyReader.allText(comment))
            }
            var notes: [WordNoteKey: WordXMLElement] = [:]
            for note in try related("footnotes", "footnotes.xml")?.children("footnote") ?? [] {
                if let id = note.attributes["id"] { notes[.footnote(id)] = note }
            }
            for note in try related("endnotes", "endnotes.xml")?.children("endnote") ?? [] {
                if let id = note.attributes["id"] { notes[.endnote(id)] = note }
            }
            let body = WordBodyReader.read(document: document, notes: notes, links: links, comments: comments)
            return .success(WordPackage(body: body, styles: styles, numbering: numbering))
        } catch let failure as WordReadFailure {
            return .failure(failure)
        } catch {
            return .failure(.missingDocument)
        }
    }

    /// The main document named by the package relationships, or word/document.xml.
    private static func mainDocumentPath(_ archive: WordArchive) throws -> String {
        let relationships = try part("_rels/.rels", in: archive)
        for relationship in relationships?.children("Relationship") ?? [] where relationship.attributes["Type"]?.hasSuffix("/officeDocument") == true {
            if let target = relationship.attributes["Target"] {
                let path = target.hasPrefix("/") ? String(target.dropFirst()) : target
                if archive.contains(path) { return path }
            }
        }
        return "word/document.xml"
    }

    private static func part(_ path: String, in archive: WordArchive) throws -> WordXMLElement? {
        try archive.xmlPart(path)?.root
    }
}
