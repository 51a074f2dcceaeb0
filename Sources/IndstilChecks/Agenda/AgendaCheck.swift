import Foundation
import IndstilSupport
import IndstilDocument

/// A rule about a meeting's agenda as a whole. Each conforming type lives in its own file,
/// is registered in `CheckRegistry.agendaChecks`, and carries examples. `AgendaAssembler`
/// runs them after it has read the manifest and every file once.
public protocol AgendaCheck: ProjectRule {
    func check(_ context: AgendaCheckContext) -> [LocatedDiagnostic]
}

/// What an agenda check sees: the manifest, its items laid out in time, each item's
/// indstilling and the appendices as the bilag lists name them.
public struct AgendaCheckContext: Sendable {
    public struct Item: Sendable {
        public let number: Int
        public let entry: AgendaManifest.Item
        /// The item's indstilling, when it has one that could be read through its profile.
        public let recommendation: AnalyzedDocument?
        /// The indstilling's path as shown ("" without one).
        public let recommendationPath: String
        /// The indstilling's file, when the item has one that could be read.
        public let recommendationURL: URL?
        /// Whether the item is closed (the manifest or its indstilling says so, or the
        /// publication gate found its indstilling closed elsewhere in the agenda).
        public package(set) var isClosed: Bool
        public var appendices: [ListedAppendix]
        /// Why the indstilling of an item the manifest calls open is closed after all (the same
        /// file closed elsewhere in the agenda); set by the publication gate.
        public var recommendationEvidence: ClosedEvidence? = nil
        /// The agenda was sent with this item and its files have changed since.
        public package(set) var isChangedAfterSending = false
        /// The item came after the agenda was sent (the supplementary agenda's).
        public package(set) var isLate = false

        package init(number: Int, entry: AgendaManifest.Item, recommendation: AnalyzedDocument?, recommendationPath: String, recommendationURL: URL?, isClosed: Bool, appendices: [ListedAppendix], recommendationEvidence: ClosedEvidence? = nil) {
            self.number = number
            self.entry = entry
            self.recommendation = recommendation
            self.recommendationPath = recommendationPath
            self.recommendationURL = recommendationURL
            self.isClosed = isClosed
            self.appendices = appendices
            self.recommendationEvidence = recommendationEvidence
        }
    }

    /// An appendix as a bilag list (the manifest's, or the indstilling's `bilag`) names it.
    public struct ListedAppendix: Sendable {
        public enum FileTitle: Sendable {
            /// A Markdown appendix's own title: its `titel`, or a notat's first heading.
            case own(String)
            /// The text of the first pages of a PDF or DOCX, as far as it can be read.
            case openingText(String)
            /// Nothing in the file says what it is called.
            case unknown
        }

        public let listedTitle: String
        /// The file holding the list, as shown, and the line of the entry.
        public let listPath: String
        public let line: Int
        /// The appendix file as shown.
        public let path: String
        public let fileName: String
        public let fileTitle: FileTitle
        /// The appendix file.
        public let url: URL
        /// Whether the listing says `status: lukket`.
        public let listedClosed: Bool
        /// Why the file is closed beyond what the listing says (its own front matter, Word
        /// properties, marking or name; or the same file closed elsewhere in the agenda).
        public var closedEvidence: ClosedEvidence?

        package init(listedTitle: String, listPath: String, line: Int, path: String, fileName: String, fileTitle: FileTitle, url: URL, listedClosed: Bool, closedEvidence: ClosedEvidence? = nil) {
            self.listedTitle = listedTitle
            self.listPath = listPath
            self.line = line
            self.path = path
            self.fileName = fileName
            self.fileTitle = fileTitle
            self.url = url
            self.listedClosed = listedClosed
            self.closedEvidence = closedEvidence
        }
    }

    public let manifest: AgendaManifest
    /// The manifest's path as the user named it.
    public let manifestPath: String
    public let items: [Item]
    package let schedule: AgendaSchedule
    /// The project's settings (a check's own options, such as the working-day calendar).
    package let configuration: Configuration

    package init(manifest: AgendaManifest, manifestPath: String, items: [Item], schedule: AgendaSchedule, configuration: Configuration) {
        self.manifest = manifest
        self.manifestPath = manifestPath
        self.items = items
        self.schedule = schedule
        self.configuration = configuration
    }
}

/// The small agenda every agenda check's examples change in one place.
enum AgendaExample {
    static let manifestName = "dagsorden.yml"
    package static let recommendationPath = "punkt-2/praktikpladser.md"

    /// A clean meeting 10:00–11:00 on 4 September 2026; `items` are the lines under `punkter:`.
    static func project(items: [String] = defaultItems, recommendation: ExampleDocument = .raadmand,
                        extraFiles: [String: String] = [:], extraHeader: [String] = []) -> [String: String] {
        let manifest = [
            "type: dagsorden",
            "udvalg: \"Rådmandsmøde, Beskæftigelse\"",
            "dato: 2026-09-04",
            "start: \"10:00\"",
            "slut: \"11:00\"",
        ] + extraHeader + ["punkter:"] + items
        var files = [
            manifestName: manifest.joined(separator: "\n") + "\n",
            recommendationPath: recommendation.text,
        ]
        files.merge(extraFiles) { _, new in new }
        return files
    }

    static let defaultItems = [
        "  - titel: Godkendelse af dagsorden",
        "    minutter: 5",
        "  - indstilling: \(recommendationPath)",
        "    minutter: 10",
    ]
}
