import Foundation

/// One profile store per project root, and the project root of each folder, shared by
/// every file the analysis service reads. Each store searches the project's `profiles/`,
/// then `profile_paths` from indstil.yml, then the shipped `Templates/`.
final class ProfileStores: @unchecked Sendable {
    private let extraFolders: [URL]
    private var stores: [String: ProfileStore] = [:]
    private var projectRoots: [String: URL?] = [:]
    private var resolvedRoots: [String: String] = [:]
    private let lock = NSLock()

    init(extraFolders: [URL]) {
        self.extraFolders = extraFolders
    }

    func store(forProjectRoot root: URL?) -> ProfileStore {
        lock.lock()
        defer { lock.unlock() }
        let key = root?.path ?? ""
        if let store = stores[key] { return store }
        let store = ProfileStore.standard(projectRoot: root, extraFolders: extraFolders)
        stores[key] = store
        return store
    }

    /// `ProjectRoot.resolvedPath(_:)` (symbolic links resolved), remembered per root.
    func resolvedPath(of root: URL) -> String {
        lock.lock()
        if let known = resolvedRoots[root.path] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let resolved = ProjectRoot.resolvedPath(root)
        lock.lock()
        resolvedRoots[root.path] = resolved
        lock.unlock()
        return resolved
    }

    /// `ProjectRoot.find(from:)`, remembered per folder: files of one folder share the walk
    /// up the folders (two file-system look-ups per level).
    func projectRoot(from folder: URL) -> URL? {
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
