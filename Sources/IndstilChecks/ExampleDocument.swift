import IndstilSupport
import IndstilDocument

/// Builds complete example documents from a clean one, changed in one place.
/// A line holding the marker "⟵" is the line a triggering example must be reported
/// on; the marker itself is removed from the text.
public struct ExampleDocument: Sendable {
    public var profile: String
    public var frontMatter: [String]
    public var sections: [(heading: String, body: String)]
    public var files: [String: String]

    public static let marker = "⟵"

    /// A clean 2026 byrådsindstilling (profile aarhus-byraad), in our own words.
    public static var byraad: ExampleDocument {
        ExampleDocument(
            profile: "aarhus-byraad",
            frontMatter: [
                "profil: aarhus-byraad",
                "titel: \"Ny ordning for udlån af kommunens mødelokaler\"",
                "til: Aarhus Byråd",
                "fra: Magistraten",
                "dato: 2026-03-31",
                "sagsnummer: 26-000123",
                "afdeling: Borgmesterens Afdeling",
                "sagsbehandler:",
                "  navn: Ida Eksempel",
                "  telefon: \"89 40 00 00\"",
                "  email: ida.eksempel@example.dk",
                "status: åben",
                "bilag:",
                "  - titel: \"Oversigt over mødelokaler\"",
                "    fil: bilag/lokaler.md",
                "  - titel: \"Erfaringer fra forsøget\"",
                "    fil: bilag/erfaringer.pdf",
            ],
            sections: [
                ("1. Resume", "Foreningerne efterspørger flere lokaler om aftenen. Indstillingen foreslår en fælles ordning for udlån af kommunens mødelokaler, som vist i bilag 1."),
                ("2. Beslutningspunkter", "Det indstilles på magistratens anbefaling:\n\n1. Byrådet godkender den nye ordning for udlån (bilag 1).\n2. Byrådet tager erfaringerne fra forsøget til efterretning (bilag 2)."),
                ("3. Hvorfor skal byrådet behandle sagen?", "Sagen er principiel, fordi ordningen gælder alle magistratsafdelinger, og den er ikke omfattet af delegationsplanen."),
                ("4. Hvorfor fremsendes indstillingen?", "Forsøget i to bydele har vist, at lokalerne står tomme to ud af tre aftener."),
                ("5. Hvilken værdi skabes for borgere og samfund?", "Flere foreninger får et sted at mødes tæt på, hvor medlemmerne bor."),
                ("6. Hvad igangsættes?", "Der oprettes én fælles bookingside for alle lokaler."),
                ("7. Hvem gør det og hvordan?", "Borgmesterens Afdeling driver bookingsiden sammen med de øvrige afdelinger."),
                ("8. Hvilke ressourcer kræves?", "Ordningen finansieres inden for den gældende ramme."),
                ("9. Hvad er den videre proces og hvordan følges op?", "Byrådet får en status efter det første år."),
            ],
            files: ["bilag/lokaler.md": "# Oversigt over mødelokaler\n\nTolv lokaler i seks bydele.\n", "bilag/erfaringer.pdf": "%PDF-1.4\n"])
    }

    /// A clean rådmandsindstilling (profile aarhus-raadmand).
    public static var raadmand: ExampleDocument {
        ExampleDocument(
            profile: "aarhus-raadmand",
            frontMatter: [
                "profil: aarhus-raadmand",
                "titel: \"Status på ny ordning for praktikpladser\"",
                "dato: 2026-08-29",
                "moededato: 2026-09-04",
                "forventet_tidsforbrug: 10",
                "status: åben",
                "afdeling: \"Organisation og Ledelse, Team Personale\"",
                "sagsbehandler:",
                "  navn: Ole Eksempel",
                "  telefon: \"41 00 00 00\"",
                "  email: ole.eksempel@example.dk",
            ],
            sections: [
                ("Indstilling", "Det indstilles,\n\n1) at rådmanden tager status på ordningen til efterretning."),
                ("Sagsfremstilling", "Ordningen har nu kørt et halvt år, og 40 elever har fået en praktikplads."),
                ("Handlemuligheder/løsninger", "-"),
                ("Økonomi", "-"),
                ("Kommunikation", "-"),
                ("Videre proces", "Næste status gives i foråret."),
                ("Koordineret med", "-"),
            ],
            files: [:])
    }

    /// A clean appendix front card (profile betaenkning-bilag).
    public static var bilag: ExampleDocument {
        ExampleDocument(
            profile: "betaenkning-bilag",
            frontMatter: [
                "profil: betaenkning-bilag",
                "titel: \"Kortlægning af mødebelastningen i de faste udvalg\"",
                "beslutningstager: Det nuværende byråd",
            ],
            sections: [
                ("Formål", "Formålet er at give udvalget et overblik over mødebelastningen."),
                ("Opsummering", "1. Udvalgene holder i gennemsnit elleve møder om året.\n2. Bilagsmængden er vokset."),
                ("Anbefalinger", "1. Sagsfremstillinger gøres kortere."),
                ("Videre forløb", "1. Byrådet tager anbefalingerne til efterretning."),
            ],
            files: [:])
    }

    public var text: String {
        var lines = ["---"] + frontMatter + ["---", ""]
        for (heading, body) in sections {
            lines.append("# \(heading)")
            lines.append("")
            lines.append(body)
            lines.append("")
        }
        return lines.joined(separator: "\n").replacingOccurrences(of: " " + Self.marker, with: "").replacingOccurrences(of: Self.marker, with: "")
    }

    /// The 1-based line holding the marker, if any.
    public var markedLine: Int? {
        var lines = ["---"] + frontMatter + ["---", ""]
        for (heading, body) in sections {
            lines.append("# \(heading)")
            lines.append("")
            lines.append(contentsOf: body.components(separatedBy: "\n"))
            lines.append("")
        }
        return lines.firstIndex { $0.contains(Self.marker) }.map { $0 + 1 }
    }

    // MARK: Changes

    public func removingSection(_ prefix: String) -> ExampleDocument {
        var copy = self
        copy.sections.removeAll { $0.heading.contains(prefix) }
        return copy
    }

    public func replacingSection(_ prefix: String, heading: String? = nil, body: String) -> ExampleDocument {
        var copy = self
        if let index = copy.sections.firstIndex(where: { $0.heading.contains(prefix) }) {
            copy.sections[index] = (heading ?? copy.sections[index].heading, body)
        }
        return copy
    }

    public func appendingSection(_ heading: String, body: String) -> ExampleDocument {
        var copy = self
        copy.sections.append((heading, body))
        return copy
    }

    public func swappingSections(_ first: String, _ second: String) -> ExampleDocument {
        var copy = self
        if let a = copy.sections.firstIndex(where: { $0.heading.contains(first) }),
           let b = copy.sections.firstIndex(where: { $0.heading.contains(second) }) {
            copy.sections.swapAt(a, b)
        }
        return copy
    }

    /// Replaces the front-matter line starting with `key:` (or removes it when `line` is nil).
    public func settingField(_ key: String, _ line: String?) -> ExampleDocument {
        var copy = self
        if let index = copy.frontMatter.firstIndex(where: { $0.hasPrefix(key + ":") }) {
            if let line { copy.frontMatter[index] = line } else { copy.frontMatter.remove(at: index) }
        } else if let line {
            copy.frontMatter.append(line)
        }
        return copy
    }

    public func replacingFrontMatterText(_ old: String, with new: String) -> ExampleDocument {
        var copy = self
        copy.frontMatter = copy.frontMatter.map { $0.replacingOccurrences(of: old, with: new) }
        return copy
    }
}
