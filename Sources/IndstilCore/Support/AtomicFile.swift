import Foundation

/// Writes a file so that readers see either the old file or the whole new one:
/// the bytes go to a temporary file beside it, which is then renamed over it.
public enum AtomicFile {
    /// Why a file could not be written, in words for the user: the file and the system's
    /// reason (never Foundation's "Error Domain=NSCocoaErrorDomain Code=512").
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let path: String
        public let reason: String

        public var description: String {
            "»\(path)« kan ikke skrives: \(reason); tjek at mappen kan oprettes, at du har skriveadgang, og at der er plads på disken"
        }
    }

    public static func write(_ data: Data, to url: URL) throws(Failure) {
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw Failure(path: url.path, reason: "mappen \(folder.path) kan ikke oprettes (\(Self.reason(error)))")
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try data.write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw Failure(path: url.path, reason: Self.reason(error))
        }
        if rename(temporary.path, url.path) != 0 {
            let code = errno
            try? FileManager.default.removeItem(at: temporary)
            throw Failure(path: url.path, reason: String(cString: strerror(code)))
        }
    }

    public static func write(_ text: String, to url: URL) throws(Failure) {
        try write(Data(text.utf8), to: url)
    }

    /// The reason under a Foundation error, in Danish where it is one of the usual ones,
    /// else the system's own text (errno's).
    static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if nsError.domain == NSCocoaErrorDomain {
            switch CocoaError.Code(rawValue: nsError.code) {
            case .fileWriteFileExists: return "der findes allerede en fil med det navn"
            case .fileWriteNoPermission, .fileReadNoPermission: return "adgang nægtet"
            case .fileWriteOutOfSpace: return "der er ikke plads på disken"
            case .fileWriteVolumeReadOnly: return "drevet er skrivebeskyttet"
            case .fileNoSuchFile, .fileReadNoSuchFile: return "mappen findes ikke"
            default: break
            }
        }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
        return "fejlkode \(nsError.domain) \(nsError.code)"
    }
}
