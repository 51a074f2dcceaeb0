import IndstilSupport
import IndstilDocument

/// A cross-reference in a chapter intro or a Markdown appendix (`bilag:ID`, `kapitel:N`)
/// that names no appendix or chapter of the bundle: its link would lead nowhere.
public struct BundleUnresolvedReferenceCheck: BundleCheck {
    public let id = "bundle.unresolved-reference"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "En henvisning bilag:ID eller kapitel:N peger ikke på noget", en: "A bilag:ID or kapitel:N reference points nowhere")
    public let isMandatory = true

    public var examples: [ProjectExample] {
        [
            .triggers("Henvisning til et bilag, der ikke findes", entry: BundleExample.manifestName, files: BundleExample.project(
                intro: "# Møderne\n\nSe [kortlægningen](bilag:moeder).\n\nSe også [analysen](bilag:analyse). ⟵\n")),
            .triggers("Henvisning til kapitel 3 i et bundt med to", entry: BundleExample.manifestName, files: BundleExample.project(
                intro: "# Møderne\n\nSe [kapitel 3](kapitel:3). ⟵\n")),
            .triggers("Ufuldstændig henvisning »bilag:«", entry: BundleExample.manifestName, files: BundleExample.project(
                intro: "# Møderne\n\nSe [bilaget](bilag:). ⟵\n")),
            .passes("Henvisninger til bilag og kapitler, der findes", entry: BundleExample.manifestName, files: BundleExample.project()),
        ]
    }

    public func check(_ context: BundleCheckContext) -> [LocatedDiagnostic] {
        let ids = Set(context.manifest.chapters.flatMap(\.appendices).map(\.id))
        let chapters = context.manifest.chapters.count
        var found: [LocatedDiagnostic] = []
        for file in context.references {
            for reference in file.references {
                let message: (da: String, en: String)
                switch reference.target {
                case .appendix(let target) where !ids.contains(target):
                    let suggestion = ids.sorted().first { $0.lowercased() == target.lowercased() }.map { " (mente du »\($0)«?)" } ?? ""
                    message = ("Henvisningen bilag:\(target) peger ikke på et bilag i bundle.yml\(suggestion)",
                               "The reference bilag:\(target) names no appendix in bundle.yml\(suggestion)")
                case .chapter(let number) where number < 1 || number > chapters:
                    message = ("Henvisningen kapitel:\(number) peger ikke på et kapitel (der er \(chapters))",
                               "The reference kapitel:\(number) names no chapter (there are \(chapters))")
                case .invalid(let text):
                    message = ("Henvisningen »\(text)« er ufuldstændig; skriv bilag:ID eller kapitel:N",
                               "The reference \"\(text)\" is incomplete; write bilag:ID or kapitel:N")
                default:
                    continue
                }
                found.append(LocatedDiagnostic(file.path, diagnostic(message.da, message.en, line: reference.line, column: reference.column)))
            }
        }
        return found
    }
}
