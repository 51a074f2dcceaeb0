import Foundation

/// The HTML of each kind of page in a bundle site: one function per kind, all inside
/// one shared frame (`page`). Every text from the bundle goes through
/// `HTMLFragments.escape`; bodies come from `HTMLFragments`, which escapes as well.
enum SitePages {
    private static func escape(_ text: String) -> String { HTMLFragments.escape(text) }

    /// The page at `position` in the plan's reading order.
    static func html(_ plan: SitePlan, position: Int) -> String {
        let page = plan.pages[position]
        let main: String
        switch page.kind {
        case .index: main = index(plan)
        case .chapter(let chapter): main = self.chapter(chapter, plan: plan)
        case .appendix(let appendix, let analyzed): main = self.appendix(appendix, analyzed, plan: plan)
        }
        return frame(plan, position: position, main: main)
    }

    // MARK: - The frame every page shares

    /// The shared frame with the bundle's title, its chapter and previous/next.
    static func frame(_ plan: SitePlan, position: Int, main: String) -> String {
        let page = plan.pages[position]
        let link = { (page: SitePlan.Page) in SiteFrame.Link(file: page.file, label: page.label) }
        let previous = position > 0 ? link(plan.pages[position - 1]) : nil
        let next = position + 1 < plan.pages.count ? link(plan.pages[position + 1]) : nil
        let chapter = page.chapter.flatMap { number in plan.bundle.chapters.first { $0.number == number } }
        let parent = chapter.map { (link: SiteFrame.Link(file: SitePlan.chapterFile($0.number), label: $0.title), short: "Kapitel \($0.number)") }
        let frame = SiteFrame(siteTitle: plan.bundle.title, indexFile: SitePlan.indexFile, indexLabel: "Bilagsfortegnelse",
                              generator: BundleSite.generator, bodyClass: "bilagsmateriale")
        return frame.html(title: position == 0 ? plan.bundle.title : "\(page.label) – \(plan.bundle.title)", file: page.file,
                          parent: parent, previous: previous, next: next, main: main)
    }

    // MARK: - Index: the bilagsfortegnelse

    static func index(_ plan: SitePlan) -> String {
        let bundle = plan.bundle
        let count = bundle.appendices.count
        let attachments = bundle.appendices.filter { plan.attachments[$0.id] != nil }.count
        var summary = "Bilagsmaterialet har \(bundle.chapters.count) \(bundle.chapters.count == 1 ? "kapitel" : "kapitler") og \(count) bilag"
        if attachments > 0 { summary += ", heraf \(attachments) som \(attachments == 1 ? "vedhæftet fil" : "vedhæftede filer")" }
        let chapters = bundle.chapters.map { chapter -> String in
            let link = "<a class=\"kapitel\" href=\"\(SitePlan.chapterFile(chapter.number))\">"
                + "<span class=\"nr\">Kapitel \(chapter.number)</span> <span class=\"titel\">\(escape(chapter.title))</span></a>"
            guard !chapter.appendices.isEmpty else { return "<li>\(link)</li>" }
            return "<li>\(link)\n\(appendixList(chapter.appendices, plan: plan))\n</li>"
        }
        return """
        <h1>\(escape(bundle.title))</h1>
        <p class="ingress">\(escape(summary)).</p>
        <section class="fortegnelse" aria-labelledby="fortegnelse-overskrift">
        <h2 id="fortegnelse-overskrift">Bilagsfortegnelse</h2>
        <ul class="kapitler">
        \(chapters.joined(separator: "\n"))
        </ul>
        </section>
        """
    }

    /// "B1.2 Title" per appendix, linking its page, or its copied file with type and size.
    static func appendixList(_ appendices: [ResolvedBundle.Appendix], plan: SitePlan) -> String {
        let items = appendices.map { appendix -> String in
            let number = "<span class=\"nr\">\(escape(appendix.number))</span>"
            if let attachment = plan.attachments[appendix.id] {
                return "<li><a href=\"\(escape(attachment.path))\">\(number) <span class=\"titel\">\(escape(appendix.title))</span></a>"
                    + " <span class=\"filinfo\">(\(escape(attachment.info)))</span></li>"
            }
            let href = plan.pageFiles[appendix.id] ?? SitePlan.indexFile
            var item = "<li><a href=\"\(escape(href))\">\(number) <span class=\"titel\">\(escape(appendix.title))</span></a>"
            if case .markdown(let analyzed) = appendix.content,
               let decider = analyzed.document.frontMatter["beslutningstager"]?.trimmedString, !decider.isEmpty {
                item += " <span class=\"beslutningstager\">Beslutningstager: \(escape(decider))</span>"
            }
            return item + "</li>"
        }
        return "<ul class=\"bilagsliste\">\n\(items.joined(separator: "\n"))\n</ul>"
    }

    // MARK: - Chapter page

