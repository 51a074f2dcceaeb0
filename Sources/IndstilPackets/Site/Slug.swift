import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// The one way a packet turns a number or title into a name for a file or an anchor:
/// Danish letters spelled out, other accents dropped, lowercase, every run of anything
/// but a–z and 0–9 one "-". "B1.2" → "b1-2", "Ø1" → "oe1".
enum Slug {
    /// "B1.2" → "b1-2"; may be empty.
    static func of(_ text: String) -> String {
        var out = ""
        for scalar in SiteNames.ascii(text).lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty, !out.hasSuffix("-") {
                out += "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }

    /// The slug as an HTML id: it always starts with a letter ("2.1" → "bilag-2-1").
    static func anchor(_ text: String) -> String {
        let slug = of(text)
        guard let first = slug.unicodeScalars.first, ("a"..."z").contains(first) else {
            return slug.isEmpty ? "bilag" : "bilag-" + slug
        }
        return slug
    }
}
