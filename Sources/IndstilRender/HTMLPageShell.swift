import IndstilSupport

/// The shell of every HTML page indstil writes from Swift (packet sites, the decision
/// register, a packet PDF's and the stamps' HTML for WeasyPrint, the workspace's pages):
/// doctype, `<html lang>`, the head, an optional skip link, the page's own body and an
/// optional inline script at its end. A document's own page comes from its profile's
/// Mustache template (`HTMLRenderer`), which the user edits, and is not built here.
///
/// The head always has its parts in this order, each on a line of its own, and only the
/// ones that are set: charset, viewport, generator, title, robots, description,
/// stylesheets, inline style, scripts. Every text is escaped here; callers pass plain text.
package struct HTMLPageShell: Sendable {
    /// A link to the page's main content, first in the body, for keyboard and screen-reader users.
    package struct SkipLink: Sendable {
        /// The `id` it leads to (without `#`).
        package var target: String
        package var label: String
        package var className: String

        package init(target: String, label: String, className: String) {
            self.target = target
            self.label = label
            self.className = className
        }
    }

    /// `<html lang>`.
    package var language = "da"
    /// `<meta name="viewport">` for small screens (pages for a browser; not for WeasyPrint).
    package var viewport = true
    /// `<meta name="generator">`.
    package var generator: String?
    /// `<title>`; nil writes none (the stamps' pages).
    package var title: String?
    /// How the title is escaped: the workspace's pages escape it as an attribute value
    /// (line breaks and tabs as references).
    package var titleEscaping = MarkupEscaping.Context.text
    /// Written before `<title>` on its line. The workspace's pages have always had eight
    /// spaces there; kept so that their bytes do not change.
    package var titleIndentation = ""
    /// `<meta name="robots">` ("noindex, nofollow" on a closed packet's site).
    package var robots: String?
    /// `<meta name="description">`.
    package var description: String?
    /// `<link rel="stylesheet">`, one a line.
    package var stylesheets: [String] = []
    /// Inline CSS, written as it is between `<style>` and its own line break and `</style>`
    /// (end it with a line break to put `</style>` on a line of its own).
    package var style: String?
    /// `<script src defer>`, one a line.
    package var scripts: [String] = []
    /// The workspace's pages write the scripts' line even when they have none (an empty
    /// line); kept so that their bytes do not change.
    package var writesEmptyScriptLine = false
    /// `<body class>`.
    package var bodyClass: String?
    package var skipLink: SkipLink?
    /// Inline JavaScript at the end of the body, written like `style`.
    package var bodyScript: String?

    package init() {}

    /// The whole page; `body` is the page's own content, already HTML, written as it is
    /// (end it with a line break to put `</body>` on a line of its own).
    package func html(body: String) -> String {
        var page = "<!DOCTYPE html>\n<html lang=\"\(language.markupAttributeEscaped)\">\n<head>\n<meta charset=\"utf-8\">\n"
        if viewport {
            page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        }
        if let generator {
            page += "<meta name=\"generator\" content=\"\(generator.markupAttributeEscaped)\">\n"
        }
        if let title {
            page += "\(titleIndentation)<title>\(MarkupEscaping.escape(title, for: titleEscaping))</title>\n"
        }
        if let robots {
            page += "<meta name=\"robots\" content=\"\(robots.markupAttributeEscaped)\">\n"
        }
        if let description {
            page += "<meta name=\"description\" content=\"\(description.markupAttributeEscaped)\">\n"
        }
        for stylesheet in stylesheets {
            page += "<link rel=\"stylesheet\" href=\"\(stylesheet.markupAttributeEscaped)\">\n"
        }
        if let style {
            page += "<style>\n\(style)</style>\n"
        }
        if !scripts.isEmpty || writesEmptyScriptLine {
            page += scripts.map { "<script src=\"\($0.markupAttributeEscaped)\" defer></script>" }.joined(separator: "\n") + "\n"
        }
        page += "</head>\n"
        page += bodyClass.map { "<body class=\"\($0.markupAttributeEscaped)\">\n" } ?? "<body>\n"
        if let skipLink {
            page += "<a class=\"\(skipLink.className.markupAttributeEscaped)\" href=\"#\(skipLink.target.markupAttributeEscaped)\">\(skipLink.label.markupEscaped)</a>\n"
        }
        page += body
        if let bodyScript {
            page += "<script>\n\(bodyScript)</script>\n"
        }
        return page + "</body>\n</html>\n"
    }
}
