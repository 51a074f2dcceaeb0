import ArgumentParser
import Foundation
import IndstilCore

enum DiffOutput: String, ExpressibleByArgument, CaseIterable {
    case text, html, docx, pdf
}

enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `indstil diff OLD NEW`: what changed between two versions, as text, JSON, HTML, a Word
/// document with tracked changes or a PDF. Exit code as diff(1): 0 no change, 1 changes,
/// 2 trouble.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Vis hvad der er ændret mellem to udgaver af en indstilling (fil eller FIL@REVISION fra git).",
        discussion: "Felter, afsnit, beslutningspunkter, lister og tabelceller sammenlignes som det, de er, teksten ord for ord; flyttede afsnit vises som flyttet. Exit-kode 0: ingen ændringer, 1: ændringer, 2: fejl.")

    @Argument(help: "Den gamle udgave: en fil, eller FIL@REVISION (fx sag.md@HEAD~1).")
    var old: String

    @Argument(help: "Den nye udgave: en fil, eller FIL@REVISION.")
    var new: String

    @Option(help: "Skriv som text (standard), html, docx (Words sporede ændringer) eller pdf.")
    var to: DiffOutput = .text

    @Option(help: "text eller json (med --to text).")
    var format: DiffFormat = .text

    @Option(name: .shortAndLong, help: "Skriv til denne fil (atomisk); docx og pdf kræver den.")
    var output: String?

    @Option(help: "Forfatter til ændringerne i docx (ellers den nye revisions forfatter i git, ellers »indstil«).")
    var author: String?

    @Option(help: "Dato for ændringerne i docx, ÅÅÅÅ-MM-DD (ellers den nye revisions dato i git, ellers i dag).")
    var date: String?

    @Option(help: "Brug denne profil i stedet for dokumenternes »profil«.")
    var profile: String?

    func validate() throws {
        if format == .json && to != .text { throw ValidationError("--format json gælder kun --to text") }
        if (to == .docx || to == .pdf) && (output == nil || output == "-") { throw ValidationError("--to \(to.rawValue) kræver -o FIL") }
        if let date, CalendarDate(iso: date) == nil { throw ValidationError("--date skal være en dato som 2026-03-31") }
    }

    func run() throws {
        let workspace = try ProjectWorkspace.current(profileOverride: profile)
        let oldVersion = try VersionSource.read(old, workspace: workspace)
        let newVersion = try VersionSource.read(new, workspace: workspace)
        let (diff, title) = try workspace.redline(old: oldVersion, new: newVersion)
        let data: Data
        switch (to, format) {
        case (.text, .json):
            data = Data((RedlineJSON.report(diff, old: old, new: new).serialized() + "\n").utf8)
        case (.text, _):
            let colour = output == nil && isatty(1) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            data = Data(RedlineText.report(diff, old: old, new: new, colour: colour).utf8)
        case (.html, _):
            data = Data(RedlineHTML.page(diff, old: old, new: new, title: title).utf8)
        case (.pdf, _):
            data = try PDFRenderer.pdf(fromHTML: RedlineHTML.page(diff, old: old, new: new, title: title))
        case (.docx, _):
            let author = self.author ?? newVersion.author ?? "indstil"
            let day = date ?? newVersion.date.map { String($0.prefix(10)) } ?? CalendarDate.today().iso
            data = try RedlineDocx.docx(diff, title: title, revision: RedlineDocx.Revision(author: author, date: day + "T00:00:00Z"))
        }
        if let output, output != "-" {
            let target = URL(fileURLWithPath: output)
            if let collision = OutputCollision.find(outputs: [target], inputs: [oldVersion.url, newVersion.url]) { throw collision }
            try AtomicFile.write(data, to: target)
            Output.progress("Skrev \(output) (\(RedlineWording.count(diff.changes.count)))")
        } else {
            FileHandle.standardOutput.write(data)
        }
        if !diff.isEmpty { throw ExitCode(1) }
    }
}
