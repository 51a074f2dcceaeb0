import Foundation
import IndstilCore

/// The workspace's pages, built on the server with every text escaped; what changes while
/// the user types comes from the JSON API through the scripts in Templates/_serve/.
enum Pages {
    static let kindNames = ["indstilling": "Indstilling", "bilag": "Bilag", "betaenkning": "Bilagsmateriale (betænkning)",
                            "dagsorden": "Dagsorden"]

    static func kindName(_ kind: String) -> String { kindNames[kind] ?? kind.capitalized }

    static func overview(_ entries: [DocumentCatalog.Entry], projectName: String) -> String {
        let kinds = Array(Set(entries.map(\.kind))).sorted()
        let options = kinds.map { "<option value=\"\($0.markupAttributeEscaped)\">\(kindName($0).markupAttributeEscaped)</option>" }.joined()
        let rows = entries.map { entry -> String in
            let link = entry.isPacket ? "/pakke/\(PageLayout.urlPath(entry.path))" : "/dokument/\(PageLayout.urlPath(entry.path))"
            let count: String
            if let characters = entry.characters {
                let limit = entry.limit.map { " / \(DanishFormat.integer($0))" } ?? ""
                count = DanishFormat.integer(characters) + limit
            } else {
                count = "–"
            }
            let statusClass = entry.status == "Klar" ? "ok" : (entry.errors > 0 || entry.status == "Over grænsen" ? "error" : "warning")
            return """
            <tr data-kind="\(entry.kind.markupAttributeEscaped)">
            <th scope="row"><a href="\(link.markupAttributeEscaped)">\(entry.path.markupAttributeEscaped)</a></th>
            <td>\(kindName(entry.kind).markupAttributeEscaped)</td>
            <td>\((entry.profile ?? "–").markupAttributeEscaped)</td>
            <td class="number">\(entry.errors)</td>
            <td class="number">\(entry.warnings)</td>
            <td class="number">\(count.markupAttributeEscaped)</td>
            <td><span class="status \(statusClass)">\(entry.status.markupAttributeEscaped)</span></td>
            </tr>
            """
        }.joined(separator: "\n")
        let main = """
        <h1>Oversigt over \(projectName.markupAttributeEscaped)</h1>
        <p>Alle indstillinger, bilag, bilagsmaterialer og dagsordener i projektet. Vælg et dokument for at skrive i det.</p>
        <div class="filter">
        <label for="kind-filter">Vis</label>
        <select id="kind-filter">
        <option value="">Alle typer</option>\(options)
        </select>
        <p id="filter-status" class="visually-hidden" role="status" aria-live="polite"></p>
        </div>
        <table id="documents">
        <caption>Dokumenter i projektet</caption>
        <thead><tr><th scope="col">Dokument</th><th scope="col">Type</th><th scope="col">Profil</th><th scope="col">Fejl</th>
        <th scope="col">Advarsler</th><th scope="col">Antal tegn / grænse</th><th scope="col">Status</th></tr></thead>
        <tbody>
        \(rows)
        </tbody>
        </table>
        <p><a class="button" href="/ny">Nyt dokument fra en profils skabelon</a></p>
        """
        return PageLayout.page(title: "Oversigt", main: main, scripts: ["overview.js"])
    }

