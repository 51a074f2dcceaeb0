import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks

/// One file as the analysis service read it: what it is, and what the checks found.
public struct FileAnalysis: Sendable {
    public enum Content: Sendable {
        /// A document read through its profile; every check has run on it.
        case analyzed(AnalyzedDocument)
        /// Markdown shown as written, without a profile (a notat or a chapter intro);
        /// `document` when the file has front matter.
        case markdown(MarkdownNode, document: Document?)
        /// A document whose profile is missing, unknown or unreadable; `diagnostics` say why.
        case noProfile(Document)
        /// Markdown without front matter where a document was required.
        case noFrontMatter
        /// The file cannot be used; `diagnostics` say why.
        case failed
    }

    /// The path as the user named it.
    public let path: String
    public let url: URL
    public let content: Content
    /// At their configured severity, in output order: what loading found, and the
    /// document checks' and plugins' findings when `isChecked`.
    public let diagnostics: [Diagnostic]
    /// False when the document was analysed without running its checks (rendering).
    public let isChecked: Bool

    init(path: String, url: URL, content: Content, diagnostics: [Diagnostic], isChecked: Bool = true) {
        self.path = path
        self.url = url
        self.content = content
        self.diagnostics = diagnostics
        self.isChecked = isChecked
    }

    public var analyzed: AnalyzedDocument? {
        if case .analyzed(let analyzed) = content { return analyzed }
        return nil
    }

    public var report: FileReport { FileReport(path: path, diagnostics: diagnostics) }
}
