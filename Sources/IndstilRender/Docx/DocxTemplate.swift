import Foundation
import IndstilSupport
import IndstilDocument

/// A municipality's Word template (`.dotx` or `.docx`) read for writing a document into
/// it: its styles, list definitions, theme, font table, page setup (the body's last
/// `w:sectPr`) and the headers and footers that page setup names, with their pictures.
/// The template's body content is not used.
///
/// Reading goes through the Word reader's safe zip and XML code (`WordArchive`,
/// `WordXML`: size, entry and ratio limits, no DOCTYPE, a depth limit). A template with
/// macros is refused, and nothing in it is trusted to point outside the package: of the
/// headers' and footers' relationships only pictures inside the package and web or
/// mail hyperlinks are kept; linked (external) pictures, OLE objects and every other
/// relationship are dropped together with the attributes that refer to them, and the
/// template's settings (with `attachedTemplate`) are not copied. The headers' and
/// footers' field codes other than PAGE, NUMPAGES and DATE (INCLUDETEXT, DDEAUTO, LINK …)
/// are removed, their shown text kept, with a warning on stderr (`DocxFieldCodes`).
struct DocxTemplate {
    /// A header or footer of the page setup, its relationships already cut to the safe ones.
    struct HeaderFooter {
        let isHeader: Bool
        /// "default", "first" or "even".
        package let type: String
        package let xml: String
        /// The relationships kept: pictures (targets "media/template1.png", in `DocxTemplate.media`)
        /// and web or mail hyperlinks (external).
        package let relationships: [(id: String, type: String, target: String, external: Bool)]
        var hasPicture: Bool { relationships.contains { $0.type.hasSuffix("/image") && !$0.external } }
    }

    struct Media {
        /// Path in the written package ("word/media/template1.png").
        package let path: String
        package let data: Data
        package let contentType: String
    }

    package let url: URL
    let stylesXML: String
    package let styles: DocxTemplateStyles
    let numberingXML: String?
    /// The highest `w:abstractNumId` and `w:numId` the template's numbering uses (0 for none).
    let numberingMaximum: (abstractID: Int, numID: Int)
    let themeXML: String?
    let fontTableXML: String?
    /// The page setup's own elements (page size, margins, title page …) as `w:` XML,
    /// without header and footer references, or nil when the template's body has none.
    let pageSetup: String?
    let headersAndFooters: [HeaderFooter]
    package let media: [Media]
    let evenAndOddHeaders: Bool
    /// The page setup has `w:titlePg`: the first page has its own header and footer.
    let hasTitlePage: Bool

    /// The header shown on the first page.
    var firstPageHeader: HeaderFooter? {
        let wanted = hasTitlePage ? "first" : "default"
        return headersAndFooters.first { $0.isHeader && $0.type == wanted }
    }

    static let imageTypes: [String: String] = [
        "png": "image/png", "jpeg": "image/jpeg", "jpg": "image/jpeg", "gif": "image/gif", "bmp": "image/bmp",
        "tif": "image/tiff", "tiff": "image/tiff", "svg": "image/svg+xml", "emf": "image/x-emf", "wmf": "image/x-wmf",
    ]

    private static let relationshipsNamespace = DocxXML.relationshipsNamespace

    package static func read(_ url: URL) throws(DocxTemplateFailure) -> DocxTemplate {
        let archive: WordArchive
        switch WordArchive.open(url) {
        case .failure(let failure): throw .unreadable(url, failure)
        case .success(let opened): archive = opened
        }
        do {
            return try read(archive, url: url)
        } catch let failure as DocxTemplateFailure {
            throw failure
        } catch let failure as WordReadFailure {
            throw .unreadable(url, failure)
        } catch {
            throw DocxTemplateFailure(path: url.path, da: "\(error)", en: "\(error)")
        }
    }

