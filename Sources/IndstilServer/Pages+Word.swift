import Foundation
import IndstilCore

extension Pages {
    /// `/word`: a Word document checked as `indstil check` checks it, without saving it in
    /// the project: a file picker (the accessible way) and a drop zone, the profile, then
    /// findings by paragraph and heading, counts, decision points and the preview (word.js);
    /// "Importér som dokument i projektet" writes what `indstil import` writes.
    static func word(profiles: [ProfileChoice], preferred: String?) -> String {
        let main = """
        <h1 class="words">Kontrollér et Word-dokument</h1>
        <p>Dokumentet kontrolleres med profilens regler, som »indstil check« gør. Fundene peger på Word-dokumentets afsnit \
        (nummereret fra toppen) og overskriften over dem. Dokumentet gemmes ikke i projektet, før du vælger at importere det.</p>
        <form id="word-form" class="stacked">
        <label for="word-profile">Profil</label>
        <select id="word-profile" name="profile">
        \(profileOptions(profiles, selected: preferred))
        </select>
        <label for="word-file">Word-dokument (.docx)</label>
        <input id="word-file" name="file" type="file" accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document">
        <button type="button" id="drop-zone" class="drop-zone" aria-describedby="drop-help">Træk et Word-dokument hertil – eller vælg et</button>
        <p id="drop-help" class="help">Du kan også slippe dokumentet på oversigten.</p>
        <p id="word-status" role="status" aria-live="polite"></p>
        </form>
        <section id="word-result" hidden aria-labelledby="word-result-heading">
        <h2 id="word-result-heading">Resultat for <span id="word-name"></span></h2>
        <p id="word-summary"></p>
        <h3>Fund</h3>
        <ol id="word-findings" class="findings word-findings"></ol>
        <h3>Antal tegn</h3>
        <p id="word-count"></p>
        <h3>Beslutningspunkter</h3>
        <p id="word-decision-count"></p>
        <ol id="word-decisions"></ol>
        <h3>Importér</h3>
        <form id="import-form" class="stacked">
        <label for="import-path">Filens sti i projektet</label>
        <input id="import-path" name="path" type="text" required aria-describedby="import-path-help">
        <p id="import-path-help" class="help">Dokumentet skrives som Markdown, som »indstil import« skriver det. Filen må ikke findes i forvejen.</p>
        <button type="submit" id="import">Importér som dokument i projektet</button>
        <p id="import-status" role="status" aria-live="polite"></p>
        </form>
        <h3>Forhåndsvisning</h3>
        <iframe id="word-preview" title="Forhåndsvisning af Word-dokumentet med profilens skabelon" sandbox="allow-popups allow-popups-to-escape-sandbox"></iframe>
        </section>
        """
        return PageLayout.page(title: "Kontrollér et Word-dokument", main: main, scripts: ["word-handoff.js", "word.js"])
    }
}
