import Foundation
import IndstilSupport

/// What a bundle's cover says besides its title, from the optional keys of `bundle.yml`:
/// `kommune`, `udvalg`, `dato` (ÅÅÅÅ-MM-DD) and `laesevejledning` (a reading guide,
/// paragraphs separated by a blank line). Shown on the PDF's cover and the site's front page.
public struct BundleCover: Sendable, Equatable {
    /// "Eksempel Kommune"
    public let municipality: String?
    /// "Udvalget for byrådets arbejdsvilkår"
    public let committee: String?
    public let date: CalendarDate?
    /// The reading guide's paragraphs, in order; empty when there is none.
    public let readingGuide: [String]

    /// No key given: the cover shows the title and the scope only.
    public static let none = BundleCover(municipality: nil, committee: nil, date: nil, readingGuide: [])

    /// The cover's keys from the manifest's root; a `dato` that is not a date, or a key that
    /// is not text, is an `input.invalid` diagnostic with its line.
    package static func parse(_ root: YAMLValue) -> Result<BundleCover, Diagnostic> {
        func fail(_ key: String, _ da: String, _ en: String) -> Result<BundleCover, Diagnostic> {
            .failure(Diagnostic(check: "input.invalid", severity: .error, message: Message(da: da, en: en),
                                line: root.entry(key)?.value.line ?? 1))
        }
        var texts: [String: String] = [:]
        for key in ["kommune", "udvalg", "dato", "laesevejledning"] {
            guard let value = root[key], !value.isEmpty else { continue }
            guard let text = value.trimmedString else {
                return fail(key, "»\(key)« i bundle.yml skal være tekst", "\"\(key)\" in bundle.yml must be text")
            }
            texts[key] = text
        }
        var date: CalendarDate?
        if let text = texts["dato"] {
            guard let parsed = CalendarDate(iso: text) else {
                return fail("dato", "»dato« skal være en gyldig dato skrevet ÅÅÅÅ-MM-DD (fik »\(text)«)",
                            "\"dato\" must be a valid date written YYYY-MM-DD (got \"\(text)\")")
            }
            date = parsed
        }
        return .success(BundleCover(municipality: texts["kommune"], committee: texts["udvalg"], date: date,
                                    readingGuide: paragraphs(texts["laesevejledning"] ?? "")))
    }

    /// Paragraphs separated by blank lines, each one line with its white space folded.
    package static func paragraphs(_ text: String) -> [String] {
        text.components(separatedBy: "\n")
            .split { $0.trimmingWhitespaceAndNewlines.isEmpty }
            .map { $0.joined(separator: " ").foldingWhitespace }
            .filter { !$0.isEmpty }
    }

    /// "31. marts 2026", when the cover has a date.
    var dateText: String? { date.map(DanishFormat.date) }

    /// The facts under the title, in the order the cover shows them: (label, value).
    package var facts: [(label: String, value: String)] {
        var facts: [(String, String)] = []
        if let municipality { facts.append(("Kommune", municipality)) }
        if let committee { facts.append(("Udvalg", committee)) }
        if let dateText { facts.append(("Dato", dateText)) }
        return facts
    }

    /// The facts as a `dl` and the reading guide as a section, for the PDF's cover and the
    /// site's front page alike; empty when the manifest gives none of them. The site labels
    /// the section by its heading (`labelledHeadingID`); the PDF has no landmarks.
    package func html(labelledHeadingID: String? = nil) -> String {
        var out = ""
        if !facts.isEmpty {
            out += "<dl class=\"forside-fakta\">\n"
                + facts.map { "<div><dt>\($0.label.markupEscaped)</dt><dd>\($0.value.markupEscaped)</dd></div>\n" }.joined()
                + "</dl>\n"
        }
        if !readingGuide.isEmpty {
            out += labelledHeadingID.map { "<section class=\"laesevejledning\" aria-labelledby=\"\($0)\">\n<h2 id=\"\($0)\">Læsevejledning</h2>\n" }
                ?? "<section class=\"laesevejledning\">\n<h2>Læsevejledning</h2>\n"
            out += readingGuide.map { "<p>\($0.markupEscaped)</p>\n" }.joined() + "</section>\n"
        }
        return out
    }
}
