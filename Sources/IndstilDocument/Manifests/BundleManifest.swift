import Foundation
import IndstilSupport

/// `bundle.yml` of `type: betaenkning`: chapters, each with an intro and appendices.
public struct BundleManifest: Sendable {
    public struct Chapter: Sendable {
        public let title: String
        public let intro: String?
        public let introLine: Int
        public let appendices: [Appendix]
        public let line: Int
    }

    public struct Appendix: Sendable {
        /// Given, or the file name without its extension.
        public let id: String
        public let file: String
        public let fileLine: Int
        /// Required for non-Markdown appendices; for Markdown the document's own `titel`.
        public let title: String?
        /// A number the author fixed ("B2.3"); checked against the numbering.
        public let fixedNumber: String?
        public let line: Int
    }

    public let url: URL
    public let type: String
    public let title: String
    /// "B{kapitel}.{nr}"
    public let numbering: String
    public let chapters: [Chapter]
    /// Who the bundle is from and for, shown on its cover and the site's front page.
    public let cover: BundleCover

    public static let defaultNumbering = "B{kapitel}.{nr}"
    /// The keys bundle.yml may have at its top, in the order the diagnostic names them.
    static let rootKeys = ["type", "titel", "nummerering", "kommune", "udvalg", "dato", "laesevejledning", "kapitler"]

    /// Reads the manifest from its YAML (read once by `Manifest.load`); any structural
    /// problem is a diagnostic with its line.
    package static func parse(_ root: YAMLValue, url: URL) -> Result<BundleManifest, Diagnostic> {
        func fail(_ line: Int, _ da: String, _ en: String) -> Result<BundleManifest, Diagnostic> {
            .failure(Diagnostic(check: "input.invalid", severity: .error, message: Message(da: da, en: en), line: line))
        }
        guard case .mapping(let entries) = root.content else {
            return fail(1, "bundle.yml skal være nøgler med værdier (type, titel, kapitler …)", "bundle.yml must be keys with values (type, titel, kapitler …)")
        }
        if let unknown = entries.first(where: { !rootKeys.contains($0.key) }) {
            let known = rootKeys.joined(separator: ", ")
            return fail(unknown.keyLine, "Ukendt nøgle »\(unknown.key)« i bundle.yml (kendte: \(known))",
                        "Unknown key \"\(unknown.key)\" in bundle.yml (known: \(known))")
        }
        let cover: BundleCover
        switch BundleCover.parse(root) {
        case .success(let parsed): cover = parsed
        case .failure(let diagnostic): return .failure(diagnostic)
        }
        let type = root["type"]?.trimmedString ?? ""
        guard type == "betaenkning" || type == "betænkning" else {
            return fail(root.entry("type")?.keyLine ?? 1, "»type« skal være »betaenkning« (fik »\(type)«)", "\"type\" must be \"betaenkning\" (got \"\(type)\")")
        }
        let numbering = root["nummerering"]?.trimmedString ?? defaultNumbering
        guard numbering.contains("{nr}") else {
            return fail(root.entry("nummerering")?.keyLine ?? 1, "»nummerering« skal indeholde {nr}, fx »B{kapitel}.{nr}«", "\"nummerering\" must contain {nr}, e.g. \"B{kapitel}.{nr}\"")
        }
        guard let chapterValues = root["kapitler"]?.items, !chapterValues.isEmpty else {
            return fail(root.entry("kapitler")?.keyLine ?? 1, "bundle.yml skal have »kapitler« med mindst ét kapitel", "bundle.yml needs \"kapitler\" with at least one chapter")
        }
        var chapters: [Chapter] = []
        for chapterValue in chapterValues {
            guard case .mapping = chapterValue.content, let title = chapterValue["titel"]?.trimmedString, !title.isEmpty else {
                return fail(chapterValue.line, "Hvert kapitel skal have en »titel«", "Every chapter needs a \"titel\"")
            }
            if let unknown = chapterValue.entries.first(where: { !["titel", "intro", "bilag"].contains($0.key) }) {
                return fail(unknown.keyLine, "Ukendt nøgle »\(unknown.key)« i kapitlet (kendte: titel, intro, bilag)", "Unknown key \"\(unknown.key)\" in the chapter (known: titel, intro, bilag)")
            }
            var appendices: [Appendix] = []
            for item in chapterValue["bilag"]?.items ?? [] {
                guard case .mapping = item.content, let file = item["fil"]?.trimmedString, !file.isEmpty else {
                    return fail(item.line, "Hvert bilag skal have en »fil«", "Every appendix needs a \"fil\"")
                }
                if let unknown = item.entries.first(where: { !["id", "fil", "titel", "nummer"].contains($0.key) }) {
                    return fail(unknown.keyLine, "Ukendt nøgle »\(unknown.key)« i bilaget (kendte: id, fil, titel, nummer)", "Unknown key \"\(unknown.key)\" in the appendix (known: id, fil, titel, nummer)")
                }
                let id = item["id"]?.trimmedString ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
                appendices.append(Appendix(id: id, file: file, fileLine: item["fil"]?.line ?? item.line,
                                           title: item["titel"]?.trimmedString, fixedNumber: item["nummer"]?.trimmedString, line: item.line))
            }
            chapters.append(Chapter(title: title, intro: chapterValue["intro"]?.trimmedString,
                                    introLine: chapterValue["intro"]?.line ?? chapterValue.line, appendices: appendices, line: chapterValue.line))
        }
        return .success(BundleManifest(url: url, type: type, title: root["titel"]?.trimmedString ?? "Bilagsmateriale",
                                       numbering: numbering, chapters: chapters, cover: cover))
    }

    /// "B{kapitel}.{nr}" → "B2.3".
    public func number(chapter: Int, appendix: Int) -> String {
        numbering.replacingOccurrences(of: "{kapitel}", with: String(chapter)).replacingOccurrences(of: "{nr}", with: String(appendix))
    }
}
