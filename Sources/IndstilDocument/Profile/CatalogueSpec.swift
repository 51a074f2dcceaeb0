import IndstilSupport

/// A budget catalogue's theme sheets (`catalogue:` in profile.yml): level-1 headings
/// "Tema N: Titel" numbered without gaps, each with the same level-2 sections, and the
/// department codes its distribution tables may use.
///
///     catalogue:
///       theme_heading: Tema
///       theme_sections: ["Beskrivelse af opgaven", "Identificeret potentiale", "Fordeling på afdeling"]
///       departments: [ADM, BØR, KUL, SUN, TEK, BES]
public struct CatalogueSpec: Sendable, Decodable {
    /// The word before a theme's number ("Tema" in "Tema 4: Færre tilsyn").
    public let themeHeading: String
    /// The level-2 sections every theme sheet has, in order (compared without case).
    public let themeSections: [String]
    /// The codes that may label the rows of a distribution table; empty allows any.
    public let departments: [String]

    package enum CodingKeys: String, CodingKey {
        case themeHeading = "theme_heading"
        case themeSections = "theme_sections"
        case departments
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        themeHeading = try c.decodeIfPresent(String.self, forKey: .themeHeading) ?? "Tema"
        themeSections = try c.decodeIfPresent([String].self, forKey: .themeSections) ?? []
        departments = try c.decodeIfPresent([String].self, forKey: .departments) ?? []
    }

    /// "Tema 4: Færre tilsyn" → (4, "Færre tilsyn"); nil for any other heading.
    public func theme(inHeading heading: String) -> (number: Int, title: String)? {
        let folded = heading.foldingWhitespace
        guard folded.lowercased().hasPrefix(themeHeading.lowercased() + " ") else { return nil }
        let rest = folded.dropFirst(themeHeading.count + 1)
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3, let number = Int(digits) else { return nil }
        var title = rest.dropFirst(digits.count)
        title = title.drop { $0 == ":" || $0 == "." || $0 == " " || $0 == "-" || $0 == "–" }
        return (number, String(title))
    }
}
