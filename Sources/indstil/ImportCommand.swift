import ArgumentParser
import Foundation
import IndstilCore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Læs en indstilling i Word (.docx) og skriv den som Markdown med front matter.",
        discussion: "Overskrifter, lister (beslutningspunkter), fremhævning, links, fodnoter, tekstbokse, tabeller, skabelonens sagsoplysninger og dokumentegenskaber (som pandoc og ESDH-systemer skriver dem) læses; sporede ændringer, kommentarer, felter, diagrammer og makroer meldes på standard error.")

    @Argument(help: "Word-dokumentet (.docx).")
    var file: String

    @Option(name: .shortAndLong, help: "Skriv Markdown til denne fil (atomisk); uden -o til standard output.")
    var output: String?

    @Option(help: "Læs dokumentet gennem denne profil (ellers indstil.yml's »profile«); den skrives som »profil«.")
    var profile: String?

    func run() throws {
        let url = URL(fileURLWithPath: file)
        // A macro-enabled document (.docm) is read like a .docx; its macros never run.
        guard WordImport.isWordDocument(url) || url.pathExtension.lowercased() == "docm" else {
            throw IndstilError(da: "indstil import læser Word-dokumenter (.docx og .docm)", en: "indstil import reads Word documents (.docx and .docm)", file: file)
        }
        let workspace = try ProjectWorkspace.current(profileOverride: profile)
        let imported: WordImport
        switch workspace.importWord(url.standardizedFileURL) {
        case .failure(let diagnostic):
            throw IndstilError(da: TextReporter.line(path: file, diagnostic, language: .da), en: TextReporter.line(path: file, diagnostic, language: .en))
        case .success(let result):
            imported = result
        }
        for finding in workspace.applyingConfiguredSeverity(imported.findings) {
            Output.progress(TextReporter.line(path: file, finding, language: .da))
        }
        guard let output, output != "-" else {
            Output.write(imported.markdown)
            return
        }
        let target = URL(fileURLWithPath: output)
        if let collision = OutputCollision.find(outputs: [target], inputs: [url]) { throw collision }
        try AtomicFile.write(imported.markdown, to: target)
        Output.progress("Skrev \(output)")
    }
}
