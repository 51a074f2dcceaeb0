import IndstilSupport
import IndstilDocument

/// Small helpers for writing WordprocessingML by hand: the namespaces and the
/// text runs. Everything here is a pure function of its input, so a document's bytes
/// depend on nothing but the model.
enum DocxXML {
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"

    /// The `w:` and `r:` namespace attributes of a part's root element.
    static let rootNamespaces = "xmlns:w=\"\(wordNamespace)\" xmlns:r=\"\(relationshipsNamespace)\""

    /// The runs that show `text` with the run properties `properties` (already XML):
    /// tabs become `w:tab`, line breaks `w:br`, carriage returns are dropped, and
    /// spaces are kept (`xml:space="preserve"`).
    /// - Parameter typography: dates kept together and addresses broken only where they may
    ///   (`DocxTypography`); false for code, which must stay exactly as written.
    package static func runs(_ text: String, properties: String, typography: Bool = true) -> String {
        let rPr = properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>"
        var content = ""
        var pending = ""
        func flushText() {
            if !pending.isEmpty {
                content += "<w:t xml:space=\"preserve\">\(pending.markupEscaped)</w:t>"
                pending = ""
            }
        }
        for character in (typography ? DocxTypography.prepared(text) : text) {
            switch character {
            case "\t":
                flushText(); content += "<w:tab/>"
            case "\n", "\r\n", "\u{2028}", "\u{2029}":
                flushText(); content += "<w:br/>"
            case "\r":
                break
            default:
                pending.append(character)
            }
        }
        flushText()
        if content.isEmpty { return "" }
        return "<w:r>\(rPr)\(content)</w:r>"
    }

    /// A bookmark name Word accepts: letters, digits and underscores, starting with a
    /// letter, at most 40 characters.
    static func bookmarkName(_ anchor: String) -> String {
        var name = String(anchor.unicodeScalars.map { scalar -> Character in
            switch scalar.value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return Character(scalar)
            default: return "_"
            }
        })
        if name.first.map({ !$0.isLetter }) ?? true { name = "a_" + name }
        return String(name.prefix(40))
    }
}
