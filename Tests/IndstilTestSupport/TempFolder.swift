import Foundation

/// A fresh folder under the system's temporary directory for one test, removed by
/// `remove()` or when the value goes away (keep it alive, e.g. with `defer { folder.remove() }`,
/// while its files are in use).
public final class TempFolder: @unchecked Sendable {
    /// The folder, with symbolic links resolved (so paths compare equal to resolved ones).
    public let url: URL

    /// A folder named `indstil-<label>-<UUID>`.
    public init(_ label: String = "test") throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("indstil-\(label)-\(UUID().uuidString)", isDirectory: true)
            .resolvingSymlinksInPath()
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { remove() }

    /// Removes the folder and everything in it (again: nothing).
    public func remove() {
        try? FileManager.default.removeItem(at: url)
    }

    /// A path inside the folder (`relative` need not exist).
    public func url(_ relative: String) -> URL {
        url.appendingPathComponent(relative)
    }

    /// Writes `text` at `relative`, creating folders on the way.
    @discardableResult
    public func write(_ relative: String, _ text: String) throws -> URL {
        try write(relative, data: Data(text.utf8))
    }

    /// Writes `data` at `relative`, creating folders on the way; a path that would land
    /// outside the folder is refused.
    @discardableResult
    public func write(_ relative: String, data: Data) throws -> URL {
        let file = url.appendingPathComponent(relative).standardizedFileURL
        guard file.path.hasPrefix(url.standardizedFileURL.path + "/") else { throw OutsideFolder(path: relative) }
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
        return file
    }

    public func read(_ relative: String) throws -> String {
        try String(contentsOf: url.appendingPathComponent(relative), encoding: .utf8)
    }

    public func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent(relative).path)
    }

    public struct OutsideFolder: Error, CustomStringConvertible {
        public let path: String
        public var description: String { "\(path) is outside the temporary folder" }
    }
}
