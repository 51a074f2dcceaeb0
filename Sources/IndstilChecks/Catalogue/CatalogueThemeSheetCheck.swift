import IndstilSupport
import IndstilDocument

/// A catalogue's theme sheets: each opens with "# Tema N: Titel", themes are numbered
/// without gaps, and each sheet has the profile's sections. A sheet whose heading is
/// missing shows as a second "Beskrivelse af opgaven" inside the sheet before it.
public struct CatalogueThemeSheetCheck: Check {
    public let id = "catalogue.theme-sheet"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "Et temaark mangler sin overskrift, et underafsnit eller et nummer i rækkefølgen",
                                 en: "A theme sheet lacks its heading, a section or a number in sequence")

    public var examples: [CheckExample] {
        let catalogue = ExampleDocument.budgetkatalog
        let secondSheet = catalogue.sections[2].body
        return [
            .triggers("Temaark uden »# Tema 2«-overskrift", catalogue
                .removingSection("Tema 2")
                .replacingSection("Tema 1", body: catalogue.sections[1].body + "\n\n"
                                  + secondSheet.replacingOccurrences(of: "## Beskrivelse af opgaven", with: "## Beskrivelse af opgaven ⟵"))),
            .triggers("Hul i nummereringen", catalogue.replacingSection("Tema 2", heading: "Tema 3: Fælles indkøb ⟵", body: secondSheet)),
            .triggers("Temaark uden »Fordeling på afdeling«", catalogue.replacingSection(
                "Tema 1", heading: "Tema 1: Færre planer ⟵",
                body: catalogue.sections[1].body.replacingOccurrences(of: "## Fordeling på afdeling\n\nEfter antallet af planer.", with: ""))),
            .passes("Temaark med overskrift og alle underafsnit", catalogue),
        ]
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        guard let spec = context.profile.catalogue else { return [] }
        let sheets = CatalogueSheets(document: context.document, spec: spec)
        let expected = spec.themeSections.map { $0.lowercased() }
        var found: [Diagnostic] = []
        var next: Int?
        for theme in sheets.themes {
            if let next, theme.number != next {
                found.append(diagnostic(
                    "»\(spec.themeHeading) \(theme.number)« følger efter \(spec.themeHeading.lowercased()) \(next - 1); temaerne nummereres uden huller (forventet \(next))",
                    "\"\(spec.themeHeading) \(theme.number)\" follows \(spec.themeHeading.lowercased()) \(next - 1); themes are numbered without gaps (expected \(next))",
                    line: theme.section.line))
            }
            var missingHeadings = 0
            if let first = expected.first {
                let repeats = theme.subsections.filter { $0.title.lowercased() == first }.dropFirst()
                for repeated in repeats {
                    missingHeadings += 1
                    let number = theme.number + missingHeadings
                    found.append(diagnostic(
                        "»\(repeated.title)« står anden gang i \(spec.themeHeading.lowercased()) \(theme.number): temaarket mangler overskriften »# \(spec.themeHeading) \(number): …«",
                        "\"\(repeated.title)\" appears a second time in theme \(theme.number): the theme sheet lacks its heading \"# \(spec.themeHeading) \(number): …\"",
                        line: repeated.line))
                }
            }
            let present = Set(theme.subsections.map { $0.title.lowercased() })
            for (index, name) in expected.enumerated() where !present.contains(name) {
                found.append(diagnostic(
                    "\(spec.themeHeading) \(theme.number) mangler underafsnittet »## \(spec.themeSections[index])«",
                    "Theme \(theme.number) lacks the section \"## \(spec.themeSections[index])\"",
                    line: theme.section.line))
            }
            next = theme.number + missingHeadings + 1
        }
        return found
    }
}
