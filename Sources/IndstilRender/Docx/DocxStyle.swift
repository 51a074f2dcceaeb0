import IndstilSupport
import IndstilDocument

/// One of the styles indstil gives its parts in a Word document: the title, the document
/// type line, headings, list paragraphs, decision points, the metadata block … Each has
/// indstil's own style id and definition, and the names a municipality's Word template
/// may give the same style, in English (as Word stores its built-in styles) and Danish
/// (as Danish templates and LibreOffice may write them).
///
/// With a Word template, `DocxStyleMap` finds each style in the template by these names;
/// the cases are in the order indstil's own definitions appear in styles.xml.
enum DocxStyle: CaseIterable {
    case title, subtitle, heading1, heading2, heading3, listParagraph, decisionPoint
    case documentLabel, headerLine, metadata, letterhead, quote, code, signature, footer
    /// Table captions: a template's "Caption"/"Billedtekst" when it has one; indstil's own
    /// documents write the caption as a bold paragraph without a style.
    case caption
    case hyperlink, inlineCode

    package static func heading(_ level: Int) -> DocxStyle {
        switch level {
        case ...1: return .heading1
        case 2: return .heading2
        default: return .heading3
        }
    }

    package var headingLevel: Int? {
        switch self {
        case .heading1: return 1
        case .heading2: return 2
        case .heading3: return 3
        default: return nil
        }
    }

    /// Character styles are found among the template's character styles, the rest among
    /// its paragraph styles.
    var isCharacterStyle: Bool { self == .hyperlink || self == .inlineCode }

    /// indstil's own style id (Word's id for its built-in styles).
    package var ownID: String {
        switch self {
        case .title: return "Title"
        case .subtitle: return "Subtitle"
        case .heading1: return "Heading1"
        case .heading2: return "Heading2"
        case .heading3: return "Heading3"
        case .listParagraph: return "ListParagraph"
        case .decisionPoint: return "DecisionPoint"
        case .documentLabel: return "DocumentLabel"
        case .headerLine: return "HeaderLine"
        case .metadata: return "Metadata"
        case .letterhead: return "Letterhead"
        case .quote: return "Quote"
        case .code: return "HTMLPreformatted"
        case .signature: return "Signature"
        case .footer: return "Footer"
        case .caption: return "Caption"
        case .hyperlink: return "Hyperlink"
        case .inlineCode: return "HTMLCode"
        }
    }

    /// The names (`w:name`, compared lower-cased) a template's style may have to stand for
    /// this one; the first is the name indstil's own definition carries.
    package var names: [String] {
        switch self {
        case .title: return ["title", "titel"]
        case .subtitle: return ["subtitle", "undertitel"]
        case .heading1, .heading2, .heading3:
            let level = headingLevel ?? 1
            return ["heading \(level)", "overskrift \(level)"]
        case .listParagraph: return ["list paragraph", "listeafsnit"]
        case .decisionPoint: return ["beslutningspunkt", "decision point"]
        case .documentLabel: return ["dokumenttype", "document label"]
        case .headerLine: return ["modtagerlinje", "recipient line"]
        case .metadata: return ["sagsoplysninger", "metadata"]
        case .letterhead: return ["brevhoved", "letterhead"]
        case .quote: return ["quote", "citat"]
        case .code: return ["html preformatted", "html - forudformateret", "html-forudformateret", "preformatted text", "forudformateret tekst"]
        case .signature: return ["signature", "underskrift"]
        case .footer: return ["footer", "sidefod"]
        case .caption: return ["caption", "billedtekst"]
        case .hyperlink: return ["hyperlink", "internet link", "link"]
        case .inlineCode: return ["html code", "html-kode"]
        }
    }

    // MARK: indstil's own definitions

    static let bodyFont = "Arial"
    static let codeFont = "Consolas"
    /// Headings, the title and the document type line in the colour of the HTML and PDF
    /// stylesheet (`--blaa` in Templates/_base/style.css) unless the profile's
    /// `look.theme.heading` says otherwise.
    static let defaultHeadingColour = "00305C"

