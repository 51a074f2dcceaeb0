import ArgumentParser
import Foundation
import IndstilCore

extension Renderer.Format: ExpressibleByArgument {}

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Gengiv en indstilling gennem profilens skabeloner: html, docx, pdf, txt (det »Antal tegn« tælles på) eller md.")

    @Argument(help: "Indstillingen (Markdown med front matter); flere filer kræver -o MAPPE.")
    var files: [String]

    @Option(help: "Format: html, docx, pdf, txt eller md.")
    var to: Renderer.Format = .html

    @Option(name: .shortAndLong, help: "Skriv til denne fil (atomisk). Uden -o skrives html, txt og md til standard output, docx og pdf ved siden af indstillingen.")
    var output: String?

    @Option(help: "Brug denne profil i stedet for dokumentets »profil«.")
    var profile: String?

    @Flag(name: .customLong("arkiv"), help: "Med --to pdf: skriv arkivkopien som PDF/A-2 (tagget, skrifter indlejret, ingen eksterne henvisninger).")
    var archive = false

    @Flag(help: "Gengiv ikke et dokument med fejl (exit-kode 1, intet skrives); uden den gengives html, docx og pdf som UDKAST.")
    var strict = false

    func validate() throws {
        if archive && to != .pdf { throw ValidationError("--arkiv gælder kun --to pdf") }
    }

    func run() throws {
        if files.count > 1 { return try renderMany() }
        let file = files[0]
        let workspace = try ProjectWorkspace.current(profileOverride: profile)
        let data: Data
        if to == .md && !strict {
            data = Data(Renderer.normalizedMarkdown(try workspace.source(file)).utf8)
        } else {
            let (analyzed, marking) = try Self.markedDocument(file, in: workspace, format: to, strict: strict)
            if let refusal = RenderMarkingNotice.refusal(file, marking, strict: strict) {
                Output.progress(refusal)
                throw ExitCode(1)
            }
            let outputFolder = output.flatMap { $0 == "-" ? nil : URL(fileURLWithPath: $0).standardizedFileURL.deletingLastPathComponent() }
            data = try Renderer.render(analyzed, to: to, archive: archive, marking: marking, outputFolder: outputFolder)
            if let warning = RenderMarkingNotice.warning(file, marking, format: to) { Output.progress(warning) }
        }
        let isBinary = to == .docx || to == .pdf
        if output == "-" || (output == nil && !isBinary) {
            guard !isBinary else { throw IndstilError(da: "\(to.rawValue) er binært; angiv en fil med -o", en: "\(to.rawValue) is binary; give a file with -o") }
            FileHandle.standardOutput.write(data)
            return
        }
        let target = output ?? (URL(fileURLWithPath: file).deletingPathExtension().path + "." + to.fileExtension)
        if let collision = OutputCollision.find(outputs: [URL(fileURLWithPath: target)], inputs: [URL(fileURLWithPath: file)]) { throw collision }
        try AtomicFile.write(data, to: URL(fileURLWithPath: target))
        Output.progress("Skrev \(target) (\(DanishFormat.integer(data.count)) byte)")
    }

    /// Many documents in one process, in parallel, each to `DIR/<name>.<format>`.
    func renderMany() throws {
        guard let output, output != "-" else { throw IndstilError(da: "flere filer kræver -o MAPPE", en: "several files need -o FOLDER") }
        let folder = URL(fileURLWithPath: output)
        let names = files.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }
        if Set(names).count != names.count {
            throw IndstilError(da: "to filer har samme navn; de ville overskrive hinanden i \(output)",
                               en: "two files have the same name; they would overwrite each other in \(output)")
        }
        let outputs = names.map { folder.appendingPathComponent("\($0).\(to.fileExtension)") }
        if let collision = OutputCollision.find(outputs: outputs, inputs: files.map { URL(fileURLWithPath: $0) }) { throw collision }
        let files = self.files, format = self.to, archive = self.archive, strict = self.strict
        let workspace = try ProjectWorkspace.current(profileOverride: profile)
        // Twice as many workers as cores: each written file waits for its fsync (AtomicFile via
        // Data.write), and meanwhile another worker keeps the core busy.
        let outcomes = ParallelWork.map(Array(files.indices), workers: 2 * ParallelWork.cores) { index -> RenderOutcome in
            do {
                let (analyzed, marking) = try Self.markedDocument(files[index], in: workspace, format: format, strict: strict)
                if let refusal = RenderMarkingNotice.refusal(files[index], marking, strict: strict) { return .refused(refusal) }
                let data = try Renderer.render(analyzed, to: format, archive: archive, marking: marking, outputFolder: folder)
                try AtomicFile.write(data, to: folder.appendingPathComponent("\(names[index]).\(format.fileExtension)"))
                return .written(warning: RenderMarkingNotice.warning(files[index], marking, format: format))
            } catch {
                var failure = IndstilError(error)
                if failure.file == nil { failure.file = files[index] }  // which of the files it was
                return .failed(failure)
            }
        }
        let notices = outcomes.compactMap(\.warning).sorted(), refusals = outcomes.compactMap(\.refusal).sorted()
        for notice in notices + refusals { Output.progress(notice) }
        let failures = outcomes.compactMap(\.failure)
        if !failures.isEmpty {
            func joined(_ language: Language) -> String { failures.map { $0.text(language) }.sorted().joined(separator: "\n") }
            throw IndstilError(da: joined(.da), en: joined(.en))
        }
        if !refusals.isEmpty { throw ExitCode(1) }
        Output.progress("Skrev \(files.count) filer i \(output)")
    }

    /// The document read through its profile with the checks `indstil check` runs (the
    /// configured severities applied), and how its pages are marked: closed when it says
    /// `status: lukket`, a draft while the checks find errors. The text and Markdown are
    /// never marked; their checks run only for `--strict`.
    static func markedDocument(_ path: String, in workspace: Workspace, format: Renderer.Format,
                               strict: Bool) throws -> (AnalyzedDocument, DocumentMarking) {
        guard format.isMarked || strict else {
            let analyzed = try workspace.document(path)
            return (analyzed, .unmarked)
        }
        let analysis = workspace.analyze(URL(fileURLWithPath: path), displayPath: path, checking: true, keep: false)
        guard let analyzed = analysis.analyzed, let marking = DocumentMarking(analysis) else {
            return (try workspace.document(path), .unmarked)  // throws why the file cannot be read
        }
        return (analyzed, format.isMarked ? marking : DocumentMarking(isClosed: false, errorCount: marking.errorCount))
    }
}

