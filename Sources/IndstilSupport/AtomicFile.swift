import Foundation

/// Writes a file so that readers see either the old file or the whole new one:
/// the bytes go to a staging file beside it, which is then renamed over it (`OutputStaging`).
public enum AtomicFile {
    /// Why a file could not be written, in words for the user: the file and the system's
    /// reason (never Foundation's "Error Domain=NSCocoaErrorDomain Code=512").
    public struct Failure: Error, Sendable, CustomStringConvertible, IndstilErrorConvertible {
        public let path: String
        public let reason: Message

        public var indstilError: IndstilError {
            IndstilError(
                da: "»\(path)« kan ikke skrives: \(reason.da); tjek at mappen kan oprettes, at du har skriveadgang, og at der er plads på disken",
                en: "\"\(path)\" cannot be written: \(reason.en); check that the folder can be created, that you may write there and that the disk has room")
        }

        public var description: String { indstilError.message.da }
    }

    public static func write(_ data: Data, to url: URL) throws(Failure) {
        // A device or a pipe (`-o /dev/null`, `-o /dev/stdout`) is written to as it is:
        // renaming a file over it would replace the device itself.
        if FileKind.of(url) == .special {
            guard let handle = FileHandle(forWritingAtPath: url.path) else {
                throw Failure(path: url.path, reason: SystemErrorText.errnoText(errno))
            }
            defer { try? handle.close() }
            do { try handle.write(contentsOf: data) } catch { throw Failure(path: url.path, reason: SystemErrorText.reason(error)) }
            return
        }
        let staging = try OutputStaging(targets: [url], folders: false)
        do {
            try staging.write(data, for: url)
            try staging.commit()
        } catch {
            staging.discard()
            throw error
        }
    }

    public static func write(_ text: String, to url: URL) throws(Failure) {
        try write(Data(text.utf8), to: url)
    }
}
