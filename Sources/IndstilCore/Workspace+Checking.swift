import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace
import IndstilPackets

extension Workspace {
    /// What a manifest assembles into, or why it cannot be read.
    public enum Assembly: Sendable {
        case betaenkning(Assembled<ResolvedBundle>)
        case dagsorden(Assembled<ResolvedAgenda>)
        case referat(Assembled<ResolvedMinutes>)
        /// The manifest itself cannot be read (`input.invalid` with its line).
        case unreadable(FileReport)

        public var reports: [FileReport] {
            switch self {
            case .betaenkning(let outcome): outcome.reports
            case .dagsorden(let outcome): outcome.reports
            case .referat(let outcome): outcome.reports
            case .unreadable(let report): [report]
            }
        }
    }

    /// Reads a manifest once and assembles its packet: every file it names read and
    /// checked once, then the manifest's own checks.
    public func assemble(_ manifestURL: URL, displayPath: String) -> Assembly {
        assemble(Manifest.load(manifestURL.standardizedFileURL), displayPath: displayPath)
    }

    /// The manifest in `text` (unsaved, e.g. in the workspace's editor) assembled as the file
    /// at `manifestURL`: the same checks as `indstil check` of that file once saved.
    public func assemble(text: String, url manifestURL: URL, displayPath: String) -> Assembly {
        assemble(Manifest.parse(text, url: manifestURL.standardizedFileURL), displayPath: displayPath)
    }

    private func assemble(_ manifest: Result<Manifest, Diagnostic>, displayPath: String) -> Assembly {
        switch manifest {
        case .failure(let diagnostic):
            return .unreadable(FileReport(path: displayPath, diagnostics: applyingConfiguredSeverity([diagnostic])))
        case .success(.betaenkning(let manifest)):
            return .betaenkning(BundleAssembler.assemble(manifest, displayPath: displayPath, in: self))
        case .success(.dagsorden(let manifest)):
            return .dagsorden(AgendaAssembler.assemble(manifest, displayPath: displayPath, in: self))
        case .success(.referat(let manifest)):
            switch MinutesAssembler.assemble(manifest, displayPath: displayPath, in: self) {
            case .assembled(let outcome): return .referat(outcome)
            case .refused(let report): return .unreadable(report)
            }
        }
    }

    /// `indstil check`: the documents (in parallel), then each manifest as a whole.
    /// Markdown files without front matter found in folders are skipped; named ones are an
    /// error. The manifests are assembled first and their files kept, so a document in the
    /// folder that a manifest names is analysed once; the other documents are one pass and
    /// not kept.
    public func check(_ inputs: [FileCollector.Input]) -> [FileReport] {
        // The Danish dictionary's answers from earlier runs, or else the dictionary itself
        // (about 0,1 s), load while the first documents are read; for a folder of documents
        // its word list too (0,05 s, then most shared words are known at once).
        if spells { SpellingDictionary.loadInBackground(withStems: inputs.count > 20) }
        let manifests = inputs.filter { Manifest.isManifest($0.url) }.map { assemble($0.url, displayPath: $0.displayPath).reports }
        let documents = inputs.filter { !Manifest.isManifest($0.url) }
        let reports = ParallelWork.map(documents) { self.report(for: $0) }
        if spells { SpellingDictionary.danish?.keepAnswers() }
        return reports.compactMap { $0 } + manifests.flatMap { $0 }
    }

    package func report(for input: FileCollector.Input) -> FileReport? {
        let analysis = analyze(input.url, displayPath: input.displayPath, keep: false)
        // A Word file found in a folder is a recommendation when it has a section of its
        // profile's skeleton; other .docx files (appendices, letters) are skipped, but one
        // that cannot be read at all is reported (checks fail closed).
        if !input.isExplicit, WordImport.isWordDocument(input.url), !analysis.isUnreadable,
           analysis.analyzed?.sections.contains(where: { $0.spec != nil }) != true { return nil }
        guard case .noFrontMatter = analysis.content else { return analysis.report }
        guard input.isExplicit else { return nil }
        return FileReport(path: input.displayPath, diagnostics: applyingConfiguredSeverity([Diagnostic(
            check: "input.invalid", severity: .error,
            message: Message(da: "Filen har ingen front matter (den skal begynde med en linje ---, felterne og en linje ---); lav en ny med »indstil new«",
                             en: "The file has no front matter (it must start with a --- line, the fields and a --- line); create one with \"indstil new\""),
            line: 1)]))
    }
}
