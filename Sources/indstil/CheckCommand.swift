import ArgumentParser
import Foundation
import IndstilCore

extension DiagnosticReportFormat: ExpressibleByArgument {}

/// `--report FORMAT=PATH`: one more report written (atomically) in the same run.
struct ReportTarget: ExpressibleByArgument {
    let format: DiagnosticReportFormat
    let path: String

    init?(argument: String) {
        guard let equals = argument.firstIndex(of: "="),
              let format = DiagnosticReportFormat(rawValue: String(argument[..<equals])),
              argument.index(after: equals) < argument.endIndex else { return nil }
        self.format = format
        self.path = String(argument[argument.index(after: equals)...])
    }

    static var defaultCompletionKind: CompletionKind { .file() }
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

    @Option(help: "Rapportformat på standard output: text, json, sarif, junit eller github.")
    var format: DiagnosticReportFormat = .text

    @Option(name: .customLong("report"), help: ArgumentHelp("Skriv også en rapport til en fil, fx --report sarif=indstil.sarif (kan gentages).", valueName: "format=sti"))
    var reports: [ReportTarget] = []

    @Flag(help: "Advarsler tæller som fejl (exit-kode 1).")
    var strict = false

    @Option(help: "Sprog for meddelelser: da eller en.")
    var lang: Language = .da

    @Option(help: ArgumentHelp("Meld kun fund, der ikke står i denne baseline (fundet efter kontrol, fil og tekst, ikke linje).", valueName: "fil"))
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: ArgumentHelp("Skriv alle kørslens fund som baseline i denne fil (atomisk) og slut med exit-kode 0.", valueName: "fil"))
    var writeBaseline: String?

    func run() throws {
        let inputs = try FileCollector.collect(paths)
        let workspace = try ProjectWorkspace.current(profileOverride: profile)
        if let profile {
            let store = workspace.profileStore(for: ProjectWorkspace.currentFolder)
            if store.profile(id: profile) == nil {
                throw IndstilError.unknownProfile(profile, known: store.availableIDs())
            }
        }
        if inputs.count > 50 { Output.progress("Gennemgår \(inputs.count) Markdown-filer …") }
        // A manifest (bundle.yml: a betænkning bundle or an agenda) is checked as a whole: the manifest and every file it names.
        var reports = workspace.check(inputs)
        if let writeBaseline {
            let target = URL(fileURLWithPath: writeBaseline)
            let accepted = Baseline(reports, relativeTo: target.deletingLastPathComponent())
            try AtomicFile.write(accepted.json, to: target)
            Output.progress("Skrev \(writeBaseline): \(DanishFormat.integer(accepted.count)) fund er accepteret; »indstil check --baseline \(writeBaseline)« melder kun nye")
            return
        }
        if let baseline {
            let file = URL(fileURLWithPath: baseline)
            let (filtered, accepted) = try Baseline.read(file, displayPath: baseline).filtering(reports, relativeTo: file.deletingLastPathComponent())
            reports = filtered
            if accepted > 0 { Output.progress("\(DanishFormat.integer(accepted)) fund står i \(baseline) og meldes ikke") }
        }
        for target in self.reports {
            do {
                try AtomicFile.write(target.format.render(reports, language: lang), to: URL(fileURLWithPath: target.path))
            } catch {
                let message = error.indstilError.message
                throw IndstilError(da: "rapporten \(message.da)", en: "the report \(message.en)")
            }
        }
        Output.write(format.render(reports, language: lang))
        let summary = RunSummary(reports)
        if summary.errors > 0 || (strict && summary.warnings > 0) {
            throw ExitCode(1)
        }
    }
}
