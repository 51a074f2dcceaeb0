import Foundation

/// The frame every page of a generated site shares (betænkning bundles and agenda
/// packets): head, a header with the site's title and the way around, the page's main
/// content, and previous/next again at the foot.
struct SiteFrame {
    /// A page a link can lead to.
    struct Link {
        let file: String
        /// What the link says ("Kapitel 2: Titel", "Punkt 3: Titel").
        let label: String
    }

    /// The site's title and its front page.
    let siteTitle: String
    let indexFile: String
    let indexLabel: String
    /// The meta generator, by which an earlier site is recognised before it is replaced.
    let generator: String
    /// `body` class.
    let bodyClass: String

    private func escape(_ text: String) -> String { HTMLFragments.escape(text) }

    /// - Parameters:
    ///   - file: the page's own file (marks the current link).
    ///   - parent: the chapter or item the page belongs to ("Kapitel 2", its title).
    func html(title: String, file: String, parent: (link: Link, short: String)?, previous: Link?, next: Link?, main: String) -> String {
        func current(_ target: String) -> String { target == file ? " aria-current=\"page\"" : "" }
        var navigation: [String] = [
            "<li><a class=\"til-fortegnelse\" href=\"\(escape(indexFile))\"\(current(indexFile))>"
                + "<span class=\"ikon\" aria-hidden=\"true\">☰</span> \(escape(indexLabel))</a></li>",
        ]
        if let parent {
            navigation.append("<li><a class=\"til-kapitel\" href=\"\(escape(parent.link.file))\"\(current(parent.link.file))>"
                + "\(escape(parent.short))<span class=\"skjult\">: \(escape(parent.link.label))</span></a></li>")
        }
        if let previous {
            navigation.append("<li><a rel=\"prev\" href=\"\(escape(previous.file))\"><span aria-hidden=\"true\">←</span> Forrige"
                + "<span class=\"skjult\">: \(escape(previous.label))</span></a></li>")
        }
        if let next {
            navigation.append("<li><a rel=\"next\" href=\"\(escape(next.file))\">Næste"
                + "<span class=\"skjult\">: \(escape(next.label))</span> <span aria-hidden=\"true\">→</span></a></li>")
        }
        var pager: [String] = []
        if let previous {
            pager.append("<a class=\"forrige\" rel=\"prev\" href=\"\(escape(previous.file))\"><span class=\"retning\">← Forrige</span> <span class=\"titel\">\(escape(previous.label))</span></a>")
        }
        if let next {
            pager.append("<a class=\"naeste\" rel=\"next\" href=\"\(escape(next.file))\"><span class=\"retning\">Næste →</span> <span class=\"titel\">\(escape(next.label))</span></a>")
        }

        return """
        <!DOCTYPE html>
        <html lang="da">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="\(escape(generator))">
        <title>\(escape(title))</title>
        <link rel="stylesheet" href="\(SitePlan.styleFile)">
        </head>
        <body class="\(escape(bodyClass))">
        <a class="spring" href="#indhold">Spring til indholdet</a>
        <header class="sitehoved">
        <div class="indre">
        <p class="bundletitel"><a href="\(escape(indexFile))">\(escape(siteTitle))</a></p>
        <nav class="navigation" aria-label="Navigation">
        <ul>
        \(navigation.joined(separator: "\n"))
        </ul>
        </nav>
        </div>
        </header>
        <main id="indhold" class="bundleside">
        \(main)
        </main>
        <footer class="sidefod">
        <nav class="bladre" aria-label="Forrige og næste side">
        \(pager.joined(separator: "\n"))
        </nav>
        </footer>
        </body>
        </html>

        """
    }
}