    static func chapter(_ chapter: ResolvedBundle.Chapter, plan: SitePlan) -> String {
        var parts = ["<h1><span class=\"nr\">Kapitel \(chapter.number):</span> \(escape(chapter.title))</h1>"]
        if let intro = chapter.intro {
            let blocks = introBlocks(intro, chapter: chapter)
            if !blocks.isEmpty {
                parts.append("<div class=\"indledning\">\n\(HTMLFragments.blocks(blocks, resolvingLinks: plan.resolve))\n</div>")
            }
        }
        let list = chapter.appendices.isEmpty ? "<p>Kapitlet har ingen bilag.</p>" : appendixList(chapter.appendices, plan: plan)
        parts.append("""
        <section class="kapitelbilag" aria-labelledby="bilag-overskrift">
        <h2 id="bilag-overskrift">Bilag i kapitel \(chapter.number)</h2>
        \(list)
        </section>
        """)
        return parts.joined(separator: "\n")
    }

    /// The intro's blocks under the page's h1: its highest heading level becomes h2, the
    /// others follow without skipping a level; a first heading that only repeats
    /// "Kapitel N" or the chapter title is left out.
    static func introBlocks(_ intro: MarkdownNode, chapter: ResolvedBundle.Chapter) -> [RenderBlock] {
        var nodes = intro.children
        if let first = nodes.first, case .heading = first.kind, repeatsChapter(first.plainText, chapter) {
            nodes.removeFirst()
        }
        let levels = nodes.compactMap { node -> Int? in if case .heading(let level) = node.kind { return level } else { return nil } }
        let top = levels.min() ?? 1
        let blocks = nodes.compactMap { node -> RenderBlock? in
            if case .heading(let level) = node.kind {
                return .subheading(level: level - top + 1, RenderModelBuilder.inlines(node.children))
            }
            return RenderModelBuilder.block(node)
        }
        return RenderModelBuilder.withoutSkippedHeadingLevels(blocks)
    }

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

    static func appendix(_ appendix: ResolvedBundle.Appendix, _ analyzed: AnalyzedDocument, plan: SitePlan) -> String {
        let model = RenderModelBuilder.build(analyzed)
        let chapter = plan.bundle.chapters.first { $0.number == appendix.chapter }
        var parts: [String] = []
        if let chapter {
            parts.append("<p class=\"overrubrik\"><a href=\"\(SitePlan.chapterFile(chapter.number))\">\(escape(SitePlan.chapterLabel(chapter)))</a></p>")
        }
        parts.append("<h1><span class=\"nr\">\(escape(appendix.number))</span> \(escape(appendix.title))</h1>")

        // Beslutningstager and the profile's other header fields, then the sender.
        var fields = (model.headerLines + model.afterTitle + model.sidebar).map(HTMLRenderer.splitField)
        if let sender = analyzed.document.frontMatter["afsender"]?.trimmedString, !sender.isEmpty,
           !fields.contains(where: { $0.label == "Afsender" }) {
            fields.append(.init(label: "Afsender", value: sender))
        }
        if !fields.isEmpty {
            let rows = fields.map { field in
                field.hasLabel ? "<div><dt>\(escape(field.label))</dt><dd>\(escape(field.value))</dd></div>"
                    : "<div><dd>\(escape(field.value))</dd></div>"
            }
            parts.append("<dl class=\"oplysninger\">\n\(rows.joined(separator: "\n"))\n</dl>")
        }

        // The front card: the profile's skeleton sections at the start (Formål, Opsummering,
        // Anbefalinger, Videre forløb); sections of the appendix's own follow it.
        let cardCount = analyzed.sections.prefix { $0.spec != nil }.count
        func section(_ section: RenderModel.Section) -> String {
            let number = section.number.map { "<span class=\"nr\">\(escape($0))</span> " } ?? ""
            return """
            <section id="\(escape(section.anchor))" aria-labelledby="\(escape(section.anchor))-overskrift">
            <h2 id="\(escape(section.anchor))-overskrift">\(number)\(escape(section.heading))</h2>
            \(HTMLFragments.blocks(section.blocks, resolvingLinks: plan.resolve))
            </section>
            """
        }
        let card = model.sections.prefix(cardCount)
        if !card.isEmpty {
            parts.append("<div class=\"forsideark\">\n\(card.map(section).joined(separator: "\n"))\n</div>")
        }
        parts += model.sections.dropFirst(cardCount).map(section)
        if let signature = model.signature, !signature.isEmpty {
            parts.append("<p class=\"underskrift\">\(escape(signature))</p>")
        }
        if !model.appendices.isEmpty {
            let items = model.appendices.map { "<li>Bilag \($0.number): \(escape($0.title))</li>" }
            parts.append("""
            <section class="egne-bilag" aria-labelledby="egne-bilag-overskrift">
            <h2 id="egne-bilag-overskrift">Bilag til \(escape(appendix.number))</h2>
            <ul>
            \(items.joined(separator: "\n"))
            </ul>
            </section>
            """)
        }
        return parts.joined(separator: "\n")
    }
}
