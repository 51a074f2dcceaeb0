import Foundation

/// What the kind of packet sets in its PDF: the cover, the index and the articles, in order.
protocol PacketPDFPlan {
    /// The document's `<title>` (the PDF's title).
    var title: String { get }
    /// The kind's own structural rules (the cover's bookmark, what starts a page and is a
    /// level-1 bookmark); the rules every packet shares (`PacketPDFDocument.appendixCSS`) follow.
    static var structuralCSS: String { get }
    /// "2 kapitler, 7 bilag": what the progress says is being built.
    var summary: String { get }
    /// Everything inside `<body>`, reserving `attachmentPages[key]` pages after the
    /// placeholder of each PDF attachment (`PacketPDFDocument.placeholder`).
    func body(attachmentPages: [String: Int]) -> String
    /// Whether the packet holds closed material: then every page says so (`ClosedMarking`).
    var isClosed: Bool { get }
}

extension PacketPDFPlan {
    var isClosed: Bool { false }
}

/// The one HTML document WeasyPrint sets for a packet (bundle or agenda). A PDF
/// attachment is a placeholder page followed by blank pages reserved for its pages, so
/// every page number, "side X af Y" and the index already count the attachment's pages;
/// `PDFMerge` swaps the reserved pages for the real ones.
///
/// Bookmarks come from the headings through the structural CSS: only the cover, the
/// kind's level-1 headings and the appendices (level 2) have one, each with a label, so
/// there is never an untitled or "Default Section" bookmark.
enum PacketPDFDocument {
    /// The size of a reserved page, in points: nothing WeasyPrint sets from the house
    /// style has it, so the merge recognises reserved pages by their MediaBox.
    static let reservedPageWidth = 111.0
    static let reservedPageHeight = 222.0

    /// What every packet PDF needs: only the cover and the own headings below are
    /// bookmarks; an appendix (h2 `.bilag-titel`) starts a page, is a level-2 bookmark and
    /// the running header's value; a cover without header; the reserved pages of PDF
    /// attachments, bare.
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

    /// The whole document: `css` (the house style), the plan's structural rules, its body.
    static func html(_ plan: some PacketPDFPlan, attachmentPages: [String: Int], css: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="da">
        <head>
        <meta charset="utf-8">
        <meta name="generator" content="indstil bundle">
        <title>\(plan.title.markupEscaped)</title>
        \(plan.isClosed ? "<meta name=\"description\" content=\"\(ClosedMarking.notice)\">\n" : "")<style>
        \(css + "\n" + type(of: plan).structuralCSS + "\n" + appendixCSS + (plan.isClosed ? "\n" + ClosedMarking.pageCSS : ""))
        </style>
        </head>
        <body>
        \(plan.body(attachmentPages: attachmentPages))</body>
        </html>

        """
    }

    /// An appendix's heading: it starts a page, is its bookmark and its running header.
    /// - Parameter html: the heading's content, escaped.
    static func appendixHeading(anchor: String, _ html: String) -> String {
        "<h2 class=\"bilag-titel\" id=\"\(anchor)\">\(html)</h2>\n"
    }

    /// A Markdown appendix: its heading, then its content (`ProfiledDocumentHTML`).
    static func article(heading: String, _ content: String) -> String {
        "<article class=\"bilag\">\n" + heading + content + "</article>\n\n"
    }

    /// The page that stands for an attachment: for a PDF with `pages` pages, a note
    /// followed by the reserved pages its pages will take; for another file, a note that
    /// it is published beside the PDF (`publishedWith`: "bilagsmaterialet", "dagsordenen").
    static func placeholder(heading: String, source: URL, fileExtension: String, pages: Int?, publishedWith: String) -> String {
        let file = source.lastPathComponent.markupEscaped
        if let pages {
            var out = "<article class=\"bilag vedlagt\">\n" + heading
            out += "<p class=\"vedlagt-note\">Bilaget følger på de næste sider (PDF, \(counted(pages, "side", "sider"))).</p>\n"
            out += "<p class=\"vedlagt-fil\">Fil: \(file)</p>\n</article>\n"
            return out + String(repeating: "<div class=\"reserveret\"></div>\n", count: pages) + "\n"
        }
        return """
        <article class="bilag vedlagt">
        \(heading)<p class="vedlagt-note">Bilaget er en \(fileExtension.uppercased().markupEscaped)-fil og kan ikke sættes ind i PDF'en; det udgives som selvstændig fil sammen med \(publishedWith).</p>
        <p class="vedlagt-fil">Fil: \(file)</p>
        </article>


        """
    }
}
