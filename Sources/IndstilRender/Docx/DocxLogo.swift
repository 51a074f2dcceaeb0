import Foundation
import IndstilSupport
import IndstilDocument

/// The profile's logo as an inline picture of the letterhead, with its alt text in
/// `wp:docPr descr` (what a screen reader says).
///
/// A PNG is embedded as it is. An SVG is embedded the way Word 2016 and later write one,
/// as `asvg:svgBlip`, with the `a:blip` every reader knows pointing at a PNG: the file of
/// the same name ending in `.png` beside the SVG when the profile has one, else at the
/// SVG itself (LibreOffice shows an SVG there and does not read `svgBlip`; Word 2016+
/// shows the `svgBlip`; only an older Word needs the PNG). indstil renders no SVG itself,
/// so the output stays a function of the profile's files alone. The SVG written is the
/// sanitised one (`ResolvedProfileLook.Logo.contents`: no script, no outside reference).
struct DocxLogo {
    /// Relationship ids from word/document.xml.
    static let relationshipID = "rIdLogo"
    static let svgRelationshipID = "rIdLogoSvg"

    /// Parts for the package: (path, bytes, content type).
    package let media: [(path: String, data: Data, contentType: String)]
    /// The `w:drawing` run content.
    package let drawing: String

    /// Shown 1.6 cm high, at most `maximumWidth` (EMU) wide.
    package static let height = 576_000
    static let maximumWidth = 2_700_000

    package init?(_ logo: ResolvedProfileLook.Logo) {
        // An SVG as `SVGSanitizer` leaves it: the profile's load refused one it cannot clean.
        guard let data = try? logo.contents(), !data.isEmpty else { return nil }
        let isSVG = logo.mediaType == "image/svg+xml"
        let size = isSVG ? Self.svgSize(data) : Self.pngSize(data)
        var width = Self.height
        if let size, size.height > 0 {
            width = min(Self.maximumWidth, Int((Double(Self.height) * size.width / size.height).rounded()))
        }
        var blip = "<a:blip r:embed=\"\(Self.relationshipID)\""
        if isSVG {
            let sibling = logo.file.deletingPathExtension().appendingPathExtension("png")
            let svgID: String
            if let png = Self.siblingPNG(sibling, beside: logo.file) {
                media = [("word/media/logo.png", png, "image/png"), ("word/media/logo.svg", data, "image/svg+xml")]
                svgID = Self.svgRelationshipID
            } else {
                media = [("word/media/logo.svg", data, "image/svg+xml")]
                svgID = Self.relationshipID
            }
            blip += "><a:extLst><a:ext uri=\"{96DAC541-7B7A-43D3-8B79-37D633B846F1}\">"
            blip += "<asvg:svgBlip xmlns:asvg=\"http://schemas.microsoft.com/office/drawing/2016/SVG/main\" r:embed=\"\(svgID)\"/>"
            blip += "</a:ext></a:extLst></a:blip>"
        } else {
            media = [("word/media/logo.png", data, "image/png")]
            blip += "/>"
        }
        let alt = logo.alt.markupEscaped
        var out = "<w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\" xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\">"
        out += "<wp:extent cx=\"\(width)\" cy=\"\(Self.height)\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>"
        out += "<wp:docPr id=\"1\" name=\"Logo\" descr=\"\(alt)\"/>"
        out += "<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>"
        out += "<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">"
        out += "<a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
        out += "<pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
        out += "<pic:nvPicPr><pic:cNvPr id=\"1\" name=\"Logo\" descr=\"\(alt)\"/><pic:cNvPicPr/></pic:nvPicPr>"
        out += "<pic:blipFill>\(blip)<a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
        out += "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"\(width)\" cy=\"\(Self.height)\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>"
        out += "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>"
        drawing = out
    }

    /// The relationships of word/document.xml the logo needs.
    package var relationships: [(id: String, target: String)] {
        media.enumerated().map { index, item in
            (index == 0 ? Self.relationshipID : Self.svgRelationshipID, "media/" + (item.path as NSString).lastPathComponent)
        }
    }

    /// The PNG beside the SVG, when it is a regular file in the same folder.
    private static func siblingPNG(_ url: URL, beside svg: URL) -> Data? {
        let resolved = url.resolvingSymlinksInPath()
        guard resolved.deletingLastPathComponent().path == svg.resolvingSymlinksInPath().deletingLastPathComponent().path,
              let data = try? Data(contentsOf: resolved), pngSize(data) != nil else { return nil }
        return data
    }

    /// Width and height from a PNG's IHDR chunk.
    static func pngSize(_ data: Data) -> (width: Double, height: Double)? {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) else { return nil }
        func number(_ at: Int) -> Double { Double(bytes[at..<(at + 4)].reduce(0) { $0 << 8 | UInt32($1) }) }
        return (number(16), number(20))
    }

    /// Width and height from an SVG root's `viewBox`, else its `width` and `height`.
    static func svgSize(_ data: Data) -> (width: Double, height: Double)? {
        let head = String(decoding: data.prefix(4096), as: UTF8.self)
        guard let start = head.range(of: "<svg") else { return nil }
        let tag = head[start.lowerBound...].prefix { $0 != ">" }
        func attribute(_ name: String) -> String? {
            guard let range = tag.range(of: "\\s\(name)\\s*=\\s*[\"'][^\"']*[\"']", options: .regularExpression) else { return nil }
            return String(tag[range].split(whereSeparator: { $0 == "\"" || $0 == "'" }).dropFirst().first ?? "")
        }
        if let viewBox = attribute("viewBox") {
            let numbers = viewBox.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
            if numbers.count == 4, numbers[2] > 0, numbers[3] > 0 { return (numbers[2], numbers[3]) }
        }
        let leadingNumber = { (text: String?) in text.flatMap { Double($0.prefix { $0.isNumber || $0 == "." }) } }
        if let width = leadingNumber(attribute("width")), let height = leadingNumber(attribute("height")), width > 0, height > 0 {
            return (width, height)
        }
        return nil
    }
}
