import Foundation
import IndstilCore

/// A file's version as the browser holds it: a hash of its bytes (FNV-1a, 64 bits, hex).
/// A save names the version it was opened at; a different version on disk is a conflict.
enum FileVersion {
    static func of(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    static func of(_ text: String) -> String { of(Data(text.utf8)) }

    /// The version of the file at `url`, or nil when it cannot be read (or is not a regular
    /// file: a FIFO is never waited on).
    static func of(fileAt url: URL) -> String? {
        try? FileKind.read(url, limit: 64 << 20).map { of($0) }.get()
    }
}
