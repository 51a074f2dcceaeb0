import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// A new, empty temporary folder for a packet's intermediate files (a `TemporaryItems`
/// folder: 0700 whatever the umask, removed when indstil is interrupted, and by the next
/// run when indstil was killed); the caller removes it with `remove`. LibreOffice's and
/// WeasyPrint's own temporary folders are made inside it (`OfficeConversion`, `WeasyPrint`).
enum PacketWorkFolder {
    static func make() throws(PacketFailure) -> URL {
        do {
            return try TemporaryItems.makeFolder(kind: "pakke")
        } catch {
            let folder = FileManager.default.temporaryDirectory
            let reason = SystemErrorText.reason(error)
            throw PacketFailure(.writing, da: "kan ikke oprette en midlertidig mappe i \(folder.path): \(reason.da)",
                                en: "cannot create a temporary folder in \(folder.path): \(reason.en)", file: folder)
        }
    }

    static func remove(_ work: URL) {
        TemporaryItems.remove(work)
    }
}
