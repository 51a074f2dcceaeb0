/// One step of building a packet, as `indstil bundle` prints it and the workspace streams
/// it to the page building the packet (server-sent events): what kind of work it is and
/// what it says in Danish.
public struct PacketStep: Sendable, Equatable {
    public enum Stage: String, Sendable {
        /// Word and other office files turned into PDF (LibreOffice).
        case converting
        /// The packet's own pages (index, items, Markdown appendices) laid out as HTML.
        case building
        /// Those pages set as PDF (WeasyPrint).
        case setting
        /// Every page of the PDF appendices stamped with its header and page number.
        case stamping
        /// The stamped appendices merged in, with bookmarks (qpdf).
        case merging
        /// A site's appendices copied and written.
        case writing
        /// Something the user should know that is not a step (a file that cannot be converted).
        case note
    }

    public let stage: Stage
    public let message: String

    public init(_ stage: Stage, _ message: String) {
        self.stage = stage
        self.message = message
    }
}

/// Where a packet build reports its steps.
public typealias PacketProgress = @Sendable (PacketStep) -> Void
