import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// The body of a bundle's PDF: a cover, the bilagsfortegnelse with page numbers
/// (clickable), then every chapter (h1) followed by its appendices (h2), each appendix
/// on a new page under a running header with its number and title. Bookmarks: Forside,
/// Bilagsfortegnelse, each chapter, and under it each appendix as "B2.1 Titel".
struct BundlePDFPlan: PacketPDFPlan {
    /// The cover, the bilagsfortegnelse and each chapter start a page and are level-1
    /// bookmarks; the cover has no page number either.
    static let structuralCSS = """
    .forside-titel { bookmark-level: 1; bookmark-label: "Forside"; string-set: bundletitel content(); }
    .fortegnelse { break-before: page; }
    .fortegnelse-titel { bookmark-level: 1; bookmark-label: "Bilagsfortegnelse"; string-set: bilag "Bilagsfortegnelse"; }
    .kapitel { break-before: page; }
    .kapitel-titel { bookmark-level: 1; bookmark-label: content(); string-set: bilag content(); }
    @page forside {
      @bottom-left { content: none; } @bottom-center { content: none; } @bottom-right { content: none; }
    }
    """

    let bundle: ResolvedBundle
    let anchors: BundlePDFAnchors

    init(_ bundle: ResolvedBundle) {
        self.bundle = bundle
        self.anchors = BundlePDFAnchors(bundle)
    }

    var title: String { bundle.title }
    /// "2 kapitler, 7 bilag"; the cover says it with a "·".
    var summary: String { scope(separator: ", ") }

    func scope(separator: String) -> String {
        counted(bundle.chapters.count, "kapitel", "kapitler") + separator + counted(bundle.appendices.count, "bilag", "bilag")
    }

    func body(attachmentPages: [String: Int]) -> String {
        var out = cover() + index()
        for chapter in bundle.chapters {
            out += self.chapter(chapter)
            for appendix in chapter.appendices {
                out += self.appendix(appendix, attachmentPages: attachmentPages)
            }
        }
        return out
    }

    /// Runs of chapters and appendices (each starts a page) of about the same size, the first
    /// with the cover and the bilagsfortegnelse; nil when there is only one such part. A run that
    /// begins inside a chapter has its first appendices' bookmarks hung under that chapter's.
    func bodyPieces(attachmentPages: [String: Int], count: Int) -> [PacketBodyPiece]? {
        guard count >= 2 else { return nil }
        var parts: [(html: String, isAppendix: Bool)] = []
        for chapter in bundle.chapters {
            parts.append((self.chapter(chapter), false))
            for appendix in chapter.appendices { parts.append((self.appendix(appendix, attachmentPages: attachmentPages), true)) }
        }
        guard parts.count >= 2 else { return nil }
        parts[0].html = cover() + index() + parts[0].html
        let runs = PacketPieces.runs(parts.map(\.html.utf8.count), count: count)
        guard runs.count >= 2 else { return nil }
        return runs.map { run in
            PacketBodyPiece(body: parts[run].map(\.html).joined(), nestedBookmarks: parts[run].prefix { $0.isAppendix }.count)
        }
    }

    /// Label, title and scope; the manifest's municipality, committee and date under the
    /// title, its reading guide at the foot of the page.
    func cover() -> String {
        let cover = bundle.manifest.cover
        var out = """
        <section class="forside">
        <p class="forside-etiket">Bilagsmateriale</p>
        <h1 class="forside-titel">\(bundle.title.markupEscaped)</h1>
        <p class="forside-omfang">\(scope(separator: " · ").markupEscaped)</p>

        """
        out += cover.html()
        return out + "</section>\n\n"
    }

    func index() -> String {
        var out = "<nav class=\"fortegnelse\" aria-label=\"Bilagsfortegnelse\">\n<h1 class=\"fortegnelse-titel\">Bilagsfortegnelse</h1>\n<ol class=\"fortegnelse-kapitler\">\n"
        for chapter in bundle.chapters {
            out += "<li><a class=\"fortegnelse-kapitel\" href=\"#\(BundlePDFAnchors.chapter(chapter.number))\">Kapitel \(chapter.number): \(chapter.title.markupEscaped)</a>"
            if !chapter.appendices.isEmpty {
                out += "\n<ol class=\"fortegnelse-bilag\">\n\(appendixItems(chapter))</ol>\n"
            }
            out += "</li>\n"
        }
        out += "</ol>\n</nav>\n\n"
        return out
    }

