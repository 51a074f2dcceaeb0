import ArgumentParser
import Foundation
import IndstilCore

extension Renderer.Format: ExpressibleByArgument {}

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Gengiv en indstilling gennem profilens skabeloner: html, docx, pdf, txt (det »Antal tegn« tælles på) eller md.")

    @Argument(help: "Indstillingen (Markdown med front matter).")
    var file: String

    @Option(help: "Format: html, docx, pdf, txt eller md.")
    var to: Renderer.Format = .html

    @Option(name: .shortAndLong, help: "Skriv til denne fil (atomisk). Uden -o skrives html, txt og md til standard output, docx og pdf ved siden af indstillingen.")
    var output: String?

    @Option(help: "Brug denne profil i stedet for dokumentets »profil«.")
    var profile: String?

    func run() throws {
        let analyzed = try LoadedDocument.analyze(file, profileOverride: profile)
        let data: Data
        do {
            data = try Renderer.render(analyzed, to: to)
        } catch {
            throw UsageError(error.description)
        }
        let isBinary = to == .docx || to == .pdf
        if output == "-" || (output == nil && !isBinary) {
            guard !isBinary else { throw UsageError("\(to.rawValue) er binært; angiv en fil med -o") }
            FileHandle.standardOutput.write(data)
            return
        }
        let target = output ?? (URL(fileURLWithPath: file).deletingPathExtension().path + "." + to.fileExtension)
        try AtomicFile.write(data, to: URL(fileURLWithPath: target))
        Output.progress("Skrev \(target) (\(DanishFormat.integer(data.count)) byte)")
    }
}
