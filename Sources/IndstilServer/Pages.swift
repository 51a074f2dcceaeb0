import Foundation
import IndstilCore

/// The workspace's pages, built on the server with every text escaped; what changes while
/// the user types comes from the JSON API through the scripts in Templates/_serve/.
enum Pages {
    static let kindNames = ["indstilling": "Indstilling", "bilag": "Bilag", "betaenkning": "Bilagsmateriale (betænkning)",
                            "dagsorden": "Dagsorden", "referat": "Referat"]

    static func kindName(_ kind: String) -> String { kindNames[kind] ?? kind.capitalized }

    /// The editor page of a document, or (`isManifest`) of a packet's manifest: no form of
    /// fields and no downloads for a manifest, a link to its packet instead.
    static func document(path: String, text: String, version: String, isManifest: Bool = false) -> String {
        let urlPath = PageLayout.urlPath(path)
        let fieldsPanel = isManifest ? "" : """
        <details class="fields-panel" id="fields-panel" open>
        <summary>Felter</summary>
        <p class="help">Felterne står øverst i teksten; det, du skriver her, skrives dér.</p>
        <form id="fields" class="fields" aria-label="Dokumentets felter"></form>
        <p id="fields-status" role="status" aria-live="polite"></p>
        </details>
        """
        let label = isManifest
            ? "Pakkens manifest (YAML): udvalg, dato, tider og punkterne med titel, indstilling, minutter og bilag"
            : "Dokumentets tekst: felterne mellem de to linjer med --- øverst, derefter afsnittene"
        let outputs = isManifest ? """
        <a class="button" href="/pakke/\(urlPath.markupAttributeEscaped)">Til pakken (websted og PDF)</a>
        """ : """
        <a class="button download" href="/api/render/docx/\(urlPath.markupAttributeEscaped)" data-format="DOCX">Hent DOCX</a>
        <a class="button download" href="/api/render/pdf/\(urlPath.markupAttributeEscaped)" data-format="PDF">Hent PDF</a>
        """
        let main = """
        <h1>\(path.markupAttributeEscaped)</h1>
        <div class="workspace" id="workspace" data-kind="\(isManifest ? "manifest" : "document")" data-path="\(path.markupAttributeEscaped)" data-url-path="\(urlPath.markupAttributeEscaped)" data-version="\(version.markupAttributeEscaped)">
        <section class="pane editor-pane" aria-labelledby="editor-heading">
        \(fieldsPanel)
        <h2 id="editor-heading">Tekst</h2>
        <label for="editor" id="editor-label">\(label)</label>
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
        \(outputs)
        <a class="editor-summary" id="editor-summary" href="#findings-heading"></a>
        </div>
        <p id="save-status" role="status" aria-live="polite"></p>
        \(isManifest ? deskSection + minutesSection + buildSection(urlPath: urlPath) : "")
        <p id="drop-hint" class="help">Et Word-dokument (.docx), der trækkes ind på siden, kontrolleres på <a href="/word">Kontrollér et Word-dokument</a>.</p>
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
        \(isManifest ? "" : changesSection)
        </div>
        </div>
        """
        // CodeMirror when the setup installed it (libjs-codemirror), else the plain text field.
        let editor = VendorLibraries.hasCodeMirror
            ? (VendorLibraries.codeMirrorScripts.map { VendorLibraries.urlPrefix + $0 },
               VendorLibraries.codeMirrorStylesheets.map { VendorLibraries.urlPrefix + $0 })
            : ([], [])
        let pageScripts = ["editor.js", "fields.js", "word-handoff.js"] + (isManifest ? ["packet-build.js", "desk.js", "item-form.js", "minutes.js"] : ["changes.js"]) + ["document.js"]
        return PageLayout.page(title: path, main: main, scripts: editor.0 + pageScripts, stylesheets: editor.1)
    }

    /// What changed in the text on screen, against the saved file or the last commit
    /// (changes.js, POST /api/diff).
    static let changesSection = """
        <section id="changes-panel" aria-labelledby="changes-heading">
        <h2 id="changes-heading">Ændringer</h2>
        <p><label for="changes-against">Sammenlign teksten med</label>
        <select id="changes-against"><option value="saved">den gemte udgave</option><option value="commit">seneste commit (git)</option></select>
        <button type="button" id="changes-show">Vis ændringer</button></p>
        <p id="changes-summary" role="status" aria-live="polite"></p>
        <ol id="changes" class="changes"></ol>
        </section>
        """

