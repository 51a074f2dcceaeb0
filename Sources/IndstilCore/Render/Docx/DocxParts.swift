/// The package parts around word/document.xml: content types, relationships, styles,
/// settings, the page-number footer and the document properties. None of them holds a
/// timestamp, a random id or anything else that varies between runs.
enum DocxParts {
    // MARK: Package

    static func contentTypes(hasFooter: Bool) -> String {
        let main = "application/vnd.openxmlformats-officedocument.wordprocessingml"
        var out = DocxXML.declaration
        out += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        out += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        out += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        out += "<Override PartName=\"/word/document.xml\" ContentType=\"\(main).document.main+xml\"/>"
        out += "<Override PartName=\"/word/styles.xml\" ContentType=\"\(main).styles+xml\"/>"
        out += "<Override PartName=\"/word/numbering.xml\" ContentType=\"\(main).numbering+xml\"/>"
        out += "<Override PartName=\"/word/settings.xml\" ContentType=\"\(main).settings+xml\"/>"
        if hasFooter {
            out += "<Override PartName=\"/word/footer1.xml\" ContentType=\"\(main).footer+xml\"/>"
        }
        out += "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        out += "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
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
    enum DocumentRelationship {
        static let styles = "rId1"
        static let numbering = "rId2"
        static let settings = "rId3"
        static let footer = "rId4"
        static let firstHyperlink = 5
    }

    static func documentRelationships(hasFooter: Bool, hyperlinks: [(id: String, target: String)]) -> String {
        let base = DocxXML.relationshipsNamespace
        var out = DocxXML.declaration
        out += "<Relationships xmlns=\"\(DocxXML.packageRelationshipsNamespace)\">"
        out += "<Relationship Id=\"\(DocumentRelationship.styles)\" Type=\"\(base)/styles\" Target=\"styles.xml\"/>"
        out += "<Relationship Id=\"\(DocumentRelationship.numbering)\" Type=\"\(base)/numbering\" Target=\"numbering.xml\"/>"
        out += "<Relationship Id=\"\(DocumentRelationship.settings)\" Type=\"\(base)/settings\" Target=\"settings.xml\"/>"
        if hasFooter {
            out += "<Relationship Id=\"\(DocumentRelationship.footer)\" Type=\"\(base)/footer\" Target=\"footer1.xml\"/>"
        }
        for link in hyperlinks {
            out += "<Relationship Id=\"\(link.id)\" Type=\"\(base)/hyperlink\" Target=\"\(DocxXML.escape(link.target))\" TargetMode=\"External\"/>"
        }
        out += "</Relationships>"
        return out
    }

    // MARK: Properties

    static func core(title: String, subject: String) -> String {
        var out = DocxXML.declaration
        out += "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
        out += " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
        out += " xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
        out += "<dc:title>\(DocxXML.escape(title))</dc:title>"
        if !subject.isEmpty { out += "<dc:subject>\(DocxXML.escape(subject))</dc:subject>" }
        out += "<dc:language>da-DK</dc:language>"
        out += "</cp:coreProperties>"
        return out
    }

    static let app: String = {
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

    static let settings: String = {
        var out = DocxXML.declaration
        out += "<w:settings \(DocxXML.rootNamespaces)>"
        out += "<w:zoom w:percent=\"100\"/>"
        out += "<w:defaultTabStop w:val=\"1304\"/>"
        out += "<w:characterSpacingControl w:val=\"doNotCompress\"/>"
        out += "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
        out += "<w:themeFontLang w:val=\"da-DK\"/>"
        out += "<w:decimalSymbol w:val=\",\"/><w:listSeparator w:val=\";\"/>"
        out += "</w:settings>"
        return out
    }()

    // MARK: Footer

    /// "side X af Y", right-aligned, with the PAGE and NUMPAGES fields.
    static let footer: String = {
        func field(_ instruction: String) -> String {
            let rPr = "<w:rPr><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr>"
            return "<w:r>\(rPr)<w:fldChar w:fldCharType=\"begin\"/></w:r>"
                + "<w:r>\(rPr)<w:instrText xml:space=\"preserve\"> \(instruction) \\* MERGEFORMAT </w:instrText></w:r>"
                + "<w:r>\(rPr)<w:fldChar w:fldCharType=\"separate\"/></w:r>"
                + "<w:r>\(rPr)<w:t>1</w:t></w:r>"
                + "<w:r>\(rPr)<w:fldChar w:fldCharType=\"end\"/></w:r>"
        }
        let text = "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>"
        var out = DocxXML.declaration
        out += "<w:ftr \(DocxXML.rootNamespaces)>"
        out += "<w:p><w:pPr><w:pStyle w:val=\"Footer\"/><w:jc w:val=\"right\"/></w:pPr>"
        out += DocxXML.runs("side ", properties: text)
        out += field("PAGE")
        out += DocxXML.runs(" af ", properties: text)
        out += field("NUMPAGES")
        out += "</w:p></w:ftr>"
        return out
    }()

    // MARK: Styles

    static let bodyFont = "Arial"
    static let codeFont = "Consolas"

    /// Word's built-in styles under their English names (Word shows them localised, so a
    /// Danish Word says "Overskrift 1"), plus a few of our own for the header block.
    static let styles: String = {
        var out = DocxXML.declaration
        out += "<w:styles \(DocxXML.rootNamespaces)>"
        out += "<w:docDefaults><w:rPrDefault><w:rPr>"
        out += "<w:rFonts w:ascii=\"\(bodyFont)\" w:eastAsia=\"\(bodyFont)\" w:hAnsi=\"\(bodyFont)\" w:cs=\"\(bodyFont)\"/>"
        out += "<w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/>"
        out += "<w:lang w:val=\"da-DK\" w:eastAsia=\"da-DK\" w:bidi=\"ar-SA\"/>"
        out += "</w:rPr></w:rPrDefault>"
        out += "<w:pPrDefault><w:pPr><w:spacing w:after=\"160\" w:line=\"276\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>"
        out += "</w:docDefaults>"

        func style(_ type: String, id: String, name: String, basedOn: String? = nil, next: String? = nil,
                   isDefault: Bool = false, uiPriority: Int? = nil, semiHidden: Bool = false,
                   pPr: String = "", rPr: String = "") -> String {
            var s = "<w:style w:type=\"\(type)\"\(isDefault ? " w:default=\"1\"" : "") w:styleId=\"\(id)\">"
            s += "<w:name w:val=\"\(name)\"/>"
            if let basedOn { s += "<w:basedOn w:val=\"\(basedOn)\"/>" }
            if let next { s += "<w:next w:val=\"\(next)\"/>" }
            if let uiPriority { s += "<w:uiPriority w:val=\"\(uiPriority)\"/>" }
            if semiHidden { s += "<w:semiHidden/><w:unhideWhenUsed/>" }
            s += "<w:qFormat/>"
            if !pPr.isEmpty { s += "<w:pPr>\(pPr)</w:pPr>" }
            if !rPr.isEmpty { s += "<w:rPr>\(rPr)</w:rPr>" }
            s += "</w:style>"
            return s
        }
        func size(_ halfPoints: Int) -> String { "<w:sz w:val=\"\(halfPoints)\"/><w:szCs w:val=\"\(halfPoints)\"/>" }
        let bold = "<w:b/><w:bCs/>"
        let code = "<w:rFonts w:ascii=\"\(codeFont)\" w:hAnsi=\"\(codeFont)\" w:cs=\"\(codeFont)\"/>"

        out += style("paragraph", id: "Normal", name: "Normal", isDefault: true)
        out += "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"
        out += "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/>"
        out += "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
        out += "<w:style w:type=\"numbering\" w:default=\"1\" w:styleId=\"NoList\"><w:name w:val=\"No List\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"

        out += style("paragraph", id: "Title", name: "Title", basedOn: "Normal", next: "Normal", uiPriority: 10,
                     pPr: "<w:keepNext/><w:spacing w:before=\"360\" w:after=\"360\" w:line=\"240\" w:lineRule=\"auto\"/>",
                     rPr: bold + "<w:kern w:val=\"28\"/>" + size(36))
        out += style("paragraph", id: "Subtitle", name: "Subtitle", basedOn: "Normal", next: "Normal", uiPriority: 11,
                     pPr: "<w:spacing w:after=\"240\"/>", rPr: "<w:i/><w:iCs/>")
        let headings: [(Int, Int, String)] = [(1, 26, bold), (2, 24, bold), (3, 22, bold + "<w:i/><w:iCs/>")]
        for (level, halfPoints, runProperties) in headings {
            out += style("paragraph", id: "Heading\(level)", name: "heading \(level)", basedOn: "Normal", next: "Normal",
                         uiPriority: 9,
                         pPr: "<w:keepNext/><w:keepLines/><w:spacing w:before=\"\(level == 1 ? 360 : 240)\" w:after=\"120\"/><w:outlineLvl w:val=\"\(level - 1)\"/>",
                         rPr: runProperties + size(halfPoints))
        }
        out += style("paragraph", id: "ListParagraph", name: "List Paragraph", basedOn: "Normal", uiPriority: 34,
                     pPr: "<w:spacing w:after=\"80\"/><w:ind w:left=\"720\"/>")
        out += style("paragraph", id: "DecisionPoint", name: "Beslutningspunkt", basedOn: "ListParagraph",
                     pPr: "<w:keepLines/><w:spacing w:after=\"160\"/>")
        out += style("paragraph", id: "DocumentLabel", name: "Dokumenttype", basedOn: "Normal", next: "Normal",
                     pPr: "<w:spacing w:after=\"240\"/>", rPr: bold + size(28))
        out += style("paragraph", id: "HeaderLine", name: "Modtagerlinje", basedOn: "Normal",
                     pPr: "<w:spacing w:after=\"40\"/>")
        out += style("paragraph", id: "Metadata", name: "Sagsoplysninger", basedOn: "Normal",
                     pPr: "<w:spacing w:before=\"20\" w:after=\"20\" w:line=\"240\" w:lineRule=\"auto\"/>", rPr: size(18))
        out += style("paragraph", id: "Quote", name: "Quote", basedOn: "Normal", next: "Normal", uiPriority: 29,
                     pPr: "<w:pBdr><w:left w:val=\"single\" w:sz=\"12\" w:space=\"8\" w:color=\"A6A6A6\"/></w:pBdr><w:ind w:left=\"567\"/>",
                     rPr: "<w:i/><w:iCs/><w:color w:val=\"404040\"/>")
        out += style("paragraph", id: "HTMLPreformatted", name: "HTML Preformatted", basedOn: "Normal", uiPriority: 99, semiHidden: true,
                     pPr: "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"F2F2F2\"/><w:spacing w:after=\"160\" w:line=\"240\" w:lineRule=\"auto\"/>",
                     rPr: code + size(19))
        out += style("paragraph", id: "Signature", name: "Signature", basedOn: "Normal", uiPriority: 99, semiHidden: true,
                     pPr: "<w:keepLines/><w:spacing w:before=\"480\" w:after=\"240\"/>")
        out += style("paragraph", id: "Footer", name: "footer", basedOn: "Normal", uiPriority: 99, semiHidden: true,
                     pPr: "<w:tabs><w:tab w:val=\"center\" w:pos=\"4535\"/><w:tab w:val=\"right\" w:pos=\"9070\"/></w:tabs><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>",
                     rPr: size(18))
        out += style("character", id: "Hyperlink", name: "Hyperlink", uiPriority: 99, semiHidden: true,
                     rPr: "<w:color w:val=\"0563C1\"/><w:u w:val=\"single\"/>")
        out += style("character", id: "HTMLCode", name: "HTML Code", uiPriority: 99, semiHidden: true,
                     rPr: code + size(20))
        out += "</w:styles>"
        return out
    }()
}
