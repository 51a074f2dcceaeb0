import ArgumentParser
import Foundation
import IndstilCore

struct ProfilesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "profiles", abstract: "Vis de tilgængelige profiler.")

    func run() throws {
        let store = ProfileStore.standard(projectRoot: ProjectRoot.find(from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)))
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

struct ChecksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "checks", abstract: "Vis alle kontroller med id, standardniveau og beskrivelse.")

    @Option(help: "Sprog: da eller en.")
    var lang: Language = .da

    @Flag(help: "Vis også eksempler, der udløser kontrollen.")
    var examples = false

    func run() throws {
        var out = ""
        for check in CheckRegistry.all {
            out += "\(check.id.padding(toLength: 28, withPad: " ", startingAt: 0)) \(check.defaultSeverity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(check.summary.text(lang))\n"
            if examples {
                for example in check.examples {
                    out += "    \(example.triggers ? "udløser" : "udløser ikke"): \(example.description)\n"
                }
            }
        }
        Output.write(out)
    }
}