    /// An agenda's desk on its manifest page (desk.js fills it from the analysis): the
    /// deadline, each item's state to change, and the button that sends the agenda.
    static var deskSection: String {
        let person = ProcessInfo.processInfo.fullUserName
        return """
        <section id="desk" class="desk" hidden aria-labelledby="desk-heading">
        <h2 id="desk-heading">Punkternes tilstand og udsendelse</h2>
        <p id="desk-deadline"></p>
        <p><label for="desk-person">Dit navn (skrives i manifestet, når du ændrer en tilstand)</label>
        <input id="desk-person" type="text" autocomplete="name" value="\(person.markupAttributeEscaped)"></p>
        <table id="desk-items">
        <caption>Punkter</caption>
        <thead><tr><th scope="col">Nr.</th><th scope="col">Punkt</th><th scope="col">Tilstand</th><th scope="col">Sidst ændret</th></tr></thead>
        <tbody></tbody>
        </table>
        <div class="actions"><button type="button" id="desk-send" hidden></button></div>
        <p id="desk-status" role="status" aria-live="polite"></p>
        <details id="item-panel" class="item-panel">
        <summary id="item-panel-summary">Tilføj eller redigér et punkt</summary>
        <form id="item-form" novalidate>
        <p><label for="item-choice">Punkt</label>
        <select id="item-choice"><option value="0">Nyt punkt sidst på dagsordenen</option></select></p>
        <p><label for="item-title">Titel (kan udelades, når punktet har en indstilling)</label>
        <input id="item-title" type="text"></p>
        <p><label for="item-recommendation">Indstilling (Markdown-fil, set fra manifestets mappe)</label>
        <input id="item-recommendation" type="text" list="item-documents" placeholder="punkt-3/indstilling.md">
        <datalist id="item-documents"></datalist></p>
        <p><label for="item-minutes">Minutter</label>
        <input id="item-minutes" type="number" min="1" max="1440" inputmode="numeric"></p>
        <p><label for="item-status">Åben eller lukket</label>
        <select id="item-status"><option value="">Som indstillingen siger (ellers åben)</option><option value="åben">Åben</option><option value="lukket">Lukket</option></select></p>
        <p id="item-reason-row"><label for="item-reason">Begrundelse for at behandle punktet for lukkede døre</label>
        <input id="item-reason" type="text"></p>
        <fieldset class="item-appendices">
        <legend>Punktets egne bilag</legend>
        <ul id="item-appendix-list"></ul>
        <p id="item-drop" class="drop-zone">Træk bilag hertil (PDF, Word, Excel …), eller
        <label for="item-files" class="inline">vælg filer</label> <input id="item-files" type="file" multiple></p>
        </fieldset>
        <div class="actions"><button type="submit" id="item-save">Gem punktet</button></div>
        <p id="item-status-text" role="status" aria-live="polite"></p>
        </form>
        </details>
        </section>
        """
    }

    /// The minutes form on a referat's manifest page (minutes.js fills it from the analysis).
    static let minutesSection = """
    <section id="minutes" class="desk" hidden aria-labelledby="minutes-heading">
    <h2 id="minutes-heading">Referatets beslutninger</h2>
    <p class="help">Vælg udfaldet for hvert beslutningspunkt; standardfrasen står i valget. Feltet ved siden af erstatter frasen med referatets egen tekst.</p>
    <div id="minutes-items"></div>
    <p id="minutes-status" role="status" aria-live="polite"></p>
    </section>
    """

    /// Building every PDF of a packet with its progress (packet-build.js, server-sent events).
    static func buildSection(urlPath: String) -> String {
        """
        <section id="build" class="build" data-url-path="\(urlPath.markupAttributeEscaped)" aria-labelledby="build-heading">
        <h2 id="build-heading">Byg pakkerne som PDF</h2>
        <p class="help">Alle udgaver bygges af de gemte filer: den offentlige, den lukkede og en eventuel tillægsdagsorden.</p>
        <div class="actions"><button type="button" id="build-start">Byg pakkerne</button></div>
        <ol id="build-steps" class="build-steps"></ol>
        <p id="build-status" role="status" aria-live="polite"></p>
        <ul id="build-results" class="build-results"></ul>
        </section>
        """
    }

