import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// Where everything of a packet's site goes, decided before a byte is written: its pages
/// in reading order (each with the attachments copied at its turn) and the HTML of each
/// page's main content. `PacketSite` does the writing, the frame and the navigation.
protocol PacketSitePlan {
    /// What a page shows (the index, a chapter, an item, an appendix …).
    associatedtype PageContent

    /// The site's title, its index's label and the body class of every page.
    var frame: SiteFrame { get }
    /// In reading order; the first is `index.html`.
    var pages: [SitePage<PageContent>] { get }
    /// The HTML inside `<main>` of a page.
    func main(_ content: PageContent) -> String
    /// Said when no page or file counts as an appendix ("Bilagsmaterialet har ingen bilag");
    /// nil: nothing is said.
    var noAppendicesNote: String? { get }
}

/// One HTML page of a packet's site.
struct SitePage<Content> {
    let content: Content
    /// "index.html", "kapitel-2.html", "punkt-3-bilag-1.html".
    let file: String
    /// What a link to the page says: "Kapitel 2: Titel", "B2.1 Titel".
    let label: String
    /// The chapter or item the page belongs to, linked from its navigation.
    var parent: SiteFrame.Parent? = nil
    /// "B2.1 Titel" when the page is an appendix that the progress counts.
    var progressLabel: String? = nil
    /// Attachments copied (or stamped) into the site when this page's turn comes.
    var files: [SiteFile] = []
}

/// An attachment as the site publishes it: copied, or stamped when it has a stamp and
/// a PDF (its own or converted).
struct SiteFile {
    let attachment: PacketAttachment
    /// "bilag/B1.3-analyse.pdf", relative to the site.
    let path: String
    /// "B1.3 Titel" when the progress counts it.
    var progressLabel: String? = nil
}
