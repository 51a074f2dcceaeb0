import Foundation
import IndstilSupport
import ZIPFoundation

/// The parts of a .docx package, read with limits checked against the zip's central
/// directory before anything is inflated, and again while inflating (a zip may lie about
/// its sizes): a zip bomb is refused, never unpacked.
package struct WordArchive {
    /// A real recommendation is a few hundred KB unpacked; these are far past any.
    static let maximumEntries = 5_000
    static let maximumTotalBytes: UInt64 = 100 * 1024 * 1024
    static let maximumPartBytes: UInt64 = 20 * 1024 * 1024
    /// Uncompressed ÷ compressed above this, for a part over `ratioFloorBytes`, is a bomb.
    static let maximumRatio: UInt64 = 200
    static let ratioFloorBytes: UInt64 = 1024 * 1024
    /// A .docx file larger than this is not read at all.
    static let maximumFileBytes = 50 * 1024 * 1024

    private let archive: Archive
    private let entries: [String: Entry]

    /// Opens `url` as a zip and checks every entry's declared size; a `WordReadFailure` says why not.
    package static func open(_ url: URL) -> Result<WordArchive, WordReadFailure> {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return .failure(.unreadable("filen findes ikke", "the file does not exist")) }
        guard FileKind.kind(info.st_mode) == .regular else {  // the one file gate (FileKind)
            return .failure(.unreadable("»\(url.lastPathComponent)« er ikke en almindelig fil", "\"\(url.lastPathComponent)\" is not a regular file"))
        }
        guard Int(info.st_size) <= maximumFileBytes else {
            return .failure(.limit("filen er større end \(maximumFileBytes / 1_048_576) MB", "the file is larger than \(maximumFileBytes / 1_048_576) MB"))
        }
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            return .failure(.unreadable("adgang nægtet", "permission denied"))
        }
        let signature = handle.readData(ofLength: 8)
        guard signature.starts(with: [0x50, 0x4B, 0x03, 0x04]) || signature.starts(with: [0x50, 0x4B, 0x05, 0x06]) else {
            // An OLE compound file: an encrypted .docx (Word puts a password-protected
            // document in one, as streams named EncryptionInfo and EncryptedPackage) or a
            // Word 97–2003 .doc renamed.
            let compound = signature.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
            let encrypted = compound && Self.namesEncryptedPackage(handle.readDataToEndOfFile())
            try? handle.close()
            return .failure(encrypted ? .encrypted : compound ? .oldWordFormat : .notAZip)
        }
        try? handle.close()
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            return .failure(.notAZip)
        }
        var entries: [String: Entry] = [:]
        var total: UInt64 = 0
        var count = 0
        for entry in archive {
            count += 1
            guard count <= maximumEntries else {
                return .failure(.limit("pakken har mere end \(maximumEntries) dele", "the package has more than \(maximumEntries) parts"))
            }
            let size = entry.uncompressedSize
            total += size
            guard size <= maximumPartBytes, total <= maximumTotalBytes else {
                return .failure(.limit("pakken fylder udpakket mere, end noget Word-dokument gør (\(entry.path); en zip-bombe?)",
                                       "the package unpacks to more than any Word document does (\(entry.path); a zip bomb?)"))
            }
            if size > ratioFloorBytes, size / max(entry.compressedSize, 1) > maximumRatio {
                return .failure(.limit("delen \(entry.path) er pakket over \(maximumRatio) gange sammen (en zip-bombe?)",
                                       "the part \(entry.path) is compressed more than \(maximumRatio) times (a zip bomb?)"))
            }
            entries[entry.path] = entry
        }
        return .success(WordArchive(archive: archive, entries: entries))
    }

    /// Whether a compound file's bytes hold the stream name "EncryptedPackage" (UTF-16LE, as
    /// a directory entry names it). One pass; the file is at most `maximumFileBytes`.
    static func namesEncryptedPackage(_ data: Data) -> Bool {
        let name = Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Bool in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard bytes.count >= name.count else { return false }
            for start in 0...(bytes.count - name.count) where bytes[start] == name[0] {
                if (1..<name.count).allSatisfy({ bytes[start + $0] == name[$0] }) { return true }
            }
            return false
        }
    }

    package func contains(_ path: String) -> Bool { entries[path] != nil }

    /// One XML part, its bytes and its checked tree; nil when the package has no such part.
    package func xmlPart(_ path: String) throws(WordReadFailure) -> (data: Data, root: WordXMLElement)? {
        switch data(path) {
        case .failure(let failure): throw failure
        case .success(nil): return nil
        case .success(let data?):
            switch WordXML.parse(data, part: path) {
            case .failure(let failure): throw failure
            case .success(let root): return (data, root)
            }
        }
    }

    /// The bytes of one part, or nil when the package has none; inflating stops at the
    /// size the central directory declared.
    package func data(_ path: String) -> Result<Data?, WordReadFailure> {
        guard let entry = entries[path] else { return .success(nil) }
        let declared = entry.uncompressedSize
        var data = Data()
        data.reserveCapacity(Int(declared))
        struct Overflow: Error {}
        do {
            let checksum = try archive.extract(entry, skipCRC32: false) { chunk in
                guard UInt64(data.count + chunk.count) <= declared else { throw Overflow() }
                data.append(chunk)
            }
            // ZIPFoundation computes the checksum; comparing it is the caller's job.
            guard checksum == entry.checksum, UInt64(data.count) == declared else { return .failure(.damaged(path)) }
        } catch is Overflow {
            return .failure(.limit("delen \(path) pakker mere ud, end pakken oplyser (en zip-bombe?)",
                                   "the part \(path) unpacks to more than the package declares (a zip bomb?)"))
        } catch {
            return .failure(.damaged(path))
        }
        return .success(data)
    }
}
