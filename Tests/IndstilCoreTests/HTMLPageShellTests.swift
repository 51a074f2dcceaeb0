import Foundation
import Testing
@testable import IndstilCore
@testable import IndstilSupport
@testable import IndstilDocument
@testable import IndstilRender
@testable import IndstilPackets
import IndstilTestSupport

/// The one page shell: its parts in their order, every text escaped, and the bytes each
/// writer of a page has always written.
@Suite struct HTMLPageShellTests {
    @Test func bareShellHasDoctypeLanguageCharsetAndViewport() {
        #expect(HTMLPageShell().html(body: "<p>x</p>\n") == """
        <!DOCTYPE html>
        <html lang="da">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        </head>
        <body>
        <p>x</p>
        </body>
        </html>

        """)
    }

    @Test func everyPartInItsOrderAndEscaped() {
        var shell = HTMLPageShell()
        shell.language = "en"
        shell.viewport = false
        shell.generator = "gen \"1\""
        shell.title = "A & <B>\n"
        shell.robots = "noindex"
        shell.description = "Lukket <x>"
        shell.stylesheets = ["a.css", "b&c.css"]
        shell.style = "p { color: red; }\n"
        shell.scripts = ["/static/a.js", "/static/b.js"]
        shell.bodyClass = "side\"x"
        shell.skipLink = HTMLPageShell.SkipLink(target: "indhold", label: "Spring & gå", className: "spring")
        shell.bodyScript = "go();\n"
        #expect(shell.html(body: "<main></main>\n") == """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="generator" content="gen &quot;1&quot;">
        <title>A &amp; &lt;B&gt;\n</title>
        <meta name="robots" content="noindex">
        <meta name="description" content="Lukket &lt;x&gt;">
        <link rel="stylesheet" href="a.css">
        <link rel="stylesheet" href="b&amp;c.css">
        <style>
        p { color: red; }
        </style>
        <script src="/static/a.js" defer></script>
        <script src="/static/b.js" defer></script>
        </head>
        <body class="side&quot;x">
        <a class="spring" href="#indhold">Spring &amp; gå</a>
        <main></main>
        <script>
        go();
        </script>
        </body>
        </html>

        """)
    }

    @Test func titleAsAttributeKeepsLineBreaksAsReferences() {
        var shell = HTMLPageShell()
        shell.title = "a\tb\nc"
        shell.titleEscaping = .attribute
        shell.titleIndentation = "  "
        shell.writesEmptyScriptLine = true
        #expect(shell.html(body: "").contains("\n  <title>a&#9;b&#10;c</title>\n\n</head>\n<body>\n</body>"))
    }

    /// A closed packet's site page, byte for byte as the sites have always been written.
    @Test func siteFramePageIsUnchanged() {
        let frame = SiteFrame(siteTitle: "Råd & dåd", indexLabel: "Bilagsfortegnelse", bodyClass: "bilagsmateriale", isClosed: true)
        let page = frame.html(title: "Punkt <1>", file: "index.html", parent: nil, previous: nil,
                              next: SiteFrame.Link(file: "punkt-1.html", label: "Punkt 1"), main: "<h1>x</h1>")
        #expect(page == """
        <!DOCTYPE html>
        <html lang="da">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="indstil bundle">
        <title>Punkt &lt;1&gt;</title>
        <meta name="robots" content="noindex, nofollow">
        <link rel="stylesheet" href="style.css">
        </head>
        <body class="bilagsmateriale">
        <a class="spring" href="#indhold">Spring til indholdet</a>
        <header class="sitehoved">
        <p class="lukket-banner"><strong>\(ClosedMarking.notice)</strong></p>
        <div class="indre">
        <p class="bundletitel"><a href="index.html">Råd &amp; dåd</a></p>
        <nav class="navigation" aria-label="Navigation">
        <ul>
        <li><a class="til-fortegnelse" href="index.html" aria-current="page"><span class="ikon" aria-hidden="true">☰</span> Bilagsfortegnelse</a></li>
        <li><a rel="next" href="punkt-1.html">Næste<span class="skjult">: Punkt 1</span> <span aria-hidden="true">→</span></a></li>
        </ul>
        </nav>
        </div>
        </header>
        <main id="indhold" class="bundleside">
        <h1>x</h1>
        </main>
        <footer class="sidefod">
        <nav class="bladre" aria-label="Forrige og næste side">
        <a class="naeste" rel="next" href="punkt-1.html"><span class="retning">Næste →</span> <span class="titel">Punkt 1</span></a>
        </nav>
        </footer>
        </body>
        </html>

        """)
    }

    @Test func registerPageIsUnchanged() {
        let page = RegisterHTML.render([])
        #expect(page.hasPrefix("""
        <!DOCTYPE html>
        <html lang="da">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Beslutningsregister</title>
        <style>
        \(RegisterHTML.style)</style>
        </head>
        <body>
        <main>
        <h1>Beslutningsregister</h1>

        """))
        #expect(page.hasSuffix("</main>\n<script>\n\(RegisterHTML.script)</script>\n</body>\n</html>\n"))
    }

    @Test func stampPageIsUnchanged() {
        let page = PDFStamper.stampHTML([])
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n<style>\nhtml, body { margin: 0; padding: 0; }\n"))
        #expect(page.hasSuffix(".sidetal.smal { right: 2mm; font-size: 6.5pt; }\n</style>\n</head>\n<body>\n</body>\n</html>\n"))
    }

    /// The Swift sources under Sources/, by path relative to the checkout.
    static func swiftSources() throws -> [(path: String, text: String)] {
        let sources = TestPackage.root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        return try files.map { url in
            ("Sources" + url.path.dropFirst(sources.path.count), try String(contentsOf: url, encoding: .utf8))
        }.sorted { $0.path < $1.path }
    }

    /// A page writer that writes its own doctype and head has grown a second page shell.
    @Test func onlyTheShellWritesADoctype() throws {
        let writers = try Self.swiftSources().filter { $0.text.contains("<!DOCTYPE html") }.map(\.path)
        #expect(writers == ["Sources/IndstilRender/HTMLPageShell.swift"])
    }

    /// A function that only hands its text on to `MarkupEscaping.escape` is a second escaping
    /// helper: `markupEscaped` and `markupAttributeEscaped` are the ones.
    @Test func noEscapeHelperBesideMarkupEscaping() throws {
        let wrapper = try Regex(#"func \w+\([^)]*\) -> String \{\s*MarkupEscaping\.escape\("#)
        let helpers = try Self.swiftSources().filter { $0.text.contains(wrapper) }.map(\.path)
        #expect(helpers == [])
    }
}
