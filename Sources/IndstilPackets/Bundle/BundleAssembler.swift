import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// Assembles a betænkning's appendix bundle: numbers every appendix, reads each file once
/// through the workspace (Markdown appendices are checked against their profile, by
/// default `betaenkning-bilag`), then runs the bundle checks (`CheckRegistry.bundleChecks`)
/// over the whole. Diagnostics are grouped per file, the manifest first.
public enum BundleAssembler {
    /// The profile of a Markdown appendix that names none (and no `--profile` or indstil.yml default).
    public static let defaultAppendixProfile = "betaenkning-bilag"

    public static func assemble(_ manifest: BundleManifest, displayPath: String, in workspace: Workspace) -> Assembled<ResolvedBundle> {
        let folder = manifest.url.deletingLastPathComponent().standardizedFileURL
        let displayFolder = DisplayPath.folder(of: displayPath)
        func shown(_ path: String) -> String { DisplayPath.beside(displayFolder, path) }

        var collector = ReportCollector(manifestPath: displayPath)
        let paths = ManifestPaths(root: workspace.projectRoot(for: folder))
        /// The file a manifest path names, when it exists inside the project.
        func resolve(_ path: String, line: Int) -> URL? {
            switch paths.resolve(path, relativeTo: folder, line: line) {
            case .success(let url): return url
            case .failure(let problem):
                collector.add(problem.diagnostic)
                return nil
            }
        }

        var chapters: [ResolvedBundle.Chapter] = []
        var references: [BundleCheckContext.FileReferences] = []
        // The publication gate: a bundle is published whole, so every file that says it is
        // closed is withheld and named (`publication.closed-file`).
        var closedFiles: [BundleCheckContext.ClosedFile] = []
        var withheld: [URL] = []
        func gate(_ url: URL, shownPath: String, line: Int, frontMatter: YAMLValue?, pages: [String]?) {
            guard let evidence = ClosedEvidence.own(url, frontMatter: frontMatter, pages: pages) else { return }
            closedFiles.append(.init(path: shownPath, line: line, evidence: evidence))
            withheld.append(url)
        }
        for (chapterIndex, chapterEntry) in manifest.chapters.enumerated() {
            let chapterNumber = chapterIndex + 1
            var intro: MarkdownNode?
            var introURL: URL?
            if let introPath = chapterEntry.intro, let url = resolve(introPath, line: chapterEntry.introLine) {
                let analysis = workspace.analyze(url, displayPath: shown(introPath), requirement: .markdownOnly)
                if case .markdown(let body, let document) = analysis.content {
                    gate(url, shownPath: shown(introPath), line: chapterEntry.introLine, frontMatter: document?.frontMatter, pages: nil)
                    intro = body
                    introURL = url
                    references.append(.init(path: analysis.path, references: BundleReference.find(in: body, document: nil)))
                } else {
                    collector.add(analysis.path, analysis.diagnostics)
                }
            }
            var appendices: [ResolvedBundle.Appendix] = []
            for (position, entry) in chapterEntry.appendices.enumerated() {
                let number = manifest.number(chapter: chapterNumber, appendix: position + 1)
                guard let url = resolve(entry.file, line: entry.fileLine) else { continue }
                let fileExtension = url.pathExtension.lowercased()
                guard fileExtension == "md" else {
                    guard let title = entry.title, !title.isEmpty else {
                        collector.add(Diagnostic(
                            check: "metadata.missing-field", severity: .error,
                            message: Message(da: "Bilaget »\(entry.file)« er ikke Markdown og skal have en »titel« i bundle.yml",
                                             en: "The appendix \"\(entry.file)\" is not Markdown and needs a \"titel\" in bundle.yml"),
                            line: entry.line))
                        continue
                    }
                    var pages: [String]?
                    if case .pages(let text) = AttachmentText.read(url) { pages = text }
                    gate(url, shownPath: shown(entry.file), line: entry.fileLine, frontMatter: nil, pages: pages)
                    // A bundle is published whole: personal data in an attachment's text is found as in a document.
                    if let pages {
                        collector.add(displayPath, PersonalDataScan.attachmentFindings(pages: pages, fileName: url.lastPathComponent, isClosed: false, line: entry.fileLine))
                    }
                    appendices.append(.init(id: entry.id, number: number, title: title, chapter: chapterNumber,
                                            position: position + 1, source: url, content: .attachment(fileExtension: fileExtension)))
                    continue
                }
                let analysis = workspace.analyze(url, displayPath: shown(entry.file), requirement: .fallback(Self.defaultAppendixProfile))
                collector.add(analysis.path, analysis.diagnostics)
                switch analysis.content {
                case .analyzed(let analyzed):
                    let document = analyzed.document
                    gate(url, shownPath: shown(entry.file), line: entry.fileLine, frontMatter: document.frontMatter, pages: nil)
                    references.append(.init(path: analysis.path, references: BundleReference.find(in: document.body, document: document)))
                    let title = document.title.isEmpty ? (entry.title ?? entry.id) : document.title
                    appendices.append(.init(id: entry.id, number: number, title: title, chapter: chapterNumber,
                                            position: position + 1, source: url, content: .markdown(analyzed)))
                case .noFrontMatter:
                    collector.add(analysis.path, [Diagnostic(
                        check: "input.invalid", severity: .error,
                        message: Message(da: "Bilaget har ingen front matter; det skal mindst have »profil: betaenkning-bilag« og »titel«",
                                         en: "The appendix has no front matter; it needs at least \"profil: betaenkning-bilag\" and \"titel\""),
                        line: 1)])
                case .markdown, .noProfile, .failed:
                    break
                }
            }
            chapters.append(.init(number: chapterNumber, title: chapterEntry.title, intro: intro, introSource: introURL, appendices: appendices))
        }

        let context = BundleCheckContext(manifest: manifest, manifestPath: displayPath, references: references, closedFiles: closedFiles)
        for check in CheckRegistry.bundleChecks {
            collector.add(check.check(context))
        }
        let bundle = ResolvedBundle(manifest: manifest, title: manifest.title, chapters: chapters, withheld: withheld)
        return Assembled(packet: bundle, reports: collector.reports(workspace))
    }
}
