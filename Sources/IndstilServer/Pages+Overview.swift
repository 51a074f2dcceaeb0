import Foundation
import IndstilCore

extension Pages {
    /// The overview: every document by its title, with type, date, open or closed, findings
    /// and Antal tegn, the path as a small second line; filters by type and by state that
    /// combine (overview.js); a Word document dropped on the page is checked on /word.
    static func overview(_ entries: [DocumentCatalog.Entry], projectName: String) -> String {
        let kinds = Array(Set(entries.map(\.kind))).sorted()
        let options = kinds.map { "<option value=\"\($0.markupAttributeEscaped)\">\(kindName($0).markupAttributeEscaped)</option>" }.joined()
        let rows = entries.map(overviewRow).joined(separator: "\n")
        let errors = entries.filter { $0.errors > 0 }.count, closed = entries.filter(\.isClosed).count
        let main = """
        <h1 class="words">Oversigt over \(projectName.markupAttributeEscaped)</h1>
        <p>Alle indstillinger, bilag, bilagsmaterialer og dagsordener i projektet: \(DanishPlural.count(entries.count, "dokument", "dokumenter")), \
        \(DanishPlural.count(errors, "med fejl", "med fejl")), \(DanishPlural.count(closed, "lukket", "lukkede")). Vælg et dokument for at skrive i det.</p>
        <p class="actions"><a class="button" href="/ny">Nyt dokument fra en profils skabelon</a>
        <a class="button" href="/word">Kontrollér et Word-dokument</a></p>
        <div class="filter" id="overview-filters">
        <div><label for="kind-filter">Type</label>
        <select id="kind-filter">
        <option value="">Alle typer</option>\(options)
        </select></div>
        <div><label for="state-filter">Vis</label>
        <select id="state-filter">
        <option value="">Alle dokumenter</option>
        <option value="errors">Med fejl</option>
        <option value="closed">Lukkede</option>
        </select></div>
        <p id="filter-status" role="status" aria-live="polite">\(DanishPlural.count(entries.count, "dokument", "dokumenter")) vist</p>
        </div>
        <div class="table-scroll" role="region" aria-labelledby="documents-caption" tabindex="0">
        <table id="documents" class="overview">
        <caption id="documents-caption">Dokumenter i projektet</caption>
        <thead><tr><th scope="col">Dokument</th><th scope="col">Type</th><th scope="col">Dato</th><th scope="col">Åben/lukket</th>
        <th scope="col">Fejl</th><th scope="col">Advarsler</th><th scope="col">Antal tegn / grænse</th><th scope="col">Status</th></tr></thead>
        <tbody>
        \(rows)
        </tbody>
        </table>
        </div>
        <p id="drop-hint" class="help">Træk et Word-dokument (.docx) ind på siden for at kontrollere det, eller brug <a href="/word">Kontrollér et Word-dokument</a>.</p>
        """
        return PageLayout.page(title: "Oversigt", main: main, scripts: ["word-handoff.js", "overview.js"])
    }

    private static func overviewRow(_ entry: DocumentCatalog.Entry) -> String {
        let link = entry.isPacket || entry.kind == "referat" ? "/pakke/\(PageLayout.urlPath(entry.path))" : "/dokument/\(PageLayout.urlPath(entry.path))"
        let count: String
        if let characters = entry.characters {
            let limit = entry.limit.map { " / \(DanishFormat.integer($0))" } ?? ""
            count = DanishFormat.integer(characters) + limit
        } else {
            count = "–"
        }
        let statusClass = entry.status == "Klar" ? "ok" : (entry.errors > 0 || entry.status == "Over grænsen" ? "error" : "warning")
        let date = entry.date.map(DanishFormat.date) ?? "–"
        let openness = entry.isClosed ? "<span class=\"badge closed\">Lukket</span>" : "Åben"
        return """
        <tr data-kind="\(entry.kind.markupAttributeEscaped)" data-errors="\(entry.errors)" data-closed="\(entry.isClosed)">
        <th scope="row"><a class="title" href="\(link.markupAttributeEscaped)">\(entry.displayTitle.markupEscaped)</a>
        <span class="path">\(entry.path.markupEscaped)</span></th>
        <td>\(kindName(entry.kind).markupEscaped)</td>
        <td class="date">\(date.markupEscaped)</td>
        <td>\(openness)</td>
        <td class="number">\(entry.errors)</td>
        <td class="number">\(entry.warnings)</td>
        <td class="number">\(count.markupEscaped)</td>
        <td><span class="status \(statusClass)">\(entry.status.markupEscaped)</span></td>
        </tr>
        """
    }
}
