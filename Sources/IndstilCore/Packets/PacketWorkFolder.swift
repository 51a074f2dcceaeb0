import Foundation

/// A new, empty temporary folder for a packet's intermediate files (a `TemporaryItems`
/// folder: removed when indstil is interrupted); the caller removes it with `remove`.
enum PacketWorkFolder {
    static func make() throws(PacketFailure) -> URL {
        do {
            return try TemporaryItems.makeFolder(kind: "pakke")
        } catch {
            let folder = FileManager.default.temporaryDirectory
            throw PacketFailure(.writing, "kan ikke oprette en midlertidig mappe i \(folder.path): \(SystemErrorText.reason(error))", file: folder)
        }
    }

    static func remove(_ work: URL) {
        TemporaryItems.remove(work)
    }
}
