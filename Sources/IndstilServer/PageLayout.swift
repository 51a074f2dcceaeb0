import Foundation
import IndstilCore

/// The frame of every page: Danish, landmarks, a skip link, the workspace's own stylesheet and scripts (files, never inline).
enum PageLayout {
    /// - Parameter stylesheets: more stylesheets under /static/, before the workspace's own.
    static func page(title: String, main: String, scripts: [String] = [], stylesheets: [String] = []) -> String {
        var shell = HTMLPageShell()
        shell.title = title + " – indstil"
        shell.titleEscaping = .attribute
        shell.titleIndentation = "        "
        shell.stylesheets = stylesheets.map { "/static/" + $0 } + ["/static/serve.css"]
        // danish.js (plurals, numbers) first: the page scripts use it.
        shell.scripts = (scripts.isEmpty ? [] : ["danish.js"] + scripts).map { "/static/" + $0 }
        shell.writesEmptyScriptLine = true
        shell.skipLink = HTMLPageShell.SkipLink(target: "indhold", label: "Gå til indholdet", className: "skip")
        return shell.html(body: """
        <header class="topbar">
        <nav aria-label="Arbejdsrum">
        <a href="/">Oversigt</a>
        <a href="/ny">Nyt dokument</a>
        <a href="/word">Kontrollér Word</a>
        </nav>
        </header>
        <main id="indhold" tabindex="-1">
        \(main)
        </main>

        """)
    }

    /// A project path as a URL path, each component percent-encoded.
    static func urlPath(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/?#%;")
        return path.split(separator: "/").map { String($0).addingPercentEncoding(withAllowedCharacters: allowed) ?? "" }
            .joined(separator: "/")
    }
}