    static func document(path: String, text: String, version: String) -> String {
        let urlPath = PageLayout.urlPath(path)
        let main = """
        <h1>\(path.markupAttributeEscaped)</h1>
        <div class="workspace" id="workspace" data-path="\(path.markupAttributeEscaped)" data-url-path="\(urlPath.markupAttributeEscaped)" data-version="\(version.markupAttributeEscaped)">
        <section class="pane editor-pane" aria-labelledby="editor-heading">
        <details class="fields-panel" id="fields-panel" open>
        <summary>Felter</summary>
        <p class="help">Felterne står øverst i teksten; det, du skriver her, skrives dér.</p>
        <form id="fields" class="fields" aria-label="Dokumentets felter"></form>
        <p id="fields-status" role="status" aria-live="polite"></p>
        </details>
        <h2 id="editor-heading">Tekst</h2>
        <label for="editor" id="editor-label">Dokumentets tekst: felterne mellem de to linjer med --- øverst, derefter afsnittene</label>
        <section id="draft" class="draft" hidden aria-labelledby="draft-heading">
        <h3 id="draft-heading">En kladde blev ikke gemt</h3>
        <p id="draft-text"></p>
        <div class="actions">
        <button type="button" id="draft-restore">Gendan kladden</button>
        <button type="button" id="draft-discard" class="secondary">Kassér kladden</button>
        </div>
        </section>
        <textarea id="editor" spellcheck="true" rows="30">\(text.markupEscaped)</textarea>
        <p id="line-findings" class="line-findings" aria-live="polite"></p>
        <div class="actions">
        <button type="button" id="save" aria-keyshortcuts="Control+S">Gem</button>
        <a class="button download" href="/api/render/docx/\(urlPath.markupAttributeEscaped)" data-format="DOCX">Hent DOCX</a>
        <a class="button download" href="/api/render/pdf/\(urlPath.markupAttributeEscaped)" data-format="PDF">Hent PDF</a>
        <a class="editor-summary" id="editor-summary" href="#findings-heading"></a>
        </div>
        <p id="save-status" role="status" aria-live="polite"></p>
        <section id="conflict" class="conflict" hidden aria-labelledby="conflict-heading">
        <h2 id="conflict-heading">Filen er ændret på disken</h2>
        <p>Filen er ændret et andet sted, siden du åbnede den. Begge versioner er bevaret her; vælg hvilken der skal gælde.</p>
        <label for="disk-version">Versionen på disken</label>
        <textarea id="disk-version" readonly rows="12"></textarea>
        <div class="actions">
        <button type="button" id="keep-mine">Gem min version</button>
        <button type="button" id="take-disk">Brug versionen på disken</button>
        </div>
        </section>
        </section>
        <section class="pane preview-pane" aria-labelledby="preview-heading">
        <h2 id="preview-heading">Forhåndsvisning</h2>
        <iframe id="preview" title="Forhåndsvisning med profilens skabelon" sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"></iframe>
        </section>
        <div class="panels" role="region" aria-label="Fund, antal tegn og beslutningspunkter" tabindex="0">
        <section aria-labelledby="findings-heading">
        <h2 id="findings-heading">Fund</h2>
        <p id="findings-summary" role="status" aria-live="polite">Kontrollerer …</p>
        <ol id="findings" class="findings"></ol>
        </section>
        <section aria-labelledby="count-heading">
        <h2 id="count-heading">Antal tegn</h2>
        <p id="count-total"></p>
        <table id="sections">
        <caption>Antal tegn og LIX pr. afsnit</caption>
        <thead><tr><th scope="col">Afsnit</th><th scope="col">Antal tegn</th><th scope="col">LIX</th></tr></thead>
        <tbody></tbody>
        </table>
        <p id="lix"></p>
        </section>
        <section aria-labelledby="decisions-heading">
        <h2 id="decisions-heading">Beslutningspunkter</h2>
        <ol id="decisions"></ol>
        </section>
        </div>
        </div>
        """
        // CodeMirror when the setup installed it (libjs-codemirror), else the plain text field.
        let editor = VendorLibraries.hasCodeMirror
            ? (VendorLibraries.codeMirrorScripts.map { VendorLibraries.urlPrefix + $0 },
               VendorLibraries.codeMirrorStylesheets.map { VendorLibraries.urlPrefix + $0 })
            : ([], [])
        return PageLayout.page(title: path, main: main, scripts: editor.0 + ["danish.js", "editor.js", "fields.js", "document.js"], stylesheets: editor.1)
    }

    struct ProfileChoice {
        let id: String
        let name: String
        let type: String
        let description: String
    }

