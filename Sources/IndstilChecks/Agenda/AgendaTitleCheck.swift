import IndstilSupport
import IndstilDocument

/// A title on the agenda or in a bilag list is not the document's own: the item's `titel`
/// against its indstilling's, a listed appendix's title against the Markdown file's, and
/// (as a warning, since the text of a PDF is read approximately) against the first pages
/// of a PDF or DOCX.
public struct AgendaTitleCheck: AgendaCheck {
    public let id = "agenda.title"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "Titlen i dagsordenen eller bilagslisten er ikke dokumentets egen (PDF og DOCX: advarsel, når titlen ikke står på de første sider)",
                                 en: "The title on the agenda or in the bilag list is not the document's own (PDF and DOCX: a warning when the title is not on the first pages)")

    public var examples: [ProjectExample] {
        let notat = "# Notat om praktikpladser\n\nTallene er opgjort i august.\n"
        return [
            .triggers("Punktets titel er en anden end indstillingens", entry: AgendaExample.manifestName, files: AgendaExample.project(items: [
                "  - indstilling: \(AgendaExample.recommendationPath)",
                "    titel: Praktikpladser i kommunen ⟵",
                "    minutter: 10",
            ])),
            .triggers("Bilaget hedder noget andet i listen end i notatet", entry: AgendaExample.manifestName, files: AgendaExample.project(items: [
                "  - indstilling: \(AgendaExample.recommendationPath)",
                "    minutter: 10",
                "    bilag:",
                "      - fil: punkt-2/notat.md ⟵",
                "        titel: Notat om elever",
            ], extraFiles: ["punkt-2/notat.md": notat])),
            .passes("Samme titler begge steder (store og små bogstaver er ligegyldige)", entry: AgendaExample.manifestName, files: AgendaExample.project(items: [
                "  - indstilling: \(AgendaExample.recommendationPath)",
                "    titel: status på ny ordning for praktikpladser",
                "    minutter: 10",
                "    bilag:",
                "      - fil: punkt-2/notat.md",
                "        titel: Notat om praktikpladser",
            ], extraFiles: ["punkt-2/notat.md": notat])),
        ]
    }

    public func check(_ context: AgendaCheckContext) -> [LocatedDiagnostic] {
        var found: [LocatedDiagnostic] = []
        for item in context.items {
            if let listed = item.entry.title, let own = item.recommendation?.document.title, !own.isEmpty,
               AttachmentText.comparable(listed) != AttachmentText.comparable(own) {
                found.append(LocatedDiagnostic(context.manifestPath, diagnostic(
                    "Punkt \(item.number) hedder »\(listed)« på dagsordenen, men indstillingen \(item.recommendationPath) hedder »\(own)«; slet »titel« her, så bruges indstillingens",
                    "Item \(item.number) is called \"\(listed)\" on the agenda, but the indstilling \(item.recommendationPath) is called \"\(own)\"; remove \"titel\" here to use the indstilling's",
                    line: item.entry.titleLine)))
            }
            for appendix in item.appendices {
                if let problem = mismatch(appendix) { found.append(LocatedDiagnostic(appendix.listPath, problem)) }
            }
        }
        return found
    }

    package func mismatch(_ appendix: AgendaCheckContext.ListedAppendix) -> Diagnostic? {
        let listed = appendix.listedTitle
        switch appendix.fileTitle {
        case .own(let own):
            guard !listed.isEmpty, !own.isEmpty, AttachmentText.comparable(listed) != AttachmentText.comparable(own) else { return nil }
            return diagnostic("Bilaget hedder »\(listed)« i bilagslisten, men »\(own)« i \(appendix.path); brug samme titel begge steder",
                              "The appendix is called \"\(listed)\" in the list, but \"\(own)\" in \(appendix.path); use the same title in both places",
                              line: appendix.line)
        case .openingText(let text):
            let wanted = AttachmentText.comparable(AttachmentText.withoutFileExtension(listed))
            guard !wanted.isEmpty, !AttachmentText.comparable(text).contains(wanted) else { return nil }
            var warning = diagnostic(
                "Bilaget hedder »\(listed)« i bilagslisten, men den titel står ikke på de første sider af »\(appendix.fileName)«; ret titlen i listen eller i bilaget",
                "The appendix is called \"\(listed)\" in the list, but that title is not on the first pages of \"\(appendix.fileName)\"; fix the title in the list or in the appendix",
                line: appendix.line)
            warning.severity = .warning
            return warning
        case .unknown:
            return nil
        }
    }
}
