import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// Where everything of a bundle goes in its site, decided before a byte is written.
///
/// `index.html` is the bilagsfortegnelse; every chapter has `kapitel-N.html`, every
/// Markdown appendix a page named after its number (`b2-1.html`), and every other
/// appendix is copied to `bilag/` under its number (`bilag/B1.3-analyse.pdf`) when its
/// chapter's page is written. Reading order: index → chapter 1 → its appendices →
/// chapter 2 …; `[](bilag:ID)` and `kapitel:N` become numbered, titled links.
struct BundleSitePlan: PacketSitePlan {
    enum PageContent {
        case index
        case chapter(ResolvedBundle.Chapter)
        case appendix(ResolvedBundle.Appendix, AnalyzedDocument)
    }

    /// A non-Markdown appendix, copied as it is.
    struct Attachment {
        /// "bilag/B1.3-analyse.pdf"
        let path: String
        /// "PDF, 120 KB"
        let info: String
    }

    let bundle: ResolvedBundle
    /// In reading order.
    let pages: [SitePage<PageContent>]
    /// By appendix id.
    let pageFiles: [String: String]
    let attachments: [String: Attachment]

    var frame: SiteFrame { SiteFrame(siteTitle: bundle.title, indexLabel: "Bilagsfortegnelse", bodyClass: "bilagsmateriale") }
    var noAppendicesNote: String? { "Bilagsmaterialet har ingen bilag" }

    init(_ bundle: ResolvedBundle, files: PacketFiles) throws(PacketFailure) {
        self.bundle = bundle
        var pages = [SitePage<PageContent>(content: .index, file: SiteFrame.indexFile, label: "Bilagsfortegnelse")]
        var used: Set<String> = [SiteFrame.indexFile, SiteFrame.styleFile]
        for chapter in bundle.chapters { used.insert(Self.chapterFile(chapter.number)) }
        var pageFiles: [String: String] = [:]
        var attachments: [String: Attachment] = [:]
        var usedAttachments: Set<String> = []
        let packetAttachments = Dictionary(files.attachments.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })

        /// `preferred`, else with the appendix id added, else with a counter: never a name twice
        /// (compared without case, for case-insensitive file systems).
        func unique(_ preferred: String, id: String, fileExtension: String, in taken: inout Set<String>) -> String {
            let idPart = Slug.of(id)
            var candidates = [preferred, idPart.isEmpty ? preferred : "\(preferred)-\(idPart)"]
            candidates += (2...).lazy.prefix(1000).map { "\(preferred)-\($0)" }
            for candidate in candidates {
                let name = fileExtension.isEmpty ? candidate : "\(candidate).\(fileExtension)"
                if !taken.contains(name.lowercased()) {
                    taken.insert(name.lowercased())
                    return name
                }
            }
            return "\(preferred)-\(UUID().uuidString)"  // unreachable in practice
        }

