import Foundation

extension Workspace {
    /// Two versions compared (`indstil diff`): each read through its profile where it has
    /// one, so that the profile's decision section is compared as decision points; a
    /// document without a profile is compared by its structure alone.
    public func redline(old: VersionSource, new: VersionSource) throws(IndstilError) -> (diff: DocumentDiff, title: String) {
        var decisionTitles = Set<String>()
        func document(_ source: VersionSource) throws(IndstilError) -> Document {
            let analysis = analyze(text: source.text, url: source.url, displayPath: source.name, checking: false, keep: false)
            if let analyzed = analysis.analyzed {
                if let decision = analyzed.profile.decision?.section {
                    for matched in analyzed.sections where matched.spec?.id == decision { decisionTitles.insert(matched.section.title) }
                }
                return analyzed.document
            }
            switch DocumentLoader.parse(source.text, url: source.url, displayPath: source.name) {
            case .document(let document): return document
            case .failed(let diagnostic): throw IndstilError(diagnostic.message, file: source.name, line: diagnostic.line)
            case .noFrontMatter:
                throw IndstilError(da: "filen har ingen front matter", en: "the file has no front matter", file: source.name)
            }
        }
        let oldDocument = try document(old), newDocument = try document(new)
        let titles = decisionTitles
        let diff = DocumentDiff.compare(old: oldDocument, new: newDocument) { titles.contains($0.title) }
        return (diff, newDocument.title.isEmpty ? oldDocument.title : newDocument.title)
    }
}
