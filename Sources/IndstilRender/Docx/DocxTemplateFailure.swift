import Foundation
import IndstilSupport
import IndstilDocument

/// Why a profile's Word template cannot be used; the message is Danish and names the
/// template's path. `indstil render` stops with exit code 2; the template is never opened
/// by anything but indstil's own zip and XML reader.
public struct DocxTemplateFailure: Error, CustomStringConvertible, Equatable {
    public let path: String
    public let reason: String

    public var description: String { "Word-skabelonen \(path) kan ikke bruges: \(reason)" }

    package static func unreadable(_ url: URL, _ failure: WordReadFailure) -> DocxTemplateFailure {
        DocxTemplateFailure(path: url.path, reason: failure.diagnostic.message.da)
    }

    package static func missingStyles(_ url: URL) -> DocxTemplateFailure {
        DocxTemplateFailure(path: url.path, reason: "den har ingen word/styles.xml (typografier); gem den som .dotx i Word eller LibreOffice")
    }

    package static func macros(_ url: URL) -> DocxTemplateFailure {
        DocxTemplateFailure(path: url.path, reason: "den indeholder makroer (vbaProject.bin); indstil bruger ikke skabeloner med makroer. Gem den som .dotx (uden makroer)")
    }
}
