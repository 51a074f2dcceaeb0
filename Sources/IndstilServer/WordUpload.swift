import Foundation
import Hummingbird
import IndstilCore

/// A Word document sent to the workspace (`POST /api/analyse-word`, `POST /api/import-word`):
/// the request body is the .docx itself, held to the size limit and refused in Danish unless
/// it is one (a ZIP package with a Word body). It exists on disk only as a private temporary
/// copy (0700 folder, 0600 file) while it is read, and is never written into the project.
struct WordUpload {
    /// The file's name as the browser gave it (`navn=` in the query), or "dokument.docx".
    let name: String
    let bytes: Data

    static func read(_ request: Request, limit: Int) async throws(Refusal) -> WordUpload {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw RequestBody.tooLarge(limit)
        }
        var request = request
        let buffer: ByteBuffer
        do { buffer = try await request.collectBody(upTo: limit) } catch { throw RequestBody.tooLarge(limit) }
        let bytes = Data(buffer.readableBytesView)
        let name = fileName(query(request.uri.query, "navn"))
        // A .docx is a ZIP package: it starts "PK\u{3}\u{4}". Anything else (a PDF, an old
        // .doc, text) is refused before it is read.
        guard bytes.count >= 4, bytes.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]) else {
            throw Refusal(.unsupportedMediaType,
                          "»\(name)« er ikke et Word-dokument (.docx). Gem dokumentet i Word som »Word-dokument (*.docx)« og prøv igen; "
                          + "ældre .doc-filer, PDF og tekstfiler kan ikke læses.")
        }
        return WordUpload(name: name, bytes: bytes)
    }

    /// The value of `key` in a query, percent-decoded (`+` is a space, as forms send it).
    static func query(_ query: String?, _ key: String) -> String? {
        guard let query, !query.isEmpty else { return nil }
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.first.map(String.init) == key else { continue }
            let raw = parts.count == 2 ? String(parts[1]).replacingOccurrences(of: "+", with: " ") : ""
            return raw.removingPercentEncoding ?? raw
        }
        return nil
    }

    /// The last component of a name given by the browser, as a harmless `.docx` file name.
    static func fileName(_ given: String?) -> String {
        let last = (given ?? "").split(separator: "/").last.map(String.init) ?? ""
        let cleaned = String(last.unicodeScalars.filter { $0.value >= 0x20 && $0 != "\\" && $0.value != 0x7F }.map(Character.init))
            .trimmingCharacters(in: .whitespaces)
        guard !cleaned.isEmpty, !cleaned.hasPrefix(".") else { return "dokument.docx" }
        return cleaned.lowercased().hasSuffix(".docx") ? cleaned : cleaned + ".docx"
    }

    /// Runs `body` with the bytes as a private temporary file, removed afterwards.
    func withFile<T>(_ body: (URL) throws -> T) throws -> T {
        let folder = try TemporaryItems.makeFolder(kind: "word")
        defer { TemporaryItems.remove(folder) }
        let file = folder.appendingPathComponent("upload.docx")
        try TemporaryItems.writePrivately(bytes, to: file)
        return try body(file)
    }
}
