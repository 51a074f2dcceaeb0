import Foundation
import IndstilSupport

/// A betænkning bundle with every appendix numbered, loaded and checked: what the site
/// and the PDF are built from.
public struct ResolvedBundle: Sendable {
    public struct Appendix: Sendable {
        public enum Content: Sendable {
            case markdown(AnalyzedDocument)
            /// A PDF, DOCX, XLSX … copied (and for PDF, merged) as it is.
            case attachment(fileExtension: String)
        }

        public let id: String
        /// "B2.1"
        public let number: String
        public let title: String
        /// 1-based chapter and position in the chapter.
        public let chapter: Int
        public let position: Int
        public let source: URL
        public let content: Content

        package init(id: String, number: String, title: String, chapter: Int, position: Int, source: URL, content: Content) {
            self.id = id
            self.number = number
            self.title = title
            self.chapter = chapter
            self.position = position
            self.source = source
            self.content = content
        }
    }

    public struct Chapter: Sendable {
        public let number: Int
        public let title: String
        /// The chapter's introduction (Markdown without front matter), if any.
        public let intro: MarkdownNode?
        public let introSource: URL?
        public let appendices: [Appendix]

        package init(number: Int, title: String, intro: MarkdownNode?, introSource: URL?, appendices: [Appendix]) {
            self.number = number
            self.title = title
            self.intro = intro
            self.introSource = introSource
            self.appendices = appendices
        }
    }

    public let manifest: BundleManifest
    public let title: String
    public let chapters: [Chapter]
    /// Files the publication gate found closed (`PublicationGate`): while there is one, no
    /// site or PDF of the bundle is written.
    public let withheld: [URL]

    package init(manifest: BundleManifest, title: String, chapters: [Chapter], withheld: [URL] = []) {
        self.manifest = manifest
        self.title = title
        self.chapters = chapters
        self.withheld = withheld
    }

    public var appendices: [Appendix] { chapters.flatMap(\.appendices) }

    public func appendix(id: String) -> Appendix? {
        appendices.first { $0.id == id }
    }
}

/// A `[](bilag:ID)` or `[…](kapitel:N)` link in a bundle document.
public struct BundleReference: Sendable, Equatable {
    public enum Target: Sendable, Equatable {
        case appendix(String)
        case chapter(Int)
        case invalid(String)
    }

    public let target: Target
    public let line: Int
    public let column: Int

    /// nil for ordinary links.
    public static func parse(_ destination: String) -> Target? {
        let lower = destination.lowercased()
        if lower.hasPrefix("bilag:") {
            let id = String(destination.dropFirst(6)).trimmingCharacters(in: .whitespaces)
            return id.isEmpty ? .invalid(destination) : .appendix(id)
        }
        if lower.hasPrefix("kapitel:") {
            return Int(destination.dropFirst(8).trimmingCharacters(in: .whitespaces)).map(Target.chapter) ?? .invalid(destination)
        }
        return nil
    }

    /// Every bundle link below `node`.
    public static func find(in node: MarkdownNode, document: Document?) -> [BundleReference] {
        var found: [BundleReference] = []
        node.forEach { child in
            guard case .link(let destination, _) = child.kind, let target = parse(destination) else { return }
            let column = document?.column(of: "(\(destination))", inLine: child.line) ?? child.column
            found.append(BundleReference(target: target, line: child.line, column: column))
        }
        return found
    }
}
