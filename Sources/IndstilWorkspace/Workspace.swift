import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks

/// The analysis service: one project's configuration and profiles, and every file read,
/// parsed and analysed at most once for its content. Every command goes through it —
/// `check`, `stats`, `render`, `bundle` (betænkning and agenda), `profiles`, `new` — and a
/// long-running process (the browser workspace) keeps one warm: a file whose bytes have
/// not changed is not analysed again.
///
/// Safe to use from several threads; `check` analyses files in parallel.
public final class Workspace: @unchecked Sendable {
    /// Runs the external plugins of a configuration on one analysed document.
    public typealias PluginHook = @Sendable (AnalyzedDocument, Configuration) -> [Diagnostic]

    public let configuration: Configuration
    /// `--profile`: beats the document's own `profil` and indstil.yml's `profile`.
    public let profileOverride: String?
    /// The checks that run: those indstil.yml turns off (`off`) are not run at all.
    public let checks: [any Check]
    let plugins: PluginHook?
    let profileStores: ProfileStores
    private let cache = AnalysisCache()
    /// Whether `spelling.unknown-word` runs.
    package let spells: Bool
    let fingerprints = FileFingerprints()

    public init(configuration: Configuration = Configuration(), profileOverride: String? = nil,
                checks: [any Check] = CheckRegistry.documentChecks, plugins: PluginHook? = PluginRunner.diagnostics) {
        self.configuration = configuration
        self.profileOverride = profileOverride
        self.checks = checks.filter { configuration.checks[$0.id]?.severity != .off }
        spells = self.checks.contains { $0 is UnknownWordCheck }
        self.plugins = plugins
        profileStores = ProfileStores(extraFolders: configuration.profileFolders)
    }

    /// The workspace for work started in `folder`: the nearest indstil.yml upward.
    public static func discover(from folder: URL, profileOverride: String? = nil) throws(Configuration.Invalid) -> Workspace {
        Workspace(configuration: try Configuration.discover(from: folder), profileOverride: profileOverride)
    }

    // MARK: - Profiles

    /// The profiles a document in `folder` can name: its project's `profiles/`, then
    /// `profile_paths`, then the shipped ones.
    public func profileStore(for folder: URL) -> ProfileStore {
        profileStores.store(forProjectRoot: profileStores.projectRoot(from: folder))
    }

    /// The project folder paths in a file in `folder` are confined to.
    public func projectRoot(for folder: URL) -> URL {
        profileStores.projectRoot(from: folder) ?? folder.standardizedFileURL
    }

    /// The profile a document is read through: `--profile`, its `profil`, indstil.yml's
    /// `profile`, then what `requirement` falls back to. `.success(nil)` when none applies
    /// and that is allowed (a notat); a diagnostic when none applies to a required one or
    /// the named profile is missing or unreadable.
    public func resolveProfile(for document: Document, requirement: ProfileRequirement = .required) -> Result<Profile?, Diagnostic> {
        resolveProfile(for: document, requirement: requirement, in: profileStore(for: document.url.deletingLastPathComponent()))
    }

    func resolveProfile(for document: Document, requirement: ProfileRequirement, in store: ProfileStore) -> Result<Profile?, Diagnostic> {
        let entry = document.frontMatter.entry("profil")
        let id: String
        if profileOverride == nil, let entry, entry.value.trimmedString == nil {
            // A list or a map where one name belongs: wrong, not missing.
            return .failure(Diagnostic(check: "metadata.invalid-field", severity: .error,
                                       message: Message(da: "Feltet »profil« skal være ét profilnavn, fx »profil: aarhus-byraad« (se »indstil profiles«)",
                                                        en: "The field \"profil\" must be one profile name, e.g. \"profil: aarhus-byraad\" (see \"indstil profiles\")"),
                                       line: entry.keyLine))
        }
        if let named = profileOverride ?? entry?.value.trimmedString ?? configuration.defaultProfile {
            guard !named.isEmpty else { return .failure(missingProfile) }
            id = named
        } else {
            switch requirement {
            case .fallback(let fallback): id = fallback
            case .optional, .markdownOnly: return .success(nil)
            case .required: return .failure(missingProfile)
            }
        }
        switch store.profile(id: id) {
        case .success(let profile)?:
            return .success(profile)
        case .failure(let error)?:
            return .failure(Diagnostic(check: "input.invalid", severity: .error,
                                       message: Message(da: "Profilen »\(id)« kan ikke læses: \(error.message.da) (\(error.path)\(error.line.map { ":\($0)" } ?? ""))",
                                                        en: "The profile \"\(id)\" cannot be read: \(error.message.en) (\(error.path)\(error.line.map { ":\($0)" } ?? ""))"),
                                       line: entry?.keyLine ?? 1))
        case nil:
            let known = store.availableIDs().joined(separator: ", ")
            // The name as written, with control characters (a NUL …) shown as escapes.
            let shown = id.escapingControlCharacters
            return .failure(Diagnostic(check: "metadata.invalid-field", severity: .error,
                                       message: Message(da: "Profilen »\(shown)« findes ikke; kendte profiler: \(known)",
                                                        en: "The profile \"\(shown)\" does not exist; known profiles: \(known)"),
                                       line: entry?.keyLine ?? 1))
        }
    }

    var missingProfile: Diagnostic {
        Diagnostic(check: "metadata.missing-field", severity: .error,
                   message: Message(da: "Feltet »profil« mangler; skriv fx »profil: aarhus-byraad« (se »indstil profiles«)",
                                    en: "The field \"profil\" is missing; write e.g. \"profil: aarhus-byraad\" (see \"indstil profiles\")"),
                   line: 1)
    }