    static func newDocument(profiles: [ProfileChoice]) -> String {
        let options = profiles.map {
            "<option value=\"\($0.id.markupAttributeEscaped)\" data-type=\"\($0.type.markupAttributeEscaped)\">\($0.name.markupAttributeEscaped) (\($0.id.markupAttributeEscaped), \(kindName($0.type).lowercased().markupAttributeEscaped))</option>"
        }.joined(separator: "\n")
        let guidance = profiles.map {
            "<dt>\($0.name.markupAttributeEscaped)</dt><dd>\($0.description.markupAttributeEscaped)</dd>"
        }.joined(separator: "\n")
        let main = """
        <h1>Nyt dokument</h1>
        <p>Dokumentet skrives efter profilens skabelon: alle afsnit og felter med hjælpetekster, som »indstil new« laver.</p>
        <form id="new-document" class="stacked">
        <label for="profile">Profil</label>
        <select id="profile" name="profile" required>
        \(options)
        </select>
        <label for="new-path">Filens sti i projektet</label>
        <input id="new-path" name="path" type="text" required value="ny-indstilling.md" aria-describedby="new-path-help">
        <p id="new-path-help" class="help">Fx »udvalg/ny-indstilling.md«. Filen må ikke findes i forvejen.</p>
        <button type="submit" id="create">Opret dokumentet</button>
        <p id="new-status" role="status" aria-live="polite"></p>
        </form>
        <h2>Profilerne</h2>
        <dl class="profiles">
        \(guidance)
        </dl>
        """
        return PageLayout.page(title: "Nyt dokument", main: main, scripts: ["new.js"])
    }

    static func packet(path: String, summary: PacketPreview.Summary) -> String {
        let urlPath = PageLayout.urlPath(path)
        let packets = summary.packets.map { packet -> String in
            let closed = packet == .lukket
            let label = closed ? "LUKKET – må ikke offentliggøres" : (summary.kind == "dagsorden" ? "Offentlig" : "Bilagsmateriale")
            let heading = closed ? "Den lukkede udgave" : (summary.kind == "dagsorden" ? "Den offentlige udgave" : "Bilagsmaterialet")
            return """
            <section class="packet \(closed ? "closed" : "public")" aria-labelledby="packet-\(packet.rawValue)">
            <h2 id="packet-\(packet.rawValue)">\(heading) <span class="badge \(closed ? "closed" : "public")">\(label)</span></h2>
            <p><a class="button" href="/websted/\(packet.rawValue)/\(urlPath.markupAttributeEscaped)/index.html">Se webstedet (\(closed ? "lukket" : "offentligt"))</a>
            <a class="button" href="/api/packets/\(packet.rawValue)/\(urlPath.markupAttributeEscaped)">Hent PDF (\(closed ? "lukket" : "offentlig"))</a></p>
            </section>
            """
        }.joined(separator: "\n")
        let findings = summary.reports.flatMap { report in report.diagnostics.map { (report.path, $0) } }
        let findingItems = findings.map { path, diagnostic in
            "<li class=\"\(diagnostic.severity.rawValue)\"><span class=\"severity\">\(severityName(diagnostic.severity))</span> \(path.markupAttributeEscaped):\(diagnostic.line): \(diagnostic.message.da.markupAttributeEscaped) <span class=\"check\">[\(diagnostic.check.markupAttributeEscaped)]</span></li>"
        }.joined(separator: "\n")
        let main = """
        <h1>\(summary.title.markupAttributeEscaped)</h1>
        <p>\(kindName(summary.kind).markupAttributeEscaped) fra <code>\(path.markupAttributeEscaped)</code>.</p>
        \(summary.packets.isEmpty ? "<p class=\"status error\">Pakken kan ikke samles, før fejlene nedenfor er rettet.</p>" : packets)
        <section aria-labelledby="packet-findings">
        <h2 id="packet-findings">Fund</h2>
        \(findings.isEmpty ? "<p>Ingen fund.</p>" : "<ul class=\"findings\">\(findingItems)</ul>")
        </section>
        """
        return PageLayout.page(title: summary.title, main: main)
    }

    static func error(status: Int, message: String) -> String {
        let main = """
        <h1>Fejl \(status)</h1>
        <p class="status error">\(message.markupAttributeEscaped)</p>
        <p><a href="/">Tilbage til oversigten</a></p>
        """
        return PageLayout.page(title: "Fejl \(status)", main: main)
    }

    static func severityName(_ severity: Severity) -> String {
        switch severity {
        case .error: "Fejl"
        case .warning: "Advarsel"
        case .note: "Bemærkning"
        }
    }
}
