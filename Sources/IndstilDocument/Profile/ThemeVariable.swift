import IndstilSupport

/// A stylesheet variable a profile may set under `look.theme`, written into HTML and PDF
/// as the CSS custom property `--indstil-NAME` (underscores become hyphens). The shipped
/// stylesheets (Templates/_base) read every colour, typeface and size through these from a
/// `:root` block of defaults (indstil's own look); a profile's values follow as a `:root`
/// rule of their own, so a municipality changes its look without writing CSS.
public enum ThemeVariable: String, CaseIterable, Sendable {
    /// Body typeface (a CSS font-family list).
    case font
    /// Typeface of headings and the title.
    case headingFont = "heading_font"
    /// Body text colour.
    case text
    /// Colour of headings, the title and the document label.
    case heading
    /// Rules under the header and headings, bars, focus rings and a site's header band.
    case accent
    /// Links.
    case link
    /// Secondary text (metadata labels, captions).
    case muted
    /// Thin lines: table rows, quotes, the rule under a running header.
    case rule
    /// Background of the metadata sidebar and other shaded boxes.
    case sidebarBackground = "sidebar_background"
    /// Body text size (e.g. "11pt").
    case baseSize = "base_size"

    /// `--indstil-heading-font`.
    public var customProperty: String { "--indstil-" + rawValue.replacingOccurrences(of: "_", with: "-") }

    var isColour: Bool {
        switch self {
        case .text, .heading, .accent, .link, .muted, .rule, .sidebarBackground: return true
        case .font, .headingFont, .baseSize: return false
        }
    }

    var expectation: String {
        switch self {
        case .font, .headingFont: return "en liste af skrifttyper, fx \"Georgia, serif\""
        case .baseSize: return "en størrelse, fx 11pt eller 1rem"
        default: return "en farve som #005a8c"
        }
    }

    /// The value is safe and meaningful inside a declaration: no way out of it
    /// (`;`, braces, `<`, backslash, `url(`, a comment, an open quote), and of the right form
    /// for colours and sizes.
    package func accepts(_ value: String) -> Bool {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 200,
              !trimmed.contains(where: { ";{}<>\\\n\r".contains($0) }),
              !trimmed.lowercased().contains("url("),
              // A comment or an open string would swallow the declarations after it.
              !trimmed.contains("/*"),
              trimmed.filter({ $0 == "\"" }).count.isMultiple(of: 2),
              trimmed.filter({ $0 == "'" }).count.isMultiple(of: 2) else { return false }
        if isColour {
            let hex = trimmed.dropFirst()
            return trimmed.hasPrefix("#") && [3, 6].contains(hex.count) && hex.allSatisfy(\.isHexDigit)
        }
        if self == .baseSize {
            return trimmed.range(of: #"^[0-9]+(\.[0-9]+)?(pt|px|rem|em|%)$"#, options: .regularExpression) != nil
        }
        return true
    }
}
