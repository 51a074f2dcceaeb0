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
///
/// They hold what is not published yet, closed material included, so they are private
/// whatever the umask: every folder is made 0700 and every file indstil writes into them
/// 0600 (`makePrivateFolder`, `writePrivately`, `copyPrivately`); the programs indstil
/// runs on them create theirs with umask 077 (`ExternalProgram`). Another user can
/// neither list nor read them. They are removed on every way out: when the work is done
/// or fails (by the code that made them), and on SIGINT, SIGTERM and SIGHUP (`Interruption`).
public enum TemporaryItems {
    private static let items = Locked<Set<URL>>([])

    /// This process's id, as it appears in the names of its temporary items.
    package static var ownID: Int32 { getpid() }

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
            try FileManager.default.createDirectory(at: folder.deletingLastPathComponent(), withIntermediateDirectories: true)
            try makePrivateFolder(folder)
        } catch {
            unregister(folder)
            throw error
        }
        return folder
    }

    /// Makes the folder `url` (its parent must exist) for its owner only: 0700, whatever
    /// the umask; a folder already there is refused.
    public static func makePrivateFolder(_ url: URL) throws {
        guard mkdir(url.path, 0o700) == 0 else { throw systemError(errno, url) }
        // The umask may have taken bits away (umask 0277 would leave 0500): exactly 0700.
        guard chmod(url.path, 0o700) == 0 else {
            let code = errno
            _ = rmdir(url.path)
            throw systemError(code, url)
        }
    }

    /// Writes `data` as the new file `url`, for its owner only (0600, whatever the umask).
    /// A file (or a symbolic link) already at `url` is replaced, never written through.
    public static func writePrivately(_ data: Data, to url: URL) throws {
        let fd = try createPrivateFile(url)
        defer { close(fd) }
        try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) throws in
            var written = 0
            while written < bytes.count {
                let count = write(fd, bytes.baseAddress! + written, bytes.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw systemError(errno, url)
                }
                written += count
            }
        }
    }

    /// Copies the file `source` to the new file `destination`, for its owner only (0600).
    public static func copyPrivately(_ source: URL, to destination: URL) throws {
        let input = open(source.path, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw systemError(errno, source) }
        defer { close(input) }
        let output = try createPrivateFile(destination)
        defer { close(output) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw systemError(errno, source)
            }
            var written = 0
            while written < count {
                let done = buffer.withUnsafeBytes { write(output, $0.baseAddress! + written, count - written) }
                if done < 0 {
                    if errno == EINTR { continue }
                    throw systemError(errno, destination)
                }
                written += done
            }
        }
    }

    /// Opens `url` as a new, empty file with mode 0600 (what was there removed first).
    private static func createPrivateFile(_ url: URL) throws -> Int32 {
        if unlink(url.path) != 0 && errno != ENOENT { throw systemError(errno, url) }
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw systemError(errno, url) }
        // O_CREAT's mode passes through the umask too.
        guard fchmod(fd, 0o600) == 0 else {
            let code = errno
            close(fd)
            throw systemError(code, url)
        }
        return fd
    }

    /// A path `indstil-tmp.PID.KIND.UUID.EXT` in the temporary folder, registered (not
    /// created: the program that writes it does, with umask 077).
    public static func makeFile(kind: String, extension pathExtension: String) -> URL {
        _ = abandonedWorkRemoved
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(namePrefix)\(ownID).\(kind).\(UUID().uuidString).\(pathExtension)")
        register(file)
        return file
    }

    /// An errno value as an error `SystemErrorText` words.
    static func systemError(_ code: Int32, _ url: URL) -> any Error {
        POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
    }

    package static func register(_ url: URL) {
        _ = items.withLock { $0.insert(url.standardizedFileURL) }
    }

    static func unregister(_ url: URL) {
        _ = items.withLock { $0.remove(url.standardizedFileURL) }
    }

    /// Removes `url` (if it is there) and forgets it.
    public static func remove(_ url: URL) {
        try? FileManager.default.removeItem(at: url)
        unregister(url)
    }

    /// Removes every registered item (they stay registered): indstil is being interrupted.
    package static func removeAll() {
        let all = items.withLock { $0 }
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