    private static func read(_ archive: WordArchive, url: URL) throws -> DocxTemplate {
        let contentTypes = try text("[Content_Types].xml", in: archive)?.xml.lowercased() ?? ""
        if contentTypes.contains("macroenabled") || contentTypes.contains("vbaproject") || archive.contains("word/vbaProject.bin") {
            throw DocxTemplateFailure.macros(url)
        }
        // The main part named by the package relationships, as the Word reader finds it.
        var documentPath = "word/document.xml"
        for relationship in try text("_rels/.rels", in: archive)?.root.children("Relationship") ?? []
        where relationship.attributes["Type"]?.hasSuffix("/officeDocument") == true {
            if let target = relationship.attributes["Target"] {
                let path = target.hasPrefix("/") ? String(target.dropFirst()) : target
                if archive.contains(path) { documentPath = path }
            }
        }
        let folder = (documentPath as NSString).deletingLastPathComponent
        let relationships = try Self.relationships(of: documentPath, in: archive)
        func related(_ kind: String, _ fallback: String) throws -> (xml: String, root: WordXMLElement)? {
            let path = relationships.first { $0.type == "\(relationshipsNamespace)/\(kind)" && !$0.external }
                .map { resolve($0.target, from: folder) } ?? "\(folder)/\(fallback)"
            return try text(path, in: archive)
        }
        guard let styles = try related("styles", "styles.xml") else { throw DocxTemplateFailure.missingStyles(url) }
        let numbering = try related("numbering", "numbering.xml")
        let theme = try related("theme", "theme/theme1.xml")
        let fontTable = try related("fontTable", "fontTable.xml")
        let settings = try related("settings", "settings.xml")
        let evenAndOdd = settings?.root.elements.contains { $0.name == "evenAndOddHeaders" && $0.attributes["val"].map { !["0", "false", "off"].contains($0) } ?? true } ?? false

        var maximumAbstract = 0
        var maximumNum = 0
        for abstract in numbering?.root.children("abstractNum") ?? [] {
            maximumAbstract = max(maximumAbstract, Int(abstract.attributes["abstractNumId"] ?? "") ?? 0)
        }
        for list in numbering?.root.children("num") ?? [] {
            maximumNum = max(maximumNum, Int(list.attributes["numId"] ?? "") ?? 0)
        }

        // The page setup: the body's own last w:sectPr.
        let document = try text(documentPath, in: archive)
        let sectPr = document?.root.child("body")?.elements.last { $0.name == "sectPr" }
        var headersAndFooters: [HeaderFooter] = []
        var media: [Media] = []
        var mediaBySource: [String: String] = [:]
        var droppedFields: [String] = []
        for reference in sectPr?.elements ?? [] where reference.name == "headerReference" || reference.name == "footerReference" {
            guard let id = reference.attributes["id"], let relationship = relationships.first(where: { $0.id == id && !$0.external }) else { continue }
            let type = reference.attributes["type"] ?? "default"
            guard ["default", "first", "even"].contains(type),
                  !headersAndFooters.contains(where: { $0.isHeader == (reference.name == "headerReference") && $0.type == type }) else { continue }
            let path = resolve(relationship.target, from: folder)
            guard let part = try text(path, in: archive) else { continue }
            var kept: [(id: String, type: String, target: String, external: Bool)] = []
            var dropped: [String] = []
            for partRelationship in try Self.relationships(of: path, in: archive) {
                let kind = partRelationship.type
                if partRelationship.external {
                    let target = partRelationship.target.lowercased()
                    if kind.hasSuffix("/hyperlink"), target.hasPrefix("http://") || target.hasPrefix("https://") || target.hasPrefix("mailto:") {
                        kept.append((partRelationship.id, kind, partRelationship.target, true))
                    } else {
                        dropped.append(partRelationship.id)
                    }
                    continue
                }
                let source = resolve(partRelationship.target, from: (path as NSString).deletingLastPathComponent)
                let ext = (source as NSString).pathExtension.lowercased()
                guard kind == "\(relationshipsNamespace)/image", let contentType = imageTypes[ext],
                      case .success(let data?) = archive.data(source) else {
                    dropped.append(partRelationship.id)
                    continue
                }
                let written: String
                if let existing = mediaBySource[source] {
                    written = existing
                } else {
                    written = "word/media/template\(media.count + 1).\(ext)"
                    mediaBySource[source] = written
                    media.append(Media(path: written, data: data, contentType: contentType))
                }
                kept.append((partRelationship.id, kind, "media/" + (written as NSString).lastPathComponent, false))
            }
            let fields = DocxFieldCodes.strip(removingReferences(to: dropped, in: part.xml))
            droppedFields += fields.dropped.filter { !droppedFields.contains($0) }
            headersAndFooters.append(HeaderFooter(isHeader: reference.name == "headerReference", type: type,
                                                  xml: fields.xml, relationships: kept))
        }
        DocxFieldCodes.warn(template: url, dropped: droppedFields)

        return DocxTemplate(
            url: url, stylesXML: styles.xml, styles: DocxTemplateStyles(styles.root),
            numberingXML: numbering?.xml, numberingMaximum: (maximumAbstract, maximumNum),
            themeXML: theme?.xml, fontTableXML: fontTable?.xml,
            pageSetup: sectPr.map(pageSetupXML), headersAndFooters: headersAndFooters, media: media,
            evenAndOddHeaders: evenAndOdd,
            hasTitlePage: sectPr?.child("titlePg").map { $0.attributes["val"].map { !["0", "false", "off"].contains($0) } ?? true } ?? false)
    }

