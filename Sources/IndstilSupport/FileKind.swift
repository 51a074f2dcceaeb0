import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What is at a path, and the one gate every reader passes before it opens a file or hands
/// its path to another program (qpdf, pdftotext, LibreOffice): only a regular file is read.
/// A FIFO would block the reader (or the program) for ever, and a device or a socket is not a
/// document. `of` follows symbolic links; `read` never blocks on what it opens (O_NONBLOCK)
/// and checks the opened file itself, so a path swapped for a FIFO after the check is refused
/// too.
public enum FileKind: Equatable, Sendable {
    case regular, directory, special, missing

    /// What `url` is, symbolic links followed.
    public static func of(_ url: URL) -> FileKind {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return .missing }
        return kind(info.st_mode)
    }

    /// What the path itself is, a symbolic link not followed (`.special` for a link).
    public static func ofLink(_ url: URL) -> FileKind {
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return .missing }
        return kind(info.st_mode)
    }

    /// True when `url` is a regular file (symbolic links followed): what may be read or given
    /// to a program.
    public static func isRegularFile(_ url: URL) -> Bool { of(url) == .regular }

    package static func kind(_ mode: mode_t) -> FileKind {
        switch mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        default: return .special
        }
    }

    /// Why `read` did not give the bytes.
    public enum ReadFailure: Error, Equatable, Sendable {
        case missing
        case notRegular
        case symbolicLink
        case tooLarge(Int)
        case unreadable(Int32)
    }

    /// The bytes of the regular file at `url`, opened without blocking (a FIFO is never
    /// waited on) and checked after opening; with `followLinks: false` a symbolic link at the
    /// last component is refused (O_NOFOLLOW).
    public static func read(_ url: URL, limit: Int = Int.max, followLinks: Bool = true) -> Result<Data, ReadFailure> {
        var flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC
        if !followLinks { flags |= O_NOFOLLOW }
        let descriptor = open(url.path, flags)
        guard descriptor >= 0 else {
            switch errno {
            case ENOENT, ENOTDIR: return .failure(.missing)
            case ELOOP: return .failure(.symbolicLink)
            default: return .failure(.unreadable(errno))
            }
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.unreadable(errno)) }
        guard kind(info.st_mode) == .regular else { return .failure(.notRegular) }
        let size = Int(info.st_size)
        guard size <= limit else { return .failure(.tooLarge(size)) }
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(errno))
            }
            if count == 0 { break }
            data.append(contentsOf: chunk[0..<count])
            if data.count > limit { return .failure(.tooLarge(data.count)) }
        }
        return .success(data)
    }

    private static func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(descriptor, buffer, count)
        #else
        Darwin.read(descriptor, buffer, count)
        #endif
    }
}
