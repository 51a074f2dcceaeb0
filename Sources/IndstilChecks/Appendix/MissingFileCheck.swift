import Foundation
import IndstilSupport
import IndstilDocument

/// An appendix whose file does not exist.
public struct MissingFileCheck: Check {
    public let id = "appendix.missing-file"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "En bilagsfil findes ikke", en: "An appendix file does not exist")

    public var examples: [CheckExample] {
        let document = ExampleDocument.byraad.replacingFrontMatterText("    fil: bilag/erfaringer.pdf", with: "    fil: bilag/erfaring.pdf ⟵")
        return [
            .triggers("Stavefejl i filnavnet", document),
            .passes("Filerne findes", .byraad),
        ]
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        zip(context.analyzed.appendices, AppendixFiles.resolutions(context)).compactMap { entry, resolution in
            guard case .inside(let url) = resolution else { return nil }
            let file = entry.file ?? ""
            let message: (da: String, en: String)
            switch FileKind.of(url) {
            case .regular:
                return nil
            case .directory:
                message = ("Bilag \(entry.number) peger på mappen »\(file)«, ikke på en fil", "Appendix \(entry.number) names the folder \"\(file)\", not a file")
            case .special:
                message = ("Bilag \(entry.number) peger på »\(file)«, som ikke er en almindelig fil (fx en FIFO eller en enhed)",
                           "Appendix \(entry.number) names \"\(file)\", which is not a regular file (e.g. a FIFO or a device)")
            case .missing:
                message = ("Bilag \(entry.number) (»\(entry.title)«): filen »\(file)« findes ikke",
                           "Appendix \(entry.number) (\"\(entry.title)\"): the file \"\(file)\" does not exist")
            }
            return diagnostic(message.da, message.en, line: entry.fileLine, column: context.document.column(of: file, inLine: entry.fileLine))
        }
    }
}
