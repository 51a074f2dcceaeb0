import Foundation
import IndstilCore

extension Pages {
    struct ProfileChoice {
        let id: String
        let name: String
        let type: String
        let description: String
    }

    /// The profiles as `<option>`s, `selected` chosen.
    static func profileOptions(_ profiles: [ProfileChoice], selected: String?) -> String {
        profiles.map {
            let isSelected = $0.id == selected ? " selected" : ""
            return "<option value=\"\($0.id.markupAttributeEscaped)\" data-type=\"\($0.type.markupAttributeEscaped)\"\(isSelected)>\($0.name.markupEscaped) (\($0.id.markupEscaped), \(kindName($0.type).lowercased().markupEscaped))</option>"
        }.joined(separator: "\n")
    }

    /// "Nyt dokument": the profile the project uses most is chosen (`ProfilePreference`);
    /// after creation new.js goes to the new document's page.
    static func newDocument(profiles: [ProfileChoice], preferred: String?) -> String {
        let guidance = profiles.map {
            "<dt>\($0.name.markupEscaped)</dt><dd>\($0.description.markupEscaped)</dd>"
        }.joined(separator: "\n")
        let main = """
        <h1 class="words">Nyt dokument</h1>
        <p>Dokumentet skrives efter profilens skabelon: alle afsnit og felter med hjælpetekster, som »indstil new« laver.</p>
        <form id="new-document" class="stacked">
        <label for="profile">Profil</label>
        <select id="profile" name="profile" required aria-describedby="profile-help">
        \(profileOptions(profiles, selected: preferred))
        </select>
        <p id="profile-help" class="help">Valgt på forhånd: den profil, projektets dokumenter oftest bruger.</p>
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
}
