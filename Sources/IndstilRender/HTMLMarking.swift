import IndstilSupport
import IndstilDocument

/// A closed or draft document's marking (`DocumentMarking`) in its HTML page: a banner at
/// the top of the page, in a landmark of its own, and a running header on every printed
/// page (the PDF is this page through WeasyPrint). A clean, open document's page gets
/// neither, so its bytes stay as they were.
///
/// The banner's text has a contrast of at least 9:1 (white on #8a1c1c for closed, #3d2b00
/// on #fff1c2 for a draft; the running header #8a1c1c on white), above WCAG's 4.5:1.
enum HTMLMarking {
    /// The class the banner carries; a profile's own template that leaves the banner out
    /// still gets it (`ensuringBanner`).
    static let bannerClass = "markering"

    /// `<section class="markering" aria-label="Dokumentets status">` with a line per marking,
    /// the draft first; nil for a clean, open document.
    static func banner(_ marking: DocumentMarking) -> String? {
        guard !marking.isEmpty else { return nil }
        var out = "<section class=\"\(bannerClass)\" aria-label=\"Dokumentets status\">\n"
        if marking.isDraft {
            out += "<p class=\"markering-udkast\"><strong>\(DocumentMarking.draftNotice)</strong> – "
                + "\(MarkupEscaping.escape(marking.draftExplanation))</p>\n"
        }
        if marking.isClosed {
            out += "<p class=\"markering-lukket\"><strong>\(MarkupEscaping.escape(DocumentMarking.closedNotice))</strong></p>\n"
        }
        return out + "</section>"
    }

    /// The page with the banner right after `<body>` when the template did not place it
    /// (a profile's own `document.html.mustache` from before the marking existed).
    static func ensuringBanner(_ html: String, _ marking: DocumentMarking) -> String {
        guard let banner = banner(marking), !html.contains("<section class=\"\(bannerClass)\""),
              let body = html.range(of: "<body"), let close = html[body.upperBound...].firstIndex(of: ">") else { return html }
        var out = html
        out.insert(contentsOf: "\n" + banner, at: out.index(after: close))
        return out
    }

    /// The banner's style and the running header of every printed page ("UDKAST" at the top
    /// left, the closed notice at the top right, as a closed packet has it); empty for a
    /// clean, open document.
    package static func css(_ marking: DocumentMarking) -> String {
        guard !marking.isEmpty else { return "" }
        let box = "font: 700 8.5pt \"Liberation Sans\", Arial, sans-serif; color: #8a1c1c; white-space: nowrap; "
            + "vertical-align: bottom; padding-bottom: 4pt; border-bottom: .6pt solid #c8ced6;"
        var page = ""
        if marking.isDraft { page += "  @top-left { content: \"\(DocumentMarking.draftNotice)\"; \(box) letter-spacing: .08em; }\n" }
        if marking.isClosed { page += "  @top-right { content: \"\(DocumentMarking.closedNotice)\"; \(box) }\n" }
        return """

        /* DocumentMarking: the banner at the top, and the running header of every printed page. */
        .\(bannerClass) { margin: 0; }
        .\(bannerClass) p { margin: 0; padding: .55rem 1rem; text-align: center; letter-spacing: .02em; }
        .markering-lukket { background: #8a1c1c; color: #fff; }
        .markering-udkast { background: #fff1c2; color: #3d2b00; border-bottom: 3px solid #8a5a00; }
        @media print {
          .\(bannerClass) { margin: 0 0 1rem; }
          .\(bannerClass) p { padding: .3rem .6rem; font-size: .9rem; }
          .markering-lukket { background-color: #8a1c1c; }
        }
        @page {
        \(page)}
        """
    }
}
