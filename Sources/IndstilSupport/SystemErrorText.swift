import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The reason under a Foundation file error, in words for the user (Danish and English) where
/// it is one of the usual ones, else the system's own text (errno's), never
/// "Error Domain=NSCocoaErrorDomain Code=512 \"(null)\"".
package enum SystemErrorText {
    package static func reason(_ error: Error) -> Message {
        let nsError = error as NSError
        if nsError.domain == NSCocoaErrorDomain {
            switch CocoaError.Code(rawValue: nsError.code) {
            case .fileWriteFileExists: return Message(da: "der findes allerede en fil med det navn", en: "a file of that name exists already")
            case .fileWriteNoPermission, .fileReadNoPermission: return Message(da: "adgang nægtet", en: "permission denied")
            case .fileWriteOutOfSpace: return Message(da: "der er ikke plads på disken", en: "no space left on the disk")
            case .fileWriteVolumeReadOnly: return Message(da: "drevet er skrivebeskyttet", en: "the drive is read-only")
            case .fileNoSuchFile, .fileReadNoSuchFile: return Message(da: "filen eller mappen findes ikke", en: "no such file or folder")
            case .fileReadCorruptFile, .fileReadInapplicableStringEncoding: return Message(da: "filen kan ikke læses som tekst", en: "the file cannot be read as text")
            default: break
            }
        }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return errnoText(Int32(underlying.code))
        }
        if nsError.domain == NSPOSIXErrorDomain { return errnoText(Int32(nsError.code)) }
        if let path = nsError.userInfo[NSFilePathErrorKey] as? String, let reason = probe(path) { return reason }
        return Message(da: "fejlkode \(nsError.domain) \(nsError.code)", en: "error code \(nsError.domain) \(nsError.code)")
    }

    /// Why `path` cannot be made or written, found by looking at it when Foundation does
    /// not say (its "Code=512 (null)"): the nearest existing folder on the way is a file,
    /// or may not be written.
    package static func probe(_ path: String) -> Message? {
        var current = URL(fileURLWithPath: path).deletingLastPathComponent()
        while current.path != "/" {
            var status = stat()
            if stat(current.path, &status) == 0 {
                if (status.st_mode & S_IFMT) != S_IFDIR { return Message(da: "\(current.path) er en fil, ikke en mappe", en: "\(current.path) is a file, not a folder") }
                if access(current.path, W_OK) != 0 { return Message(da: "adgang nægtet til \(current.path)", en: "permission denied to \(current.path)") }
                return nil
            }
            current = current.deletingLastPathComponent()
        }
        return nil
    }

    /// errno in words for the usual ones, else the system's text.
    package static func errnoText(_ code: Int32) -> Message {
        switch code {
        case ENOSPC, EDQUOT: return Message(da: "der er ikke plads på disken", en: "no space left on the disk")
        case EACCES, EPERM: return Message(da: "adgang nægtet", en: "permission denied")
        case EROFS: return Message(da: "drevet er skrivebeskyttet", en: "the drive is read-only")
        case ENOENT: return Message(da: "filen eller mappen findes ikke", en: "no such file or folder")
        case EEXIST: return Message(da: "der findes allerede en fil med det navn", en: "a file of that name exists already")
        case ENOTDIR: return Message(da: "en del af stien er en fil, ikke en mappe", en: "part of the path is a file, not a folder")
        case EISDIR: return Message(da: "det er en mappe", en: "it is a folder")
        case ENOTEMPTY: return Message(da: "mappen er ikke tom", en: "the folder is not empty")
        case EXDEV: return Message(da: "stierne ligger på forskellige drev", en: "the paths are on different drives")
        default: let text = String(cString: strerror(code)); return Message(da: text, en: text)
        }
    }
}
