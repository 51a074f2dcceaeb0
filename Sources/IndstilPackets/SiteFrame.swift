import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

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

    /// The chapter or item a page belongs to: its page, and what the way there says ("Kapitel 2").
    struct Parent {
        let link: Link
        let short: String
    }

    /// The site's title and its front page.
    let siteTitle: String
    let indexLabel: String
    /// `body` class.
    let bodyClass: String
    /// A closed packet's site: every page gets a banner and `noindex` (`ClosedMarking`).
    var isClosed = false
    /// Every site's front page, and the one stylesheet its pages link.
    static let indexFile = "index.html"
    static let styleFile = "style.css"
    /// The `<meta name="generator">` of every page: an existing site folder is only replaced
    /// when it is empty or its `index.html` carries this.
    static let generator = "indstil bundle"

    /// - Parameters:
    ///   - file: the page's own file (marks the current link).
    ///   - parent: the chapter or item the page belongs to ("Kapitel 2", its title).
    func html(title: String, file: String, parent: Parent?, previous: Link?, next: Link?, main: String) -> String {
        func current(_ target: String) -> String { target == file ? " aria-current=\"page\"" : "" }
        var navigation: [String] = [
            "<li><a class=\"til-fortegnelse\" href=\"\(Self.indexFile.markupEscaped)\"\(current(Self.indexFile))>"
                + "<span class=\"ikon\" aria-hidden=\"true\">☰</span> \(indexLabel.markupEscaped)</a></li>",
        ]
        if let parent {
            navigation.append("<li><a class=\"til-kapitel\" href=\"\(parent.link.file.markupEscaped)\"\(current(parent.link.file))>"
                + "\(parent.short.markupEscaped)<span class=\"skjult\">: \(parent.link.label.markupEscaped)</span></a></li>")
        }
        if let previous {
            navigation.append("<li><a rel=\"prev\" href=\"\(previous.file.markupEscaped)\"><span aria-hidden=\"true\">←</span> Forrige"
                + "<span class=\"skjult\">: \(previous.label.markupEscaped)</span></a></li>")
        }
        if let next {
            navigation.append("<li><a rel=\"next\" href=\"\(next.file.markupEscaped)\">Næste"
                + "<span class=\"skjult\">: \(next.label.markupEscaped)</span> <span aria-hidden=\"true\">→</span></a></li>")
        }
        var pager: [String] = []
        if let previous {
            pager.append("<a class=\"forrige\" rel=\"prev\" href=\"\(previous.file.markupEscaped)\"><span class=\"retning\">← Forrige</span> <span class=\"titel\">\(previous.label.markupEscaped)</span></a>")
        }
        if let next {
            pager.append("<a class=\"naeste\" rel=\"next\" href=\"\(next.file.markupEscaped)\"><span class=\"retning\">Næste →</span> <span class=\"titel\">\(next.label.markupEscaped)</span></a>")
        }

        var shell = HTMLPageShell()
        shell.generator = Self.generator
        shell.title = title
        shell.robots = isClosed ? "noindex, nofollow" : nil
        shell.stylesheets = [Self.styleFile]
        shell.bodyClass = bodyClass
        shell.skipLink = HTMLPageShell.SkipLink(target: "indhold", label: "Spring til indholdet", className: "spring")
        return shell.html(body: """
        <header class="sitehoved">
        \(isClosed ? "<p class=\"lukket-banner\"><strong>\(ClosedMarking.notice)</strong></p>\n" : "")<div class="indre">
        <p class="bundletitel"><a href="\(Self.indexFile.markupEscaped)">\(siteTitle.markupEscaped)</a></p>
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

        """)
    }
}
