import ArgumentParser
import Foundation
import IndstilCore

struct ProfilesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "profiles", abstract: "Vis de tilgængelige profiler.")

    func run() throws {
        let store = try ProjectWorkspace.current().profileStore(for: ProjectWorkspace.currentFolder)
        var out = ""
        for id in store.availableIDs() {
            switch store.profile(id: id) {
            case .success(let profile)?:
                out += "\(id.padding(toLength: 22, withPad: " ", startingAt: 0)) \(profile.name) – \(profile.description) (\(profile.folder?.path ?? ""))\n"
            case .failure(let error)?:
                out += "\(id.padding(toLength: 22, withPad: " ", startingAt: 0)) FEJL: \(error.reason)\n"
            case nil:
                break
            }
        }
        Output.write(out)
    }
}

struct PluginsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plugins", abstract: "Vis de eksterne kontrol-plugins, som indstil.yml nævner.")

    func run() throws {
        let configuration = try ProjectWorkspace.current().configuration
        guard !configuration.plugins.isEmpty else {
            Output.write("Ingen plugins i \(configuration.root.map { $0.appendingPathComponent("indstil.yml").path } ?? "indstil.yml (ingen fundet)").\n")
            return
        }
        var out = ""
        for plugin in configuration.plugins {
            out += "\(plugin.name.padding(toLength: 20, withPad: " ", startingAt: 0)) \(plugin.command.joined(separator: " "))  (timeout \(Int(plugin.timeout)) s)\n"
        }
        Output.write(out)
    }
}

struct ChecksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "checks", abstract: "Vis alle kontroller med id, standardniveau og beskrivelse.")

    @Option(help: "Sprog: da eller en.")
    var lang: Language = .da

    @Flag(help: "Vis også eksempler, der udløser kontrollen.")
    var examples = false

    func run() throws {
        var out = ""
        for rule in CheckRegistry.rules {
            let mandatory = rule.isMandatory ? (lang == .da ? " (altid fejl)" : " (always an error)") : ""
            out += "\(rule.id.padding(toLength: 28, withPad: " ", startingAt: 0)) \(rule.defaultSeverity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(rule.summary.text(lang))\(mandatory)\n"
            if examples {
                for example in rule.exampleSummaries {
                    out += "    \(example.triggers ? "udløser" : "udløser ikke"): \(example.description)\n"
                }
            }
        }
        Output.write(out)
    }
}
