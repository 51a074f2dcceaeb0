import ArgumentParser
import Foundation
import IndstilCore

enum StatsFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Antal tegn pr. afsnit og i alt, LIX, beslutningspunkter og bilag.")

    @Argument(help: "Indstillinger (Markdown med front matter).")
    var files: [String]

    @Option(help: "Brug denne profil i stedet for dokumentets »profil«.")
    var profile: String?

    @Option(help: "text eller json.")
    var format: StatsFormat = .text

    func run() throws {
        var statistics: [DocumentStatistics] = []
        for path in files {
            let analyzed = try LoadedDocument.analyze(path, profileOverride: profile)
            statistics.append(DocumentStatistics(path: path, analyzed: analyzed))
        }
        switch format {
        case .text:
            Output.write(statistics.map(\.text).joined(separator: "\n"))
        case .json:
            Output.write(JSONValue.object([("files", .array(statistics.map(\.json)))]).serialized() + "\n")
        }
    }
}

/// Loads one document and its profile for commands that need exactly one (stats, render).
enum LoadedDocument {
    /// indstil.yml and the profile stores are read once per process, not once per document.
    private static let shared: Result<(Configuration, ProfileStores), Error> = Result {
        let configuration = try ProjectConfiguration.current()
        return (configuration, ProfileStores(extraFolders: configuration.profileFolders))
    }

    static func analyze(_ path: String, profileOverride: String?) throws -> AnalyzedDocument {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        switch DocumentLoader.load(url, displayPath: path) {
        case .failed(let diagnostic):
            throw UsageError("\(path):\(diagnostic.line):\(diagnostic.column): error: \(diagnostic.message.da) [\(diagnostic.check)]")
        case .noFrontMatter:
            throw UsageError("\(path): filen har ingen front matter; lav en ny med »indstil new«")
        case .document(let document):
            let (configuration, stores) = try shared.get()
            let store = stores.store(forProjectRoot: stores.projectRoot(from: url.deletingLastPathComponent()))
            let runner = CheckRunner(profileOverride: profileOverride, configuration: configuration)
            switch runner.resolveProfile(for: document, store: store) {
            case .success(let profile):
                return AnalyzedDocument(document: document, profile: profile)
            case .failure(let diagnostic):
                throw UsageError("\(path):\(diagnostic.line):\(diagnostic.column): error: \(diagnostic.message.da) [\(diagnostic.check)]")
            }
        }
    }
}
