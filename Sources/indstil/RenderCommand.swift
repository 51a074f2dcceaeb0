import ArgumentParser
import Foundation
import IndstilCore

enum RenderFormat: String, ExpressibleByArgument, CaseIterable {
    case txt
}

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Gengiv en indstilling gennem profilen (txt: teksten, som »Antal tegn« tælles på).")

    @Argument(help: "Indstillingen (Markdown med front matter).")
    var file: String

    @Option(help: "Format: txt.")
    var to: RenderFormat = .txt

    @Option(name: .shortAndLong, help: "Skriv til denne fil (atomisk) i stedet for standard output.")
    var output: String?

    @Option(help: "Brug denne profil i stedet for dokumentets »profil«.")
    var profile: String?

    func run() throws {
        let analyzed = try LoadedDocument.analyze(file, profileOverride: profile)
        let text: String
        switch to {
        case .txt: text = analyzed.rendered.plainText
        }
        if let output {
            try AtomicFile.write(text, to: URL(fileURLWithPath: output))
        } else {
            Output.write(text)
        }
    }
}
