import Foundation
import IndstilSupport

/// A meeting's agenda with every item numbered and timed and every appendix numbered
/// per item and loaded: what the packets (site and PDF) are built from.
///
/// An item with an indstilling has it as its Bilag 1, as the exported packets do
/// ("Punkt 3, Bilag 1: Indstilling – …"); the indstilling's own appendices follow as
/// Bilag 2, 3 … and keep their number in the indstilling ("Bilag 1: Sammenfatning" is
/// stamped "Punkt 3, Bilag 2: Sammenfatning"). The manifest's own `bilag` come last.
public struct ResolvedAgenda: Sendable {
    public struct Appendix: Sendable {
        public enum Content: Sendable {
            /// The item's indstilling itself.
            case recommendation(AnalyzedDocument)
            /// A Markdown appendix with a profile (checked against it).
            case document(AnalyzedDocument)
            /// A Markdown appendix without a profile: a notat, shown as written.
            case notat(MarkdownNode)
            /// A PDF, DOCX, XLSX … included as it is (PDF pages stamped).
            case attachment(fileExtension: String)
            /// What changed in the item's indstilling since the agenda was sent on `since`
            /// (`indstil bundle --redline`): made by indstil, not read from a file.
            case redline(DocumentDiff, since: CalendarDate)
        }

        /// The item's number.
        public let item: Int
        /// Its number within the item, from 1.
        public let number: Int
        public let title: String
        /// What a packet that names it as closed prints instead of a title read from the file
        /// itself (a title a bilag list gives is the list's, and is kept).
        public let publicTitle: String
        /// Its number in the indstilling's own bilag list, when it comes from there.
        public let documentNumber: Int?
        public let isClosed: Bool
        public let source: URL
        public let content: Content

        /// The title of a closed appendix whose title only the file itself gives.
        package static let closedTitle = "Lukket bilag"

        /// The same appendix, closed or not as the publication gate decided.
        package func closed(_ closed: Bool) -> Appendix {
            Appendix(item: item, number: number, title: title, publicTitle: publicTitle, documentNumber: documentNumber,
                     isClosed: closed, source: source, content: content)
        }

        /// "Punkt 3, Bilag 2": the packet's number, on every page.
        public var label: String { "Punkt \(item), Bilag \(number)" }
        /// "Punkt 3, Bilag 2: Sammenfatning".
        public var stamp: String { "\(label): \(title)" }
        /// A stable key within the agenda.
        public var key: String { "p\(item)-b\(number)" }

        package init(item: Int, number: Int, title: String, publicTitle: String, documentNumber: Int?, isClosed: Bool, source: URL, content: Content) {
            self.item = item
            self.number = number
            self.title = title
            self.publicTitle = publicTitle
            self.documentNumber = documentNumber
            self.isClosed = isClosed
            self.source = source
            self.content = content
        }
    }

    public struct Item: Sendable {
        public let number: Int
        public let title: String
        /// What the public packet says instead of the title of a closed item.
        public let publicTitle: String
        public let minutes: Int?
        /// The item's time on the agenda; nil for an item without minutes.
        public let slot: ClockSlot?
        public let isClosed: Bool
        public let closedReason: String?
        public let recommendation: AnalyzedDocument?
        public let appendices: [Appendix]
        /// The agenda was sent with this item, and its files have changed since: the
        /// packets mark it "Ændret efter udsendelse".
        public let isChangedAfterSending: Bool
        /// The item came after the agenda was sent: it belongs on the supplementary agenda.
        public let isLate: Bool

        /// "Punkt 3: Titel".
        public var label: String { "Punkt \(number): \(title)" }
        /// The files the item's material is made of: its indstilling, then its appendices
        /// (what `udsendt_version` is the fingerprint of).
        public var files: [URL] { appendices.map(\.source) }

        package init(number: Int, title: String, publicTitle: String, minutes: Int?, slot: ClockSlot?, isClosed: Bool, closedReason: String?, recommendation: AnalyzedDocument?, appendices: [Appendix],
                     isChangedAfterSending: Bool = false, isLate: Bool = false) {
            self.isChangedAfterSending = isChangedAfterSending
            self.isLate = isLate
            self.number = number
            self.title = title
            self.publicTitle = publicTitle
            self.minutes = minutes
            self.slot = slot
            self.isClosed = isClosed
            self.closedReason = closedReason
            self.recommendation = recommendation
            self.appendices = appendices
        }
    }

    /// The agenda as first sent, or the supplementary agenda of the items that came later.
    public enum Part: Sendable {
        case agenda
        case supplement
    }

