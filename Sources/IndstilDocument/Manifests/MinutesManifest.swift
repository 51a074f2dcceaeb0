import Foundation
import IndstilSupport

/// A manifest of `type: referat`: the minutes of a meeting whose agenda is the
/// `dagsorden.yml` it names. Item titles, numbers, closed status and the decision points
/// come from the agenda and its indstillinger; the minutes add who attended and what was
/// decided, per item or per decision point.
///
/// ```yaml
/// type: referat
/// dagsorden: dagsorden.yml
/// dato: 2026-09-07                 # when the minutes were written; not before the meeting
/// referent: Ida Eksempel
/// medlemmer: [Rådmand Ole Prøve, Direktør Lis Eksempel, Chef Ib Demo]
/// afbud: [Chef Ib Demo]            # absent from the whole meeting
/// punkter:
///   - punkt: 1
///     udfald: godkendt             # a standard phrase
///   - punkt: 3
///     beslutningspunkter:          # one outcome per decision point of the indstilling
///       1: taget til efterretning
///       2: {udfald: ikke godkendt, begrundelse: "forslaget afventer budgettet"}
///     bemaerkninger: |
///       Forvaltningen orienterede om …
///     fravaerende: [Direktør Lis Eksempel]   # absent for this item only
///   - punkt: 5
///     beslutning: "Rådmanden orienterede om emner fra Magistraten."   # free text
///   - punkt: 6
///     udfald: udgået
/// fraser:                          # replaces a standard phrase
///   godkendt: "Godkendt som indstillet."
/// ```
public struct MinutesManifest: Sendable {
    /// The outcome of one decision point.
    public struct PointOutcome: Sendable {
        public let point: Int
        public let outcome: MinutesOutcome
        /// The minutes' own sentence, when given.
        public let text: String?
        public let reason: String?
        public let line: Int
    }

    public struct Item: Sendable {
        public let number: Int
        public let numberLine: Int
        /// The item's outcome as a whole (`udfald`), when stated.
        public let outcome: MinutesOutcome?
        public let outcomeLine: Int
        /// A free-text decision (`beslutning`).
        public let decision: String?
        public let decisionLine: Int
        public let reason: String?
        public let points: [PointOutcome]
        public let pointsLine: Int
        /// What was said (`bemaerkninger`), shown under the decision.
        public let remarks: String?
        public let absent: [Person]
        public let line: Int

        /// Whether the item has any decision at all (an outcome, a text or points).
        public var hasDecision: Bool {
            (outcome != nil && outcome != .withdrawn) || decision != nil || !points.isEmpty
        }
    }

    /// A name as written, with its line.
    public struct Person: Sendable {
        public let name: String
        public let line: Int
    }

    public let url: URL
    public let agendaPath: String
    public let agendaLine: Int
    public let date: CalendarDate?
    public let dateLine: Int
    public let minuteTaker: String?
    public let members: [Person]
    public let present: [Person]
    public let absent: [Person]
    public let items: [Item]
    public let phrases: [MinutesOutcome: String]
    public let yaml: YAMLValue

    static let rootKeys = ["type", "dagsorden", "dato", "referent", "medlemmer", "deltagere", "afbud", "punkter", "fraser"]
    static let itemKeys = ["punkt", "udfald", "beslutning", "begrundelse", "beslutningspunkter", "bemaerkninger", "fravaerende"]
    static let pointKeys = ["udfald", "tekst", "begrundelse"]

    /// The phrase the minutes print for `outcome` (the manifest's own under `fraser:`, else the standard one).
    public func phrase(_ outcome: MinutesOutcome, noting: String?, reason: String?) -> String {
        if let own = phrases[outcome] {
            guard outcome == .notApproved, let reason, !reason.isEmpty else { return own }
            return "\(own.trimmingTrailingFullStop), da \(reason.trimmingTrailingFullStop)."
        }
        return outcome.standardPhrase(noting: noting, reason: reason)
    }