    /// A list item per appendix of the chapter, each linking it.
    func appendixItems(_ chapter: ResolvedBundle.Chapter) -> String {
        chapter.appendices.map { "<li>\(appendixLink($0))</li>\n" }.joined()
    }

    /// "B2.1 Titel", marked with the file type when the appendix is not Markdown.
    func appendixLink(_ appendix: ResolvedBundle.Appendix) -> String {
        var type = ""
        if case .attachment(let fileExtension) = appendix.content {
            type = " <span class=\"filtype\">(\(fileExtension.uppercased().markupEscaped))</span>"
        }
        return "<a href=\"#\(anchors.appendix(appendix))\">\(numberAndTitle(appendix))\(type)</a>"
    }

    func numberAndTitle(_ appendix: ResolvedBundle.Appendix) -> String {
        "<span class=\"nr\">\(appendix.number.markupEscaped)</span> \(appendix.title.markupEscaped)"
    }

    func chapter(_ chapter: ResolvedBundle.Chapter) -> String {
        var out = "<section class=\"kapitel\">\n"
        out += "<h1 class=\"kapitel-titel\" id=\"\(BundlePDFAnchors.chapter(chapter.number))\"><span class=\"nr\">Kapitel \(chapter.number):</span> \(chapter.title.markupEscaped)</h1>\n"
        if let intro = chapter.intro {
            // The intro's "#" headings sit under the chapter's h1: one level up from a document's.
            // A first heading that only repeats "Kapitel N" or the title is said by the h1 already.
            var nodes = intro.children
            if let first = nodes.first, case .heading = first.kind, BundleSitePlan.repeatsChapter(first.plainText, chapter) {
                nodes.removeFirst()
            }
            let blocks = RenderModelBuilder.withoutSkippedHeadingLevels(nodes.compactMap(RenderModelBuilder.block))
            let links = BundlePDFLinks(bundle: bundle, anchors: anchors, headingShift: -1)
            out += "<div class=\"intro\">\n\(HTMLFragments.blocks(links.blocks(blocks)))\n</div>\n"
        }
        if !chapter.appendices.isEmpty {
            out += "<h2 class=\"kapitel-bilag-titel\">Bilag i kapitlet</h2>\n<ul class=\"kapitel-bilag\">\n\(appendixItems(chapter))</ul>\n"
        }
        out += "</section>\n\n"
        return out
    }

    func appendix(_ appendix: ResolvedBundle.Appendix, attachmentPages: [String: Int]) -> String {
        let anchor = anchors.appendix(appendix)
        let heading = PacketPDFDocument.appendixHeading(anchor: anchor, numberAndTitle(appendix))
        switch appendix.content {
        case .markdown(let analyzed):
            var local: [String: String] = [:]
            for section in RenderModelBuilder.build(analyzed).sections { local["#" + section.anchor] = "#\(anchor)-\(section.anchor)" }
            // Section headings are h3 here, so a document's "##" (h3 alone) becomes h4.
            let links = BundlePDFLinks(bundle: bundle, anchors: anchors, localAnchors: local, headingShift: 1)
            let document = ProfiledDocumentHTML(fields: .headerLines, sections: .plain(level: 3, idPrefix: anchor + "-"),
                                                ownAppendices: .init(heading: "Bilag", labelled: false),
                                                blocks: { HTMLFragments.blocks(links.blocks($0)) })
            return PacketPDFDocument.article(heading: heading, document.parts(analyzed).map { $0 + "\n" }.joined())
        case .attachment(let fileExtension):
            if let pages = attachmentPages[appendix.id] {
                return PacketPDFDocument.reservedPages(anchor: anchor, bookmark: "\(appendix.number) \(appendix.title)", pages: pages)
            }
            return PacketPDFDocument.placeholder(heading: heading, source: appendix.source, fileExtension: fileExtension,
                                                 publishedWith: "bilagsmaterialet")
        }
    }
}
