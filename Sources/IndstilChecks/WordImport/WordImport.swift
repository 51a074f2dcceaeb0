import Foundation
import IndstilSupport
import IndstilDocument

/// A .docx file read into indstil Markdown with front matter (what `indstil import`
/// writes and what `check`, `stats` and `render` analyse), the Word paragraph and heading
/// behind each Markdown line, and the findings about the file itself.
public struct WordImport: Sendable {
    public let markdown: String
    /// Index = Markdown line − 1.
    package let origins: WordMarkdownText.Origins
    /// Tracked changes, comments, skipped fields and text boxes, tables kept as text,
    /// on their paragraphs (not yet at configured severity).
    public let findings: [Diagnostic]

    /// Whether `url` names a Word document (by its extension, as Word and the case systems do).
    public static func isWordDocument(_ url: URL) -> Bool {
        url.pathExtension.lowercased() == "docx"
    }

    /// The profile a .docx names in its document properties (`profil`, as pandoc writes a
    /// Markdown document's front matter there), or nil.
    public static func statedProfileID(_ url: URL) -> String? {
        let value = WordPackage.properties(of: url)?.custom.first { $0.name.lowercased() == "profil" || $0.name.lowercased() == "profile" }?.value
        guard let value, !value.isEmpty, value.count <= 100 else { return nil }
        return value
    }

    /// Reads `url`; `profile` (its id written as `profil`) lets the header block be read
    /// through the profile's own layout. A file that cannot be read is one `input.invalid`.
    public static func read(_ url: URL, profile: Profile?, profileID: String?) -> Result<WordImport, Diagnostic> {
        switch WordPackage.read(url) {
        case .failure(let failure):
            return .failure(failure.diagnostic)
        case .success(let package):
            let (text, notices) = WordMarkdownWriter.write(package, profile: profile, profileID: profileID)
            let findings = WordNotices.diagnostics(notices).map { diagnostic in
                var located = diagnostic
                located.heading = text.heading(atParagraph: diagnostic.line)
                return located
            }
            return .success(WordImport(markdown: text.text, origins: text.origins, findings: findings))
        }
    }

    /// The Word paragraph a Markdown line came from (the line itself when out of range).
    public func paragraph(ofLine line: Int) -> Int {
        line >= 1 && line <= origins.count ? origins[line - 1].paragraph : line
    }

    /// A diagnostic about the Markdown as one about the Word document: its line becomes
    /// the paragraph, and it names the heading the paragraph stands under.
    public func locating(_ diagnostic: Diagnostic) -> Diagnostic {
        guard diagnostic.line >= 1, diagnostic.line <= origins.count else { return diagnostic }
        let origin = origins[diagnostic.line - 1]
        // A message may name another line ("står allerede ord for ord i linje 32"): that too.
        let message = Message(da: relocatingLines(in: diagnostic.message.da, word: "linje"),
                              en: relocatingLines(in: diagnostic.message.en, word: "line"))
        var located = Diagnostic(check: diagnostic.check, severity: diagnostic.severity, message: message,
                                 line: origin.paragraph, column: diagnostic.column)
        located.heading = origin.heading
        return located
    }

    /// "linje 32" → "linje 18": every "word N" naming a Markdown line names its paragraph.
    private func relocatingLines(in text: String, word: String) -> String {
        guard text.contains(word + " ") else { return text }
        var out = ""
        var rest = Substring(text)
        while let range = rest.range(of: word + " ") {
            out += rest[..<range.upperBound]
            rest = rest[range.upperBound...]
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            if let line = Int(digits), line >= 1, line <= origins.count {
                out += String(paragraph(ofLine: line))
                rest = rest.dropFirst(digits.count)
            }
        }
        return out + rest
    }
}