    package static func parse(_ root: YAMLValue, url: URL) -> Result<MinutesManifest, Diagnostic> {
        func fail(_ line: Int, _ da: String, _ en: String, check: String = "input.invalid") -> Result<MinutesManifest, Diagnostic> {
            .failure(Diagnostic(check: check, severity: .error, message: Message(da: da, en: en), line: line))
        }
        func text(_ value: YAMLValue?) -> String? {
            value?.trimmedString.flatMap { $0.isEmpty ? nil : $0 }
        }
        func people(_ value: YAMLValue?) -> [Person]? {
            guard let value else { return [] }
            if value.isEmpty { return [] }
            let items = value.string != nil ? [value] : value.items
            guard !items.isEmpty else { return nil }
            var found: [Person] = []
            for item in items {
                guard let name = text(item) else { return nil }
                found.append(Person(name: name, line: item.line))
            }
            return found
        }
        func outcome(_ value: YAMLValue, _ what: String, _ whatEN: String) -> Result<MinutesOutcome, Diagnostic> {
            guard let word = value.trimmedString, let outcome = MinutesOutcome(word: word) else {
                return .failure(Diagnostic(check: "metadata.invalid-field", severity: .error, message: Message(
                    da: "»udfald« \(what) skal være et af: \(MinutesOutcome.words) (fik »\(value.trimmedString ?? "")«)",
                    en: "\"udfald\" \(whatEN) must be one of: \(MinutesOutcome.words) (got \"\(value.trimmedString ?? "")\")"), line: value.line))
            }
            return .success(outcome)
        }

        guard case .mapping(let entries) = root.content else {
            return fail(1, "Referatet skal være nøgler med værdier (type, dagsorden, punkter …)", "The minutes must be keys with values (type, dagsorden, punkter …)")
        }
        if let unknown = entries.first(where: { !rootKeys.contains($0.key) }) {
            return fail(unknown.keyLine, "Ukendt nøgle »\(unknown.key)« i referatet (kendte: \(rootKeys.joined(separator: ", ")))",
                        "Unknown key \"\(unknown.key)\" in the minutes (known: \(rootKeys.joined(separator: ", ")))")
        }
        guard let agendaPath = text(root["dagsorden"]) else {
            return fail(1, "Referatet skal have »dagsorden« med stien til mødets dagsorden.yml",
                        "The minutes need \"dagsorden\", the path of the meeting's dagsorden.yml", check: "metadata.missing-field")
        }
        var date: CalendarDate?
        if let dateText = text(root["dato"]) {
            guard let parsed = CalendarDate(iso: dateText) else {
                return fail(root["dato"]!.line, "»dato« skal være en gyldig dato skrevet ÅÅÅÅ-MM-DD (fik »\(dateText)«)",
                            "\"dato\" must be a valid date written YYYY-MM-DD (got \"\(dateText)\")", check: "metadata.invalid-field")
            }
            date = parsed
        }
        var lists: [String: [Person]] = [:]
        for key in ["medlemmer", "deltagere", "afbud"] {
            guard let found = people(root[key]) else {
                return fail(root[key]?.line ?? 1, "»\(key)« skal være en liste af navne", "\"\(key)\" must be a list of names", check: "metadata.invalid-field")
            }
            lists[key] = found
        }
        var phrases: [MinutesOutcome: String] = [:]
        for entry in root["fraser"]?.entries ?? [] {
            guard let kind = MinutesOutcome(word: entry.key), let phrase = text(entry.value) else {
                return fail(entry.keyLine, "Under »fraser« skal hver nøgle være et udfald (\(MinutesOutcome.words)) med en sætning",
                            "Under \"fraser\" every key must be an outcome (\(MinutesOutcome.words)) with a sentence", check: "metadata.invalid-field")
            }
            phrases[kind] = phrase
        }
        guard let itemValues = root["punkter"]?.items, !itemValues.isEmpty else {
            return fail(root.entry("punkter")?.keyLine ?? 1, "Referatet skal have »punkter« med mindst ét punkt",
                        "The minutes need \"punkter\" with at least one item")
        }
        var items: [Item] = []
        for value in itemValues {
            guard case .mapping(let itemEntries) = value.content else {
                return fail(value.line, "Hvert punkt i referatet skal være nøgler med værdier (punkt, udfald, beslutning …)",
                            "Every item of the minutes must be keys with values (punkt, udfald, beslutning …)")
            }
            if let unknown = itemEntries.first(where: { !itemKeys.contains($0.key) }) {
                return fail(unknown.keyLine, "Ukendt nøgle »\(unknown.key)« i et punkt i referatet (kendte: \(itemKeys.joined(separator: ", ")))",
                            "Unknown key \"\(unknown.key)\" in an item of the minutes (known: \(itemKeys.joined(separator: ", ")))")
            }
            guard let numberValue = value["punkt"], let number = numberValue.trimmedString.flatMap({ Int($0) }), number > 0 else {
                return fail(value.line, "Hvert punkt i referatet skal have »punkt« med dagsordenens nummer (fx »punkt: 3«)",
                            "Every item of the minutes needs \"punkt\" with its number on the agenda (e.g. \"punkt: 3\")", check: "metadata.missing-field")
            }
            var itemOutcome: MinutesOutcome?
            if let outcomeValue = value["udfald"] {
                switch outcome(outcomeValue, "i punkt \(number)", "of item \(number)") {
                case .success(let parsed): itemOutcome = parsed
                case .failure(let diagnostic): return .failure(diagnostic)
                }
            }
            var points: [PointOutcome] = []
            if let pointsEntry = value.entry("beslutningspunkter") {
                guard case .mapping(let pointEntries) = pointsEntry.value.content else {
                    return fail(pointsEntry.keyLine, "»beslutningspunkter« i punkt \(number) skal have ét beslutningspunkt pr. linje (»1: godkendt«)",
                                "\"beslutningspunkter\" of item \(number) must have one decision point per line (\"1: godkendt\")")
                }
                for entry in pointEntries {
                    guard let point = Int(entry.key), point > 0 else {
                        return fail(entry.keyLine, "»\(entry.key)« er ikke nummeret på et beslutningspunkt (1, 2, 3 …)",
                                    "\"\(entry.key)\" is not the number of a decision point (1, 2, 3 …)", check: "metadata.invalid-field")
                    }
                    let outcomeValue: YAMLValue
                    if entry.value.string != nil {
                        outcomeValue = entry.value
                    } else if case .mapping(let pointFields) = entry.value.content, let stated = entry.value["udfald"] {
                        if let unknown = pointFields.first(where: { !pointKeys.contains($0.key) }) {
                            return fail(unknown.keyLine, "Ukendt nøgle »\(unknown.key)« i beslutningspunkt \(point) (kendte: \(pointKeys.joined(separator: ", ")))",
                                        "Unknown key \"\(unknown.key)\" in decision point \(point) (known: \(pointKeys.joined(separator: ", ")))")
                        }
                        outcomeValue = stated
                    } else {
                        return fail(entry.keyLine, "Beslutningspunkt \(point) i punkt \(number) skal have et »udfald«",
                                    "Decision point \(point) of item \(number) needs an \"udfald\"", check: "metadata.missing-field")
                    }
                    switch outcome(outcomeValue, "for beslutningspunkt \(point)", "of decision point \(point)") {
                    case .success(let parsed):
                        points.append(PointOutcome(point: point, outcome: parsed, text: text(entry.value["tekst"]),
                                                   reason: text(entry.value["begrundelse"]), line: entry.keyLine))
                    case .failure(let diagnostic): return .failure(diagnostic)
                    }
                }
            }
            guard let absent = people(value["fravaerende"]) else {
                return fail(value["fravaerende"]?.line ?? value.line, "»fravaerende« skal være en liste af navne", "\"fravaerende\" must be a list of names",
                            check: "metadata.invalid-field")
            }
            items.append(Item(
                number: number, numberLine: numberValue.line,
                outcome: itemOutcome, outcomeLine: value["udfald"]?.line ?? value.line,
                decision: text(value["beslutning"]), decisionLine: value["beslutning"]?.line ?? value.line,
                reason: text(value["begrundelse"]), points: points, pointsLine: value.entry("beslutningspunkter")?.keyLine ?? value.line,
                remarks: text(value["bemaerkninger"]), absent: absent, line: value.line))
        }
        return .success(MinutesManifest(
            url: url, agendaPath: agendaPath, agendaLine: root["dagsorden"]?.line ?? 1, date: date, dateLine: root["dato"]?.line ?? 1,
            minuteTaker: text(root["referent"]), members: lists["medlemmer"] ?? [], present: lists["deltagere"] ?? [],
            absent: lists["afbud"] ?? [], items: items, phrases: phrases, yaml: root))
    }
}
