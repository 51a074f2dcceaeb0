import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// Every decision point and its outcome across a project's minutes (`indstil register`):
/// one row per decision point of an item's indstilling, or one per item decided without
/// decision points. Closed items are left out unless asked for (the register is public).
public enum DecisionRegister {
    public struct Row: Sendable, Equatable, Encodable {
        public let committee: String
        /// "2026-09-04".
        public let meetingDate: String
        public let item: Int
        public let itemTitle: String
        public let recommendationTitle: String
        public let caseNumber: String
        /// The indstilling's path as shown ("" for an item without one).
        public let recommendationFile: String
        /// nil for an item decided as a whole without decision points.
        public let decisionPoint: Int?
        public let proposal: String
        /// "Godkendt", "Taget til efterretning" … ("" when the minutes give only a text).
        public let outcome: String
        /// The sentence the minutes print.
        public let decision: String
        public let followUp: String
        public let closed: Bool
        /// The minutes manifest's path as shown.
        public let minutes: String

        public var year: String { String(meetingDate.prefix(4)) }

        enum CodingKeys: String, CodingKey {
            case committee, meetingDate = "meeting_date", item, itemTitle = "item_title",
                 recommendationTitle = "recommendation_title", caseNumber = "case_number",
                 recommendationFile = "recommendation_file", decisionPoint = "decision_point", proposal,
                 outcome, decision, followUp = "follow_up", closed, minutes
        }

        /// Every key always present (`decision_point` is null for an item decided as a whole).
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(committee, forKey: .committee)
            try container.encode(meetingDate, forKey: .meetingDate)
            try container.encode(item, forKey: .item)
            try container.encode(itemTitle, forKey: .itemTitle)
            try container.encode(recommendationTitle, forKey: .recommendationTitle)
            try container.encode(caseNumber, forKey: .caseNumber)
            try container.encode(recommendationFile, forKey: .recommendationFile)
            try container.encode(decisionPoint, forKey: .decisionPoint)
            try container.encode(proposal, forKey: .proposal)
            try container.encode(outcome, forKey: .outcome)
            try container.encode(decision, forKey: .decision)
            try container.encode(followUp, forKey: .followUp)
            try container.encode(closed, forKey: .closed)
            try container.encode(minutes, forKey: .minutes)
        }
    }

    /// The column headings of the CSV and HTML register, in order.
    public static let headings = ["Udvalg", "Mødedato", "Punkt", "Punktets titel", "Indstilling", "Sagsnummer", "Fil",
                                  "Beslutningspunkt", "Foreslået", "Udfald", "Beslutning", "Opfølgning"]

    public static func cells(_ row: Row) -> [String] {
        [row.committee, row.meetingDate, String(row.item), row.itemTitle, row.recommendationTitle, row.caseNumber,
         row.recommendationFile, row.decisionPoint.map(String.init) ?? "", row.proposal, row.outcome, row.decision, row.followUp]
    }

    /// The rows of one meeting's minutes, in agenda order. `manifestPath` is the minutes'
    /// path as shown; the indstillinger's paths are shown beside it.
    public static func rows(of minutes: ResolvedMinutes, manifestPath: String, includingClosed: Bool) -> [Row] {
        let agenda = minutes.agenda.manifest
        let date = "\(agenda.date.year)-\(agenda.date.month < 10 ? "0" : "")\(agenda.date.month)-\(agenda.date.day < 10 ? "0" : "")\(agenda.date.day)"
        let folder = minutes.manifest.url.deletingLastPathComponent().standardizedFileURL.path + "/"
        let shownFolder = DisplayPath.folder(of: manifestPath)
        var rows: [Row] = []
        for item in minutes.items where includingClosed || !item.isClosed {
            let recommendation = item.agendaItem.recommendation
            // "(bilag 1)" in a proposal as the packet numbers it ("Punkt 3, Bilag 2").
            let references = AppendixReferences(item.agendaItem)
            var file = ""
            if let url = recommendation?.document.url.standardizedFileURL.path {
                file = url.hasPrefix(folder) ? DisplayPath.beside(shownFolder, String(url.dropFirst(folder.count))) : url
            }
            func row(point: Int?, proposal: String, outcome: MinutesOutcome?, decision: String?) -> Row {
                let noting = ResolvedMinutes.notingPhrase(in: proposal)
                return Row(committee: agenda.committee, meetingDate: date, item: item.number, itemTitle: item.agendaItem.title,
                    recommendationTitle: recommendation?.document.title ?? "",
                    caseNumber: recommendation?.document.frontMatter["sagsnummer"]?.trimmedString ?? "",
                    recommendationFile: file, decisionPoint: point, proposal: proposal, outcome: outcome?.label(noting: noting) ?? "",
                    decision: decision ?? "", followUp: item.followUp ?? "", closed: item.isClosed, minutes: manifestPath)
            }
            if item.decisions.isEmpty {
                guard item.outcome != nil || item.decisionText != nil else { continue }
                rows.append(row(point: nil, proposal: "", outcome: item.outcome, decision: item.decisionText))
            } else {
                for decision in item.decisions {
                    rows.append(row(point: decision.number, proposal: references.rewriting(decision.proposal), outcome: decision.outcome,
                                    decision: decision.text ?? item.decisionText))
                }
            }
        }
        return rows
    }

    /// The minutes manifests (`type: referat`) in the files and folders named, sorted by path.
    public static func minutesManifests(in paths: [String]) throws(FileCollector.MissingPath) -> [FileCollector.Input] {
        var found: [FileCollector.Input] = []
        var seen = Set<String>()
        func add(_ url: URL, _ shown: String, explicit: Bool) {
            guard Manifest.isManifest(url), seen.insert(url.standardizedFileURL.path).inserted, isMinutes(url) else { return }
            found.append(FileCollector.Input(url: url.standardizedFileURL, displayPath: shown, isExplicit: explicit))
        }
        func walk(_ folder: URL, _ shown: String, depth: Int) {
            guard depth < 32, let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
            for name in names.sorted() where !name.hasPrefix(".") {
                let url = folder.appendingPathComponent(name)
                let path = shown == "." ? name : "\(shown)/\(name)"
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    let isLink = (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) != nil
                    if !isLink && !FileCollector.skippedFolders.contains(name) { walk(url, path, depth: depth + 1) }
                } else {
                    add(url, path, explicit: false)
                }
            }
        }
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw FileCollector.MissingPath(path: path) }
            let url = URL(fileURLWithPath: path)
            if isDirectory.boolValue { walk(url, path.hasSuffix("/") ? String(path.dropLast()) : path, depth: 0) } else { add(url, path, explicit: true) }
        }
        return found
    }

    /// A YAML file whose `type` is `referat` (read cheaply: the line, not the YAML).
    static func isMinutes(_ url: URL) -> Bool {
        guard FileKind.isRegularFile(url), let text = try? String(contentsOf: url, encoding: .utf8) else { return false }
        return text.split(whereSeparator: \.isNewline).contains { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return trimmed == "type: referat" || trimmed == "type: \"referat\""
        }
    }
}
