import IndstilSupport
import IndstilDocument

/// Two appendices in one bundle with the same id: links (`bilag:ID`) and pages would be
/// ambiguous, so the bundle is not built.
public struct BundleDuplicateIDCheck: BundleCheck {
    public let id = "bundle.duplicate-id"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "To bilag i bundle.yml har samme id", en: "Two appendices in bundle.yml share an id")
    public let isMandatory = true

    public var examples: [ProjectExample] {
        [
            .triggers("Andet bilag med id »moeder«", entry: BundleExample.manifestName, files: BundleExample.project(chapterOne: [
                "      - id: moeder",
                "        fil: kapitel-1/moeder.md",
                "      - id: moeder ⟵",
                "        fil: kapitel-1/skema.pdf",
                "        titel: \"Spørgeskema\"",
            ], intro: "# Møderne\n\nSe [kortlægningen](bilag:moeder).\n")),
            .passes("Hvert bilag sit id", entry: BundleExample.manifestName, files: BundleExample.project()),
            .passes("Id'et er filnavnet, når »id« mangler", entry: BundleExample.manifestName, files: BundleExample.project(chapterOne: [
                "      - fil: kapitel-1/moeder.md",
                "      - id: skema",
                "        fil: kapitel-1/skema.pdf",
                "        titel: \"Spørgeskema\"",
            ])),
        ]
    }

    public func check(_ context: BundleCheckContext) -> [LocatedDiagnostic] {
        var firstLine: [String: Int] = [:]
        var found: [LocatedDiagnostic] = []
        for appendix in context.manifest.chapters.flatMap(\.appendices) {
            if let first = firstLine[appendix.id] {
                found.append(LocatedDiagnostic(context.manifestPath, diagnostic(
                    "Bilags-id »\(appendix.id)« er allerede brugt i linje \(first); giv bilaget et andet »id«",
                    "Appendix id \"\(appendix.id)\" is already used on line \(first); give this appendix another \"id\"",
                    line: appendix.line)))
            } else {
                firstLine[appendix.id] = appendix.line
            }
        }
        return found
    }
}
