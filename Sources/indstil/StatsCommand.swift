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
        let workspace = try ProjectWorkspace.current(profileOverride: profile)
        var statistics: [DocumentStatistics] = []
        for path in files {
            let analyzed = try workspace.document(path)
            let url = URL(fileURLWithPath: path)
            // A Word document's sections are on paragraphs, as its findings are.
            let imported = WordImport.isWordDocument(url) ? try? workspace.importWord(url.standardizedFileURL).get() : nil
            statistics.append(DocumentStatistics(path: path, analyzed: analyzed, lineOfSection: { imported?.paragraph(ofLine: $0) ?? $0 }))
        }
        switch format {
        case .text:
            Output.write(statistics.map(\.text).joined(separator: "\n"))
        case .json:
            Output.write(JSONValue.object([("files", .array(statistics.map(\.json)))]).serialized() + "\n")
        }
    }
}
