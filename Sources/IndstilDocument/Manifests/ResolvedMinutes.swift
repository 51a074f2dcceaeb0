import Foundation
import IndstilSupport

/// A meeting's minutes with every agenda item and what was decided about it: what the
/// minutes packets (site and PDF) and the decision register are built from. Titles,
/// numbers, closed status and decision points come from the agenda.
public struct ResolvedMinutes: Sendable {
    /// One decision point of an item's indstilling and its outcome.
    public struct Decision: Sendable {
        public let number: Int
        /// The decision point as the indstilling proposed it ("at rådmanden …").
        public let proposal: String
        public let outcome: MinutesOutcome?
        /// The sentence the minutes print ("Taget til orientering.").
        public let text: String?
    }

    public struct Item: Sendable {
        public let agendaItem: ResolvedAgenda.Item
        /// The item's outcome as a whole; nil when decided per point or by free text only.
        public let outcome: MinutesOutcome?
        /// The item's decision as printed: free text, or the phrase of its outcome.
        public let decisionText: String?
        public let decisions: [Decision]
        public let remarks: String?
        public let absent: [String]

        public var number: Int { agendaItem.number }
        public var isClosed: Bool { agendaItem.isClosed }
        public var isWithdrawn: Bool { outcome == .withdrawn }

        /// What the indstilling promises to follow up with (its "Videre proces").
        public var followUp: String? {
            guard let analyzed = agendaItem.recommendation,
                  let section = analyzed.sections.first(where: { $0.spec?.id.hasPrefix("videre") == true }) else { return nil }
            let text = section.section.visibleText
            return text.isEmpty || text == "-" || text == "–" ? nil : text
        }
    }

    public let manifest: MinutesManifest
    public let agenda: ResolvedAgenda
    public let items: [Item]
    /// Every file the minutes are made from: their manifest and the agenda's files.
    public var inputFiles: [URL] { [manifest.url] + agenda.inputFiles }

    public var hasClosedContent: Bool { items.contains(where: \.isClosed) }

    /// Builds the items from the agenda and the minutes' entries (an entry for a number
    /// the agenda does not have is left to the checks).
    package init(manifest: MinutesManifest, agenda: ResolvedAgenda) {
        self.manifest = manifest
        self.agenda = agenda
        items = agenda.items.map { agendaItem in
            let entry = manifest.items.first { $0.number == agendaItem.number }
            let points = agendaItem.recommendation?.decisionPoints ?? []
            let decisions = points.enumerated().map { index, point -> Decision in
                let number = index + 1
                let noting = Self.notingPhrase(in: point.text)
                if let stated = entry?.points.first(where: { $0.point == number }) {
                    return Decision(number: number, proposal: point.text, outcome: stated.outcome,
                                    text: stated.text ?? manifest.phrase(stated.outcome, noting: noting, reason: stated.reason))
                }
                if let whole = entry?.outcome, whole != .withdrawn {
                    return Decision(number: number, proposal: point.text, outcome: whole, text: nil)
                }
                return Decision(number: number, proposal: point.text, outcome: nil, text: nil)
            }
            var decisionText = entry?.decision
            if decisionText == nil, let whole = entry?.outcome {
                let noting = points.lazy.compactMap { Self.notingPhrase(in: $0.text) }.first
                decisionText = manifest.phrase(whole, noting: noting, reason: entry?.reason)
            }
            return Item(agendaItem: agendaItem, outcome: entry?.outcome, decisionText: decisionText, decisions: decisions,
                        remarks: entry?.remarks, absent: entry?.absent.map(\.name) ?? [])
        }
    }

    /// The phrases for taking something in that a profile keeps apart.
    public static let notingPhrases = ["til efterretning", "til orientering"]

    /// "til orientering" when `text` says so.
    package static func notingPhrase(in text: String) -> String? {
        let lowered = text.lowercased()
        return notingPhrases.first { lowered.contains($0) }
    }
}

/// One of the two packets minutes give: the public one, in which a closed item says only
/// that it was treated, and the closed one for the members, which holds every decision.
public struct MinutesPacket: Sendable {
    public let minutes: ResolvedMinutes
    public let audience: AgendaPacket.Audience

    public init(minutes: ResolvedMinutes, audience: AgendaPacket.Audience) {
        self.minutes = minutes
        self.audience = audience
    }

    public func shows(_ item: ResolvedMinutes.Item) -> Bool { audience == .lukket || !item.isClosed }

    public func title(of item: ResolvedMinutes.Item) -> String {
        shows(item) ? item.agendaItem.title : item.agendaItem.publicTitle
    }

    /// "Referat" or "Lukket referat".
    public var label: String { audience == .lukket ? "Lukket referat" : "Referat" }

    /// The closed minutes of a meeting with closed items: marked closed on every page.
    package var isClosedPacket: Bool { audience == .lukket && minutes.hasClosedContent }

    /// "Referat: Rådmandsmøde …, 4. september 2026".
    package var documentTitle: String {
        "\(label): \(minutes.agenda.manifest.committee), \(DanishFormat.date(minutes.agenda.manifest.date))"
    }
}
