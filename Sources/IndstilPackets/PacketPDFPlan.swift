import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// What the kind of packet sets in its PDF: the cover, the index and the articles, in order.
protocol PacketPDFPlan {
    /// The document's `<title>` (the PDF's title).
    var title: String { get }
    /// The kind's own structural rules (the cover's bookmark, what starts a page and is a
    /// level-1 bookmark); the rules every packet shares (`PacketPDFDocument.appendixCSS`) follow.
    static var structuralCSS: String { get }
    /// "2 kapitler, 7 bilag": what the progress says is being built.
    var summary: String { get }
    /// Everything inside `<body>`, reserving `attachmentPages[key]` pages for each PDF
    /// attachment (`PacketPDFDocument.reservedPages`).
    func body(attachmentPages: [String: Int]) -> String
    /// Whether the packet holds closed material: then every page says so (`ClosedMarking`).
    var isClosed: Bool { get }
    /// The body in up to `count` runs, each starting where a page break is forced anyway, to be
    /// set at the same time (`WeasyPrint.setInPieces`); nil when the kind is not cut so.
    func bodyPieces(attachmentPages: [String: Int], count: Int) -> [PacketBodyPiece]?
}

/// A run of a packet's body set on its own (`PacketPDFPlan.bodyPieces`).
struct PacketBodyPiece: Equatable {
    let body: String
    /// How many of the piece's first top-level bookmarks belong under the last top-level
    /// bookmark of the pieces before it: the appendices of a chapter an earlier piece began.
    var nestedBookmarks = 0
}

extension PacketPDFPlan {
    var isClosed: Bool { false }
    func bodyPieces(attachmentPages: [String: Int], count: Int) -> [PacketBodyPiece]? { nil }
}
