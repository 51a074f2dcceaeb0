import Foundation
import IndstilSupport
import IndstilDocument

/// One entry point for every output format of a single document.
public enum Renderer {
    public enum Format: String, Sendable, CaseIterable {
        case html, docx, pdf, txt, md

        public var fileExtension: String { rawValue }
    }

    /// - Parameter archive: a PDF is written as the archive copy (PDF/A-2, `indstil render --arkiv`).
    /// - Parameter marking: what every page of an HTML, PDF or DOCX rendering says first
    ///   (`DocumentMarking`: closed, draft); nil marks the document closed when it says so
    ///   and not as a draft. The text and Markdown outputs are never marked.
    /// - Parameter outputFolder: where an HTML page is written, so its appendix links lead to
    ///   the files from there (nil: beside the document, as the front matter writes them).
    public static func render(_ analyzed: AnalyzedDocument, to format: Format, archive: Bool = false,
                              marking: DocumentMarking? = nil, outputFolder: URL? = nil) throws(IndstilError) -> Data {
        switch format {
        case .txt:
            return Data(analyzed.rendered.plainText.utf8)
        case .md:
            return Data(normalizedMarkdown(analyzed.document).utf8)
        case .html:
            return Data(try html(analyzed, marking: marking, outputFolder: outputFolder).utf8)
        case .pdf:
            return try PDFRenderer.pdf(fromHTML: try html(analyzed, linkingAppendices: false, marking: marking), archive: archive)
        case .docx:
            do { return try DocxWriter.docx(RenderModelBuilder.build(analyzed, marking: marking)) } catch {
                throw IndstilError(error)
            }
        }
    }

    /// - Parameter linkingAppendices: the appendix list links the files (a web page); a PDF,
    ///   read away from them, lists them only.
    /// - Parameter marking: as for `render`.
    public static func html(_ analyzed: AnalyzedDocument, linkingAppendices: Bool = true,
                            marking: DocumentMarking? = nil, outputFolder: URL? = nil) throws(IndstilError) -> String {
        let documentFolder = analyzed.document.url.deletingLastPathComponent()
        return try HTMLRenderer.render(RenderModelBuilder.build(analyzed, marking: marking), profile: analyzed.profile,
                                       linkingAppendices: linkingAppendices) { file in
            AppendixLink.href(file, documentFolder: documentFolder, outputFolder: outputFolder)
        }
    }

    /// The front matter as written, then the body as canonical CommonMark.
    public static func normalizedMarkdown(_ document: Document) -> String {
        let frontMatter = document.sourceLines.prefix(document.frontMatterEndLine).joined(separator: "\n")
        let body = document.sourceLines.dropFirst(document.frontMatterEndLine).joined(separator: "\n")
        return frontMatter + "\n\n" + MarkdownParser.normalized(body)
    }
}