    public let manifest: AgendaManifest
    public let items: [Item]
    public let part: Part
    /// Files the publication gate found closed although an open item lists them as open
    /// (`publication.closed-file`): while there is one, no public packet is written.
    public package(set) var withheld: [URL] = []

    public var appendices: [Appendix] { items.flatMap(\.appendices) }
    public var hasClosedContent: Bool { items.contains { $0.isClosed || $0.appendices.contains(where: \.isClosed) } }

    /// Minutes the items take, and the meeting's slot.
    public var plannedMinutes: Int { items.compactMap(\.slot?.minutes).reduce(0, +) }
    public var meetingMinutes: Int { manifest.end.minutes - manifest.start.minutes }

    /// The same agenda with `extra` appendices added to their items (after the item's own).
    package func adding(_ extra: [Appendix]) -> ResolvedAgenda {
        let items = self.items.map { item in
            Item(number: item.number, title: item.title, publicTitle: item.publicTitle, minutes: item.minutes, slot: item.slot,
                 isClosed: item.isClosed, closedReason: item.closedReason, recommendation: item.recommendation,
                 appendices: item.appendices + extra.filter { $0.item == item.number },
                 isChangedAfterSending: item.isChangedAfterSending, isLate: item.isLate)
        }
        return ResolvedAgenda(manifest: manifest, items: items, part: part, withheld: withheld)
    }

    package init(manifest: AgendaManifest, items: [Item], part: Part = .agenda, withheld: [URL] = []) {
        self.manifest = manifest
        self.items = items
        self.part = part
        self.withheld = withheld
    }

    /// The agenda split into what was sent and what came later: the agenda of the items
    /// sent with it (all of them until it is sent) and, when items came after sending, the
    /// supplementary agenda of those. Items keep their numbers; empty parts are left out.
    public var parts: [ResolvedAgenda] {
        guard items.contains(where: \.isLate) else { return [self] }
        return [
            ResolvedAgenda(manifest: manifest, items: items.filter { !$0.isLate }, part: .agenda, withheld: withheld),
            ResolvedAgenda(manifest: manifest, items: items.filter(\.isLate), part: .supplement, withheld: withheld),
        ].filter { !$0.items.isEmpty }
    }
}

/// One of the two packets an agenda gives: the public one, which holds nothing closed,
/// and the closed one for the members, which holds everything.
public struct AgendaPacket: Sendable {
    public enum Audience: String, Sendable {
        /// Published: closed items and closed appendices are named as closed, never shown.
        case offentlig
        /// For the members: every item and appendix.
        case lukket
    }

    public let agenda: ResolvedAgenda
    public let audience: Audience

    public init(agenda: ResolvedAgenda, audience: Audience) {
        self.agenda = agenda
        self.audience = audience
    }

    public func shows(_ item: ResolvedAgenda.Item) -> Bool { audience == .lukket || !item.isClosed }
    public func shows(_ appendix: ResolvedAgenda.Appendix) -> Bool { audience == .lukket || !appendix.isClosed }

    /// The item's title as this packet may print it.
    public func title(of item: ResolvedAgenda.Item) -> String { shows(item) ? item.title : item.publicTitle }

    /// Appendices of shown items that this packet includes, in order.
    public var includedAppendices: [ResolvedAgenda.Appendix] {
        agenda.items.filter(shows).flatMap { $0.appendices.filter(shows) }
    }

    /// "Dagsorden", "Lukket dagsorden", "Tillægsdagsorden" or "Lukket tillægsdagsorden".
    public var label: String {
        switch (agenda.part, audience) {
        case (.agenda, .offentlig): "Dagsorden"
        case (.agenda, .lukket): "Lukket dagsorden"
        case (.supplement, .offentlig): "Tillægsdagsorden"
        case (.supplement, .lukket): "Lukket tillægsdagsorden"
        }
    }

    /// What is added to the output's name: "" for the public agenda, "-lukket",
    /// "-tillaeg" and "-tillaeg-lukket" for the others.
    public var nameSuffix: String {
        (agenda.part == .supplement ? "-tillaeg" : "") + (audience == .lukket ? "-lukket" : "")
    }

    /// Every packet the agenda gives, in order: for the agenda and then for the
    /// supplementary agenda, the public packet and, when the part holds anything closed,
    /// the closed one.
    public static func all(of agenda: ResolvedAgenda) -> [AgendaPacket] {
        agenda.parts.flatMap { part in
            [AgendaPacket(agenda: part, audience: .offentlig)] + (part.hasClosedContent ? [AgendaPacket(agenda: part, audience: .lukket)] : [])
        }
    }

    /// The closed packet of an agenda with closed content: marked closed on every page.
    package var isClosedPacket: Bool { audience == .lukket && agenda.hasClosedContent }
}
