import ArgumentParser
import Foundation
import IndstilCore

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension Language: ExpressibleByArgument {}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Kontrollér indstillinger mod profilens skelet, felter og grænser.")

    @Argument(help: "Filer og mapper (mapper gennemgås rekursivt for *.md med front matter).")
    var paths: [String] = ["."]

    @Option(help: "Brug denne profil i stedet for dokumentets »profil«.")
    var profile: String?

    @Option(help: "Rapportformat: text eller json.")
    var format: ReportFormat = .text

    @Flag(help: "Advarsler tæller som fejl (exit-kode 1).")
    var strict = false

    @Option(help: "Sprog for meddelelser: da eller en.")
    var lang: Language = .da

    func run() throws {
        let inputs: [FileCollector.Input]
        do {
            inputs = try FileCollector.collect(paths)
        } catch {
            throw UsageError(lang == .da ? "»\(error.path)« findes ikke" : "\"\(error.path)\" does not exist")
        }
        if let profile {
            let configuration = try ProjectConfiguration.current()
            let store = ProfileStore.standard(projectRoot: configuration.root, extraFolders: configuration.profileFolders)
            if store.profile(id: profile) == nil {
                throw UsageError("Profilen »\(profile)« findes ikke; kendte profiler: \(store.availableIDs().joined(separator: ", "))")
            }
        }
        let configuration = try ProjectConfiguration.current()
        if inputs.count > 50 { Output.progress("Gennemgår \(inputs.count) Markdown-filer …") }
        let reports = CheckRunner(profileOverride: profile, configuration: configuration).run(inputs)
        switch format {
        case .text: Output.write(TextReporter.report(reports, language: lang))
        case .json: Output.write(JSONReporter.report(reports, language: lang))
        }
        let summary = RunSummary(reports)
        if summary.errors > 0 || (strict && summary.warnings > 0) {
            throw ExitCode(1)
        }
    }
}
