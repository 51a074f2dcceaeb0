import Foundation

/// A new, empty temporary folder for a packet's intermediate files; the caller removes it.
enum PacketWorkFolder {
    static func make() throws(PacketFailure) -> URL {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("indstil-pakke-\(UUID().uuidString)", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        } catch {
            throw PacketFailure(.writing, "kan ikke oprette en midlertidig mappe: \(error.localizedDescription)", file: work)
        }
        return work
    }
}