    static func packet(path: String, summary: PacketPreview.Summary) -> String {
        let urlPath = PageLayout.urlPath(path)
        let packets = summary.packets.map { packet -> String in
            let closed = packet.isClosed
            let (heading, label) = packetNames(packet, kind: summary.kind)
            return """
            <section class="packet \(closed ? "closed" : "public")" aria-labelledby="packet-\(packet.rawValue)">
            <h2 id="packet-\(packet.rawValue)">\(heading) <span class="badge \(closed ? "closed" : "public")">\(label)</span></h2>
            <p><a class="button" href="/websted/\(packet.rawValue)/\(urlPath.markupAttributeEscaped)/index.html">Se webstedet (\(closed ? "lukket" : "offentligt"))</a></p>
            </section>
            """
        }.joined(separator: "\n")
        let findings = summary.reports.flatMap { report in report.diagnostics.map { (report.path, $0) } }
        let findingItems = findings.map { path, diagnostic in
            // A finding in a document or a manifest opens it at its line in the editor.
            let place = "\(path):\(diagnostic.line)".markupAttributeEscaped
            let page = path.lowercased().hasSuffix(".md") ? "dokument" : (path.hasSuffix(".yml") || path.hasSuffix(".yaml") ? "manifest" : nil)
            let shown = page.map { "<a href=\"/\($0)/\(PageLayout.urlPath(path).markupAttributeEscaped)#linje-\(diagnostic.line)\">\(place)</a>" } ?? place
            return "<li class=\"\(diagnostic.severity.rawValue)\"><span class=\"severity\">\(severityName(diagnostic.severity))</span> \(shown): \(diagnostic.message.da.markupAttributeEscaped) <span class=\"check\">[\(diagnostic.check.markupAttributeEscaped)]</span></li>"
        }.joined(separator: "\n")
        let title = packetTitle(summary)
        let main = """
        <h1>\(title.markupAttributeEscaped)</h1>
        <p>\(kindName(summary.kind).markupAttributeEscaped) fra <code>\(path.markupAttributeEscaped)</code>. <a href="/manifest/\(urlPath.markupAttributeEscaped)">Redigér manifestet</a></p>
        \(summary.packets.isEmpty ? "<p class=\"status error\">Pakken kan ikke samles, før fejlene nedenfor er rettet.</p>" : packets + buildSection(urlPath: urlPath))
        <section aria-labelledby="packet-findings">
        <h2 id="packet-findings">Fund</h2>
        \(findings.isEmpty ? "<p>Ingen fund.</p>" : "<ul class=\"findings\">\(findingItems)</ul>")
        </section>
        """
        return PageLayout.page(title: title, main: main, scripts: summary.packets.isEmpty ? [] : ["packet-build.js"])
    }

    /// "Dagsorden: Økonomiudvalget, 4. september 2026", "Referat: …": an agenda's and its
    /// minutes' pages are told apart, and dated.
    static func packetTitle(_ summary: PacketPreview.Summary) -> String {
        let date = summary.date.map { ", \(DanishFormat.date($0))" } ?? ""
        switch summary.kind {
        case "dagsorden": return "Dagsorden: \(summary.title)\(date)"
        case "referat": return "Referat: \(summary.title)\(date)"
        default: return summary.title
        }
    }

    /// The heading and badge of one packet on the packet page.
    static func packetNames(_ packet: PacketPreview.Packet, kind: String) -> (String, String) {
        let closedBadge = "LUKKET – må ikke offentliggøres"
        switch (kind, packet) {
        case ("dagsorden", .offentlig): return ("Den offentlige dagsorden", "Offentlig")
        case ("dagsorden", .lukket): return ("Den lukkede dagsorden", closedBadge)
        case ("dagsorden", .tillaeg): return ("Den offentlige tillægsdagsorden", "Offentlig")
        case ("dagsorden", .tillaegLukket): return ("Den lukkede tillægsdagsorden", closedBadge)
        case ("referat", .lukket): return ("Det lukkede referat", closedBadge)
        case ("referat", _): return ("Det offentlige referat", "Offentlig")
        case (_, .lukket), (_, .tillaegLukket): return ("Den lukkede udgave", closedBadge)
        default: return ("Bilagsmaterialet", "Bilagsmateriale")
        }
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
        case .note: "Note"
        }
    }
}
