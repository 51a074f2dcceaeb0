import IndstilSupport
import IndstilDocument

/// An appendix path that leaves the project (`../../etc/passwd`, an absolute path,
/// a symbolic link pointing out).
public struct PathEscapeCheck: Check {
    public let id = "appendix.path-escape"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "En bilagssti peger uden for projektet", en: "An appendix path leaves the project")

    public var examples: [CheckExample] {
        [
            .triggers("Sti op og ud af projektet",
                      ExampleDocument.byraad.replacingFrontMatterText("    fil: bilag/erfaringer.pdf", with: "    fil: ../../hemmeligt/notat.pdf ⟵")),
            .triggers("Absolut sti", ExampleDocument.byraad.replacingFrontMatterText("    fil: bilag/erfaringer.pdf", with: "    fil: /etc/passwd ⟵")),
            .passes("Stier inde i projektet", .byraad),
        ]
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        zip(context.analyzed.appendices, AppendixFiles.resolutions(context)).compactMap { entry, resolution in
            guard case .escapes = resolution else { return nil }
            let file = entry.file ?? ""
            return diagnostic(
                "Bilag \(entry.number): stien »\(file)« peger uden for projektmappen \(context.projectRoot.path); læg filen i projektet",
                "Appendix \(entry.number): the path \"\(file)\" leaves the project folder \(context.projectRoot.path); put the file inside the project",
                line: entry.fileLine, column: context.document.column(of: file, inLine: entry.fileLine))
        }
    }
}
