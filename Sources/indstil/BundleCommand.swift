import ArgumentParser
import Foundation
import IndstilCore

enum BundleOutput: String, ExpressibleByArgument, CaseIterable {
    case html, pdf
}

struct BundleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle",
        abstract: "Saml et bilagsmateriale (betænkning) til et website med bilagsfortegnelse eller én PDF.")

    @Argument(help: "bundle.yml")
    var manifest: String

    @Option(name: .shortAndLong, help: "Mappe (html) eller fil (pdf) der skrives; standard: ud/ hhv. bilagsmateriale.pdf.")
    var output: String?

    @Option(help: "html (et website) eller pdf (én samlet PDF).")
    var to: BundleOutput = .html

    @Option(help: "Sprog for meddelelser: da eller en.")
    var lang: Language = .da

    func run() throws {
        let url = URL(fileURLWithPath: manifest).standardizedFileURL
        guard FileManager.default.fileExists(atPath: url.path) else { throw UsageError("»\(manifest)« findes ikke") }
        let configuration = try ProjectConfiguration.current()
        let runner = CheckRunner(configuration: configuration, plugins: PluginRunner.diagnostics)
        Output.progress("Læser \(manifest) …")
        let outcome = BundleAssembler(runner: runner).assemble(url, displayPath: manifest)
        guard let bundle = outcome.bundle, !outcome.hasErrors else {
            // Nothing is written when the bundle has errors.
            Output.write(TextReporter.report(outcome.reports.filter { !$0.diagnostics.isEmpty }, language: lang))
            if outcome.bundle == nil && outcome.reports.first?.diagnostics.first?.check == "input.invalid" { throw ExitCode(2) }
            throw ExitCode(1)
        }
        let progress: @Sendable (String) -> Void = { Output.progress($0) }
        switch to {
        case .html:
            let target = URL(fileURLWithPath: output ?? "ud")
            try BundleSite.write(bundle, to: target, progress: progress)
            Output.progress("Skrev \(target.path)/index.html (\(bundle.appendices.count) bilag i \(bundle.chapters.count) kapitler)")
        case .pdf:
            let target = URL(fileURLWithPath: output ?? "bilagsmateriale.pdf")
            try BundlePDF.write(bundle, to: target, progress: progress)
            Output.progress("Skrev \(target.path)")
        }
    }
}
