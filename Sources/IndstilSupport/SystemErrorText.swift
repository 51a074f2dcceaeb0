import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The reason under a Foundation file error, in words for the user: Danish where it is
/// one of the usual ones, else the system's own text (errno's), never
/// "Error Domain=NSCocoaErrorDomain Code=512 \"(null)\"".
package enum SystemErrorText {
    package static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if nsError.domain == NSCocoaErrorDomain {
            switch CocoaError.Code(rawValue: nsError.code) {
            case .fileWriteFileExists: return "der findes allerede en fil med det navn"
            case .fileWriteNoPermission, .fileReadNoPermission: return "adgang nægtet"
            case .fileWriteOutOfSpace: return "der er ikke plads på disken"
            case .fileWriteVolumeReadOnly: return "drevet er skrivebeskyttet"
            case .fileNoSuchFile, .fileReadNoSuchFile: return "filen eller mappen findes ikke"
            case .fileReadCorruptFile, .fileReadInapplicableStringEncoding: return "filen kan ikke læses som tekst"
            default: break
            }
        }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return errnoText(Int32(underlying.code))
        }
        if nsError.domain == NSPOSIXErrorDomain { return errnoText(Int32(nsError.code)) }
        if let path = nsError.userInfo[NSFilePathErrorKey] as? String, let reason = probe(path) { return reason }
        return "fejlkode \(nsError.domain) \(nsError.code)"
    }

    /// Why `path` cannot be made or written, found by looking at it when Foundation does
    /// not say (its "Code=512 (null)"): the nearest existing folder on the way is a file,
    /// or may not be written.
    package static func probe(_ path: String) -> String? {
        var current = URL(fileURLWithPath: path).deletingLastPathComponent()
        while current.path != "/" {
            var status = stat()
            if stat(current.path, &status) == 0 {
                if (status.st_mode & S_IFMT) != S_IFDIR { return "\(current.path) er en fil, ikke en mappe" }
                if access(current.path, W_OK) != 0 { return "adgang nægtet til \(current.path)" }
                return nil
            }
            current = current.deletingLastPathComponent()
        }
        return nil
    }

    /// errno in Danish for the usual ones, else the system's text.
    package static func errnoText(_ code: Int32) -> String {
        switch code {
        case ENOSPC, EDQUOT: return "der er ikke plads på disken"
        case EACCES, EPERM: return "adgang nægtet"
        case EROFS: return "drevet er skrivebeskyttet"
        case ENOENT: return "filen eller mappen findes ikke"
        case EEXIST: return "der findes allerede en fil med det navn"
        case ENOTDIR: return "en del af stien er en fil, ikke en mappe"
        case EISDIR: return "det er en mappe"
        case ENOTEMPTY: return "mappen er ikke tom"
        case EXDEV: return "stierne ligger på forskellige drev"
        default: return String(cString: strerror(code))
        }
    }
}
