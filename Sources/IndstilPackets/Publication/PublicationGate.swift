import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// The one gate between a packet's files and its public outputs.
///
/// Every file a packet names (an item's indstilling, each appendix of any kind, a bundle's
/// appendices and chapter introductions) is closed when *anything* says so: the listing
/// (`status: lukket` on the item or on the appendix), the file itself (`ClosedEvidence.own`:
/// front matter, Word properties, the closed marking, its name), or another listing of the
/// same file in the packet (a closed item's indstilling listed again as an appendix of an
/// open item). The stricter reading always wins.
///
/// The assemblers ask the gate once per listing and build the packet from its answer: a
/// file the gate finds closed is closed in the resolved packet, so the public writers, which
/// take only what is not closed (`AgendaPacket.shows`, `MinutesPacket.shows`), never see it,
/// whatever the severity settings say. Where the listing called the file open, the
/// mismatch is the error `publication.closed-file` (`PublicationClosedFileCheck`), and no
/// packet is written until the listing says what the file says.
struct PublicationGate {
    /// A place the packet names a file, and whether that naming makes it closed.
    struct Listing {
        let url: URL
        /// The file holding the listing, as shown, and the listing's line.
        let path: String
        let line: Int
        let isClosed: Bool
    }

    /// The first closed listing of each file, by its real path.
    private var closedListings: [String: Listing] = [:]

    init(_ listings: [Listing]) {
        for listing in listings where listing.isClosed {
            let key = Self.key(listing.url)
            if closedListings[key] == nil { closedListings[key] = listing }
        }
    }

    /// Why the file of `listing` is closed beyond what the listing itself says: its own
    /// evidence, else another closed listing of the same file. nil: the file may be public.
    func evidence(for listing: Listing, own: ClosedEvidence?) -> ClosedEvidence? {
        if let own { return own }
        if let other = closedListings[Self.key(listing.url)], other.path != listing.path || other.line != listing.line {
            return .closedElsewhere(path: other.path, line: other.line)
        }
        return nil
    }

    /// The same file whatever the path that names it (`./a/../b.md`, a symbolic link).
    static func key(_ url: URL) -> String {
        url.standardizedFileURL.resolvingSymlinksInPath().path
    }
}