    // MARK: Parts

    /// A part's text and checked tree, nil when the package has no such part.
    private static func text(_ path: String, in archive: WordArchive) throws -> (xml: String, root: WordXMLElement)? {
        try archive.xmlPart(path).map { (String(decoding: $0.data, as: UTF8.self), $0.root) }
    }

    private static func relationships(of part: String, in archive: WordArchive) throws -> [(id: String, type: String, target: String, external: Bool)] {
        let folder = (part as NSString).deletingLastPathComponent
        let name = (part as NSString).lastPathComponent
        let path = folder.isEmpty ? "_rels/\(name).rels" : "\(folder)/_rels/\(name).rels"
        return try text(path, in: archive)?.root.children("Relationship").compactMap { relationship in
            guard let id = relationship.attributes["Id"], let type = relationship.attributes["Type"],
                  let target = relationship.attributes["Target"] else { return nil }
            return (id, type, target, relationship.attributes["TargetMode"] == "External")
        } ?? []
    }

    /// A relationship target as a package path ("media/image1.png" from "word" → "word/media/image1.png").
    private static func resolve(_ target: String, from folder: String) -> String {
        var parts = target.hasPrefix("/") ? [] : folder.split(separator: "/").map(String.init)
        for component in target.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(String(component))
            }
        }
        return parts.joined(separator: "/")
    }

    /// The part without the attributes (`r:id`, `r:embed`, `r:link` …) that name a dropped
    /// relationship: a linked picture becomes an empty one, a file: link plain text.
    static func removingReferences(to ids: [String], in xml: String) -> String {
        guard !ids.isEmpty else { return xml }
        var out = xml
        for id in ids {
            let pattern = #"\s[A-Za-z_][A-Za-z0-9_.-]*:(id|embed|link|pict|href)="# + "\"" + NSRegularExpression.escapedPattern(for: id) + "\""
            out = out.replacingOccurrences(of: pattern, with: "", options: .regularExpression)
        }
        return out
    }

    /// The page setup's elements written back as `w:` XML (attributes sorted, so the bytes
    /// do not depend on the reader's dictionary order), without the references to parts
    /// (headers, footers and printer settings are given by the writer or dropped).
    private static func pageSetupXML(_ sectPr: WordXMLElement) -> String {
        func write(_ element: WordXMLElement) -> String {
            var out = "<w:\(element.name)"
            for key in element.attributes.keys.sorted() {
                out += " w:\(key)=\"\((element.attributes[key] ?? "").markupEscaped)\""
            }
            let children = element.elements
            guard !children.isEmpty else { return out + "/>" }
            return out + ">" + children.map(write).joined() + "</w:\(element.name)>"
        }
        let skipped: Set<String> = ["headerReference", "footerReference", "printerSettings", "sectPrChange"]
        return sectPr.elements.filter { !skipped.contains($0.name) }.map(write).joined()
    }
}
