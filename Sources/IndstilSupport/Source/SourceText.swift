import Foundation

/// Bytes read from disk, validated as UTF-8, with a byte-order mark removed and
/// CRLF line ends normalised. Line numbers survive the normalisation.
public enum SourceText {
    /// Larger files are refused: a recommendation is ~15 KB; 5 MB is far past any real one.
    public static let maximumBytes = 5 * 1024 * 1024

    public enum Failure: Error, Sendable, Equatable {
        case unreadable(String)
        case tooLarge(bytes: Int)
        case invalidUTF8(line: Int, column: Int)
        /// A NUL byte (U+0000), which no text file holds: a binary file, or one saved as UTF-16.
        case nul(line: Int, column: Int)

        public var diagnostic: Diagnostic {
            switch self {
            case .unreadable(let reason):
                return Diagnostic(check: "input.invalid", severity: .error,
                                  message: Message(da: "Filen kan ikke læses: \(reason)", en: "The file cannot be read: \(reason)"),
                                  line: 1)
            case .tooLarge(let bytes):
                let mb = Double(bytes) / 1_048_576
                return Diagnostic(check: "input.invalid", severity: .error,
                                  message: Message(
                                    da: "Filen er for stor (\(DanishFormat.decimal(mb)) MB); indstil læser højst \(maximumBytes / 1_048_576) MB",
                                    en: "The file is too large (\(String(format: "%.1f", mb)) MB); indstil reads at most \(maximumBytes / 1_048_576) MB"),
                                  line: 1)
            case .invalidUTF8(let line, let column):
                return Diagnostic(check: "input.invalid", severity: .error,
                                  message: Message(
                                    da: "Filen er ikke gyldig UTF-8 (ugyldig byte i linje \(line)); gem den som UTF-8",
                                    en: "The file is not valid UTF-8 (invalid byte on line \(line)); save it as UTF-8"),
                                  line: line, column: column)
            case .nul(let line, let column):
                return Diagnostic(check: "input.invalid", severity: .error,
                                  message: Message(
                                    da: "Filen indeholder et NUL-tegn (byte 0) i linje \(line), som ingen tekstfil har; er den gemt som UTF-16 eller ikke en tekstfil? Gem den som UTF-8",
                                    en: "The file contains a NUL character (byte 0) on line \(line), which no text file has; was it saved as UTF-16, or is it not a text file? Save it as UTF-8"),
                                  line: line, column: column)
            }
        }
    }

    public static func read(_ url: URL) -> Result<String, Failure> {
        let data: Data
        do {
            // stat (following a symbolic link to what is read), without FileManager's owner
            // and group name look-ups (which read /etc/passwd and /etc/group for every file).
            var info = stat()
            guard stat(url.path, &info) == 0 else { throw CocoaError(.fileReadNoSuchFile) }
            // Only a regular file: reading a FIFO would wait for ever, a device is no document.
            if (info.st_mode & S_IFMT) != S_IFREG {
                let what = (info.st_mode & S_IFMT) == S_IFDIR ? "en mappe" : "ikke en almindelig fil (fx en FIFO eller en enhed)"
                return .failure(.unreadable("»\(url.lastPathComponent)« er \(what)"))
            }
            if Int(info.st_size) > maximumBytes {
                return .failure(.tooLarge(bytes: Int(info.st_size)))
            }
            // An empty regular file is empty text. Not read: Foundation on Linux leaks its
            // 4 KB read buffer for a zero-length file (LeakSanitizer, found by Fuzz/).
            if info.st_size == 0 {
                return .success("")
            }
            // Read through the one file gate: never waits on what was swapped for a FIFO since the stat.
            data = try FileKind.read(url, limit: maximumBytes).get()
        } catch {
            let reason = FileManager.default.fileExists(atPath: url.path) ? "adgang nægtet eller ikke en fil" : "filen findes ikke"
            return .failure(.unreadable(reason))
        }
        if data.count > maximumBytes { return .failure(.tooLarge(bytes: data.count)) }
        return decode(data)
    }

    public static func decode(_ data: Data) -> Result<String, Failure> {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let (line, column) = firstInvalidUTF8(bytes)
            return .failure(.invalidUTF8(line: line, column: column))
        }
        if let nul = firstNUL(bytes) {
            let (line, column) = lineAndColumn(bytes, at: nul)
            return .failure(.nul(line: line, column: column))
        }
        guard containsCarriageReturn(bytes) else { return .success(text) }  // the text's bytes are `bytes`
        return .success(text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n"))
    }

    /// Whether a "\r" is among the bytes: `memchr`, as every file is searched through.
    static func containsCarriageReturn(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return false }
            return memchr(base, 13, buffer.count) != nil
        }
    }

    /// Offset of the first NUL byte: `memchr`, as every file is searched through.
    static func firstNUL(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, !buffer.isEmpty, let found = memchr(base, 0, buffer.count) else { return nil }
            return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
        }
    }

    /// Line (counting line feeds, as `firstInvalidUTF8` does) and column (in Characters,
    /// 1-based) of the byte at `offset`.
    static func lineAndColumn(_ bytes: [UInt8], at offset: Int) -> (Int, Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == 10 {
            line += 1
            lineStart = index + 1
        }
        return (line, String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1)
    }

    /// Line and column (1-based) of the first byte that does not decode as UTF-8.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, index - lineStart + 1)
            }
            if index + length > bytes.count { return (line, index - lineStart + 1) }
            if length > 1, String(validating: bytes[index..<index + length], as: UTF8.self) == nil {
                return (line, index - lineStart + 1)
            }
            if byte == 10 {
                line += 1
                lineStart = index + 1
            }
            index += length
        }
        return (line, 1)
    }
}
