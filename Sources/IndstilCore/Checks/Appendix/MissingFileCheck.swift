import Foundation

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
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            if exists && !isDirectory.boolValue { return nil }
            let file = entry.file ?? ""
            return diagnostic(
                exists ? "Bilag \(entry.number) peger på mappen »\(file)«, ikke på en fil" : "Bilag \(entry.number) (»\(entry.title)«): filen »\(file)« findes ikke",
                exists ? "Appendix \(entry.number) names the folder \"\(file)\", not a file" : "Appendix \(entry.number) (\"\(entry.title)\"): the file \"\(file)\" does not exist",
                line: entry.fileLine, column: context.document.column(of: file, inLine: entry.fileLine))
        }
    }
}
