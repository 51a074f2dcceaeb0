import IndstilSupport
import IndstilDocument

/// The package parts around word/document.xml: content types, relationships, styles,
/// settings, the page-number footer and the document properties. None of them holds a
/// timestamp, a random id or anything else that varies between runs.
enum DocxParts {
    // MARK: Package

    static let wordprocessingML = "application/vnd.openxmlformats-officedocument.wordprocessingml"

    /// `defaults`: content types by file extension (pictures); `overrides`: by part name
    /// ("/word/document.xml"), in the order given.
    static func contentTypes(defaults: [(fileExtension: String, contentType: String)],
                             overrides: [(partName: String, contentType: String)]) -> String {
        var out = DocxXML.declaration
        out += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        out += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        out += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        for entry in defaults {
            out += "<Default Extension=\"\(entry.fileExtension.markupEscaped)\" ContentType=\"\(entry.contentType.markupEscaped)\"/>"
        }
        for entry in overrides {
            out += "<Override PartName=\"\(entry.partName.markupEscaped)\" ContentType=\"\(entry.contentType.markupEscaped)\"/>"
        }
        out += "</Types>"
        return out
    }

    static let packageRelationships: String = {
        let officeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var out = DocxXML.declaration
        out += "<Relationships xmlns=\"\(DocxXML.packageRelationshipsNamespace)\">"
        out += "<Relationship Id=\"rId1\" Type=\"\(officeDocument)/officeDocument\" Target=\"word/document.xml\"/>"
        out += "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        out += "<Relationship Id=\"rId3\" Type=\"\(officeDocument)/extended-properties\" Target=\"docProps/app.xml\"/>"
        out += "</Relationships>"
        return out
    }()

    /// Fixed relationship ids of word/document.xml; hyperlinks are numbered after them.
    /// A Word template's theme, font table, headers and footers get ids of their own
    /// ("rIdTheme", "rIdHeader1" …).
    enum DocumentRelationship {
        package static let styles = "rId1"
        package static let numbering = "rId2"
        package static let settings = "rId3"
        package static let footer = "rId4"
        /// The header a closed or draft document has on every page (`DocxMarking`).
        static let markingHeader = "rIdMarking"
        static let firstHyperlink = 5
    }

    /// One relationship of a part: its id, its type's last word ("styles", "image"), the
    /// target and whether that is outside the package.
    struct Relationship {
        package let id: String
        package let type: String
        package let target: String
        var external = false
    }

    package static func relationships(_ relationships: [Relationship]) -> String {
        let base = DocxXML.relationshipsNamespace
        var out = DocxXML.declaration
        out += "<Relationships xmlns=\"\(DocxXML.packageRelationshipsNamespace)\">"
        for relationship in relationships {
            let type = relationship.type.contains("/") ? relationship.type : "\(base)/\(relationship.type)"
            out += "<Relationship Id=\"\(relationship.id.markupEscaped)\" Type=\"\(type.markupEscaped)\" Target=\"\(relationship.target.markupEscaped)\""
            out += relationship.external ? " TargetMode=\"External\"/>" : "/>"
        }
        out += "</Relationships>"
        return out
    }

    // MARK: Properties

    package static func core(title: String, subject: String) -> String {
        var out = DocxXML.declaration
        out += "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
        out += " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
        out += " xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
        out += "<dc:title>\(title.markupEscaped)</dc:title>"
        if !subject.isEmpty { out += "<dc:subject>\(subject.markupEscaped)</dc:subject>" }
        out += "<dc:language>da-DK</dc:language>"
        out += "</cp:coreProperties>"
        return out
    }

    package static let app: String = {
        var out = DocxXML.declaration
        out += "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\""
        out += " xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
        out += "<Application>indstil</Application><DocSecurity>0</DocSecurity>"
        out += "<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>"
        out += "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
        out += "</Properties>"
        return out
    }()

    // MARK: Settings

