import Foundation

/// Reads a bundle manifest, numbers and loads every appendix, checks each Markdown
/// appendix against its profile and the bundle's own rules (ids, numbering,
/// references, files). Diagnostics are grouped per file, the manifest first.
public struct BundleAssembler: Sendable {
    public var runner: CheckRunner

    public init(runner: CheckRunner = CheckRunner()) {
        self.runner = runner
    }

    public struct Outcome: Sendable {
        /// nil when the manifest itself could not be read.
        public let bundle: ResolvedBundle?
        public let reports: [FileReport]

        public var hasErrors: Bool { reports.contains { $0.diagnostics.contains { $0.severity == .error } } }
    }

    public func assemble(_ manifestURL: URL, displayPath: String) -> Outcome {
        let manifest: BundleManifest
        switch BundleManifest.load(manifestURL) {
        case .failure(let diagnostic):
            return Outcome(bundle: nil, reports: [FileReport(path: displayPath, diagnostics: [diagnostic])])
        case .success(let loaded):
            manifest = loaded
        }
        let folder = manifestURL.deletingLastPathComponent().standardizedFileURL
        let displayFolder = (displayPath as NSString).deletingLastPathComponent
        func shown(_ path: String) -> String { displayFolder.isEmpty ? path : "\(displayFolder)/\(path)" }

        var manifestDiagnostics: [Diagnostic] = []
        func problem(_ check: String, _ line: Int, _ da: String, _ en: String) {
            manifestDiagnostics.append(Diagnostic(check: check, severity: .error, message: Message(da: da, en: en), line: line))
        }
        /// The file a manifest path names, when it exists inside the project.
        let paths = ManifestPaths(manifestFolder: folder)
        func resolve(_ path: String, line: Int) -> URL? {
            switch paths.resolve(path, relativeTo: folder, line: line) {
            case .success(let url): return url
            case .failure(let problem):
                manifestDiagnostics.append(problem.diagnostic)
                return nil
            }
        }

        // Ids: unique across the bundle.
        var firstLine: [String: Int] = [:]
        for appendix in manifest.chapters.flatMap(\.appendices) {
            if let first = firstLine[appendix.id] {
                problem("bundle.duplicate-id", appendix.line,
                        "Bilags-id »\(appendix.id)« er allerede brugt i linje \(first); giv bilaget et andet »id«",
                        "Appendix id \"\(appendix.id)\" is already used on line \(first); give this appendix another \"id\"")
            } else {
                firstLine[appendix.id] = appendix.line
            }
        }

        var chapters: [ResolvedBundle.Chapter] = []
        var documentReports: [FileReport] = []
        var pendingReferences: [(path: String, document: Document?, references: [BundleReference])] = []
        for (chapterIndex, chapterEntry) in manifest.chapters.enumerated() {
            let chapterNumber = chapterIndex + 1
            var intro: MarkdownNode?
            var introURL: URL?
            if let introPath = chapterEntry.intro, let url = resolve(introPath, line: chapterEntry.introLine) {
                switch SourceText.read(url) {
                case .failure(let failure):
                    documentReports.append(FileReport(path: shown(introPath), diagnostics: [failure.diagnostic]))
                case .success(let text):
                    let split = FrontMatterSplit.split(text)
                    let parsed = MarkdownParser.parse(split.body, lineOffset: split.bodyLineOffset).root
                    intro = parsed
                    introURL = url
                    pendingReferences.append((shown(introPath), nil, BundleReference.find(in: parsed, document: nil)))
                }
            }
            var appendices: [ResolvedBundle.Appendix] = []
            for (position, entry) in chapterEntry.appendices.enumerated() {
                let number = manifest.number(chapter: chapterNumber, appendix: position + 1)
                if let fixed = entry.fixedNumber, fixed != number {
                    problem("bundle.numbering", entry.line,
                            "Bilaget har nummeret »\(fixed)«, men står som nr. \(position + 1) i kapitel \(chapterNumber) og bliver »\(number)«; ret nummeret eller flyt bilaget",
                            "The appendix is numbered \"\(fixed)\" but is no. \(position + 1) in chapter \(chapterNumber), so it becomes \"\(number)\"; fix the number or move it")
                }
                guard let url = resolve(entry.file, line: entry.fileLine) else { continue }
                let fileExtension = url.pathExtension.lowercased()
                if fileExtension == "md" {
                    switch DocumentLoader.load(url, displayPath: shown(entry.file)) {
                    case .failed(let diagnostic):
                        documentReports.append(FileReport(path: shown(entry.file), diagnostics: [diagnostic]))
                    case .noFrontMatter:
                        documentReports.append(FileReport(path: shown(entry.file), diagnostics: [Diagnostic(
                            check: "input.invalid", severity: .error,
                            message: Message(da: "Bilaget har ingen front matter; det skal mindst have »profil: betaenkning-bilag« og »titel«",
                                             en: "The appendix has no front matter; it needs at least \"profil: betaenkning-bilag\" and \"titel\""),
                            line: 1)]))
                    case .document(let document):
                        var appendixRunner = runner
                        if document.profileID == nil && runner.profileOverride == nil && runner.configuration.defaultProfile == nil {
                            appendixRunner.profileOverride = "betaenkning-bilag"
                        }
                        let stores = ProfileStores(extraFolders: runner.configuration.profileFolders)
                        let store = stores.store(forProjectRoot: ProjectRoot.find(from: url.deletingLastPathComponent()))
                        documentReports.append(FileReport(path: shown(entry.file), diagnostics: appendixRunner.check(document, stores: stores)))
                        pendingReferences.append((shown(entry.file), document, BundleReference.find(in: document.body, document: document)))
                        if case .success(let profile) = appendixRunner.resolveProfile(for: document, store: store) {
                            let analyzed = AnalyzedDocument(document: document, profile: profile)
                            let title = document.title.isEmpty ? (entry.title ?? entry.id) : document.title
                            appendices.append(.init(id: entry.id, number: number, title: title, chapter: chapterNumber,
                                                    position: position + 1, source: url, content: .markdown(analyzed)))
                        }
                    }
                } else {
                    guard let title = entry.title, !title.isEmpty else {
                        problem("metadata.missing-field", entry.line, "Bilaget »\(entry.file)« er ikke Markdown og skal have en »titel« i bundle.yml",
                                "The appendix \"\(entry.file)\" is not Markdown and needs a \"titel\" in bundle.yml")
                        continue
                    }
                    appendices.append(.init(id: entry.id, number: number, title: title, chapter: chapterNumber,
                                            position: position + 1, source: url, content: .attachment(fileExtension: fileExtension)))
                }
            }
            chapters.append(.init(number: chapterNumber, title: chapterEntry.title, intro: intro, introSource: introURL, appendices: appendices))
        }

        // Cross-references resolve against every id in the manifest and every chapter number.
        let ids = Set(manifest.chapters.flatMap(\.appendices).map(\.id))
        for (path, _, references) in pendingReferences {
            var diagnostics: [Diagnostic] = []
            for reference in references {
                let message: Message?
                switch reference.target {
                case .appendix(let id) where !ids.contains(id):
                    let suggestion = ids.sorted().first { $0.lowercased() == id.lowercased() }.map { " (mente du »\($0)«?)" } ?? ""
                    message = Message(da: "Henvisningen bilag:\(id) peger ikke på et bilag i bundle.yml\(suggestion)",
                                      en: "The reference bilag:\(id) names no appendix in bundle.yml\(suggestion)")
                case .chapter(let number) where number < 1 || number > manifest.chapters.count:
                    message = Message(da: "Henvisningen kapitel:\(number) peger ikke på et kapitel (der er \(manifest.chapters.count))",
                                      en: "The reference kapitel:\(number) names no chapter (there are \(manifest.chapters.count))")
                case .invalid(let text):
                    message = Message(da: "Henvisningen »\(text)« er ufuldstændig; skriv bilag:ID eller kapitel:N",
                                      en: "The reference \"\(text)\" is incomplete; write bilag:ID or kapitel:N")
                default:
                    message = nil
                }
                if let message {
                    diagnostics.append(Diagnostic(check: "bundle.unresolved-reference", severity: .error, message: message,
                                                  line: reference.line, column: reference.column))
                }
            }
            guard !diagnostics.isEmpty else { continue }
            if let index = documentReports.firstIndex(where: { $0.path == path }) {
                documentReports[index] = FileReport(path: path, diagnostics: Diagnostic.sortedForOutput(documentReports[index].diagnostics + diagnostics))
            } else {
                documentReports.append(FileReport(path: path, diagnostics: Diagnostic.sortedForOutput(diagnostics)))
            }
        }

        let manifestReport = FileReport(path: displayPath, diagnostics: Diagnostic.sortedForOutput(runner.applyingConfiguredSeverity(manifestDiagnostics)))
        let bundle = ResolvedBundle(manifest: manifest, title: manifest.title, chapters: chapters)
        return Outcome(bundle: bundle, reports: [manifestReport] + documentReports.sorted { $0.path < $1.path })
    }
}
