import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// The main content of each page of a bundle's site: the bilagsfortegnelse, a chapter
/// with its intro and appendices, a Markdown appendix (`ProfiledDocumentHTML`). Every text
/// from the bundle is escaped (`markupEscaped`); bodies come from `HTMLFragments`, which
/// escapes as well.
extension BundleSitePlan {
    func main(_ content: PageContent) -> String {
        switch content {
        case .index: index()
        case .chapter(let chapter): self.chapter(chapter)
        case .appendix(let appendix, let analyzed): self.appendix(appendix, analyzed)
        }
    }

    // MARK: - Index: the bilagsfortegnelse

    func index() -> String {
        let count = bundle.appendices.count
        let copied = bundle.appendices.filter { attachments[$0.id] != nil }.count
        var summary = "Bilagsmaterialet har \(bundle.chapters.count) \(bundle.chapters.count == 1 ? "kapitel" : "kapitler") og \(count) bilag"
        if copied > 0 { summary += ", heraf \(copied) som \(copied == 1 ? "vedhæftet fil" : "vedhæftede filer")" }
        let chapters = bundle.chapters.map { chapter -> String in
            let link = "<a class=\"kapitel\" href=\"\(Self.chapterFile(chapter.number))\">"
                + "<span class=\"nr\">Kapitel \(chapter.number)</span> <span class=\"titel\">\(chapter.title.markupEscaped)</span></a>"
            guard !chapter.appendices.isEmpty else { return "<li>\(link)</li>" }
            return "<li>\(link)\n\(appendixList(chapter.appendices))\n</li>"
        }
        return """
        <h1>\(bundle.title.markupEscaped)</h1>
        <p class="ingress">\(summary.markupEscaped).</p>
        \(coverFacts())<section class="fortegnelse" aria-labelledby="fortegnelse-overskrift">
        <h2 id="fortegnelse-overskrift">Bilagsfortegnelse</h2>
        <ul class="kapitler">
        \(chapters.joined(separator: "\n"))
        </ul>
        </section>
        """
    }

    /// The manifest's municipality, committee and date, and its reading guide, before the
    /// bilagsfortegnelse; nothing when the manifest has none of them.
    func coverFacts() -> String {
        bundle.manifest.cover.html(labelledHeadingID: "laesevejledning-overskrift")
    }

    /// "B1.2 Title" per appendix, linking its page, or its copied file with type and size.
    func appendixList(_ appendices: [ResolvedBundle.Appendix]) -> String {
        let items = appendices.map { appendix -> String in
            let number = "<span class=\"nr\">\(appendix.number.markupEscaped)</span>"
            if let attachment = attachments[appendix.id] {
                return "<li><a href=\"\(attachment.path.markupEscaped)\">\(number) <span class=\"titel\">\(appendix.title.markupEscaped)</span></a>"
                    + " <span class=\"filinfo\">(\(attachment.info.markupEscaped))</span></li>"
            }
            let href = pageFiles[appendix.id] ?? SiteFrame.indexFile
            var item = "<li><a href=\"\(href.markupEscaped)\">\(number) <span class=\"titel\">\(appendix.title.markupEscaped)</span></a>"
            if case .markdown(let analyzed) = appendix.content,
               let decider = analyzed.document.frontMatter["beslutningstager"]?.trimmedString, !decider.isEmpty {
                item += " <span class=\"beslutningstager\">Beslutningstager: \(decider.markupEscaped)</span>"
            }
            return item + "</li>"
        }
        return "<ul class=\"bilagsliste\">\n\(items.joined(separator: "\n"))\n</ul>"
    }

    // MARK: - Chapter page

    func chapter(_ chapter: ResolvedBundle.Chapter) -> String {
        var parts = ["<h1><span class=\"nr\">Kapitel \(chapter.number):</span> \(chapter.title.markupEscaped)</h1>"]
        if let intro = chapter.intro {
            let blocks = ProfiledDocumentHTML.looseBlocks(intro) { Self.repeatsChapter($0, chapter) }
            if !blocks.isEmpty {
                parts.append("<div class=\"indledning\">\n\(HTMLFragments.blocks(blocks, resolvingLinks: resolve))\n</div>")
            }
        }
        let list = chapter.appendices.isEmpty ? "<p>Kapitlet har ingen bilag.</p>" : appendixList(chapter.appendices)
        parts.append("""
        <section class="kapitelbilag" aria-labelledby="bilag-overskrift">
        <h2 id="bilag-overskrift">Bilag i kapitel \(chapter.number)</h2>
        \(list)
        </section>
        """)
        return parts.joined(separator: "\n")
    }

    /// Whether an intro's first heading only repeats "Kapitel N" or the chapter title
    /// (the page's h1 says it already).
    static func repeatsChapter(_ heading: String, _ chapter: ResolvedBundle.Chapter) -> Bool {
        let text = heading.foldingWhitespace.lowercased()
        let title = chapter.title.foldingWhitespace.lowercased()
        if text == title { return true }
        let prefix = "kapitel \(chapter.number)"
        guard text.hasPrefix(prefix) else { return false }
        let rest = text.dropFirst(prefix.count).trimmingCharacters(in: CharacterSet(charactersIn: " :.–-"))
        return rest.isEmpty || rest == title
    }

    // MARK: - Appendix page

    func appendix(_ appendix: ResolvedBundle.Appendix, _ analyzed: AnalyzedDocument) -> String {
        var parts: [String] = []
        if let chapter = bundle.chapters.first(where: { $0.number == appendix.chapter }) {
            parts.append("<p class=\"overrubrik\"><a href=\"\(Self.chapterFile(chapter.number))\">\(Self.chapterLabel(chapter).markupEscaped)</a></p>")
        }
        parts.append("<h1><span class=\"nr\">\(appendix.number.markupEscaped)</span> \(appendix.title.markupEscaped)</h1>")
        // Beslutningstager and the profile's other header fields, then the sender; the
        // profile's skeleton sections in the front card, the appendix's own after it.
        let document = ProfiledDocumentHTML(fields: .definitionList(addingSender: true), sections: .page,
                                            ownAppendices: .init(heading: "Bilag til \(appendix.number)", labelled: true),
                                            blocks: { HTMLFragments.blocks($0, resolvingLinks: resolve) })
        parts += document.parts(analyzed)
        return parts.joined(separator: "\n")
    }
}
