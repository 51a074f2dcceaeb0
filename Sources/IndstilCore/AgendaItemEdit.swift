import Foundation
import IndstilSupport
import IndstilDocument

/// What the workspace's item form writes for one agenda item: its title, its indstilling,
/// its minutes, open or closed (with the reason), and its own appendices — on an item in
/// the manifest's text (in place, each field on its line, nothing else touched) or as a new
/// item at the end. The values are checked as the manifest's parser checks them, so the form
/// never writes what `indstil check` would refuse.
public enum AgendaItemEdit {
    public struct Appendix: Sendable, Equatable {
        public let file: String
        public let title: String?
        public let isClosed: Bool

        public init(file: String, title: String?, isClosed: Bool) {
            self.file = file
            self.title = title
            self.isClosed = isClosed
        }
    }

    public struct Item: Sendable, Equatable {
        public let title: String?
        public let recommendation: String?
        public let minutes: String?
        /// "åben", "lukket", or nil (the indstilling's own status decides).
        public let status: String?
        public let reason: String?
        public let appendices: [Appendix]

        public init(title: String?, recommendation: String?, minutes: String?, status: String?, reason: String?, appendices: [Appendix]) {
            self.title = title
            self.recommendation = recommendation
            self.minutes = minutes
            self.status = status
            self.reason = reason
            self.appendices = appendices
        }
    }

    /// The text with item `number` (from 1) changed, or a new item added when `number` is nil.
    /// Returns the text and the item's number.
    public static func apply(_ item: Item, number: Int?, to text: String, file: String) throws(IndstilError) -> (text: String, number: Int) {
        func clean(_ value: String?) -> String? {
            let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            return trimmed.isEmpty ? nil : trimmed
        }
        func refuse(_ da: String, _ en: String) -> IndstilError { IndstilError(da: da, en: en, file: file) }
        let title = clean(item.title), recommendation = clean(item.recommendation)
        guard title != nil || recommendation != nil else {
            throw refuse("Et punkt skal have en titel eller en indstilling", "An item needs a title or an indstilling")
        }
        if let recommendation, !recommendation.lowercased().hasSuffix(".md") {
            throw refuse("Indstillingen skal være en Markdown-fil (.md); læg PDF'er og andre filer under bilag",
                         "The indstilling must be a Markdown file (.md); put PDFs and other files under the appendices")
        }
        let minutes = clean(item.minutes)
        if let minutes, (Int(minutes).map { $0 <= 0 || $0 > 24 * 60 } ?? true) {
            throw refuse("Minutter skal være et helt antal over 0 (fik »\(minutes)«)", "Minutes must be a whole number above 0 (got \"\(minutes)\")")
        }
        let status = clean(item.status)?.lowercased()
        guard status == nil || status == "åben" || status == "lukket" else {
            throw refuse("Status skal være åben eller lukket", "The status must be åben or lukket")
        }
        let reason = clean(item.reason)
        if status == "lukket", reason == nil {
            throw refuse("Et lukket punkt skal have en begrundelse for, at det behandles for lukkede døre",
                         "A closed item needs a reason why it is dealt with behind closed doors")
        }
        var appendices: [String] = []
        for appendix in item.appendices {
            guard let path = clean(appendix.file) else { continue }
            var parts: [(key: String, yaml: String)] = [("fil", ManifestTextEdit.scalar(path))]
            if let title = clean(appendix.title) { parts.append(("titel", ManifestTextEdit.scalar(title))) }
            if appendix.isClosed { parts.append(("status", "lukket")) }
            appendices.append(ManifestTextEdit.flowMapping(parts))
        }
        let fields: [ManifestTextEdit.Field] = [
            .init("titel", title), .init("indstilling", recommendation), .init("minutter", minutes),
            .init("status", status), .init("begrundelse", reason),
            .init("bilag", yaml: appendices.isEmpty ? nil : "[" + appendices.joined(separator: ", ") + "]"),
        ]
        do throws(ManifestTextEdit.Failure) {
            if let number {
                return (try ManifestTextEdit.setting(fields, onItem: number, in: text), number)
            }
            let count = try ManifestTextEdit.items(in: text).count
            let first = fields.first { $0.value != nil } ?? fields[0]
            let appended = try ManifestTextEdit.appendingItem(first, in: text)
            return (try ManifestTextEdit.setting(fields.filter { $0.key != first.key }, onItem: count + 1, in: appended), count + 1)
        } catch {
            throw IndstilError(error.message, file: file, line: error.line)
        }
    }
}
