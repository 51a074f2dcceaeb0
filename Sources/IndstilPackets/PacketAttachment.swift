import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// An appendix that is a file, as the layer sees it: what it is called in messages and
/// bookmarks, where it is, and what is stamped on its pages.
struct PacketAttachment {
    /// Unique in the packet (a bundle appendix's id, "p3-b2").
    let key: String
    /// How messages name it: "B1.3", "Punkt 3, Bilag 2".
    let label: String
    /// What its bookmark in the PDF starts with ("B1.3", "Punkt 3, Bilag 2:"): the
    /// merge finds the attachment's bookmark by it.
    let bookmarkLabel: String
    let source: URL
    /// Lowercased, without the dot.
    let fileExtension: String
    /// Stamped on every page of the copy published beside the site ("Punkt 3, Bilag 2:
    /// Sammenfatning"); nil: published as it is.
    let stamp: String?
    /// Stamped at the head of each of its pages in the packet's PDF, above "side X af Y":
    /// "B1.2 Titel", "Punkt 3, Bilag 2: Titel" (and in a closed packet the closed notice).
    let pageHeader: String
}
