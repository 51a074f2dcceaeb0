import IndstilSupport
import IndstilDocument

/// The theme sheets of a catalogue and its overview table, read through the profile's `catalogue:`.
struct CatalogueSheets {
    struct Theme {
        package let number: Int
        package let title: String
        package let section: Section
        /// Level-2 headings of the sheet with their lines.
        let subsections: [(title: String, line: Int)]
    }

    let themes: [Theme]
    /// The overview: the first table before the first theme sheet.
    package let overview: Table?
    /// The overview's rows "N. Titel".
    let overviewRows: [(number: Int, title: String, row: TableRow)]

    package init(document: Document, spec: CatalogueSpec) {
        var themes: [Theme] = []
        var overview: Table?
        for section in document.sections {
            if let theme = spec.theme(inHeading: section.heading) {
                let subsections = section.blocks.compactMap { block -> (String, Int)? in
                    guard case .heading(level: 2) = block.kind else { return nil }
                    return (block.plainText.foldingWhitespace, block.line)
                }
                themes.append(Theme(number: theme.number, title: theme.title, section: section, subsections: subsections))
            } else if themes.isEmpty, overview == nil {
                overview = section.blocks.flatMap(\.tables).first
            }
        }
        self.themes = themes
        self.overview = overview
        overviewRows = (overview?.rows ?? []).compactMap { row in
            let (number, title) = Section.splitNumber(row.label)
            return number.map { ($0, title, row) }
        }
    }
}
