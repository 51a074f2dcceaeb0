import Foundation
import IndstilSupport
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Makes a profile's SVG logo static vector graphics and nothing else, before it goes
/// into any output (DOCX, HTML, PDF).
///
/// An SVG is XML that may carry scripts (`<script>`, `onload="…"`), fetch other files
/// (`<image href="http://…">`, `<use href="other.svg#x">`, `style="fill: url(http://…)"`,
/// external entities) or expand to gigabytes (entities defined in terms of each other).
/// The file is refused outright when it has a DTD (`<!DOCTYPE`, `<!ENTITY`: no entity is
/// ever read), is not UTF-8 XML, is larger than `maximumBytes` or nested deeper than
/// `maximumDepth`; otherwise it is rewritten from an allow-list:
///
/// - elements of plain drawing (shapes, paths, text, groups, `defs`, `use`, gradients,
///   patterns, clip paths, masks, markers, filter primitives, `title`, `desc`) in the SVG
///   namespace; everything else is dropped with its content — `script`, `foreignObject`,
///   animation (`animate`, `set` …), `feImage`, other namespaces (Inkscape's `sodipodi:`,
///   `metadata`); an `a` keeps its content as a group without the link;
/// - attributes of geometry and presentation; no event handler (`on…`) or anything
///   unknown; `href`/`xlink:href` only to a `#fragment` in the file, or on `image` a
///   `data:image/png` or `data:image/jpeg` URI; `url(…)` in a value only to a `#fragment`;
/// - in `style` attributes and elements, a declaration with a non-fragment `url(`,
///   `@import`, `expression(`, an escape or a comment is dropped.
///
/// The result is written anew (sorted attributes, text escaped), so the same file always
/// gives the same bytes. Reading is one pass of the XML parser, without recursion.
public enum SVGSanitizer {
    public static let maximumBytes = 5 * 1024 * 1024
    public static let maximumDepth = 100

    static let svgNamespace = "http://www.w3.org/2000/svg"
    static let xlinkNamespace = "http://www.w3.org/1999/xlink"
    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// Why a file cannot be used as a logo, in Danish (the end of a sentence naming it).
    public struct Refusal: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// The sanitised SVG, or why the file is refused.
    public static func sanitize(_ data: Data) throws(Refusal) -> Data {
        guard data.count <= maximumBytes else {
            throw Refusal(description: "SVG-filen er større end \(maximumBytes / (1024 * 1024)) MB")
        }
        if WordXML.containsDoctype(data) || contains("<!ENTITY", in: data) {
            throw Refusal(description: "SVG-filen har en DOCTYPE eller entitetserklæringer (<!DOCTYPE, <!ENTITY), som kan hente andre filer eller vokse uden grænse; fjern dem (gem fx som »almindelig SVG«)")
        }
        guard String(validating: data, as: UTF8.self) != nil else {
            throw Refusal(description: "SVG-filen er ikke gyldig UTF-8")
        }
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        let writer = Writer()
        parser.delegate = writer
        let parsed = parser.parse()
        if writer.tooDeep {
            throw Refusal(description: "SVG-filen er nestet mere end \(maximumDepth) niveauer dybt")
        }
        guard parsed, parser.parserError == nil, writer.finished else {
            throw Refusal(description: "SVG-filen er ikke gyldig XML (linje \(parser.lineNumber))")
        }
        guard writer.sawRoot else {
            throw Refusal(description: "filen er ikke en SVG-tegning (roden er ikke <svg>)")
        }
        return Data(writer.out.utf8)
    }

