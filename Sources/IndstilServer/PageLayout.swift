import Foundation
import IndstilCore

/// The frame of every page: Danish, landmarks, a skip link, the workspace's own stylesheet and scripts (files, never inline).
enum PageLayout {
    static func page(title: String, main: String, scripts: [String] = []) -> String {
        let scriptTags = scripts.map { "<script src=\"/static/\(escape($0))\" defer></script>" }.joined(separator: "\n")
        return """
        <!DOCTYPE html>
        <html lang="da">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>\(escape(title)) – indstil</title>
        <link rel="stylesheet" href="/static/serve.css">
        \(scriptTags)
        </head>
        <body>
        <a class="skip" href="#indhold">Gå til indholdet</a>
        <header class="topbar">
        <nav aria-label="Arbejdsrum">
        <a href="/">Oversigt</a>
        <a href="/ny">Nyt dokument</a>
        </nav>
        </header>
        <main id="indhold" tabindex="-1">
        \(main)
        </main>
        </body>
        </html>

        """
    }

    static func escape(_ text: String) -> String { MarkupEscaping.escape(text, for: .attribute) }

    /// A project path as a URL path, each component percent-encoded.
    static func urlPath(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/?#%;")
        return path.split(separator: "/").map { String($0).addingPercentEncoding(withAllowedCharacters: allowed) ?? "" }
            .joined(separator: "/")
    }
}
