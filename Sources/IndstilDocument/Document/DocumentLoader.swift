import Foundation
import IndstilSupport

/// Reads a file into a `Document`, or says precisely why it cannot.
public enum DocumentLoader {
    public enum Outcome: Sendable {
        case document(Document)
        /// The file cannot be checked; the diagnostic says why (input.invalid).
        case failed(Diagnostic)
        /// A Markdown file without front matter: not an indstil document.
        case noFrontMatter
    }

    /// - Parameter parsingBody: false reads and checks the front matter only and leaves
    /// the body unparsed (an empty tree): all `render --to md` needs of a document.
    public static func load(_ url: URL, displayPath: String, parsingBody: Bool = true) -> Outcome {
        switch SourceText.read(url) {
        case .failure(let failure):
            return .failed(failure.diagnostic)
        case .success(let text):
            return parse(text, url: url, displayPath: displayPath, parsingBody: parsingBody)
        }
    }

    public static func parse(_ text: String, url: URL, displayPath: String, parsingBody: Bool = true) -> Outcome {
        let split = FrontMatterSplit.split(text)
        if split.isUnterminated {
            return .failed(Diagnostic(
                check: "input.invalid", severity: .error,
                message: Message(da: "Front matter åbnes med --- i linje 1, men lukkes aldrig med en linje ---",
                                 en: "Front matter opens with --- on line 1 but is never closed with a --- line"),
                line: 1))
        }
        guard let yaml = split.yaml else { return .noFrontMatter }
        let frontMatter: YAMLValue
        do {
            frontMatter = try YAMLReader.parse(yaml, lineOffset: split.yamlFirstLine - 1)
        } catch {
            return .failed(Diagnostic(check: "input.invalid", severity: .error, message: error.message, line: error.line))
        }
        switch frontMatter.content {
        case .mapping:
            break
        case .null:
            return .failed(Diagnostic(
                check: "input.invalid", severity: .error,
                message: Message(da: "Front matter er tom; den skal mindst have profil og titel",
                                 en: "The front matter is empty; it needs at least profil and titel"),
                line: 1))
        default:
            return .failed(Diagnostic(
                check: "input.invalid", severity: .error,
                message: Message(da: "Front matter skal være nøgler med værdier (navn: værdi)",
                                 en: "The front matter must be keys with values (name: value)"),
                line: split.yamlFirstLine))
        }
        guard parsingBody else {
            return .document(Document(
                path: displayPath, url: url, sourceLines: text.lineSlices, frontMatter: frontMatter,
                frontMatterEndLine: split.closingLine, body: MarkdownNode(kind: .document, line: split.bodyLineOffset + 1),
                preamble: [], sections: [], flattenedAtLine: nil))
        }
        if let exceeded = MarkdownParser.markupLimitExceeded(split.body, lineOffset: split.bodyLineOffset) {
            return .failed(MarkdownParser.markupLimitDiagnostic(line: exceeded.line, count: exceeded.count))
        }
        let parsed = MarkdownParser.parse(split.body, lineOffset: split.bodyLineOffset, tableFiles: TableFileReader(documentURL: url))
        // Each section's blocks are copied once, at their exact size (appending them one by
        // one held a large document's blocks with up to twice the room).
        let blocks = parsed.root.children
        let headings = blocks.indices.filter { if case .heading(level: 1) = blocks[$0].kind { return true } else { return false } }
        let preamble = Array(blocks[..<(headings.first ?? blocks.endIndex)])
        var sections: [Section] = []
        sections.reserveCapacity(headings.count)
        for (number, heading) in headings.enumerated() {
            let end = number + 1 < headings.count ? headings[number + 1] : blocks.endIndex
            sections.append(Section(headingNode: blocks[heading], blocks: Array(blocks[(heading + 1)..<end])))
        }
        let lines = text.lineSlices
        return .document(Document(
            path: displayPath, url: url, sourceLines: lines, frontMatter: frontMatter,
            frontMatterEndLine: split.closingLine, body: parsed.root, preamble: preamble,
            sections: sections, flattenedAtLine: parsed.flattenedAtLine))
    }
}
