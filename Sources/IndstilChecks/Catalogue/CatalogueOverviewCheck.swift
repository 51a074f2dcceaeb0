import IndstilSupport
import IndstilDocument

/// The overview's row for theme N ("N. Titel") names the theme as its sheet does, every
/// theme in the overview with figures has a sheet, and a row without `{= id}` shows the
/// total of its sheet's first table with a total row (a row with `{= id}` is
/// `table.reference`'s).
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
            .triggers("Oversigten viser et andet tal end temaarkets total (uden {= id})", catalogue.replacingSection(
                "Oversigt", body: catalogue.sections[0].body.replacingOccurrences(
                    of: "| 2. Fælles indkøb {= tema-2}  |   600 |", with: "| 2. Fælles indkøb |   650 | ⟵"))),
            .passes("Samme titler i oversigt og temaark", catalogue),
            .passes("Uden {= id} stemmer oversigten med temaarkets total", catalogue.replacingSection(
                "Oversigt", body: catalogue.sections[0].body.replacingOccurrences(of: " {= tema-2}", with: ""))),
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
            if row.reference == nil, let overview = sheets.overview,
               let target = sheet.section.blocks.flatMap(\.tables).first(where: { $0.totalRow != nil }), let total = target.totalRow {
                for difference in TableTotalComparison.differences(row: row, of: overview, total: total, of: target) {
                    found.append(diagnostic(
                        "Oversigten viser \(difference.shown) for tema \(number) i kolonnen »\(difference.columnName)«, men temaarkets »\(total.label)« (linje \(total.line)) er \(difference.expected)",
                        "The overview shows \(difference.shown) for theme \(number) in the column \"\(difference.columnName)\", but the sheet's \"\(total.label)\" (line \(total.line)) is \(difference.expected)",
                        line: difference.cell.line, column: difference.cell.column))
                }
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
