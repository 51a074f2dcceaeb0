import Foundation
import IndstilSupport
import IndstilDocument

/// Why a profile's Word template cannot be used, naming the template's path. `indstil render` stops with exit code 2; the template is never opened
/// by anything but indstil's own zip and XML reader.
public struct DocxTemplateFailure: Error, CustomStringConvertible, Equatable, IndstilErrorConvertible {
    public let path: String
    public let reason: Message

    package init(path: String, reason: Message) {
        self.path = path
        self.reason = reason
    }

    package init(path: String, da: String, en: String) {
        self.init(path: path, reason: Message(da: da, en: en))
    }

    public var indstilError: IndstilError {
        IndstilError(da: "Word-skabelonen \(path) kan ikke bruges: \(reason.da)", en: "The Word template \(path) cannot be used: \(reason.en)")
    }

    public var description: String { indstilError.message.da }

    package static func unreadable(_ url: URL, _ failure: WordReadFailure) -> DocxTemplateFailure {
        DocxTemplateFailure(path: url.path, reason: failure.diagnostic.message)
    }

    static func missingStyles(_ url: URL) -> DocxTemplateFailure {
        DocxTemplateFailure(path: url.path, da: "den har ingen word/styles.xml (typografier); gem den som .dotx i Word eller LibreOffice",
                            en: "it has no word/styles.xml (styles); save it as .dotx in Word or LibreOffice")
    }

    static func macros(_ url: URL) -> DocxTemplateFailure {
        DocxTemplateFailure(path: url.path, da: "den indeholder makroer (vbaProject.bin); indstil bruger ikke skabeloner med makroer. Gem den som .dotx (uden makroer)",
                            en: "it holds macros (vbaProject.bin); indstil does not use templates with macros. Save it as .dotx (without macros)")
    }
}
