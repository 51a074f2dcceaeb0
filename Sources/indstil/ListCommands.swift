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
                out += "\(id.padding(toLength: 22, withPad: " ", startingAt: 0)) FEJL: \(error.message.da)\(error.line.map { " (linje \($0))" } ?? "")\n"
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

enum ChecksFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown
}

struct ChecksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checks",
        abstract: "Vis alle kontroller med id, standardniveau og beskrivelse.",
        discussion: """
            --format markdown skriver listen som en Markdown-tabel (id, standardniveau, altid fejl, \
            beskrivelse) til dokumentation; kontroltabellen i indstils docs/checks.md er lavet sådan.

            Kontrollerne (id, standardniveau, beskrivelse):

            """ + ChecksCommand.registryList)

    /// Every registered check, one per line: the manual page's check table (it is made from
    /// this help) comes from the registry, as docs/checks.md does.
    static var registryList: String {
        CheckRegistry.rules.map { rule in
            "\(rule.id) (\(rule.defaultSeverity.rawValue)\(rule.isMandatory ? ", altid fejl" : "")): \(rule.summary.da)"
        }.joined(separator: "\n")
    }

    @Option(help: "Sprog: da eller en.")
    var lang: Language = .da

    @Option(help: "text (standard) eller markdown: en tabel med id, standardniveau, altid fejl og beskrivelse.")
    var format: ChecksFormat = .text

    @Flag(help: "Vis også eksempler, der udløser kontrollen (kun med --format text).")
    var examples = false

    func validate() throws {
        if examples && format == .markdown {
            throw ValidationError(lang == .da
                ? "--examples kan ikke bruges med --format markdown."
                : "--examples cannot be used with --format markdown.")
        }
    }

    func run() throws {
        switch format {
        case .text: Output.write(textList())
        case .markdown: Output.write(ChecksMarkdownTable.render(CheckRegistry.rules, lang: lang))
        }
    }

    private func textList() -> String {
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
        return out
    }
}

/// The check table of docs/checks.md: one GitHub Markdown table row per registered rule, in
/// registry order, with no blank line inside it (a blank line would end the table on GitHub).
enum ChecksMarkdownTable {
    static func render(_ rules: [any Rule], lang: Language) -> String {
        let header = lang == .da
            ? "| id | standardniveau | altid fejl | beskrivelse |"
            : "| id | default level | always an error | description |"
        var out = header + "\n|---|---|---|---|\n"
        for rule in rules {
            let mandatory = rule.isMandatory ? (lang == .da ? "ja" : "yes") : ""
            out += "| `\(rule.id)` | \(rule.defaultSeverity.rawValue) | \(mandatory) | \(cell(rule.summary.text(lang))) |\n"
        }
        return out
    }

    /// A cell's text on one line, shown as written: `|` cannot end the cell, and what Markdown would
    /// read as markup (`[LINK](#)` as a link, `<b>` as HTML, `*` as emphasis) is escaped.
    static func cell(_ text: String) -> String {
        var out = ""
        for character in text.split(whereSeparator: \.isNewline).joined(separator: " ") {
            if markup.contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    static let markup: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "&", "~"]
}
