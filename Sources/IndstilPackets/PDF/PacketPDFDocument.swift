import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// The one HTML document WeasyPrint sets for a packet (bundle or agenda). A PDF
/// attachment is a run of reserved pages, one for each of its pages, so every page
/// number, "side X af Y" and the index already count the attachment's pages; the first
/// reserved page carries the attachment's anchor and bookmark, so the index, the link
/// and the bookmark name the page its first page takes. `PDFMerge` swaps the reserved
/// pages for the real ones, stamped first with their header and page number (`PDFStamper`).
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
    /// bookmarks; an appendix (h2 `.bilag-titel`, or the first reserved page of a PDF
    /// attachment, `.bilag-pdf`, named by its `data-titel`) starts a page, is a level-2
    /// bookmark and the running header's value; a cover without header; the reserved
    /// pages of PDF attachments, bare.
    static let appendixCSS = """
    h1, h2, h3, h4, h5, h6 { bookmark-level: none; }
    .forside { page: forside; }
    .bilag { break-before: page; }
    .bilag-titel { bookmark-level: 2; bookmark-label: content(); string-set: bilag content(); }
    .bilag-pdf { bookmark-level: 2; bookmark-label: attr(data-titel); string-set: bilag attr(data-titel); }
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
        html(plan, body: plan.body(attachmentPages: attachmentPages), css: css)
    }

    /// The whole document around `body` (the plan's, or its pieces' joined).
    static func html(_ plan: some PacketPDFPlan, body: String, css: String) -> String {
        PrintTypography.forPrint(shell(plan, css: css).html(body: body))
    }

    /// The document in pieces: a whole document with the same head around each of `bodies`
    /// (`PacketPDFPlan.bodyPieces`); nil for fewer than two.
    static func htmlPieces(_ plan: some PacketPDFPlan, bodies: [PacketBodyPiece], css: String) -> [String]? {
        guard bodies.count >= 2 else { return nil }
        let shell = shell(plan, css: css)
        return bodies.map { PrintTypography.forPrint(shell.html(body: $0.body)) }
    }

    static func shell(_ plan: some PacketPDFPlan, css: String) -> HTMLPageShell {
        var shell = HTMLPageShell()
        shell.viewport = false
        shell.generator = "indstil bundle"
        shell.title = plan.title
        shell.description = plan.isClosed ? ClosedMarking.notice : nil
        shell.style = css + "\n" + type(of: plan).structuralCSS + "\n" + appendixCSS + (plan.isClosed ? "\n" + ClosedMarking.pageCSS : "") + "\n"
        return shell
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

    /// The pages reserved for a PDF attachment of `pages` pages: the first is its anchor
    /// and its bookmark (`bookmark`: "B1.2 Titel", "Punkt 3, Bilag 2: Titel"). They hold no
    /// text, so nothing of the packet's own is lost when the attachment's pages take their place.
    static func reservedPages(anchor: String, bookmark: String, pages: Int) -> String {
        "<div class=\"reserveret bilag-pdf\" id=\"\(anchor)\" data-titel=\"\(bookmark.markupEscaped)\"></div>\n"
            + String(repeating: "<div class=\"reserveret\"></div>\n", count: max(pages - 1, 0)) + "\n"
    }

    /// The page that stands for an attachment that cannot be set in the PDF: its heading
    /// and a note that it is published beside the PDF (`publishedWith`:
    /// "bilagsmaterialet", "dagsordenen").
    static func placeholder(heading: String, source: URL, fileExtension: String, publishedWith: String) -> String {
        let file = source.lastPathComponent.markupEscaped
        return """
        <article class="bilag vedlagt">
        \(heading)<p class="vedlagt-note">Bilaget er en \(fileExtension.uppercased().markupEscaped)-fil og kan ikke sættes ind i PDF'en; det udgives som selvstændig fil sammen med \(publishedWith).</p>
        <p class="vedlagt-fil">Fil: \(file)</p>
        </article>


        """
    }
}
