import Mustache
import Testing
@testable import IndstilCore
@testable import IndstilSupport
@testable import IndstilDocument
@testable import IndstilChecks
@testable import IndstilRender
@testable import IndstilWorkspace
@testable import IndstilPackets

/// The HTML template reads the page through `child(named:)` instead of Mirror; every stored
/// property must still be reachable by its name, with the value Mirror would give.
@Suite struct TemplateValuesTests {
    typealias Page = HTMLRenderer.Page

    static func sameAsMirror(_ value: some MustacheParent) {
        let children = Mirror(reflecting: value).children
        #expect(!children.isEmpty)
        for child in children {
            let label = try! #require(child.label)
            let mirrored = Mirror(reflecting: child.value)
            let expected: Any? = mirrored.displayStyle == .optional ? mirrored.children.first?.value : child.value
            let actual = value.child(named: label)
            #expect(String(describing: actual) == String(describing: expected), "\(type(of: value)).\(label)")
        }
        #expect(value.child(named: "noSuchField") == nil)
    }

    @Test func everyFieldIsReachableByName() {
        let section = Page.SectionView(number: "1.", heading: "Resume", anchor: "resume", bodyHTML: "<p>x</p>")
        let unnumbered = Page.SectionView(number: nil, heading: "Bilag", anchor: "bilag", bodyHTML: "")
        let appendix = Page.AppendixView(number: 2, title: "Analyse", href: "bilag/analyse.pdf")
        let withoutFile = Page.AppendixView(number: 3, title: "Notat", href: nil)
        let field = Page.Field(label: "Sagsnummer", value: "21-030966")
        let page = Page(lang: "da", title: "T", documentLabel: "Indstilling", headerLines: ["Til: Byrådet"], hasHeaderLines: true,
                        afterTitle: ["Status"], sections: [section, unnumbered], signature: nil, appendices: [appendix, withoutFile],
                        hasAppendices: true, earlierDecisions: ["2020"], hasEarlierDecisions: true, sidebar: [field],
                        css: "body{}", date: "2026-05-27",
                        logo: .init(dataURI: "data:image/png;base64,AA==", alt: "Logo"), letterhead: ["Torvet 1"], hasLetterhead: true,
                        hasLetterheadBlock: true, markingHTML: "<section class=\"markering\"></section>", isClosed: true)
        Self.sameAsMirror(page)
        Self.sameAsMirror(page.logo!)
        Self.sameAsMirror(section)
        Self.sameAsMirror(unnumbered)
        Self.sameAsMirror(appendix)
        Self.sameAsMirror(withoutFile)
        Self.sameAsMirror(field)
    }
}
