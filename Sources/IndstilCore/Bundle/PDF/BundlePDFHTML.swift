import Foundation

/// The one HTML document WeasyPrint sets for a whole bundle: a cover, the
/// bilagsfortegnelse with page numbers, then every chapter (h1) followed by its
/// appendices (h2). A PDF attachment is a placeholder page followed by blank pages
/// reserved for its pages, so every page number, "side X af Y" and the index already
/// count the attachment's pages; the merge swaps the reserved pages for the real ones.
///
/// Bookmarks come from the headings through the CSS in `structuralCSS`: only the
/// cover, the index, chapters (level 1) and appendices (level 2) have one, each with
/// a label, so there is never an untitled or "Default Section" bookmark.
struct BundlePDFHTML {
    let bundle: ResolvedBundle
    /// Pages of each PDF attachment, by appendix id.
    let attachmentPages: [String: Int]
    let anchors: BundlePDFAnchors

    init(bundle: ResolvedBundle, attachmentPages: [String: Int]) {
        self.bundle = bundle
        self.attachmentPages = attachmentPages
        self.anchors = BundlePDFAnchors(bundle)
    }

    /// The size of a reserved page, in points: nothing WeasyPrint sets from the house
    /// style has it, so the merge recognises reserved pages by their MediaBox.
    static let reservedPageWidth = 111.0
    static let reservedPageHeight = 222.0

    /// What the PDF needs whatever the house style says: bookmarks, the running
    /// header's value, page breaks and the reserved pages.
    static let structuralCSS = """
    .forside-titel { bookmark-level: 1; bookmark-label: "Forside"; string-set: bundletitel content(); }
    .fortegnelse { break-before: page; }
    .fortegnelse-titel { bookmark-level: 1; bookmark-label: "Bilagsfortegnelse"; string-set: bilag "Bilagsfortegnelse"; }
    .kapitel { break-before: page; }
    .kapitel-titel { bookmark-level: 1; bookmark-label: content(); string-set: bilag content(); }
    @page forside {
      @bottom-left { content: none; } @bottom-center { content: none; } @bottom-right { content: none; }
    }
    \(appendixCSS)
    """

    /// What every packet PDF (bundle or agenda) needs: only the cover and the own
    /// headings below are bookmarks; an appendix (h2 `.bilag-titel`) starts a page, is a
    /// level-2 bookmark and the running header's value; a cover without header; the
    /// reserved pages of PDF attachments, bare.
    static let appendixCSS = """
    h1, h2, h3, h4, h5, h6 { bookmark-level: none; }
    .forside { page: forside; }
    .bilag { break-before: page; }
    .bilag-titel { bookmark-level: 2; bookmark-label: content(); string-set: bilag content(); }
    .vedlagt { break-inside: avoid; }
    .reserveret { page: reserveret; break-before: page; margin: 0; padding: 0; border: 0; }
    @page forside {
      @top-left { content: none; } @top-center { content: none; } @top-right { content: none; }
    }
    @page reserveret {
      size: \(Int(reservedPageWidth))pt \(Int(reservedPageHeight))pt; margin: 0;
      @top-left { content: none; } @top-center { content: none; } @top-right { content: none; }
      @bottom-left { content: none; } @bottom-center { content: none; } @bottom-right { content: none; }
    }
    """

