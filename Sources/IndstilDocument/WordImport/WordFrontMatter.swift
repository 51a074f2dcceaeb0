import IndstilSupport

/// The front matter of an imported Word document, written as YAML in the profile's field
/// order: each line keeps the paragraph its value was read from.
struct WordFrontMatter {
    package var profileID: String?
    package var title: (text: String, paragraph: Int)?
    package var fields: [WordFields.Field] = []
    package var statedCount: (count: Int, paragraph: Int)?
    package var appendices: [(title: String, paragraph: Int)] = []
    package var earlierDecisions: [(line: String, paragraph: Int)] = []
    package var signature: (text: String, paragraph: Int)?

    package func write(into text: inout WordMarkdownText, profile: Profile?) {
        func line(_ content: String, _ paragraph: Int) { text.append(content, paragraph: paragraph, heading: nil) }
        line("---", 1)
        if let profileID { line("profil: \(Self.scalar(profileID))", 1) }
        line("titel: \(Self.scalar(title?.text ?? ""))", title?.paragraph ?? 1)
        // Top-level keys in the profile's order, then any the profile does not know.
        var order = (profile?.fields.map(\.key) ?? []).filter { $0 != "profil" && $0 != "titel" }
        for field in fields {
            let key = String(field.path.split(separator: ".").first ?? "")
            if !order.contains(key) { order.append(key) }
        }
        for key in order {
            let own = fields.filter { $0.path.split(separator: ".").first.map(String.init) == key }
            if own.contains(where: { $0.path == key }), let field = own.first(where: { $0.path == key }) {
                line("\(key): \(Self.scalar(field.value))", field.paragraph)
            } else if !own.isEmpty {
                line("\(key):", own[0].paragraph)
                let subkeys = profile?.fieldSpec(at: key)?.fields?.map(\.key) ?? []
                for field in own.sorted(by: { (subkeys.firstIndex(of: Self.last($0.path)) ?? 99) < (subkeys.firstIndex(of: Self.last($1.path)) ?? 99) }) {
                    line("  \(Self.last(field.path)): \(Self.scalar(field.value))", field.paragraph)
                }
            } else if key == "underskrift", let signature, signature.text != profile?.layout.defaultSignature {
                line("underskrift: \(Self.scalar(signature.text))", signature.paragraph)
            } else if key == "bilag", !appendices.isEmpty {
                line("bilag:", appendices[0].paragraph)
                for appendix in appendices { line("  - titel: \(Self.scalar(appendix.title))", appendix.paragraph) }
            } else if key == "tidligere_beslutninger", !earlierDecisions.isEmpty {
                line("tidligere_beslutninger:", earlierDecisions[0].paragraph)
                for decision in earlierDecisions {
                    let parts = Self.earlierDecision(decision.line)
                    var first = true
                    for (subkey, value) in [("dato", parts.date), ("tekst", parts.text), ("sagsnummer", parts.caseNumber)] {
                        guard let value else { continue }
                        line("  \(first ? "- " : "  ")\(subkey): \(Self.scalar(value))", decision.paragraph)
                        first = false
                    }
                }
            }
        }
        if profile == nil {
            if let signature { line("underskrift: \(Self.scalar(signature.text))", signature.paragraph) }
            if !appendices.isEmpty {
                line("bilag:", appendices[0].paragraph)
                for appendix in appendices { line("  - titel: \(Self.scalar(appendix.title))", appendix.paragraph) }
            }
        }
        if let statedCount { line("\(StatedCount.frontMatterKey): \(statedCount.count)", statedCount.paragraph) }
        line("---", text.origins.last?.paragraph ?? 1)
        text.separate()
    }

    private static func last(_ path: String) -> String { String(path.split(separator: ".").last ?? "") }

    /// "6. marts 2019: Sag nr. 9 Forsøg … (18/028943)" → date, text, case number.
    static func earlierDecision(_ line: String) -> (date: String?, text: String?, caseNumber: String?) {
        var rest = Substring(line)
        var date: String?
        if let colon = rest.range(of: ": "), let parsed = WordFields.date(String(rest[..<colon.lowerBound])) {
            date = parsed
            rest = rest[colon.upperBound...]
        }
        var caseNumber: String?
        if rest.hasSuffix(")"), let open = rest.lastIndex(of: "(") {
            let inside = rest[rest.index(after: open)..<rest.index(before: rest.endIndex)]
            if inside.contains(where: \.isNumber), !inside.contains(" ") {
                caseNumber = String(inside)
                rest = rest[..<open]
            }
        }
        let text = String(rest).foldingWhitespace
        return (date, text.isEmpty ? nil : text, caseNumber)
    }

    /// A YAML scalar: an ISO date or a plain number as it is, anything else double-quoted.
    package static func scalar(_ value: String) -> String {
        if CalendarDate(iso: value) != nil { return value }
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n", "\r", "\t": out += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
