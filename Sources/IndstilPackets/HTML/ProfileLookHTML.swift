import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// A document's profile look (`look:`) on a packet page or in a packet PDF: the document's
/// parts are wrapped in an element that sets the profile's stylesheet variables for that
/// document only (a packet mixes profiles; its own frame keeps the packet's look), and
/// open with the letterhead block, as a single document's HTML does.
enum ProfileLookHTML {
    /// `parts` unchanged for a profile without a look; otherwise one part: the wrapper
    /// with the letterhead block first.
    static func wrapping(_ parts: [String], look: RenderLook) -> [String] {
        guard look.logo != nil || !look.letterhead.isEmpty || !look.theme.isEmpty else { return parts }
        let style = look.theme.isEmpty ? "" : " style=\"\(scopedProperties(look).markupEscaped)\""
        let inner = (letterhead(look).map { [$0] } ?? []) + parts
        return ["<div class=\"profiludseende\"\(style)>\n\(inner.joined(separator: "\n"))\n</div>"]
    }

    /// `--indstil-heading: #1d5e3a; …` for a `style` attribute. The values were checked when
    /// the profile was loaded (`ThemeVariable.accepts`) and are escaped for the attribute.
    static func scopedProperties(_ look: RenderLook) -> String {
        look.theme.map { "\($0.variable.customProperty): \($0.value.trimmingCharacters(in: .whitespaces));" }
            .joined(separator: " ")
    }

    /// The logo and the letterhead lines as `document.html.mustache` shows them, in a `div`
    /// rather than an `aside`: inside the page's `<main>` a landmark would not be top level.
    static func letterhead(_ look: RenderLook) -> String? {
        // The profile's load found the logo; should it have gone since, the page goes
        // without it rather than the whole packet failing.
        let logo = look.logo.flatMap { logo in
            (try? HTMLRenderer.cache.dataURI(logo)).map { "<img class=\"logo\" src=\"\($0)\" alt=\"\(logo.alt.markupEscaped)\">\n" }
        }
        guard logo != nil || !look.letterhead.isEmpty else { return nil }
        let lines = look.letterhead.isEmpty ? ""
            : "<address class=\"afsender\">\n" + look.letterhead.map { "<span>\(AddressBreaks.markup($0))</span>\n" }.joined() + "</address>\n"
        return "<div class=\"brevhoved\">\n\(logo ?? "")\(lines)</div>"
    }
}
