import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks

/// One profile store per project root, and the project root of each folder, shared by
/// every file the analysis service reads. Each store searches the project's `profiles/`,
/// then `profile_paths` from indstil.yml, then the shipped `Templates/`.
final class ProfileStores: Sendable {
    private let extraFolders: [URL]
    private struct Tables {
        var stores: [String: ProfileStore] = [:]
        var projectRoots: [String: URL?] = [:]
        var resolvedRoots: [String: String] = [:]
    }
    private let tables = Locked(Tables())

    init(extraFolders: [URL]) {
        self.extraFolders = extraFolders
    }

    func store(forProjectRoot root: URL?) -> ProfileStore {
        let key = root?.path ?? ""
        return tables.withLock { tables in
            if let store = tables.stores[key] { return store }
            let store = ProfileStore.standard(projectRoot: root, extraFolders: extraFolders)
            tables.stores[key] = store
            return store
        }
    }

    /// `ProjectRoot.resolvedPath(_:)` (symbolic links resolved), remembered per root.
    func resolvedPath(of root: URL) -> String {
        remembered(\.resolvedRoots, root.path) { ProjectRoot.resolvedPath(root) }
    }

    /// `ProjectRoot.find(from:)`, remembered per folder: files of one folder share the walk
    /// up the folders (two file-system look-ups per level).
    func projectRoot(from folder: URL) -> URL? {
        remembered(\.projectRoots, folder.path) { ProjectRoot.find(from: folder) }
    }

    /// The value kept under `key`, or `compute`'s, kept; computed outside the lock (file
    /// system look-ups), so two threads may both compute the same value once.
    private func remembered<Value>(_ table: WritableKeyPath<Tables, [String: Value]>, _ key: String,
                                   _ compute: () -> Value) -> Value {
        if let known = tables.withLock({ $0[keyPath: table][key] }) { return known }
        let value = compute()
        tables.withLock { $0[keyPath: table][key] = value }
        return value
    }
}
