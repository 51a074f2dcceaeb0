import IndstilSupport
import IndstilDocument

/// An appendix whose fixed `nummer` is not the number its place in the chapter gives it.
public struct BundleNumberingCheck: BundleCheck {
    public let id = "bundle.numbering"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "Et bilags faste nummer passer ikke med dets plads i kapitlet",
                                 en: "An appendix's fixed number disagrees with its place in the chapter")

    public var examples: [ProjectExample] {
        [
            .triggers("Andet bilag i kapitel 1 med »nummer: B1.3«", entry: BundleExample.manifestName, files: BundleExample.project(chapterOne: [
                "      - id: moeder",
                "        fil: kapitel-1/moeder.md",
                "        nummer: B1.1",
                "      - id: skema ⟵",
                "        fil: kapitel-1/skema.pdf",
                "        titel: \"Spørgeskema\"",
                "        nummer: B1.3",
            ])),
            .passes("Faste numre, der passer", entry: BundleExample.manifestName, files: BundleExample.project(chapterOne: [
                "      - id: moeder",
                "        fil: kapitel-1/moeder.md",
                "        nummer: B1.1",
                "      - id: skema",
                "        fil: kapitel-1/skema.pdf",
                "        titel: \"Spørgeskema\"",
                "        nummer: B1.2",
            ])),
        ]
    }

    public func check(_ context: BundleCheckContext) -> [LocatedDiagnostic] {
        var found: [LocatedDiagnostic] = []
        for (chapterIndex, chapter) in context.manifest.chapters.enumerated() {
            for (position, entry) in chapter.appendices.enumerated() {
                let number = context.manifest.number(chapter: chapterIndex + 1, appendix: position + 1)
                guard let fixed = entry.fixedNumber, fixed != number else { continue }
                found.append(LocatedDiagnostic(context.manifestPath, diagnostic(
                    "Bilaget har nummeret »\(fixed)«, men står som nr. \(position + 1) i kapitel \(chapterIndex + 1) og bliver »\(number)«; ret nummeret eller flyt bilaget",
                    "The appendix is numbered \"\(fixed)\" but is no. \(position + 1) in chapter \(chapterIndex + 1), so it becomes \"\(number)\"; fix the number or move it",
                    line: entry.line)))
            }
        }
        return found
    }
}