    // MARK: - Files

    /// The file at `url` (absolute and standardized, as `FileCollector` and manifests give
    /// it: the path is the cache's key), read and analysed once for its content: a second
    /// call for the same bytes returns the first result. With `checking` false (rendering, statistics)
    /// the document checks and plugins are not run; a later call that asks for them runs
    /// them on the analysis already made. With `keep` false (one pass over many files, as
    /// `check` of a folder or `render` of many) an analysis already kept is used, but the
    /// new one is not kept.
    public func analyze(_ url: URL, displayPath: String, requirement: ProfileRequirement = .required, checking: Bool = true,
                        keep: Bool = true) -> FileAnalysis {
        if WordImport.isWordDocument(url) {
            return analyzeWord(url, displayPath: displayPath, requirement: requirement, checking: checking, keep: keep)
        }
        switch SourceText.read(url) {
        case .failure(let failure):
            return FileAnalysis(path: displayPath, url: url, content: .failed, diagnostics: applyingConfiguredSeverity([failure.diagnostic]))
        case .success(let text):
            return analyze(text: text, url: url, displayPath: displayPath, requirement: requirement, checking: checking, keep: keep)
        }
    }

    /// `text` as the content of the file at `url` (an unsaved edit in the browser workspace).
    public func analyze(text: String, url: URL, displayPath: String, requirement: ProfileRequirement = .required,
                        checking: Bool = true, keep: Bool = true) -> FileAnalysis {
        // The first document checked (a bundle's, an agenda's, the workspace's) starts the
        // Danish dictionary loading beside it (once a process).
        if checking, spells { SpellingDictionary.loadInBackground() }
        let file = AnalysisCache.FileKey(path: url.path, displayPath: displayPath)
        func result(_ content: FileAnalysis.Content, _ diagnostics: [Diagnostic] = []) -> FileAnalysis {
            FileAnalysis(path: displayPath, url: url, content: content,
                         diagnostics: Diagnostic.sortedForOutput(applyingConfiguredSeverity(diagnostics)))
        }
        if requirement == .markdownOnly {
            return result(.markdown(cache.markdown(file, text: text, keep: keep) { Self.markdownBody(text) }, document: nil))
        }
        let parsed = cache.parsed(file, text: text, keep: keep) {
            switch DocumentLoader.parse(text, url: url, displayPath: displayPath) {
            case .document(let document): .document(document)
            case .failed(let diagnostic): .failed(diagnostic)
            case .noFrontMatter: .noFrontMatter(Lazy { Self.markdownBody(text) })
            }
        }
        let document: Document
        switch parsed {
        case .failed(let diagnostic):
            return result(.failed, [diagnostic])
        case .noFrontMatter(let body):
            return requirement == .optional ? result(.markdown(body.value, document: nil)) : result(.noFrontMatter)
        case .document(let parsedDocument):
            document = parsedDocument
        }
        let profile: Profile
        // The file's folder and project, worked out once for the profile and the checks
        // (URL path operations are a measurable part of checking a small document).
        let folder = url.deletingLastPathComponent()
        let root = profileStores.projectRoot(from: folder)
        switch resolveProfile(for: document, requirement: requirement, in: profileStores.store(forProjectRoot: root)) {
        case .failure(let diagnostic): return result(.noProfile(document), [diagnostic])
        case .success(nil): return result(.markdown(document.body, document: document))
        case .success(let resolved?): profile = resolved
        }
        let key = AnalysisCache.AnalysisKey(file: file, profileID: profile.id)
        let cached = cache.analysis(key, text: text)
        if let cached, cached.isChecked || !checking { return cached }
        let analyzed = cached?.analyzed ?? AnalyzedDocument(document: document, profile: profile)
        let analysis = FileAnalysis(path: displayPath, url: url, content: .analyzed(analyzed),
                                    diagnostics: checking ? Diagnostic.sortedForOutput(applyingConfiguredSeverity(
                                        check(analyzed, projectRoot: root ?? folder.standardizedFileURL))) : [],
                                    isChecked: checking)
        cache.store(analysis, for: key, text: text, isNew: cached == nil, keep: keep)
        return analysis
    }

    /// How often each file (by absolute path) was parsed, and how often a parsed document
    /// was analysed through a profile, since the workspace was made: a packet build reads
    /// and analyses each file once.
    public var parseCounts: [String: Int] { cache.counts.parses }
    public var analysisCounts: [String: Int] { cache.counts.analyses }

    static func markdownBody(_ text: String) -> MarkdownNode {
        let split = FrontMatterSplit.split(text)
        return MarkdownParser.parse(split.body, lineOffset: split.bodyLineOffset).root
    }

    /// Every check, then the configured plugins, on an analysed document (before the
    /// configured severities are applied).
    func check(_ analyzed: AnalyzedDocument, projectRoot root: URL) -> [Diagnostic] {
        let context = CheckContext(analyzed: analyzed, projectRoot: root, resolvedProjectRoot: profileStores.resolvedPath(of: root),
                                   configuration: configuration)
        var found = checks.flatMap { $0.check(context) }
        if let plugins, !configuration.plugins.isEmpty { found += plugins(analyzed, configuration) }
        return found
    }

    /// indstil.yml may raise, lower or turn off a check (mandatory rules stay errors: the
    /// configuration refuses to lower them).
    public func applyingConfiguredSeverity(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard !configuration.checks.isEmpty else { return diagnostics }
        return diagnostics.compactMap { diagnostic in
            guard let severity = configuration.severity(for: diagnostic) else { return nil }
            var adjusted = diagnostic
            adjusted.severity = severity
            return adjusted
        }
    }
}
