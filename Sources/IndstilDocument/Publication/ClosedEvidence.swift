import Foundation
import IndstilSupport

/// Why a file bound for a packet counts as closed (not to be published), from what the file
/// says of itself or from how the packet names it elsewhere. Any one is enough: the
/// stricter reading always wins over a listing that calls the file open.
public enum ClosedEvidence: Sendable, Equatable {
    /// A Markdown file's front matter says `status: lukket`.
    case frontMatter
    /// A Word file's document properties say so (`status` = lukket, or the content status).
    case documentProperty(String)
    /// Its text carries indstil's closed marking ("LUKKET – må ikke offentliggøres"), on this page.
    case marking(page: Int)
    /// Its file name says so ("…-lukket.pdf", "fortroligt notat.docx").
    case fileName
    /// The packet has the same file as closed elsewhere: a closed item's indstilling or
    /// appendix, or an appendix listed with `status: lukket` (in `path`, on `line`).
    case closedElsewhere(path: String, line: Int)

    /// "filens front matter siger »status: lukket«": the reason, to follow a colon.
    public var reason: Message {
        switch self {
        case .frontMatter:
            return Message(da: "filens front matter siger »status: lukket«", en: "the file's front matter says \"status: lukket\"")
        case .documentProperty(let property):
            return Message(da: "filens dokumentegenskab »\(property)« siger, at den er lukket",
                           en: "the file's document property \"\(property)\" says it is closed")
        case .marking(let page):
            return Message(da: "filen er mærket »\(ClosedMarking.notice)« (side \(page))",
                           en: "the file is marked \"\(ClosedMarking.notice)\" (page \(page))")
        case .fileName:
            return Message(da: "filnavnet siger, at filen er lukket eller fortrolig", en: "the file name says it is closed or confidential")
        case .closedElsewhere(let path, let line):
            return Message(da: "samme fil er lukket i \(path) linje \(line)", en: "the same file is closed in \(path) line \(line)")
        }
    }
}

extension ClosedEvidence {
    /// What a file says of itself: its front matter (Markdown), its document properties
    /// (Word), the closed marking in its text (`pages`, as `AttachmentText` reads them), or
    /// its name. nil when nothing in or about the file says it is closed.
    package static func own(_ url: URL, frontMatter: YAMLValue?, pages: [String]?) -> ClosedEvidence? {
        if let status = frontMatter?["status"]?.trimmedString, PublicationStatus.isClosed(status) { return .frontMatter }
        if url.pathExtension.lowercased() == "docx", let property = WordDocumentStatus.closedProperty(in: url) {
            return .documentProperty(property)
        }
        if let pages, let page = pages.firstIndex(where: ClosedEvidence.carriesMarking) { return .marking(page: page + 1) }
        if PublicationStatus.nameSaysClosed(url) { return .fileName }
        return nil
    }

    /// Whether a page's text says "LUKKET – må ikke offentliggøres" (any dash, any spacing,
    /// any case: pdftotext and Word keep them as the writer chose).
    static func carriesMarking(_ text: String) -> Bool {
        guard text.range(of: "lukket", options: .caseInsensitive) != nil else { return false }
        let folded = text.lowercased().unicodeScalars.filter { CharacterSet.letters.contains($0) }
        return String(String.UnicodeScalarView(folded)).contains("lukketmåikkeoffentliggøres")
    }
}

/// The words that make a status or a file name closed.
package enum PublicationStatus {
    package static func isClosed(_ status: String) -> Bool {
        ["lukket", "closed", "fortrolig"].contains(status.trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// "punkt-4-lukket.pdf", "Lukket bilag.docx", "fortroligt_notat.pdf": a word of the name
    /// (split at - _ . space) is "lukket", "lukkede", "fortrolig" or "fortroligt".
    static func nameSaysClosed(_ url: URL) -> Bool {
        let stem = url.deletingPathExtension().lastPathComponent.lowercased()
        let words = stem.split(whereSeparator: { "-_. ".contains($0) })
        return words.contains { ["lukket", "lukkede", "fortrolig", "fortroligt", "fortrolige"].contains(String($0)) }
    }
}
