import Foundation
import IndstilSupport
import IndstilDocument
import Mustache

/// A standalone HTML page through the profile's Mustache template
/// (`document.html.mustache` and `style.css` in the profile folder, else `Templates/_base/`).
public enum HTMLRenderer {
    /// What the template sees. Strings are escaped by Mustache's `{{…}}`; only the
    /// section bodies (`{{{bodyHTML}}}`) are pre-escaped HTML from `HTMLFragments`.
    package struct Page {
        package struct SectionView { let number: String?; let heading: String; let anchor: String; let bodyHTML: String }
        package struct AppendixView {
            package let number: Int
            package let title: String
            /// The appendix file as a relative link, as the front matter writes it (`AppendixLink`); nil without a file.
            package let href: String?
        }
        /// The profile's logo, its file inlined as a `data:` URI (nothing is fetched when the
        /// page is shown; an SVG in an `<img>` runs no script).
        package struct LogoView { let dataURI: String; let alt: String }
        package struct Field {
            // Stored, not computed (see `child(named:)` below).
            package let label: String
            package let value: String
            /// The value escaped, e-mail and web addresses breaking only after @ . / (`AddressBreaks`).
            package let valueHTML: String
            package let hasLabel: Bool
            package init(label: String, value: String) {
                self.label = label; self.value = value; valueHTML = AddressBreaks.markup(value); hasLabel = !label.isEmpty
            }
        }

        package let lang: String
        package let title: String
        package let documentLabel: String
        package let headerLines: [String]
        let hasHeaderLines: Bool
        package let afterTitle: [String]
        package let sections: [SectionView]
        package let signature: String?
        package let appendices: [AppendixView]
        let hasAppendices: Bool
        package let earlierDecisions: [String]
        let hasEarlierDecisions: Bool
        package let sidebar: [Field]
        package let css: String
        package let date: String?
        /// The letterhead block: the profile's logo and its lines with the fields filled in,
        /// as escaped HTML whose addresses break only after @ . / (`AddressBreaks`).
        package let logo: LogoView?
        package let letterhead: [String]
        let hasLetterhead: Bool
        /// A logo or letterhead lines: the page opens with the letterhead block.
        let hasLetterheadBlock: Bool
        /// The banner that opens a closed or draft document (`HTMLMarking.banner`), nil for none.
        let markingHTML: String?
        /// `status: lukket`: the page asks not to be indexed.
        package let isClosed: Bool
    }

    /// - Parameter linkingAppendices: each appendix with a `fil` links it (`AppendixLink`); false for a PDF.
    /// - Parameter appendixHref: an appendix file's link (`AppendixLink`); nil leaves it unlinked.
    public static func render(_ model: RenderModel, profile: Profile, linkingAppendices: Bool = true,
                              appendixHref: ((String) -> String?)? = nil) throws(IndstilError) -> String {
        let appendixHref = appendixHref ?? { AppendixLink.href($0) }
        let template = try cache.template(cache.file(named: "document.html.mustache", profile: profile))
        var css = cache.text(cache.file(named: "style.css", profile: profile))
        // Only a page with a table carries the table rules: other pages stay as they were.
        if model.hasTables { css += cache.text(cache.file(named: "table.css", profile: profile)) }
        css += themeRule(model.look)
        css += HTMLMarking.css(model.marking)
        // Mustache escapes markup, not characters HTML and XML do not allow (C0 controls,
        // U+FFFE, U+FFFF): those are dropped from every string the template sees.
        let clean = MarkupEscaping.allowedCharacters
        let logo = try model.look.logo.map { logo throws(IndstilError) in
            Page.LogoView(dataURI: try cache.dataURI(logo), alt: clean(logo.alt))
        }
        let page = Page(
            lang: clean(model.language),
            title: clean(model.title),
            documentLabel: clean(model.documentLabel),
            headerLines: model.headerLines.map(clean),
            hasHeaderLines: !model.headerLines.isEmpty,
            afterTitle: model.afterTitle.map(clean),
            sections: model.sections.map {
                .init(number: $0.number.map(clean), heading: clean($0.heading), anchor: clean($0.anchor), bodyHTML: HTMLFragments.blocks($0.blocks))
            },
            signature: model.signature.map(clean),
            appendices: model.appendices.map { .init(number: $0.number, title: clean($0.title), href: linkingAppendices ? $0.file.flatMap(appendixHref) : nil) },
            hasAppendices: !model.appendices.isEmpty,
            earlierDecisions: model.earlierDecisions.map(clean),
            hasEarlierDecisions: !model.earlierDecisions.isEmpty,
            sidebar: model.sidebar.map { splitField(clean($0)) },
            css: css,
            date: model.date.map(clean),
            logo: logo,
            letterhead: model.look.letterhead.map { AddressBreaks.markup(clean($0)) },
            hasLetterhead: !model.look.letterhead.isEmpty,
            hasLetterheadBlock: logo != nil || !model.look.letterhead.isEmpty,
            markingHTML: HTMLMarking.banner(model.marking),
            isClosed: model.marking.isClosed)
        return HTMLMarking.ensuringBanner(template.render(page), model.marking)
    }

    /// The profile's `look.theme` as a `:root` rule after the stylesheet, overriding its
    /// defaults; empty for a profile without one. The values are checked when the profile
    /// is loaded (`ThemeVariable.accepts`): none can leave its declaration or the `<style>`.
    static func themeRule(_ look: RenderLook) -> String {
        guard !look.theme.isEmpty else { return "" }
        return "\n/* look.theme */\n:root {\n\(look.customPropertyDeclarations)\n}"
    }

