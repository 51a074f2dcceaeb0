import Foundation
import IndstilSupport
import IndstilDocument

/// An indstilling names its appendices by its own list ("(bilag 1)"), but in a packet that
/// appendix is "Punkt 3, Bilag 2" (the indstilling itself is the item's Bilag 1). Inside
/// packets — the agenda's item pages (the indstilling's text) and the minutes — such
/// references are written in the
/// packet's numbering, so a reader looking for the appendix finds it. A number the
/// indstilling's list does not have is left as written.
struct AppendixReferences {
    /// The indstilling's own number → the packet's label.
    let labels: [Int: String]

    init(_ item: ResolvedAgenda.Item) {
        var labels: [Int: String] = [:]
        for appendix in item.appendices {
            if let own = appendix.documentNumber { labels[own] = appendix.label }
        }
        self.labels = labels
    }

    init(labels: [Int: String]) {
        self.labels = labels
    }

    /// "bilag 1" as running text writes it; "Bilag 1: Titel" (a list's own entry) is left.
    /// Group 3 catches a list of numbers ("bilag 1 og 2", "bilag 1-3"), which is left as
    /// written rather than renumbered half.
    private static let pattern = try! NSRegularExpression(pattern: #"\b(bilag) (\d{1,3})\b((?:(?:, | og | eller |–|-)\d{1,3}\b)*)"#)

    /// Plain text with "bilag 1" as "Punkt 3, Bilag 2".
    func rewriting(_ text: String) -> String {
        guard !labels.isEmpty, text.range(of: "ilag ", options: .caseInsensitive) != nil else { return text }
        let source = text as NSString
        var out = ""
        var last = 0
        for match in Self.pattern.matches(in: text, range: NSRange(location: 0, length: source.length)) {
            guard match.range(at: 3).length == 0, let number = Int(source.substring(with: match.range(at: 2))), let label = labels[number] else { continue }
            out += source.substring(with: NSRange(location: last, length: match.range.location - last)) + label
            last = match.range.location + match.range.length
        }
        return out + source.substring(from: last)
    }

    /// HTML (escaped text and tags) with the references rewritten in its text only, never
    /// inside a tag.
    func rewritingHTML(_ html: String) -> String {
        guard !labels.isEmpty, html.range(of: "ilag ", options: .caseInsensitive) != nil else { return html }
        var out = ""
        var text = ""
        var inTag = false
        for character in html {
            if inTag {
                out.append(character)
                if character == ">" { inTag = false }
            } else if character == "<" {
                out += rewriting(text)
                text = ""
                out.append(character)
                inTag = true
            } else {
                text.append(character)
            }
        }
        return out + rewriting(text)
    }
}
