/// The overview's row for theme N ("N. Titel") names the theme as its sheet does, and
/// every theme in the overview with figures has a sheet.
public struct CatalogueOverviewCheck: Check {
    public let id = "catalogue.overview"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "Oversigten og temaarkene er ikke enige om et temas titel, eller et tema mangler sit ark",
                                 en: "The overview and the theme sheets disagree on a theme's title, or a theme lacks its sheet")

    public var examples: [CheckExample] {
        let catalogue = ExampleDocument.budgetkatalog
        return [
            .triggers("Oversigten kalder temaet noget andet", catalogue.replacingSection(
                "Oversigt", body: catalogue.sections[0].body.replacingOccurrences(
                    of: "| 2. Fælles indkøb {= tema-2}  |   600 |", with: "| 2. Fælles indkøb af tryk {= tema-2} | 600 | ⟵"))),
            .passes("Samme titler i oversigt og temaark", catalogue),
        ]
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        guard let spec = context.profile.catalogue else { return [] }
        let sheets = CatalogueSheets(document: context.document, spec: spec)
        var byNumber: [Int: CatalogueSheets.Theme] = [:]
        for theme in sheets.themes where byNumber[theme.number] == nil { byNumber[theme.number] = theme }
        var found: [Diagnostic] = []
        for (number, title, row) in sheets.overviewRows {
            let cell = row.cells[0]
            guard let sheet = byNumber[number] else {
                let hasFigures = row.cells.dropFirst().contains { $0.reading.number != nil }
                if hasFigures {
                    found.append(diagnostic(
                        "Oversigten har tema \(number) »\(title)«, men der er intet temaark »# \(spec.themeHeading) \(number): \(title)«",
                        "The overview has theme \(number) \"\(title)\", but there is no theme sheet \"# \(spec.themeHeading) \(number): \(title)\"",
                        line: cell.line, column: cell.column))
                }
                continue
            }
            guard title.lowercased() != sheet.title.lowercased() else { continue }
            found.append(diagnostic(
                "Oversigten kalder tema \(number) »\(title)«, men temaarket (linje \(sheet.section.line)) hedder »\(sheet.title)«",
                "The overview calls theme \(number) \"\(title)\", but its sheet (line \(sheet.section.line)) is called \"\(sheet.title)\"",
                line: cell.line, column: cell.column))
        }
        return found
    }
}