extension Renderer.Format {
    /// The formats whose pages say "UDKAST" and "LUKKET" (`DocumentMarking`).
    var isMarked: Bool { self == .html || self == .docx || self == .pdf }
}

/// What `render` says on stderr about a document with errors: a warning that it is
/// marked as a draft, or with `--strict` why it was not rendered.
enum RenderMarkingNotice {
    static func warning(_ path: String, _ marking: DocumentMarking, format: Renderer.Format) -> String? {
        guard marking.isDraft, format.isMarked else { return nil }
        let shown = path.escapingControlCharacters
        return "indstil: advarsel: \(shown) har \(DanishFormat.integer(marking.errorCount)) fejl og er sat som UDKAST; ret dem med »indstil check \(shown)«"
    }

    static func refusal(_ path: String, _ marking: DocumentMarking, strict: Bool) -> String? {
        guard strict, marking.isDraft else { return nil }
        let shown = path.escapingControlCharacters
        return "indstil: fejl: \(shown) har \(DanishFormat.integer(marking.errorCount)) fejl; med --strict gengives det ikke; ret dem med »indstil check \(shown)«"
    }
}

/// What became of one document of `render -o FOLDER`.
enum RenderOutcome {
    /// Written; with the warning that it is marked as a draft, if it is.
    case written(warning: String?)
    /// Not rendered (`--strict` and errors): why.
    case refused(String)
    case failed(IndstilError)

    var warning: String? { if case .written(let warning) = self { warning } else { nil } }
    var refusal: String? { if case .refused(let refusal) = self { refusal } else { nil } }
    var failure: IndstilError? { if case .failed(let failure) = self { failure } else { nil } }
}
