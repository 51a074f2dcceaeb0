import Foundation
import Hummingbird
import IndstilCore

/// `POST /api/upload?manifest=PATH&punkt=N&navn=NAME`: an appendix dropped on an agenda
/// item's form, saved in the project beside the manifest under `punkt-N/` (the layout of the
/// shipped examples) so that the item can name it. The body is the file. Only the kinds a
/// packet takes are accepted (PDF, Word, Excel, PowerPoint, OpenDocument, Markdown, text,
/// images); the name is made harmless; nothing is overwritten (a name in use gets "-2", "-3"
/// …); the file is written atomically, never through a symbolic link or out of the project.
enum AppendixUpload {
    static let limit = 200 << 20
    static let extensions: Set<String> = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "md", "txt", "csv", "png", "jpg", "jpeg"]

    /// A browser's file name as a harmless one: its last component, letters, digits and
    /// `-_.` kept (spaces become "-"), no leading dot.
    static func safeName(_ given: String) -> String? {
        let last = given.split(separator: "/").last.map(String.init) ?? ""
        let kept = last.unicodeScalars.map { scalar -> String in
            if CharacterSet.alphanumerics.contains(scalar) || "-_.".unicodeScalars.contains(scalar) { return String(scalar) }
            return scalar == " " ? "-" : ""
        }.joined()
        let trimmed = kept.drop { $0 == "." || $0 == "-" }
        let name = String(trimmed.prefix(120))
        let ext = (name as NSString).pathExtension.lowercased()
        guard !name.isEmpty, extensions.contains(ext), name.count > ext.count + 1 else { return nil }
        return name
    }

    static func save(_ request: Request, files: ProjectFiles) async throws -> Response {
        let query = request.uri.query
        guard let manifestPath = WordUpload.query(query, "manifest"), let item = WordUpload.query(query, "punkt").flatMap(Int.init), item > 0,
              let given = WordUpload.query(query, "navn")
        else { throw Refusal(.badRequest, "Upload kræver manifestet, punktets nummer og filens navn.") }
        let manifest = try files.served(manifestPath, as: .manifest)
        guard let name = safeName(given) else {
            throw Refusal(.unsupportedMediaType, "»\(given)« kan ikke være bilag: kun PDF, Word, Excel, PowerPoint, OpenDocument, Markdown, tekst og billeder kan lægges ind.")
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit { throw RequestBody.tooLarge(limit) }
        var request = request
        let buffer: ByteBuffer
        do { buffer = try await request.collectBody(upTo: limit) } catch { throw RequestBody.tooLarge(limit) }
        let data = Data(buffer.readableBytesView)
        guard !data.isEmpty else { throw Refusal(.badRequest, "»\(name)« er tom.") }

        // Beside the manifest: "raadmandsmoede/punkt-3" for "raadmandsmoede/dagsorden.yml", "punkt-3" at the root.
        let prefix = files.relativePath(of: manifest).contains("/") ? files.relativePath(of: manifest.deletingLastPathComponent()) + "/" : ""
        let base = prefix + "punkt-\(item)"
        let stem = (name as NSString).deletingPathExtension, ext = (name as NSString).pathExtension
        let saved: String = try SaveLock.shared.run {
            for attempt in 1...100 {
                let candidate = attempt == 1 ? name : "\(stem)-\(attempt).\(ext)"
                let relative = "\(base)/\(candidate)"
                let url = try files.url(for: relative)
                guard FileKind.ofLink(url) == .missing else { continue }
                let folder = try files.realLocation(of: url.deletingLastPathComponent())
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                let real = try files.realLocation(of: url)
                try AtomicFile.write(data, to: real)
                return relative
            }
            throw Refusal(.conflict, "Der er allerede 100 filer med navnet »\(name)« i \(base).")
        }
        // The path the item names: relative to the manifest's folder.
        let relativeToManifest = saved.hasPrefix(prefix) ? String(saved.dropFirst(prefix.count)) : saved
        return HTTPAnswers.json(.object([("path", .string(saved)), ("file", .string(relativeToManifest)),
                                         ("title", .string((given.split(separator: "/").last.map(String.init).map { ($0 as NSString).deletingPathExtension } ?? stem)))]))
    }
}
