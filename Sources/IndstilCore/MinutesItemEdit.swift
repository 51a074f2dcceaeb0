import Foundation
import IndstilSupport
import IndstilDocument

/// What the workspace's minutes form writes for one agenda item in `referat.yml`: the
/// outcome of each decision point (or of the item as a whole when it has none), the
/// minutes' own sentence where one is given, and who was absent for the item. The item's
/// entry under `punkter` (`punkt: 3`) is changed in place, or added at the end; nothing
/// else of the text is touched. "Godkendt med ændringer" is refused without the changes.
public enum MinutesItemEdit {
    public struct Point: Sendable, Equatable {
        public let number: Int
        /// An outcome word (`MinutesOutcome`), or nil for none yet.
        public let outcome: String?
        /// The minutes' own sentence: for "godkendt med ændringer", what was changed.
        public let text: String?
        /// Why it was not approved (`begrundelse`: "… kunne ikke tiltrædes, da …").
        public let reason: String?

        public init(number: Int, outcome: String?, text: String?, reason: String? = nil) {
            self.number = number
            self.outcome = outcome
            self.text = text
            self.reason = reason
        }
    }

    public struct Decision: Sendable, Equatable {
        /// The decision points' outcomes; empty for an item without decision points.
        public let points: [Point]
        /// The item's outcome as a whole (an item without decision points).
        public let outcome: String?
        /// The item's own sentence (`beslutning`).
        public let text: String?
        /// Why the item as a whole was not approved (`begrundelse`).
        public let reason: String?
        public let absent: [String]

        public init(points: [Point], outcome: String?, text: String?, reason: String? = nil, absent: [String]) {
            self.points = points
            self.outcome = outcome
            self.text = text
            self.reason = reason
            self.absent = absent
        }
    }

    public static func apply(_ decision: Decision, item number: Int, to text: String, file: String) throws(IndstilError) -> String {
        func clean(_ value: String?) -> String? {
            let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            return trimmed.isEmpty ? nil : trimmed
        }
        func outcome(_ word: String?, _ place: String) throws(IndstilError) -> MinutesOutcome? {
            guard let word = clean(word) else { return nil }
            guard let outcome = MinutesOutcome(word: word) else {
                throw IndstilError(da: "»\(word)« er ikke et udfald \(place) (kendte: \(MinutesOutcome.words))",
                                   en: "\"\(word)\" is not an outcome \(place) (known: \(MinutesOutcome.words))", file: file)
            }
            return outcome
        }
        func requireChanges(_ outcome: MinutesOutcome?, _ text: String?, _ place: String) throws(IndstilError) {
            guard outcome == .approvedWithChanges, text == nil else { return }
            throw IndstilError(da: "»Godkendt med ændringer« \(place) kræver, at ændringerne skrives i feltet ved siden af",
                               en: "\"Godkendt med ændringer\" \(place) needs the changes written in the field beside it", file: file)
        }

        var fields: [ManifestTextEdit.Field] = []
        var points: [(key: String, yaml: String)] = []
        for point in decision.points.sorted(by: { $0.number < $1.number }) {
            let place = "for beslutningspunkt \(point.number) i punkt \(number)"
            guard let stated = try outcome(point.outcome, place) else { continue }
            let sentence = clean(point.text)
            try requireChanges(stated, sentence, place)
            let reason = clean(point.reason)
            var parts: [(key: String, yaml: String)] = [("udfald", ManifestTextEdit.scalar(stated.rawValue))]
            if let sentence { parts.append(("tekst", ManifestTextEdit.scalar(sentence))) }
            if let reason { parts.append(("begrundelse", ManifestTextEdit.scalar(reason))) }
            let value = parts.count == 1 ? ManifestTextEdit.scalar(stated.rawValue) : ManifestTextEdit.flowMapping(parts)
            points.append((String(point.number), value))
        }
        if decision.points.isEmpty {
            // An item without decision points: its outcome, sentence and reason as a whole.
            let whole = try outcome(decision.outcome, "i punkt \(number)")
            let sentence = clean(decision.text)
            try requireChanges(whole, sentence, "i punkt \(number)")
            fields.append(.init("udfald", whole?.rawValue))
            fields.append(.init("beslutning", sentence))
            fields.append(.init("begrundelse", clean(decision.reason)))
        } else {
            // The points' outcomes; the item's own `beslutning`, `udfald` and `begrundelse`
            // (which the form does not show for such an item) stay as written.
            fields.append(.init("beslutningspunkter", yaml: points.isEmpty ? nil : ManifestTextEdit.flowMapping(points)))
        }
        let absent = decision.absent.compactMap(clean)
        fields.append(.init("fravaerende", yaml: absent.isEmpty ? nil : ManifestTextEdit.flowList(absent)))

        do throws(ManifestTextEdit.Failure) {
            var edited = text
            let items = try ManifestTextEdit.items(in: text)
            var index = items.firstIndex { $0["punkt"]?.trimmedString == String(number) }
            if index == nil {
                edited = try ManifestTextEdit.appendingItem(.init("punkt", String(number)), in: edited)
                index = items.count
            }
            return try ManifestTextEdit.setting(fields, onItem: (index ?? 0) + 1, in: edited)
        } catch {
            throw IndstilError(error.message, file: file, line: error.line)
        }
    }
}