    /// The start of a packet's one HTML document (bundle or agenda), up to `<body>`.
    static func documentStart(title: String, css: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="da">
        <head>
        <meta charset="utf-8">
        <meta name="generator" content="indstil bundle">
        <title>\(HTMLFragments.escape(title))</title>
        <style>
        \(css)
        </style>
        </head>
        <body>

        """
    }

    func html(css: String) -> String {
        var out = Self.documentStart(title: bundle.title, css: css + "\n" + Self.structuralCSS)
        out += cover()
        out += index()
        for chapter in bundle.chapters {
            out += self.chapter(chapter)
            for appendix in chapter.appendices {
                out += self.appendix(appendix)
            }
        }
        out += "</body>\n</html>\n"
        return out
    }

    private func e(_ text: String) -> String { HTMLFragments.escape(text) }

    static func count(_ n: Int, _ singular: String, _ plural: String) -> String {
        "\(n) \(n == 1 ? singular : plural)"
    }

    func cover() -> String {
        let scope = Self.count(bundle.chapters.count, "kapitel", "kapitler") + " · " + Self.count(bundle.appendices.count, "bilag", "bilag")
        return """
        <section class="forside">
        <p class="forside-etiket">Bilagsmateriale</p>
        <h1 class="forside-titel">\(e(bundle.title))</h1>
        <p class="forside-omfang">\(e(scope))</p>
        </section>

        """
    }

    func index() -> String {
        var out = "<nav class=\"fortegnelse\" aria-label=\"Bilagsfortegnelse\">\n<h1 class=\"fortegnelse-titel\">Bilagsfortegnelse</h1>\n<ol class=\"fortegnelse-kapitler\">\n"
        for chapter in bundle.chapters {
            out += "<li><a class=\"fortegnelse-kapitel\" href=\"#\(BundlePDFAnchors.chapter(chapter.number))\">Kapitel \(chapter.number): \(e(chapter.title))</a>"
            if !chapter.appendices.isEmpty {
                out += "\n<ol class=\"fortegnelse-bilag\">\n"
                for appendix in chapter.appendices {
                    out += "<li>\(appendixLink(appendix))</li>\n"
                }
                out += "</ol>\n"
            }
            out += "</li>\n"
        }
        out += "</ol>\n</nav>\n\n"
        return out
    }

    /// "B2.1 Titel", marked with the file type when the appendix is not Markdown.
    func appendixLink(_ appendix: ResolvedBundle.Appendix) -> String {
        let anchor = anchors.appendix(appendix.id) ?? BundlePDFAnchors.slug(appendix.number)
        var type = ""
        if case .attachment(let fileExtension) = appendix.content {
            type = " <span class=\"filtype\">(\(e(fileExtension.uppercased())))</span>"
        }
        return "<a href=\"#\(anchor)\"><span class=\"nr\">\(e(appendix.number))</span> \(e(appendix.title))\(type)</a>"
    }

    func chapter(_ chapter: ResolvedBundle.Chapter) -> String {
        var out = "<section class=\"kapitel\">\n"
        out += "<h1 class=\"kapitel-titel\" id=\"\(BundlePDFAnchors.chapter(chapter.number))\"><span class=\"nr\">Kapitel \(chapter.number):</span> \(e(chapter.title))</h1>\n"
        if let intro = chapter.intro {
            // The intro's "#" headings sit under the chapter's h1: one level up from a document's.
            let blocks = RenderModelBuilder.withoutSkippedHeadingLevels(intro.children.compactMap(RenderModelBuilder.block))
            let links = BundlePDFLinks(bundle: bundle, anchors: anchors, headingShift: -1)
            out += "<div class=\"intro\">\n\(HTMLFragments.blocks(links.blocks(blocks)))\n</div>\n"
        }
        if !chapter.appendices.isEmpty {
            out += "<h2 class=\"kapitel-bilag-titel\">Bilag i kapitlet</h2>\n<ul class=\"kapitel-bilag\">\n"
            for appendix in chapter.appendices {
                out += "<li>\(appendixLink(appendix))</li>\n"
            }
            out += "</ul>\n"
        }
        out += "</section>\n\n"
        return out
    }

    func appendix(_ appendix: ResolvedBundle.Appendix) -> String {
        let anchor = anchors.appendix(appendix.id) ?? BundlePDFAnchors.slug(appendix.number)
        let heading = "<h2 class=\"bilag-titel\" id=\"\(anchor)\"><span class=\"nr\">\(e(appendix.number))</span> \(e(appendix.title))</h2>\n"
        switch appendix.content {
        case .markdown(let analyzed):
            let model = RenderModelBuilder.build(analyzed)
            var local: [String: String] = [:]
            for section in model.sections { local["#" + section.anchor] = "#\(anchor)-\(section.anchor)" }
            // Section headings are h3 here, so a document's "##" (h3 alone) becomes h4.
            let links = BundlePDFLinks(bundle: bundle, anchors: anchors, localAnchors: local, headingShift: 1)
            var out = "<article class=\"bilag\">\n" + heading
            if !model.headerLines.isEmpty {
                out += "<ul class=\"bilag-meta\">\n" + model.headerLines.map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n"
            }
            for section in model.sections {
                let number = section.number.map { "<span class=\"nr\">\(e($0))</span> " } ?? ""
                out += "<section class=\"afsnit\" id=\"\(anchor)-\(section.anchor)\">\n<h3>\(number)\(e(section.heading))</h3>\n"
                out += HTMLFragments.blocks(links.blocks(section.blocks)) + "\n</section>\n"
            }
            if let signature = model.signature, !signature.isEmpty {
                out += "<p class=\"underskrift\">\(e(signature))</p>\n"
            }
            if !model.appendices.isEmpty {
                out += "<section class=\"egne-bilag\">\n<h3>Bilag</h3>\n<ul>\n"
                out += model.appendices.map { "<li>Bilag \($0.number): \(e($0.title))</li>\n" }.joined()
                out += "</ul>\n</section>\n"
            }
            return out + "</article>\n\n"
        case .attachment(let fileExtension):
            let file = e(appendix.source.lastPathComponent)
            if let pages = attachmentPages[appendix.id] {
                var out = "<article class=\"bilag vedlagt\">\n" + heading
                out += "<p class=\"vedlagt-note\">Bilaget følger på de næste sider (PDF, \(Self.count(pages, "side", "sider"))).</p>\n"
                out += "<p class=\"vedlagt-fil\">Fil: \(file)</p>\n</article>\n"
                out += String(repeating: "<div class=\"reserveret\"></div>\n", count: pages)
                return out + "\n"
            }
            return """
            <article class="bilag vedlagt">
            \(heading)<p class="vedlagt-note">Bilaget er en \(e(fileExtension.uppercased()))-fil og kan ikke sættes ind i PDF'en; det udgives som selvstændig fil sammen med bilagsmaterialet.</p>
            <p class="vedlagt-fil">Fil: \(file)</p>
            </article>


            """
        }
    }
}
