import IndstilSupport
import IndstilDocument

/// The changes as an accessible HTML page (WCAG 2.1 AA): a summary table of the changes per
/// section, then each change under its section with deleted text in `<del>` and inserted
/// text in `<ins>`, each announced in words for a screen reader ("slettet:", "indsat:")
/// since a reader does not say the element. Decision points first.
public enum RedlineHTML {
    public static func page(_ diff: DocumentDiff, old: String, new: String, title: String) -> String {
        let heading = "Ændringer i »\(title.isEmpty ? new : title)«"
        var body = "<h1>\(heading.markupEscaped)</h1>\n"
        body += "<p class=\"versions\">Fra <code>\(old.markupEscaped)</code> til <code>\(new.markupEscaped)</code>: \((RedlineWording.count(diff.changes.count)).markupEscaped).</p>\n"
        let groups = RedlineWording.groups(diff.changes)
        if diff.changes.contains(where: { $0.place == .decisionPoint }) {
            body += "<p class=\"decision\"><strong>Beslutningspunkterne er ændret:</strong> det, der skal besluttes, er ikke det samme som før.</p>\n"
        }
        if !groups.isEmpty {
            body += "<table>\n<caption>Ændringer pr. afsnit</caption>\n<thead><tr><th scope=\"col\">Afsnit</th>"
            for kind in [DocumentChange.Kind.added, .removed, .changed, .moved] { body += "<th scope=\"col\">\((RedlineWording.kind(kind).capitalizedFirst).markupEscaped)</th>" }
            body += "</tr></thead>\n<tbody>\n"
            for (index, group) in groups.enumerated() {
                body += "<tr><th scope=\"row\"><a href=\"#gruppe-\(index + 1)\">\(group.name.markupEscaped)</a></th>"
                for kind in [DocumentChange.Kind.added, .removed, .changed, .moved] { body += "<td>\(group.changes.filter { $0.kind == kind }.count)</td>" }
                body += "</tr>\n"
            }
            body += "</tbody>\n</table>\n"
        }
        body += changeList(groups, level: 2, idPrefix: "gruppe-", visibleLabels: false)
        var shell = HTMLPageShell()
        shell.title = heading
        shell.style = Self.style
        return shell.html(body: "<main>\n" + body + "</main>\n")
    }

    static let style = """
        body { font-family: "Liberation Sans", Arial, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1a1a1a; background: #fff; }
        h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #767676; }
        table { border-collapse: collapse; margin: 1rem 0; width: 100%; } caption { text-align: left; font-weight: bold; margin-bottom: .25rem; }
        th, td { border: 1px solid #767676; padding: .25rem .6rem; text-align: left; } td { text-align: right; }
        ul { padding-left: 1.2rem; } li { margin-bottom: 1rem; } .headline { margin: 0; } .text { margin: .25rem 0 0; }
        del { background: #fde2e2; color: #8a0000; text-decoration: line-through; }
        ins { background: #ddf4dd; color: #0b5a0b; text-decoration: underline; }
        .decision { border-left: .3rem solid #8a0000; padding-left: .6rem; }
        .lines, .versions { color: #4d4d4d; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        a { color: #0b4f8a; }
        body, th, td, code, del, ins { overflow-wrap: anywhere; }
        thead th { overflow-wrap: normal; hyphens: auto; }
        @media (max-width: 30rem) { body { margin: 1rem auto; } th, td { padding: .2rem .25rem; font-size: .85rem; } h1 { font-size: 1.3rem; } }
        @media print { body { margin: 0; max-width: none; } }

        """

    /// The changes under a heading per group (`level`), as a packet's page shows them: there
    /// `visibleLabels` prints "[slettet: …]" and "[indsat: …]" for a reader of paper in grey.
    public static func changeList(_ groups: [(name: String, changes: [DocumentChange])], level: Int, idPrefix: String, visibleLabels: Bool) -> String {
        var body = ""
        for (index, group) in groups.enumerated() {
            body += "<section aria-labelledby=\"\(idPrefix)\(index + 1)\">\n<h\(level) id=\"\(idPrefix)\(index + 1)\">\(group.name.markupEscaped)</h\(level)>\n<ul>\n"
            for change in group.changes {
                let lines = RedlineWording.lines(change)
                body += "<li><p class=\"headline\"><strong>\((RedlineWording.headline(change)).markupEscaped)</strong>\(lines.isEmpty ? "" : " <span class=\"lines\">(\(lines.markupEscaped))</span>")</p>\n"
                body += "<p class=\"text\">\(text(change, visibleLabels: visibleLabels))</p></li>\n"
            }
            body += "</ul>\n</section>\n"
        }
        return body
    }

    /// The change's text: word segments, or the whole old and new text.
    static func text(_ change: DocumentChange, visibleLabels: Bool = false) -> String {
        func deleted(_ text: String) -> String {
            visibleLabels ? "<del>[slettet: \(text.markupEscaped)]</del>"
                : "<del><span class=\"visually-hidden\">slettet: </span>\(text.markupEscaped)<span class=\"visually-hidden\"> (slut på slettet)</span></del>"
        }
        func inserted(_ text: String) -> String {
            visibleLabels ? "<ins>[indsat: \(text.markupEscaped)]</ins>"
                : "<ins><span class=\"visually-hidden\">indsat: </span>\(text.markupEscaped)<span class=\"visually-hidden\"> (slut på indsat)</span></ins>"
        }
        if !change.segments.isEmpty {
            return change.segments.enumerated().map { index, segment in
                switch segment.kind {
                case .same: (RedlineText.shortened(segment.text, first: index == 0, last: index == change.segments.count - 1)).markupEscaped
                case .deleted: deleted(segment.text)
                // A space apart from the deletion before it, so the two do not read as one word.
                case .inserted: (index > 0 && change.segments[index - 1].kind == .deleted ? " " : "") + inserted(segment.text)
                }
            }.joined()
        }
        switch (change.old, change.new) {
        case (_, let new?) where change.kind == .moved: return new.markupEscaped
        case (let old?, let new?): return deleted(old) + " " + inserted(new)
        case (nil, let new?): return inserted(new)
        case (let old?, nil): return deleted(old)
        case (nil, nil): return ""
        }
    }
}

extension String {
    /// "tilføjet" → "Tilføjet".
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
