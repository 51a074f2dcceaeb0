import Foundation
import IndstilSupport

/// A .docx file read: its body, styles and lists. Every part is parsed safely
/// (`WordArchive`, `WordXML`); any failure is one `WordReadFailure`.
package struct WordPackage {
    package let body: WordBody
    package let styles: WordStyles
    package let numbering: WordNumbering
    package let properties: WordProperties

    package static func read(_ url: URL) -> Result<WordPackage, WordReadFailure> {
        switch WordArchive.open(url) {
        case .failure(let failure): return .failure(failure)
        case .success(let archive): return read(archive)
        }
    }

    private static func read(_ archive: WordArchive) -> Result<WordPackage, WordReadFailure> {
        do {
            let (documentPath, propertyPaths) = try packageParts(archive)
            guard let document = try part(documentPath, in: archive) else { throw WordReadFailure.missingDocument }
            let folder = documentPath.split(separator: "/").dropLast().joined(separator: "/")
            let prefix = folder.isEmpty ? "" : folder + "/"
            let relationships = try part("\(prefix)_rels/\(documentPath.split(separator: "/").last ?? "document.xml").rels", in: archive)
            var links: [String: String] = [:]
            var targets: [String: String] = [:]
            var pageParts: [(part: WordNotice.Part, path: String)] = []
            for relationship in relationships?.children("Relationship") ?? [] {
                guard let id = relationship.attributes["Id"], let target = relationship.attributes["Target"],
                      let type = relationship.attributes["Type"] else { continue }
                if relationship.attributes["TargetMode"] == "External", type.hasSuffix("/hyperlink") { links[id] = target }
                guard relationship.attributes["TargetMode"] != "External" else { continue }
                let kind = String(type.split(separator: "/").last ?? "")
                let path = target.hasPrefix("/") ? String(target.dropFirst()) : prefix + target
                if targets[kind] == nil { targets[kind] = path }
                if kind == "header" || kind == "footer", pageParts.count < 64, !pageParts.contains(where: { $0.path == path }) {
                    pageParts.append((kind == "header" ? .header : .footer, path))
                }
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
            var body = WordBodyReader.read(document: document, notes: notes, links: links, comments: comments)
            if targets["vbaProject"] != nil || archive.contains(prefix + "vbaProject.bin") {
                body.notices.append(WordNotice(kind: .macros, paragraph: 1))
            }
            // Headers and footers: their text apart from the document's, what they hold that is
            // reported (a tracked change, a comment) on the first paragraph.
            for (kind, path) in pageParts.sorted(by: { ($0.part == .header ? 0 : 1, $0.path) < ($1.part == .header ? 0 : 1, $1.path) }) {
                guard let root = try part(path, in: archive) else { continue }
                let read = WordBodyReader.readPart(root, part: kind, paragraph: 1, links: links, comments: comments)
                for line in read.lines where !body.pageLines.contains(where: { $0.part == kind && $0.text == line }) {
                    body.pageLines.append((kind, line))
                }
                body.notices += read.notices
            }
            let properties = WordProperties(core: try part(propertyPaths.core, in: archive), custom: try part(propertyPaths.custom, in: archive))
            return .success(WordPackage(body: body, styles: styles, numbering: numbering, properties: properties))
        } catch let failure as WordReadFailure {
            return .failure(failure)
        } catch {
            return .failure(.missingDocument)
        }
    }

    /// Only the document properties of the .docx at `url` (nil when it cannot be read): a
    /// document written by pandoc or a case system may name its profile there (`profil`).
    package static func properties(of url: URL) -> WordProperties? {
        guard case .success(let archive) = WordArchive.open(url),
              let (_, paths) = try? packageParts(archive) else { return nil }
        return WordProperties(core: try? part(paths.core, in: archive), custom: try? part(paths.custom, in: archive))
    }

    /// The main document and the property parts named by the package relationships, or
    /// where Word puts them.
    private static func packageParts(_ archive: WordArchive) throws -> (document: String, properties: (core: String, custom: String)) {
        var document: String?
        var core = "docProps/core.xml", custom = "docProps/custom.xml"
        let relationships = try part("_rels/.rels", in: archive)
        for relationship in relationships?.children("Relationship") ?? [] {
            guard let type = relationship.attributes["Type"], let target = relationship.attributes["Target"] else { continue }
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : target
            guard archive.contains(path) else { continue }
            if type.hasSuffix("/officeDocument"), document == nil { document = path }
            if type.hasSuffix("/core-properties") { core = path }
            if type.hasSuffix("/custom-properties") { custom = path }
        }
        return (document ?? "word/document.xml", (core, custom))
    }

    private static func part(_ path: String, in archive: WordArchive) throws -> WordXMLElement? {
        try archive.xmlPart(path)?.root
    }
}
