import Foundation
import IndstilSupport
import IndstilDocument
import ZIPFoundation

/// Writes a `RenderModel` as a Word document (WordprocessingML, ECMA-376): built-in
/// heading styles so Word's navigation pane works, decision points as a real numbered
/// list in the profile's form ("At 1)"), the metadata block as a table, Danish as the
/// language and an A4 page with "side X af Y" in the footer. The profile's logo and
/// letterhead head the right column of page 1 (`DocxDocumentBuilder`).
///
/// With a Word template (`look.word_template`, a `.dotx` or `.docx`) the document is
/// written into the template (`DocxTemplate`): its styles (indstil's parts mapped to
/// them by name, `DocxStyleMap`), list definitions, theme, font table, page setup and
/// headers and footers with their pictures, `{titel}` and other fields in those filled
/// in (`DocxPlaceholders`). The template's own body text is not copied.
///
/// The bytes depend on the model and the profile's files only: parts are added in a
/// fixed order, every zip entry carries the same fixed date, and no part holds a
/// timestamp or a random id.
public enum DocxWriter {
    /// 1980-01-01 00:00:00 UTC, the earliest date a zip entry can hold.
    static let entryDate = Date(timeIntervalSince1970: 315_532_800)

    /// Throws `DocxTemplateFailure` for a Word template that cannot be used.
    public static func docx(_ model: RenderModel) throws -> Data {
        try zip(parts(model))
    }