    /// `pattern` anywhere in the bytes, ASCII letters compared without case.
    package static func contains(_ pattern: String, in data: Data) -> Bool {
        let needle = Array(pattern.utf8)
        return data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Bool in
            let bytes = buffer.bindMemory(to: UInt8.self)
            guard bytes.count >= needle.count else { return false }
            var index = 0
            while index <= bytes.count - needle.count {
                if bytes[index] == needle[0] {
                    var matches = true
                    for offset in 1..<needle.count where bytes[index + offset] & 0xDF != needle[offset] & 0xDF {
                        matches = false
                        break
                    }
                    if matches { return true }
                }
                index += 1
            }
            return false
        }
    }

    // MARK: Allow-lists

    package static let elements: Set<String> = [
        "svg", "g", "defs", "title", "desc", "symbol", "use", "switch", "style",
        "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "textPath",
        "linearGradient", "radialGradient", "stop", "clipPath", "mask", "pattern", "marker", "image",
        "filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix",
        "feDiffuseLighting", "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood",
        "feFuncA", "feFuncB", "feFuncG", "feFuncR", "feGaussianBlur", "feMerge", "feMergeNode",
        "feMorphology", "feOffset", "fePointLight", "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence",
    ]

    package static let attributes: Set<String> = [
        "id", "class", "style", "transform", "d", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry",
        "fx", "fy", "fr", "width", "height", "viewBox", "preserveAspectRatio", "points", "pathLength", "version",
        "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin",
        "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset", "stroke-opacity", "opacity", "color",
        "display", "visibility", "clip-path", "clip-rule", "mask", "filter", "overflow",
        "font-family", "font-size", "font-size-adjust", "font-weight", "font-style", "font-variant", "font-stretch", "font",
        "text-anchor", "dominant-baseline", "alignment-baseline", "baseline-shift", "letter-spacing", "word-spacing",
        "text-decoration", "writing-mode", "dx", "dy", "rotate", "textLength", "lengthAdjust", "startOffset", "method", "spacing",
        "offset", "stop-color", "stop-opacity", "gradientUnits", "gradientTransform", "spreadMethod",
        "patternUnits", "patternContentUnits", "patternTransform", "clipPathUnits", "maskUnits", "maskContentUnits",
        "markerWidth", "markerHeight", "markerUnits", "refX", "refY", "orient", "marker-start", "marker-mid", "marker-end",
        "filterUnits", "primitiveUnits", "in", "in2", "result", "stdDeviation", "mode", "operator", "k1", "k2", "k3", "k4",
        "values", "type", "tableValues", "slope", "intercept", "amplitude", "exponent", "flood-color", "flood-opacity",
        "lighting-color", "baseFrequency", "numOctaves", "seed", "stitchTiles", "scale", "xChannelSelector", "yChannelSelector",
        "radius", "order", "kernelMatrix", "divisor", "bias", "targetX", "targetY", "edgeMode", "preserveAlpha",
        "surfaceScale", "diffuseConstant", "specularConstant", "specularExponent", "azimuth", "elevation", "z",
        "pointsAtX", "pointsAtY", "pointsAtZ", "limitingConeAngle", "kernelUnitLength",
        "color-interpolation", "color-interpolation-filters", "shape-rendering", "text-rendering", "image-rendering",
        "vector-effect", "paint-order", "mix-blend-mode", "isolation", "enable-background", "media",
    ]

    /// A `href` value that stays: a fragment of this file, or on `image` an embedded PNG or JPEG.
    static func allowsReference(_ value: String, on element: String) -> Bool {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("#"), trimmed.count > 1, !trimmed.contains(where: { $0.isWhitespace || $0 == "(" }) { return true }
        guard element == "image" else { return false }
        let lower = trimmed.lowercased()
        return lower.hasPrefix("data:image/png;base64,") || lower.hasPrefix("data:image/jpeg;base64,")
    }

    /// A presentation value is kept when each `url(` in it names a fragment, and it names no script.
    static func isSafeValue(_ value: String) -> Bool {
        let lower = value.lowercased()
        if lower.contains("javascript:") || lower.contains("expression(") || lower.contains("@import")
            || lower.contains("\\") || lower.contains("/*") || lower.contains("-moz-binding") || lower.contains("behavior") {
            return false
        }
        var rest = Substring(lower)
        while let found = rest.range(of: "url(") {
            let after = rest[found.upperBound...].drop { $0.isWhitespace || $0 == "\"" || $0 == "'" }
            guard after.first == "#" else { return false }
            rest = after
        }
        return true
    }

    /// CSS (a `style` attribute or element) with the unsafe declarations or rules left out.
    static func safeCSS(_ css: String, isSheet: Bool) -> String? {
        if isSheet {
            // A style sheet is kept whole when it is safe, else dropped.
            return isSafeValue(css) ? css : nil
        }
        let kept = css.split(separator: ";").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty && isSafeValue($0) }
        return kept.isEmpty ? nil : kept.joined(separator: ";")
    }

    // MARK: Writing

    private final class Writer: NSObject, XMLParserDelegate {
        var out = ""
        var tooDeep = false
        var sawRoot = false
        var finished = false
        /// Per open element: its namespace bindings, and whether it is written.
        private var scopes: [(bindings: [String: String], written: String?)] = []
        /// Depth of a dropped subtree being skipped (0: none).
        private var skipping = 0

        private func namespace(of prefix: String, with bindings: [String: String]) -> String? {
            if prefix == "xml" { return SVGSanitizer.xmlNamespace }
            if let bound = bindings[prefix] { return bound }
            for scope in scopes.reversed() {
                if let bound = scope.bindings[prefix] { return bound }
            }
            // No default namespace at all: an SVG saved without one is still read as SVG.
            return prefix.isEmpty ? SVGSanitizer.svgNamespace : nil
        }

        private static func split(_ name: String) -> (prefix: String, local: String) {
            guard let colon = name.firstIndex(of: ":") else { return ("", name) }
            return (String(name[..<colon]), String(name[name.index(after: colon)...]))
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                    attributes attributeDict: [String: String] = [:]) {
            guard scopes.count < SVGSanitizer.maximumDepth else {
                tooDeep = true
                parser.abortParsing()
                return
            }
            var bindings: [String: String] = [:]
            for (key, value) in attributeDict {
                if key == "xmlns" { bindings[""] = value } else if key.hasPrefix("xmlns:") { bindings[String(key.dropFirst(6))] = value }
            }
            let name = Self.split(elementName)
            let isSVG = namespace(of: name.prefix, with: bindings) == SVGSanitizer.svgNamespace
            var local = name.local
            if scopes.isEmpty {
                sawRoot = isSVG && local == "svg"
            }
            if local == "a" { local = "g" }  // a link's content stays, the link does not
            guard skipping == 0, sawRoot, isSVG, SVGSanitizer.elements.contains(local) else {
                skipping += 1
                scopes.append((bindings, nil))
                return
            }
            var kept: [(String, String)] = []
            for (key, value) in attributeDict {
                if key == "xmlns" || key.hasPrefix("xmlns:") { continue }
                let attribute = Self.split(key)
                let space = attribute.prefix.isEmpty ? "" : namespace(of: attribute.prefix, with: bindings)
                switch (space, attribute.local) {
                case ("", "href"), (SVGSanitizer.xlinkNamespace?, "href"):
                    if SVGSanitizer.allowsReference(value, on: local) { kept.append(("xlink:href", value)) }
                case ("", "style"):
                    if let css = SVGSanitizer.safeCSS(value, isSheet: false) { kept.append(("style", css)) }
                case (SVGSanitizer.xmlNamespace?, "space"), (SVGSanitizer.xmlNamespace?, "lang"):
                    kept.append(("xml:" + attribute.local, value))
                case ("", let plain) where SVGSanitizer.attributes.contains(plain) && !plain.lowercased().hasPrefix("on"):
                    if SVGSanitizer.isSafeValue(value) { kept.append((plain, value)) }
                default:
                    continue
                }
            }
            // "href" and "xlink:href" both become xlink:href: one of them.
            var seen: Set<String> = []
            kept = kept.sorted { $0.0 < $1.0 }.filter { seen.insert($0.0).inserted }
            var tag = "<" + local
            if scopes.isEmpty { tag += " xmlns=\"\(SVGSanitizer.svgNamespace)\" xmlns:xlink=\"\(SVGSanitizer.xlinkNamespace)\"" }
            for (key, value) in kept { tag += " \(key)=\"\(MarkupEscaping.escape(value))\"" }
            out += tag + ">"
            scopes.append((bindings, local))
            if local == "style" { styleText = "" }
        }

        /// The text of an open `style` element, checked as a whole at its end.
        private var styleText: String?

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            guard let scope = scopes.popLast() else { return }
            if scope.written == nil {
                skipping = max(0, skipping - 1)
            } else if let local = scope.written {
                if local == "style" {
                    out += SVGSanitizer.safeCSS(styleText ?? "", isSheet: true).map { MarkupEscaping.escape($0) } ?? ""
                    styleText = nil
                }
                out += "</\(local)>"
            }
            if scopes.isEmpty { finished = true }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            text(string)
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            text(String(decoding: CDATABlock, as: UTF8.self))
        }

        private func text(_ string: String) {
            guard skipping == 0, !scopes.isEmpty else { return }
            if styleText != nil { styleText! += string; return }
            out += MarkupEscaping.escape(string)
        }

        func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? { nil }
    }
}
