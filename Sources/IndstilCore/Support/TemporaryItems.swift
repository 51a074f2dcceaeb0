import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files and folders indstil makes for its own work (a packet's work folder, a staged
/// output, a PDF being set) and removes when done. They are registered while they exist,
/// so an interrupted run removes them too (`Interruption`), and their names carry the
/// process id, so a run killed outright (SIGKILL, power loss) leaves names the next run
/// recognises as abandoned and removes (`removeAbandoned`).
public enum TemporaryItems {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var items: Set<URL> = []

    /// This process's id, as it appears in the names of its temporary items.
    static var ownID: Int32 { getpid() }

    /// The start of every temporary item's name: `indstil-tmp.PID.KIND.UUID`.
    static let namePrefix = "indstil-tmp."

    /// A new empty folder `indstil-tmp.PID.KIND.UUID` in the temporary folder, registered.
    /// The first one a run makes first removes the abandoned ones of earlier runs.
    public static func makeFolder(kind: String) throws -> URL {
        _ = abandonedWorkRemoved
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(namePrefix)\(ownID).\(kind).\(UUID().uuidString)", isDirectory: true)
        register(folder)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            unregister(folder)
            throw error
        }
        return folder
    }

    /// A path `indstil-tmp.PID.KIND.UUID.EXT` in the temporary folder, registered (not created).
    public static func makeFile(kind: String, extension pathExtension: String) -> URL {
        _ = abandonedWorkRemoved
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(namePrefix)\(ownID).\(kind).\(UUID().uuidString).\(pathExtension)")
        register(file)
        return file
    }

    static func register(_ url: URL) {
        lock.lock()
        items.insert(url.standardizedFileURL)
        lock.unlock()
    }

    static func unregister(_ url: URL) {
        lock.lock()
        items.remove(url.standardizedFileURL)
        lock.unlock()
    }

    /// Removes `url` (if it is there) and forgets it.
    public static func remove(_ url: URL) {
        try? FileManager.default.removeItem(at: url)
        unregister(url)
    }

    /// Removes every registered item (they stay registered): indstil is being interrupted.
    static func removeAll() {
        lock.lock()
        let all = items
        lock.unlock()
        for url in all { try? FileManager.default.removeItem(at: url) }
    }

    /// Whether a process with this id is running (or exists at all, as far as we may know).
    static func isRunning(_ pid: Int32) -> Bool {
        pid == ownID || kill(pid, 0) == 0 || errno == EPERM
    }

    /// The temporary folder's `indstil-tmp.PID.…` items whose process is gone, removed
    /// once per run.
    private static let abandonedWorkRemoved: Bool = {
        let folder = FileManager.default.temporaryDirectory
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasPrefix(namePrefix) {
            let digits = name.dropFirst(namePrefix.count).prefix { $0 != "." }
            guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), let pid = Int32(digits), pid > 0, !isRunning(pid) else { continue }
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
        return true
    }()
}
