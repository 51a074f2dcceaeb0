import IndstilSupport
import IndstilDocument

/// What the reader found in a Word file that the council must not receive or that was
/// not read, as findings of the `word.*` rules.
enum WordNotices {
    package static func diagnostics(_ notices: [WordNotice]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var reportedParagraphs: [String: Set<String>] = [:]
        var part = WordNotice.Part.body
        func once(_ rule: any Rule, _ paragraph: Int, _ da: String, _ en: String) {
            // One finding per rule, paragraph and part: a paragraph rewritten with tracking on
            // holds dozens of changes.
            guard reportedParagraphs[rule.id, default: []].insert("\(paragraph) \(part)").inserted else { return }
            let (placeDA, placeEN) = place(part)
            diagnostics.append(rule.diagnostic(placeDA + da, placeEN + en, line: paragraph))
        }
        for notice in notices {
            let paragraph = notice.paragraph
            part = notice.part
            switch notice.kind {
            case .insertion(let author):
                once(WordTrackedChangeRule(), paragraph, "Afsnittet har sporede ændringer (indsat tekst\(by(author, "af"))); godkend eller afvis dem i Word, før sagen sendes",
                     "The paragraph has tracked changes (inserted text\(by(author, "by"))); accept or reject them in Word before the case is sent")
            case .deletion(let author, let text):
                once(WordTrackedChangeRule(), paragraph, "Afsnittet har sporede ændringer (slettet tekst\(by(author, "af"))\(quoted(text))); godkend eller afvis dem i Word, før sagen sendes",
                     "The paragraph has tracked changes (deleted text\(by(author, "by"))\(quoted(text))); accept or reject them in Word before the case is sent")
            case .formatChange(let author):
                once(WordTrackedChangeRule(), paragraph, "Afsnittet har sporede formatændringer\(by(author, "af")); godkend eller afvis dem i Word",
                     "The paragraph has tracked formatting changes\(by(author, "by")); accept or reject them in Word")
            case .comment(let author, let text):
                let (placeDA, placeEN) = place(part)
                diagnostics.append(WordCommentRule().diagnostic(
                    placeDA + "En kommentar\(by(author, "fra"))\(quoted(text)) står stadig i dokumentet; slet den, før sagen sendes",
                    placeEN + "A comment\(by(author, "from"))\(quoted(text)) is still in the document; delete it before the case is sent", line: paragraph))
            case .field(let instruction):
                let name = instruction.split(separator: " ").first.map(String.init) ?? "?"
                once(WordSkippedContentRule(), paragraph, "Feltet »\(name)« er læst som den tekst, Word sidst viste; indstil opdaterer ikke felter",
                     "The field \"\(name)\" is read as the text Word last showed; indstil does not update fields")
            case .textBox(let lines):
                let text = lines.joined(separator: " ")
                once(WordSkippedContentRule(), paragraph, "En tekstboks\(quoted(text)) er sprunget over; flyt teksten ind i brødteksten, hvis den skal med",
                     "A text box\(quoted(text)) was skipped; move its text into the body if it belongs there")
            case .chart(let description):
                once(WordSkippedContentRule(), paragraph, "Et diagram (graf)\(quoted(description)) er sprunget over\(description.isEmpty ? "" : "; dets beskrivelse står i teksten"); Markdown kan ikke vise det, så sæt det ind som billede eller tabel",
                     "A chart\(quoted(description)) was skipped\(description.isEmpty ? "" : "; its description is in the text"); Markdown cannot show it, so insert it as an image or a table")
            case .diagram(let description):
                once(WordSkippedContentRule(), paragraph, "En SmartArt-figur\(quoted(description)) er sprunget over med sin tekst; skriv teksten i brødteksten eller sæt figuren ind som billede",
                     "A SmartArt graphic\(quoted(description)) was skipped with its text; write the text in the body or insert the graphic as an image")
            case .listFormat(let format, let labelled):
                let kind = format.hasSuffix("Roman") ? ("romertal", "roman numerals") : ("bogstaver", "letters")
                if labelled {
                    once(WordSkippedContentRule(), paragraph, "En underliste nummereret med \(kind.0) er skrevet som afsnit, der begynder med deres nummer (fx »a)«); Markdown nummererer kun lister med tal",
                         "A sub-list numbered with \(kind.1) is written as paragraphs that begin with their number (e.g. \"a)\"); Markdown numbers lists with digits only")
                } else {
                    once(WordSkippedContentRule(), paragraph, "En liste nummereret med \(kind.0) er skrevet med tal (1., 2., 3.); Markdown nummererer kun lister med tal, så ret henvisninger som »punkt b«",
                         "A list numbered with \(kind.1) is written with digits (1., 2., 3.); Markdown numbers lists with digits only, so correct references such as \"item b\"")
                }
            case .macros:
                once(WordSkippedContentRule(), paragraph, "Dokumentet har makroer (VBA); de er hverken kørt eller læst, kun dokumentets tekst er læst",
                     "The document has macros (VBA); they were neither run nor read, only the document's text was read")
            case .embeddedObject:
                once(WordSkippedContentRule(), paragraph, "Et indlejret objekt (fx et regneark) er sprunget over",
                     "An embedded object (e.g. a spreadsheet) was skipped")
            case .equation(let text):
                once(WordSkippedContentRule(), paragraph, "En ligning\(quoted(text)) er læst som almindelig tekst; Markdown kan ikke vise den som ligning, så tjek den",
                     "An equation\(quoted(text)) is read as plain text; Markdown cannot show it as an equation, so check it")
            case .imageWithoutDescription:
                once(WordSkippedContentRule(), paragraph, "Et billede uden alternativ tekst er sprunget over; giv det en beskrivelse i Word (Alternativ tekst)",
                     "An image without alternative text was skipped; give it a description in Word (Alt Text)")
            case .unreadLine(let text):
                once(WordSkippedContentRule(), paragraph, "Linjen »\(text)« blandt sagsoplysningerne er ikke læst (feltet har allerede en værdi, eller profilen kender det ikke)",
                     "The line \"\(text)\" among the case details was not read (the field already has a value, or the profile does not know it)")
            case .emptyProperties(let names):
                let list = names.map { "»\($0)«" }.joined(separator: ", ")
                once(WordSkippedContentRule(), paragraph, "Dokumentegenskaberne \(list) er tomme: de er lister eller grupper af felter, som Word-egenskaber ikke kan rumme (pandoc skriver dem tomme); skriv dem i front matter",
                     "The document properties \(list.replacingOccurrences(of: "»", with: "\"").replacingOccurrences(of: "«", with: "\"")) are empty: they are lists or groups of fields, which Word properties cannot hold (pandoc writes them empty); write them in the front matter")
            case .table(let rows, let columns):
                diagnostics.append(WordTableRule().diagnostic(
                    "En tabel (\(rows) rækker, \(columns) kolonner) er læst som tekst; dens tal kontrolleres ikke",
                    "A table (\(rows) rows, \(columns) columns) is read as text; its numbers are not checked", line: paragraph))
            }
        }
        return diagnostics
    }

    /// Where a notice outside the body is: "I en fodnote: …" (on the paragraph that refers to it).
    private static func place(_ part: WordNotice.Part) -> (String, String) {
        switch part {
        case .body: ("", "")
        case .footnote: ("I en fodnote: ", "In a footnote: ")
        case .endnote: ("I en slutnote: ", "In an endnote: ")
        case .header: ("I sidehovedet: ", "In the header: ")
        case .footer: ("I sidefoden: ", "In the footer: ")
        }
    }

    private static func by(_ author: String?, _ word: String) -> String {
        guard let author = author?.foldingWhitespace, !author.isEmpty else { return "" }
        return " \(word) \(author)"
    }

    private static func quoted(_ text: String) -> String {
        let folded = text.foldingWhitespace
        guard !folded.isEmpty else { return "" }
        let short = folded.count > 60 ? String(folded.prefix(57)) + "…" : folded
        return ": »\(short)«"
    }
}
