import Foundation

/// What is at a path, following symbolic links. Only regular files are read as documents
/// and appendices: a FIFO would block the reader for ever, and a device or socket is not a
/// document.
enum FileKind: Equatable {
    case regular, directory, special, missing

    static func of(_ url: URL) -> FileKind {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        default: return .special
        }
    }
}
