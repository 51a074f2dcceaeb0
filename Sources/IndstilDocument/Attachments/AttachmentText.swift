import Foundation
import IndstilSupport
import ZIPFoundation

/// The text of a PDF or DOCX attachment, page by page, so the agenda checks can look
/// for template leftovers and for the title the bilag list gives it.
///
/// PDF text comes from `pdftotext` (poppler-utils, installed by `make deps`); DOCX
/// text from the WordprocessingML inside the file. Says when the file has no text (another
/// type, a scanned PDF), when it is damaged, and when its text could not be read at all
/// (no pdftotext, a time-out): then the checks have not looked, and that is a finding.
package enum AttachmentText {
    /// Larger attachments are not read for checks (they are still stamped and included).
    package static let maximumBytes = 100 * 1024 * 1024
    package static let timeout: TimeInterval = 60

    package enum Reading {
        /// The text, page by page (one page for DOCX).
        case pages([String])
        /// Nothing to read: another type, a scanned PDF, a file too large.
        case noText
        /// The text could not be read, so nothing in it was checked; says why.
        case notRead(Message)
        /// The file is not what its name says: a damaged PDF or DOCX.
        case unreadable
    }

    package static func read(_ url: URL) -> Reading {
        // Only a regular file is given to pdftotext or unzipped (a FIFO would hold it for ever);
        // anything else is appendix.missing-file's finding.
        guard FileKind.isRegularFile(url) else { return .noText }
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? 0
        guard size <= maximumBytes else { return .noText }
        switch url.pathExtension.lowercased() {
        case "pdf": return size == 0 ? .unreadable : AttachmentReadingCache.text(of: url) { pdfPages(url) }
        case "docx": return size == 0 ? .unreadable : docxText(url)
        default: return .noText
        }
    }

    static func pdfPages(_ url: URL) -> Reading {
        let output = TemporaryItems.makeFile(kind: "tekst", extension: "txt")
        defer { TemporaryItems.remove(output) }
        switch ExternalProgram.run("pdftotext", ["-q", "-enc", "UTF-8", url.path, output.path], timeout: timeout) {
        case .notFound:
            return .notRead(Message(da: "programmet pdftotext findes ikke (installér poppler-utils, fx med »make deps«)",
                                    en: "the program pdftotext is not installed (install poppler-utils, e.g. with \"make deps\")"))
        case .timedOut:
            return .notRead(Message(da: "pdftotext blev ikke færdig inden for \(Int(timeout)) sekunder",
                                    en: "pdftotext did not finish within \(Int(timeout)) seconds"))
        case .finished(let status, _):
            // pdftotext: 1 = the file cannot be opened as a PDF, 3 = copying text not permitted.
            guard status == 0 else { return status == 1 ? .unreadable : .noText }
        }
        guard let data = try? Data(contentsOf: output) else { return .noText }
        var pages = String(decoding: data, as: UTF8.self).components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        return pages.contains { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty } ? .pages(pages) : .noText
    }

    /// The paragraphs of `word/document.xml`, one per line.
    static func docxText(_ url: URL) -> Reading {
        guard let archive = try? Archive(url: url, accessMode: .read, pathEncoding: nil),
              let entry = archive["word/document.xml"] else { return .unreadable }
        guard entry.uncompressedSize < UInt64(maximumBytes) else { return .noText }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: true) { data.append($0) }
        } catch {
            return .unreadable
        }
        let xml = String(decoding: data, as: UTF8.self)
        var text = ""
        var index = xml.startIndex
        while let open = xml[index...].firstIndex(of: "<") {
            text += xml[index..<open]
            guard let close = xml[open...].firstIndex(of: ">") else { break }
            let tag = xml[xml.index(after: open)..<close]
            if tag.hasPrefix("/w:p") && (tag.count == 4) || tag.hasPrefix("w:br") || tag.hasPrefix("w:cr") { text += "\n" }
            if tag.hasPrefix("w:tab") && !tag.hasPrefix("w:tabs") { text += "\t" }
            index = xml.index(after: close)
        }
        text = MarkupEscaping.unescapeXML(text)
        return text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? .noText : .pages([text])
    }

    /// Text compared without case, punctuation or spacing: "Status på Relationel
    /// Velfærd, august 2023" → "status på relationel velfærd august 2023".
    package static func comparable(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.map { CharacterSet.alphanumerics.contains($0) ? Character($0) : " " })
            .foldingWhitespace
    }

    /// "Dagsorden til mødet.docx" → "Dagsorden til mødet": a title may keep its file's extension.
    package static func withoutFileExtension(_ title: String) -> String {
        for suffix in [".pdf", ".docx", ".doc", ".xlsx", ".pptx"] where title.lowercased().hasSuffix(suffix) {
            return String(title.dropLast(suffix.count))
        }
        return title
    }
}
