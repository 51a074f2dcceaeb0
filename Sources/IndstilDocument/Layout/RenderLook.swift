import Foundation
import IndstilSupport

/// The profile's look as one document shows it: the logo, the letterhead with this
/// document's fields filled in, the stylesheet variables and the Word template. It is
/// around the text, not part of it: "Antal tegn" and the plain text leave it out, as
/// Word's count leaves out headers.
public struct RenderLook: Sendable {
    public let logo: ResolvedProfileLook.Logo?
    /// Letterhead lines with the front matter filled in; a line whose fields are all
    /// empty is left out, a line without fields is kept as written.
    public let letterhead: [String]
    /// CSS custom properties in a fixed order (`ThemeVariable.allCases`).
    public let theme: [(variable: ThemeVariable, value: String)]
    /// The `.dotx`/`.docx` whose styles, headers and footers the DOCX is written into.
    public let wordTemplate: URL?
    /// Fills `{titel}`, `{sagsbehandler.navn}` … in a Word template's headers and footers;
    /// nil for a model built without a document (tests).
    public let fields: FieldTemplate?

    public static let plain = RenderLook(logo: nil, letterhead: [], theme: [], wordTemplate: nil, fields: nil)

    public var isPlain: Bool { logo == nil && letterhead.isEmpty && theme.isEmpty && wordTemplate == nil }

    package init(logo: ResolvedProfileLook.Logo?, letterhead: [String], theme: [(variable: ThemeVariable, value: String)],
         wordTemplate: URL?, fields: FieldTemplate?) {
        self.logo = logo
        self.letterhead = letterhead
        self.theme = theme
        self.wordTemplate = wordTemplate
        self.fields = fields
    }

    package init(_ look: ResolvedProfileLook, fields: FieldTemplate) {
        self.init(
            logo: look.logo,
            letterhead: look.letterhead.compactMap { $0.contains("{") ? fields.expand($0) : $0.foldingWhitespace },
            theme: look.theme,
            wordTemplate: look.wordTemplate,
            fields: fields)
    }

    /// `--indstil-accent: #005a8c;` … one declaration a line, for a `:root` rule.
    public var customPropertyDeclarations: String {
        theme.map { "\($0.variable.customProperty): \($0.value.trimmingCharacters(in: .whitespaces));" }
            .joined(separator: "\n")
    }
}