    /// indstil's own definition of this style under `id`, its `w:basedOn` found through
    /// `basedOn`; nil for `caption`, which indstil does not define.
    func definition(id: String, basedOn: (DocxStyle) -> String, headingColour: String) -> String? {
        func size(_ halfPoints: Int) -> String { "<w:sz w:val=\"\(halfPoints)\"/><w:szCs w:val=\"\(halfPoints)\"/>" }
        let bold = "<w:b/><w:bCs/>"
        let colour = "<w:color w:val=\"\(headingColour)\"/>"
        let code = "<w:rFonts w:ascii=\"\(Self.codeFont)\" w:hAnsi=\"\(Self.codeFont)\" w:cs=\"\(Self.codeFont)\"/>"
        let name = ownName
        func style(type: String = "paragraph", based: String? = "Normal", next: String? = nil, uiPriority: Int? = nil,
                   semiHidden: Bool = false, pPr: String = "", rPr: String = "") -> String {
            var s = "<w:style w:type=\"\(type)\" w:styleId=\"\(id)\">"
            s += "<w:name w:val=\"\(name)\"/>"
            if let based { s += "<w:basedOn w:val=\"\(based)\"/>" }
            if let next { s += "<w:next w:val=\"\(next)\"/>" }
            if let uiPriority { s += "<w:uiPriority w:val=\"\(uiPriority)\"/>" }
            if semiHidden { s += "<w:semiHidden/><w:unhideWhenUsed/>" }
            s += "<w:qFormat/>"
            if !pPr.isEmpty { s += "<w:pPr>\(pPr)</w:pPr>" }
            if !rPr.isEmpty { s += "<w:rPr>\(rPr)</w:rPr>" }
            s += "</w:style>"
            return s
        }
        switch self {
        case .title:
            return style(next: "Normal", uiPriority: 10,
                         pPr: "<w:keepNext/><w:spacing w:before=\"360\" w:after=\"360\" w:line=\"240\" w:lineRule=\"auto\"/>",
                         rPr: bold + colour + "<w:kern w:val=\"28\"/>" + size(36))
        case .subtitle:
            return style(next: "Normal", uiPriority: 11, pPr: "<w:spacing w:after=\"240\"/>", rPr: "<w:i/><w:iCs/>")
        case .heading1, .heading2, .heading3:
            let level = headingLevel ?? 1
            let runProperties = [1: bold + colour + size(26), 2: bold + size(24), 3: bold + "<w:i/><w:iCs/>" + size(22)][level] ?? ""
            return style(next: "Normal", uiPriority: 9,
                         pPr: "<w:keepNext/><w:keepLines/><w:spacing w:before=\"\(level == 1 ? 360 : 240)\" w:after=\"120\"/><w:outlineLvl w:val=\"\(level - 1)\"/>",
                         rPr: runProperties)
        case .listParagraph:
            return style(uiPriority: 34, pPr: "<w:spacing w:after=\"80\"/><w:ind w:left=\"720\"/>")
        case .decisionPoint:
            return style(based: basedOn(.listParagraph), pPr: "<w:keepLines/><w:spacing w:after=\"160\"/>")
        case .documentLabel:
            return style(next: "Normal", pPr: "<w:spacing w:after=\"240\"/>", rPr: bold + colour + size(28))
        case .headerLine:
            return style(pPr: "<w:spacing w:after=\"40\"/>")
        case .metadata:
            return style(pPr: "<w:spacing w:before=\"20\" w:after=\"20\" w:line=\"240\" w:lineRule=\"auto\"/>", rPr: size(18))
        case .letterhead:
            return style(pPr: "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>", rPr: size(18))
        case .quote:
            return style(next: "Normal", uiPriority: 29,
                         pPr: "<w:pBdr><w:left w:val=\"single\" w:sz=\"12\" w:space=\"8\" w:color=\"A6A6A6\"/></w:pBdr><w:ind w:left=\"567\"/>",
                         rPr: "<w:i/><w:iCs/><w:color w:val=\"404040\"/>")
        case .code:
            return style(uiPriority: 99, semiHidden: true,
                         pPr: "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"F2F2F2\"/><w:spacing w:after=\"160\" w:line=\"240\" w:lineRule=\"auto\"/>",
                         rPr: code + size(19))
        case .signature:
            return style(uiPriority: 99, semiHidden: true, pPr: "<w:keepLines/><w:spacing w:before=\"480\" w:after=\"240\"/>")
        case .footer:
            return style(uiPriority: 99, semiHidden: true,
                         pPr: "<w:tabs><w:tab w:val=\"center\" w:pos=\"4535\"/><w:tab w:val=\"right\" w:pos=\"9070\"/></w:tabs><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>",
                         rPr: size(18))
        case .caption:
            return nil
        case .hyperlink:
            return style(type: "character", based: nil, uiPriority: 99, semiHidden: true,
                         rPr: "<w:color w:val=\"0563C1\"/><w:u w:val=\"single\"/>")
        case .inlineCode:
            return style(type: "character", based: nil, uiPriority: 99, semiHidden: true, rPr: code + size(20))
        }
    }

    /// The `w:name` of indstil's own definition: Word's English name for built-in styles
    /// (Word shows them localised, so a Danish Word says "Overskrift 1"), a Danish name for
    /// indstil's own.
    private var ownName: String {
        switch self {
        case .title: return "Title"
        case .subtitle: return "Subtitle"
        case .listParagraph: return "List Paragraph"
        case .decisionPoint: return "Beslutningspunkt"
        case .documentLabel: return "Dokumenttype"
        case .headerLine: return "Modtagerlinje"
        case .metadata: return "Sagsoplysninger"
        case .letterhead: return "Brevhoved"
        case .quote: return "Quote"
        case .code: return "HTML Preformatted"
        case .signature: return "Signature"
        case .footer: return "footer"
        case .caption: return "caption"
        case .hyperlink: return "Hyperlink"
        case .inlineCode: return "HTML Code"
        case .heading1, .heading2, .heading3: return "heading \(headingLevel ?? 1)"
        }
    }
}
