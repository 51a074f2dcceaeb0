extension ExampleDocument {
    /// A clean budget catalogue (profile aarhus-budgetkatalog): an overview and two theme sheets.
    public static var budgetkatalog: ExampleDocument {
        ExampleDocument(
            profile: "aarhus-budgetkatalog",
            frontMatter: [
                "profil: aarhus-budgetkatalog",
                "titel: \"Administrative spareforslag 2027\"",
            ],
            sections: [
                ("Oversigt", """
                    | Tema (1.000 kr.)             | 2028  |
                    |------------------------------|------:|
                    | 1. Færre planer {= tema-1}   | 2.400 |
                    | 2. Fælles indkøb {= tema-2}  |   600 |
                    | I alt                        | 3.000 |
                    """),
                ("Tema 1: Færre planer", """
                    ## Beskrivelse af opgaven

                    Udløbne planer udgår.

                    ## Identificeret potentiale

                    ```tabel
                    id: tema-1
                    enhed: 1.000 kr.

                    | Forslag                    | 2028  |
                    |----------------------------|------:|
                    | Færre planer               | 2.400 |
                    | Anslået samlet besparelse  | 2.400 |
                    ```

                    ## Fordeling på afdeling

                    Efter antallet af planer.
                    """),
                ("Tema 2: Fælles indkøb", """
                    ## Beskrivelse af opgaven

                    Tryk købes samlet.

                    ## Identificeret potentiale

                    ```tabel
                    id: tema-2
                    enhed: 1.000 kr.

                    | Forslag                    | 2028 |
                    |----------------------------|-----:|
                    | Rammeaftale om tryk        |  600 |
                    | Anslået samlet besparelse  |  600 |
                    ```

                    ## Fordeling på afdeling

                    | Afdeling (mio. kr.) | Andel  | 2028 |
                    |---------------------|-------:|-----:|
                    | ADM                 |  50,0% | 0,30 |
                    | BØR                 |  50,0% | 0,30 |
                    | I alt               | 100,0% | 0,60 |
                    """),
            ],
            files: [:])
    }
}

/// The theme sheets of a catalogue and its overview table, read through the profile's `catalogue:`.
struct CatalogueSheets {
    struct Theme {
        let number: Int
        let title: String
        let section: Section
        /// Level-2 headings of the sheet with their lines.
        let subsections: [(title: String, line: Int)]
    }

    let themes: [Theme]
    /// The overview's rows "N. Titel": the first table before the first theme sheet.
    let overviewRows: [(number: Int, title: String, row: TableRow)]

    init(document: Document, spec: CatalogueSpec) {
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
        overviewRows = (overview?.rows ?? []).compactMap { row in
            let (number, title) = Section.splitNumber(row.label)
            return number.map { ($0, title, row) }
        }
    }
}
