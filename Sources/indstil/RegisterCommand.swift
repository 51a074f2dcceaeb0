import ArgumentParser
import Foundation
import IndstilCore

enum RegisterFormat: String, ExpressibleByArgument, CaseIterable {
    case csv, json, html
}

/// `indstil register [PATH…]`: every decision point and its outcome across the minutes
/// (`type: referat`) in the files and folders named.
struct RegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Beslutningsregister: hvert beslutningspunkt og dets udfald i alle referater i projektet.")

    @Argument(help: "Referater (type: referat) eller mapper med dem; standard: den aktuelle mappe.")
    var paths: [String] = []

    @Option(help: "csv (til dansk Excel), json eller html (én fil, der kan filtreres).")
    var format: RegisterFormat = .csv

    @Option(name: .shortAndLong, help: "Fil der skrives; standard: standardoutput.")
    var output: String?

    @Flag(help: "Tag beslutninger i lukkede punkter med (registret må så ikke offentliggøres).")
    var lukket = false

    @Option(help: "Sprog for meddelelser: da eller en.")
    var lang: Language = .da

    func run() throws {
        let workspace = try ProjectWorkspace.current()
        let inputs = try DecisionRegister.minutesManifests(in: paths.isEmpty ? ["."] : paths)
        var rows: [DecisionRegister.Row] = []
        var problems: [FileReport] = []
        for input in inputs {
            switch workspace.assemble(input.url, displayPath: input.displayPath) {
            case .referat(let outcome) where !outcome.hasErrors:
                rows += DecisionRegister.rows(of: outcome.packet, manifestPath: input.displayPath, includingClosed: lukket)
            case let assembly:
                problems += assembly.reports.filter { !$0.diagnostics.isEmpty }
            }
        }
        if !problems.isEmpty {
            Output.progress(TextReporter.report(problems, language: lang))
            throw ExitCode(1)
        }
        Output.progress("\(rows.count) beslutningspunkter fra \(inputs.count) referater")
        let text = switch format {
        case .csv: RegisterCSV.render(rows)
        case .json: RegisterJSON.render(rows)
        case .html: RegisterHTML.render(rows)
        }
        guard let output else { return Output.write(text) }
        try AtomicFile.write(Data(text.utf8), to: URL(fileURLWithPath: output))
        Output.progress("Skrev \(output)")
    }
}