    /// "Sagsnummer: 21-030966" → ("Sagsnummer", "21-030966"); "Borgmesterens Afdeling" → ("", …).
    package static func splitField(_ line: String) -> Page.Field {
        guard let range = line.range(of: ": ") else { return .init(label: "", value: line) }
        return .init(label: String(line[..<range.lowerBound]), value: String(line[range.upperBound...]))
    }

    static func templateFile(named name: String, profile: Profile) -> URL {
        if let folder = profile.folder {
            let own = folder.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: own.path) { return own }
            let base = folder.deletingLastPathComponent().appendingPathComponent("_base").appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: base.path) { return base }
        }
        return (ShippedTemplates.folder ?? URL(fileURLWithPath: "Templates")).appendingPathComponent("_base").appendingPathComponent(name)
    }

    /// Templates and stylesheets are read and parsed once per run, not once per document.
    package static let cache = TemplateCache()

    package final class TemplateCache: Sendable {
        /// What has been read; values never change once read.
        private struct Entries {
            var templates: [String: MustacheTemplate] = [:]
            var texts: [String: String] = [:]
            var files: [String: URL] = [:]
            var dataURIs: [String: String] = [:]
        }
        private let entries = Locked(Entries())

        /// `templateFile(named:profile:)`, looked up on disk once per profile folder and name.
        package func file(named name: String, profile: Profile) -> URL {
            let key = (profile.folder?.path ?? "") + "\u{0}" + name
            if let known = entries.withLock({ $0.files[key] }) { return known }
            let url = HTMLRenderer.templateFile(named: name, profile: profile)
            entries.withLock { $0.files[key] = url }
            return url
        }

        package func template(_ url: URL) throws(IndstilError) -> MustacheTemplate {
            try entries.withLock { entries throws(IndstilError) in
                if let cached = entries.templates[url.path] { return cached }
                let template = try HTMLRenderer.loadTemplate(url)
                entries.templates[url.path] = template
                return template
            }
        }

        /// The logo file as a `data:` URI, read once per run.
        package func dataURI(_ logo: ResolvedProfileLook.Logo) throws(IndstilError) -> String {
            try entries.withLock { entries throws(IndstilError) in
                if let cached = entries.dataURIs[logo.file.path] { return cached }
                guard FileKind.isRegularFile(logo.file), let data = try? logo.contents() else {  // an SVG sanitised (SVGSanitizer)
                    throw IndstilError(da: "logoet \(logo.file.path) kan ikke læses", en: "the logo \(logo.file.path) cannot be read")
                }
                let uri = "data:\(logo.mediaType);base64,\(data.base64EncodedString())"
                entries.dataURIs[logo.file.path] = uri
                return uri
            }
        }

        package func text(_ url: URL) -> String {
            entries.withLock { entries in
                if let cached = entries.texts[url.path] { return cached }
                let text = FileKind.isRegularFile(url) ? ((try? String(contentsOf: url, encoding: .utf8)) ?? "") : ""
                entries.texts[url.path] = text
                return text
            }
        }
    }

    static func loadTemplate(_ url: URL) throws(IndstilError) -> MustacheTemplate {
        guard FileKind.isRegularFile(url), let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw IndstilError(da: "skabelonen \(url.path) kan ikke læses", en: "the template \(url.path) cannot be read")
        }
        do {
            return try MustacheTemplate(string: text)
        } catch {
            throw IndstilError(da: "skabelonen \(url.path) er ugyldig: \(error)", en: "the template \(url.path) is invalid: \(error)")
        }
    }
}

// What the template sees, by name, without Mirror: reflecting a value for every
// `{{name}}` was a quarter of an HTML render. Each name gives the stored property of
// the same name (an optional unwrapped, nil when absent), exactly what Mirror gave,
// so the templates under Templates/ keep working unchanged.

extension HTMLRenderer.Page: MustacheParent {
    package func child(named name: String) -> Any? {
        switch name {
        case "lang": return lang
        case "title": return title
        case "documentLabel": return documentLabel
        case "headerLines": return headerLines
        case "hasHeaderLines": return hasHeaderLines
        case "afterTitle": return afterTitle
        case "sections": return sections
        case "signature": return signature
        case "appendices": return appendices
        case "hasAppendices": return hasAppendices
        case "earlierDecisions": return earlierDecisions
        case "hasEarlierDecisions": return hasEarlierDecisions
        case "sidebar": return sidebar
        case "css": return css
        case "date": return date
        case "logo": return logo
        case "letterhead": return letterhead
        case "hasLetterhead": return hasLetterhead
        case "hasLetterheadBlock": return hasLetterheadBlock
        case "markingHTML": return markingHTML
        case "isClosed": return isClosed
        default: return nil
        }
    }
}

extension HTMLRenderer.Page.LogoView: MustacheParent {
    package func child(named name: String) -> Any? {
        switch name {
        case "dataURI": return dataURI
        case "alt": return alt
        default: return nil
        }
    }
}

extension HTMLRenderer.Page.SectionView: MustacheParent {
    package func child(named name: String) -> Any? {
        switch name {
        case "number": return number
        case "heading": return heading
        case "anchor": return anchor
        case "bodyHTML": return bodyHTML
        default: return nil
        }
    }
}

extension HTMLRenderer.Page.AppendixView: MustacheParent {
    package func child(named name: String) -> Any? {
        switch name {
        case "number": return number
        case "title": return title
        case "href": return href
        default: return nil
        }
    }
}

extension HTMLRenderer.Page.Field: MustacheParent {
    package func child(named name: String) -> Any? {
        switch name {
        case "label": return label
        case "value": return value
        case "valueHTML": return valueHTML
        case "hasLabel": return hasLabel
        default: return nil
        }
    }
}
