import ArgumentParser
import IndstilCore

struct Indstil: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indstil",
        abstract: "Skriv, kontrollér og udgiv indstillinger til byråd og rådmand.",
        discussion: "Exit-koder: 0 ingen fejl, 1 fejl fundet, 2 kommandoen kunne ikke køre.",
        version: IndstilVersion.current,
        subcommands: [CheckCommand.self, StatsCommand.self, NewCommand.self, RenderCommand.self, ProfilesCommand.self, ChecksCommand.self, PluginsCommand.self, BundleCommand.self]
    )
}

/// An error that stops a command before it could do its job (exit code 2).
struct UsageError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

enum Output {
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func progress(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

import Foundation

/// indstil.yml for the working folder; an invalid one stops the command (exit 2).
enum ProjectConfiguration {
    static func current() throws -> Configuration {
        do {
            return try Configuration.discover(from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        } catch {
            throw UsageError("\(error.path):\(error.line): \(error.message.da)")
        }
    }
}