        for chapter in bundle.chapters {
            let parent = SiteFrame.Parent(link: SiteFrame.Link(file: Self.chapterFile(chapter.number), label: chapter.title),
                                          short: "Kapitel \(chapter.number)")
            let chapterPage = pages.count
            pages.append(SitePage(content: .chapter(chapter), file: Self.chapterFile(chapter.number),
                                  label: Self.chapterLabel(chapter), parent: parent))
            for appendix in chapter.appendices {
                switch appendix.content {
                case .markdown(let analyzed):
                    let stem = Slug.of(appendix.number)
                    let file = unique(stem.isEmpty ? "bilag" : stem, id: appendix.id, fileExtension: "html", in: &used)
                    pageFiles[appendix.id] = file
                    pages.append(SitePage(content: .appendix(appendix, analyzed), file: file, label: Self.appendixLabel(appendix),
                                          parent: parent, progressLabel: Self.appendixLabel(appendix)))
                case .attachment(let fileExtension):
                    // "B1.3-analyse.pdf": the appendix number, then the original name.
                    let original = SiteNames.fileNameParts(appendix.source.lastPathComponent)
                    let numberPart = SiteNames.safeRun(appendix.number)
                    let preferred = numberPart.isEmpty ? original.stem : "\(numberPart)-\(original.stem)"
                    let name = unique(preferred, id: appendix.id, fileExtension: original.fileExtension, in: &usedAttachments)
                    let size: Int
                    do {
                        let attributes = try FileManager.default.attributesOfItem(atPath: appendix.source.path)
                        size = (attributes[.size] as? NSNumber)?.intValue ?? 0
                    } catch {
                        let reason = SystemErrorText.reason(error)
                        throw PacketFailure(.planning, da: "Bilaget \(appendix.number) (\(appendix.source.path)) kan ikke læses: \(reason.da)",
                                            en: "Appendix \(appendix.number) (\(appendix.source.path)) cannot be read: \(reason.en)",
                                            file: appendix.source)
                    }
                    let path = "\(PacketSite.attachmentFolder)/\(name)"
                    attachments[appendix.id] = Attachment(path: path, info: "\(SiteNames.fileType(fileExtension)), \(SiteNames.fileSize(size))")
                    if let attachment = packetAttachments[appendix.id] {
                        // Attachments have no page: they are copied and counted after their chapter's page.
                        pages[chapterPage].files.append(SiteFile(attachment: attachment, path: path, progressLabel: Self.appendixLabel(appendix)))
                    }
                }
            }
        }
        self.pages = pages
        self.pageFiles = pageFiles
        self.attachments = attachments
    }

    static func chapterFile(_ number: Int) -> String { "kapitel-\(number).html" }
    static func chapterLabel(_ chapter: ResolvedBundle.Chapter) -> String { "Kapitel \(chapter.number): \(chapter.title)" }
    static func appendixLabel(_ appendix: ResolvedBundle.Appendix) -> String { "\(appendix.number) \(appendix.title)" }

    /// The page or copied file an appendix is found at.
    func href(ofAppendix id: String) -> String? {
        pageFiles[id] ?? attachments[id]?.path
    }

    /// `bilag:ID` → the appendix ("B2.1 Title"), `kapitel:N` → the chapter page
    /// ("Kapitel 2: Title"); nil for ordinary links and for targets that do not exist.
    func resolve(_ destination: String) -> HTMLFragments.ResolvedLink? {
        switch BundleReference.parse(destination) {
        case .appendix(let id)?:
            guard let appendix = bundle.appendix(id: id), let href = href(ofAppendix: id) else { return nil }
            return .init(href: href, text: Self.appendixLabel(appendix))
        case .chapter(let number)?:
            guard let chapter = bundle.chapters.first(where: { $0.number == number }) else { return nil }
            return .init(href: Self.chapterFile(number), text: Self.chapterLabel(chapter))
        case .invalid?, nil:
            return nil
        }
    }

    /// Every `bilag:`/`kapitel:` link in the intros and appendices that has no target in
    /// the site ("file:line:column: …"). The assembler reports these too; this keeps a
    /// site from ever being written with a dead link.
    func unresolvedReferences() -> [String] {
        let base = bundle.manifest.url.deletingLastPathComponent().standardizedFileURL.path + "/"
        func shown(_ url: URL) -> String {
            let path = url.standardizedFileURL.path
            return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
        }
        var problems: [String] = []
        func check(_ node: MarkdownNode, document: Document?, source: URL) {
            for reference in BundleReference.find(in: node, document: document) {
                let resolves: Bool
                switch reference.target {
                case .appendix(let id): resolves = bundle.appendix(id: id) != nil && href(ofAppendix: id) != nil
                case .chapter(let number): resolves = bundle.chapters.contains { $0.number == number }
                case .invalid: resolves = false
                }
                if !resolves {
                    let text: String
                    switch reference.target {
                    case .appendix(let id): text = "bilag:\(id)"
                    case .chapter(let number): text = "kapitel:\(number)"
                    case .invalid(let raw): text = raw
                    }
                    problems.append("\(shown(source)):\(reference.line):\(reference.column): henvisningen \(text) peger ikke på noget i bilagsmaterialet")
                }
            }
        }
        for chapter in bundle.chapters {
            if let intro = chapter.intro { check(intro, document: nil, source: chapter.introSource ?? bundle.manifest.url) }
            for appendix in chapter.appendices {
                if case .markdown(let analyzed) = appendix.content {
                    check(analyzed.document.body, document: analyzed.document, source: appendix.source)
                }
            }
        }
        return problems
    }
}
