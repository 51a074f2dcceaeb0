import Foundation

/// The diagnostics of one file.
public struct FileReport: Sendable {
    public let path: String
    public let diagnostics: [Diagnostic]

    public init(path: String, diagnostics: [Diagnostic]) {
        self.path = path
        self.diagnostics = diagnostics
    }
}

/// Counts over a whole run.
public struct RunSummary: Sendable, Equatable {
    public let errors: Int
    public let warnings: Int
    public let notes: Int
    public let files: Int

    public init(_ reports: [FileReport]) {
        let all = reports.flatMap(\.diagnostics)
        errors = all.filter { $0.severity == .error }.count
        warnings = all.filter { $0.severity == .warning }.count
        notes = all.filter { $0.severity == .note }.count
        files = reports.count
    }
}

/// Checks files: load, find the profile, analyse once, run every check.
/// Files are checked in parallel; the result is in input order.
public struct CheckRunner: Sendable {
    public var profileOverride: String?
    public var checks: [any Check]
    public var configuration: Configuration
    /// Runs the external plugins of `configuration` on one document.
    public var plugins: (@Sendable (AnalyzedDocument, Configuration) -> [Diagnostic])?

    public init(profileOverride: String? = nil, checks: [any Check] = CheckRegistry.all, configuration: Configuration = Configuration(),
                plugins: (@Sendable (AnalyzedDocument, Configuration) -> [Diagnostic])? = nil) {
        self.profileOverride = profileOverride
        self.checks = checks
        self.configuration = configuration
        self.plugins = plugins
    }

    var extraProfileFolders: [URL] { configuration.profileFolders }

    /// Reports for the inputs; files without front matter found in folders are skipped.
    public func run(_ inputs: [FileCollector.Input]) -> [FileReport] {
        let stores = ProfileStores(extraFolders: extraProfileFolders)
        let results = ConcurrentResults<FileReport?>(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
            results[index] = checkFile(inputs[index], stores: stores)
        }
        return results.values.compactMap { $0 }
    }

    func checkFile(_ input: FileCollector.Input, stores: ProfileStores) -> FileReport? {
        switch DocumentLoader.load(input.url, displayPath: input.displayPath) {
        case .failed(let diagnostic):
            return FileReport(path: input.displayPath, diagnostics: applyingConfiguredSeverity([diagnostic]))
        case .noFrontMatter:
            guard input.isExplicit else { return nil }
            return FileReport(path: input.displayPath, diagnostics: [Diagnostic(
                check: "input.invalid", severity: .error,
                message: Message(da: "Filen har ingen front matter (den skal begynde med en linje ---, felterne og en linje ---); lav en ny med »indstil new«",
                                 en: "The file has no front matter (it must start with a --- line, the fields and a --- line); create one with \"indstil new\""),
                line: 1)])
        case .document(let document):
            return FileReport(path: input.displayPath, diagnostics: check(document, stores: stores))
        }
    }

    /// Runs every check on a loaded document.
    public func check(_ document: Document, stores: ProfileStores = ProfileStores()) -> [Diagnostic] {
        // ProjectRoot.confinement(for:) and ProjectRoot.find(from:) of the file's folder, with
        // the walk up the folders done once per folder and run.
        let folder = document.url.deletingLastPathComponent()
        let projectRoot = stores.projectRoot(from: folder)
        let root = projectRoot ?? folder.standardizedFileURL
        switch resolveProfile(for: document, store: stores.store(forProjectRoot: projectRoot)) {
        case .failure(let diagnostic):
            return [diagnostic]
        case .success(let profile):
            let analyzed = AnalyzedDocument(document: document, profile: profile)
            let context = CheckContext(analyzed: analyzed, projectRoot: root, configuration: configuration)
            var found = checks.flatMap { $0.check(context) }
            if let plugins, !configuration.plugins.isEmpty { found += plugins(analyzed, configuration) }
            return Diagnostic.sortedForOutput(applyingConfiguredSeverity(found))
        }
    }

    /// indstil.yml may raise, lower or turn off any check.
    public func applyingConfiguredSeverity(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard !configuration.checks.isEmpty else { return diagnostics }
        return diagnostics.compactMap { diagnostic in
            guard let severity = configuration.severity(for: diagnostic) else { return nil }
            var adjusted = diagnostic
            adjusted.severity = severity
            return adjusted
        }
    }

    public func resolveProfile(for document: Document, store: ProfileStore) -> Result<Profile, Diagnostic> {
        let entry = document.frontMatter.entry("profil")
        guard let id = profileOverride ?? entry?.value.trimmedString ?? configuration.defaultProfile, !id.isEmpty else {
            return .failure(Diagnostic(
                check: "metadata.missing-field", severity: .error,
                message: Message(da: "Feltet »profil« mangler; skriv fx »profil: aarhus-byraad« (se »indstil profiles«)",
                                 en: "The field \"profil\" is missing; write e.g. \"profil: aarhus-byraad\" (see \"indstil profiles\")"),
                line: 1))
        }
        switch store.profile(id: id) {
        case .success(let profile)?:
            return .success(profile)
        case .failure(let error)?:
            return .failure(Diagnostic(check: "input.invalid", severity: .error,
                                       message: Message(da: "Profilen »\(id)« kan ikke læses: \(error.reason) (\(error.path))",
                                                        en: "The profile \"\(id)\" cannot be read: \(error.reason) (\(error.path))"),
                                       line: entry?.keyLine ?? 1))
        case nil:
            let known = store.availableIDs().joined(separator: ", ")
            return .failure(Diagnostic(check: "metadata.invalid-field", severity: .error,
                                       message: Message(da: "Profilen »\(id)« findes ikke; kendte profiler: \(known)",
                                                        en: "The profile \"\(id)\" does not exist; known profiles: \(known)"),
                                       line: entry?.keyLine ?? 1))
        }
    }
}

/// One profile store per project root, and the project root of each folder, shared by all
/// files of a run.
public final class ProfileStores: @unchecked Sendable {
    private let extraFolders: [URL]
    private var stores: [String: ProfileStore] = [:]
    private let lock = NSLock()

    public init(extraFolders: [URL] = []) {
        self.extraFolders = extraFolders
    }

    public func store(forProjectRoot root: URL?) -> ProfileStore {
        lock.lock()
        defer { lock.unlock() }
        let key = root?.path ?? ""
        if let store = stores[key] { return store }
        let store = ProfileStore.standard(projectRoot: root, extraFolders: extraFolders)
        stores[key] = store
        return store
    }

    private var projectRoots: [String: URL?] = [:]

    /// `ProjectRoot.find(from:)`, remembered per folder: files of one folder share the walk
    /// up the folders (two file-system look-ups per level).
    public func projectRoot(from folder: URL) -> URL? {
        lock.lock()
        if let known = projectRoots[folder.path] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let root = ProjectRoot.find(from: folder)
        lock.lock()
        projectRoots[folder.path] = root
        lock.unlock()
        return root
    }
}

/// A fixed-size array that concurrent iterations each write one slot of.
final class ConcurrentResults<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Value? {
        get { lock.lock(); defer { lock.unlock() }; return storage[index] }
        set { lock.lock(); storage[index] = newValue; lock.unlock() }
    }

    var values: [Value] { storage.compactMap { $0 } }
}