    /// `evenAndOddHeaders`: a Word template's even pages have headers of their own.
    package static func settings(evenAndOddHeaders: Bool = false) -> String {
        var out = DocxXML.declaration
        out += "<w:settings \(DocxXML.rootNamespaces)>"
        out += "<w:zoom w:percent=\"100\"/>"
        out += "<w:defaultTabStop w:val=\"1304\"/>"
        if evenAndOddHeaders { out += "<w:evenAndOddHeaders/>" }
        out += "<w:characterSpacingControl w:val=\"doNotCompress\"/>"
        out += "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
        out += "<w:themeFontLang w:val=\"da-DK\"/>"
        out += "<w:decimalSymbol w:val=\",\"/><w:listSeparator w:val=\";\"/>"
        out += "</w:settings>"
        return out
    }

    // MARK: Footer

    /// "side X af Y", right-aligned, with the PAGE and NUMPAGES fields.
    /// The footer of indstil's own page: the document's title at the left and "side X af Y"
    /// at the right margin (a right tab at the text's width), as the PDF's footer.
    package static func footer(title: String) -> String {
        func field(_ instruction: String) -> String {
            let rPr = "<w:rPr><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr>"
            return "<w:r>\(rPr)<w:fldChar w:fldCharType=\"begin\"/></w:r>"
                + "<w:r>\(rPr)<w:instrText xml:space=\"preserve\"> \(instruction) \\* MERGEFORMAT </w:instrText></w:r>"
                + "<w:r>\(rPr)<w:fldChar w:fldCharType=\"separate\"/></w:r>"
                + "<w:r>\(rPr)<w:t>1</w:t></w:r>"
                + "<w:r>\(rPr)<w:fldChar w:fldCharType=\"end\"/></w:r>"
        }
        let text = "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>"
        // A4 less 2 × 2.5 cm margins: 16 cm = 9072 twips.
        var out = DocxXML.declaration
        out += "<w:ftr \(DocxXML.rootNamespaces)>"
        out += "<w:p><w:pPr><w:pStyle w:val=\"Footer\"/><w:tabs><w:tab w:val=\"clear\" w:pos=\"4513\"/><w:tab w:val=\"clear\" w:pos=\"9026\"/>"
            + "<w:tab w:val=\"right\" w:pos=\"9072\"/></w:tabs></w:pPr>"
        if !title.isEmpty { out += DocxXML.runs(title, properties: text + "<w:color w:val=\"595959\"/>") }
        out += "<w:r><w:rPr>\(text)</w:rPr><w:tab/></w:r>"
        out += DocxXML.runs("side ", properties: text)
        out += field("PAGE")
        out += DocxXML.runs(" af ", properties: text)
        out += field("NUMPAGES")
        out += "</w:p></w:ftr>"
        return out
    }

    // MARK: Styles

    /// Word's built-in styles under their English names (Word shows them localised, so a
    /// Danish Word says "Overskrift 1"), plus a few of indstil's own for the header block
    /// (`DocxStyle`); headings, title and document type in `headingColour` (hex, no "#").
    package static func styles(headingColour: String) -> String {
        var out = DocxXML.declaration
        out += "<w:styles \(DocxXML.rootNamespaces)>"
        out += "<w:docDefaults><w:rPrDefault><w:rPr>"
        let font = DocxStyle.bodyFont
        out += "<w:rFonts w:ascii=\"\(font)\" w:eastAsia=\"\(font)\" w:hAnsi=\"\(font)\" w:cs=\"\(font)\"/>"
        out += "<w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/>"
        out += "<w:lang w:val=\"da-DK\" w:eastAsia=\"da-DK\" w:bidi=\"ar-SA\"/>"
        out += "</w:rPr></w:rPrDefault>"
        out += "<w:pPrDefault><w:pPr><w:spacing w:after=\"160\" w:line=\"276\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>"
        out += "</w:docDefaults>"
        out += "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
        out += "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"
        out += "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/>"
        out += "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
        out += "<w:style w:type=\"numbering\" w:default=\"1\" w:styleId=\"NoList\"><w:name w:val=\"No List\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"
        out += DocxStyleMap.own.fallbackDefinitions(headingColour: headingColour)
        out += "</w:styles>"
        return out
    }
}