    /// The package's parts in the order they are stored.
    package static func parts(_ model: RenderModel) throws(DocxTemplateFailure) -> [(path: String, data: Data)] {
        let template = try model.look.wordTemplate.map { url throws(DocxTemplateFailure) in try DocxTemplate.read(url) }
        // A template whose first-page header shows a picture already shows the logo.
        let logo = template?.firstPageHeader?.hasPicture == true ? nil : model.look.logo.flatMap(DocxLogo.init)
        let headingColour = headingColour(model.look)
        let main = "\(DocxParts.wordprocessingML).document.main+xml"
        let part = { (type: String) in "\(DocxParts.wordprocessingML).\(type)+xml" }
        typealias Relationship = DocxParts.Relationship
        let ids = DocxParts.DocumentRelationship.self

        var relationships = [Relationship(id: ids.styles, type: "styles", target: "styles.xml"),
                             Relationship(id: ids.numbering, type: "numbering", target: "numbering.xml"),
                             Relationship(id: ids.settings, type: "settings", target: "settings.xml")]
        var overrides = [("/word/document.xml", main), ("/word/styles.xml", part("styles")),
                         ("/word/numbering.xml", part("numbering")), ("/word/settings.xml", part("settings"))]
        var defaults: [(fileExtension: String, contentType: String)] = []
        var extra: [(path: String, data: Data)] = []
        var media: [(path: String, data: Data, contentType: String)] = []

        let built: (document: String, numbering: DocxNumbering, hyperlinks: [(id: String, target: String)])
        let styles: String
        let numbering: String
        if let template {
            let styleMap = DocxStyleMap(template: template.styles)
            // indstil's own styles added to a template (the document type line …) take the
            // colour of the template's first-level heading unless the profile sets one.
            let templateColour = styleMap.id(.heading1).flatMap(template.styles.colour(of:))
            let fallbackColour = Self.themeHeadingColour(model.look) ?? templateColour ?? headingColour
            let fallbacks = styleMap.fallbackDefinitions(headingColour: fallbackColour)
            let declaration = DocxRawXML.wordNamespaceDeclaration(for: template.stylesXML)
            guard let merged = DocxRawXML.inserting(DocxRawXML.declaringWordNamespace(fallbacks, declaration: declaration),
                                                    into: template.stylesXML) else { throw .missingStyles(template.url) }
            styles = merged
            var references = ""
            var counts = (headers: 0, footers: 0)
            for headerFooter in template.headersAndFooters {
                let kind = headerFooter.isHeader ? "header" : "footer"
                let number: Int
                if headerFooter.isHeader { counts.headers += 1; number = counts.headers } else { counts.footers += 1; number = counts.footers }
                let name = "\(kind)\(number).xml"
                let id = "rId\(kind.capitalized)\(number)"
                references += "<w:\(kind)Reference w:type=\"\(headerFooter.type)\" r:id=\"\(id)\"/>"
                relationships.append(Relationship(id: id, type: kind, target: name))
                overrides.append(("/word/\(name)", part(kind)))
                let prefix = DocxRawXML.rootPrefix(headerFooter.xml)
                var filled = model.look.fields.map { fields in
                    DocxPlaceholders.fill(headerFooter.xml, prefix: prefix) { fields.expand("{\($0)}") ?? "" }
                } ?? headerFooter.xml
                if headerFooter.isHeader {
                    // A closed or draft document says so at the top of every header (`DocxMarking`).
                    guard let marked = DocxMarking.prepending(model.marking, to: filled) else {
                        throw DocxTemplateFailure(path: template.url.path, da: "word/\(name) har intet rodelement", en: "word/\(name) has no root element")
                    }
                    filled = marked
                }
                extra.append(("word/\(name)", Data(filled.utf8)))
                if !headerFooter.relationships.isEmpty {
                    extra.append(("word/_rels/\(name).rels", Data(DocxParts.relationships(headerFooter.relationships.map {
                        Relationship(id: $0.id, type: $0.type, target: $0.target, external: $0.external)
                    }).utf8)))
                }
            }
            // The pages whose header the template leaves out get one with the marking alone.
            if let header = DocxMarking.header(model.marking) {
                for type in DocxMarking.headerTypes(titlePage: template.hasTitlePage, evenAndOdd: template.evenAndOddHeaders)
                where !template.headersAndFooters.contains(where: { $0.isHeader && $0.type == type }) {
                    counts.headers += 1
                    let name = "header\(counts.headers).xml", id = "rIdHeader\(counts.headers)"
                    references += "<w:headerReference w:type=\"\(type)\" r:id=\"\(id)\"/>"
                    relationships.append(Relationship(id: id, type: "header", target: name))
                    overrides.append(("/word/\(name)", part("header")))
                    extra.append(("word/\(name)", Data(header.utf8)))
                }
            }
            media += template.media.map { ($0.path, $0.data, $0.contentType) }
            let sectionProperties = "<w:sectPr>" + references + (template.pageSetup ?? DocxDocumentBuilder.pageSetup) + "</w:sectPr>"
            built = DocxDocumentBuilder.build(model, styles: styleMap, numbering: DocxNumbering(after: template.numberingMaximum),
                                              sectionProperties: sectionProperties, logo: logo?.drawing)
            if let templateNumbering = template.numberingXML {
                guard let merged = built.numbering.merged(into: templateNumbering) else {
                    throw DocxTemplateFailure(path: template.url.path, da: "word/numbering.xml har ingen afslutning", en: "word/numbering.xml has no end")
                }
                numbering = merged
            } else {
                numbering = built.numbering.xml
            }
            if let theme = template.themeXML {
                relationships.append(Relationship(id: "rIdTheme", type: "theme", target: "theme/theme1.xml"))
                overrides.append(("/word/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml"))
                extra.append(("word/theme/theme1.xml", Data(theme.utf8)))
            }
            if let fontTable = template.fontTableXML {
                relationships.append(Relationship(id: "rIdFontTable", type: "fontTable", target: "fontTable.xml"))
                overrides.append(("/word/fontTable.xml", part("fontTable")))
                extra.append(("word/fontTable.xml", Data(fontTable.utf8)))
            }
        } else {
            styles = DocxParts.styles(headingColour: headingColour)
            let header = DocxMarking.header(model.marking)
            built = DocxDocumentBuilder.build(model, sectionProperties: header == nil ? DocxDocumentBuilder.sectionProperties
                                                                                   : DocxDocumentBuilder.markedSectionProperties,
                                              logo: logo?.drawing)
            numbering = built.numbering.xml
            if let header {
                // A closed or draft document says so in the header of every page (`DocxMarking`).
                relationships.append(Relationship(id: ids.markingHeader, type: "header", target: "header1.xml"))
                overrides.append(("/word/header1.xml", part("header")))
                extra.append(("word/header1.xml", Data(header.utf8)))
            }
            relationships.append(Relationship(id: ids.footer, type: "footer", target: "footer1.xml"))
            overrides.append(("/word/footer1.xml", part("footer")))
            extra.append(("word/footer1.xml", Data(DocxParts.footer(title: model.title).utf8)))
        }
        if let logo {
            media += logo.media
            relationships += logo.relationships.map { Relationship(id: $0.id, type: "image", target: $0.target) }
        }
        relationships += built.hyperlinks.map { Relationship(id: $0.id, type: "hyperlink", target: $0.target, external: true) }
        for item in media {
            let ext = (item.path as NSString).pathExtension
            if !defaults.contains(where: { $0.fileExtension == ext }) { defaults.append((ext, item.contentType)) }
        }
        overrides += [("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
                      ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml")]

        var parts: [(path: String, data: Data)] = [
            ("[Content_Types].xml", Data(DocxParts.contentTypes(defaults: defaults, overrides: overrides.map { ($0.0, $0.1) }).utf8)),
            ("_rels/.rels", Data(DocxParts.packageRelationships.utf8)),
            ("word/document.xml", Data(built.document.utf8)),
            ("word/_rels/document.xml.rels", Data(DocxParts.relationships(relationships).utf8)),
            ("word/styles.xml", Data(styles.utf8)),
            ("word/numbering.xml", Data(numbering.utf8)),
            ("word/settings.xml", Data(DocxParts.settings(evenAndOddHeaders: template?.evenAndOddHeaders ?? false).utf8)),
        ]
        parts += extra
        parts += media.map { ($0.path, $0.data) }
        parts += [
            ("docProps/core.xml", Data(DocxParts.core(title: model.title, subject: model.documentLabel).utf8)),
            ("docProps/app.xml", Data(DocxParts.app.utf8)),
        ]
        return parts
    }

    /// The heading colour of indstil's own styles: the profile's `look.theme.heading`
    /// ("#1d5e3a", "#363") or the stylesheet's (`DocxStyle.defaultHeadingColour`).
    static func headingColour(_ look: RenderLook) -> String {
        themeHeadingColour(look) ?? DocxStyle.defaultHeadingColour
    }

    /// `look.theme.heading` as Word writes a colour ("1D5E3A"), nil when the profile sets none.
    static func themeHeadingColour(_ look: RenderLook) -> String? {
        guard let value = look.theme.first(where: { $0.variable == .heading })?.value.trimmingCharacters(in: .whitespaces),
              value.hasPrefix("#") else { return nil }
        let hex = value.dropFirst()
        guard hex.allSatisfy(\.isHexDigit) else { return nil }
        switch hex.count {
        case 3: return hex.map { "\($0)\($0)" }.joined().uppercased()
        case 6: return hex.uppercased()
        default: return nil
        }
    }

    package static func zip(_ parts: [(path: String, data: Data)]) throws(IndstilError) -> Data {
        func failure(_ reason: String) -> IndstilError {
            IndstilError(da: "Kunne ikke skrive .docx-filen: \(reason)", en: "Could not write the .docx file: \(reason)")
        }
        let archive: Archive
        do {
            archive = try Archive(data: Data(), accessMode: .create)
        } catch {
            throw failure(String(describing: error))
        }
        for part in parts {
            let data = part.data
            do {
                try archive.addEntry(
                    with: part.path, type: .file, uncompressedSize: Int64(data.count),
                    modificationDate: entryDate, permissions: 0o644, compressionMethod: .deflate
                ) { position, size in
                    let start = Int(position)
                    return data.subdata(in: start..<min(start + size, data.count))
                }
            } catch {
                throw failure("\(part.path): \(error)")
            }
        }
        guard let data = archive.data else { throw failure("the archive has no data") }
        return data
    }
}
