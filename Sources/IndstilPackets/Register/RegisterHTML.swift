import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// The register as one standalone HTML file that works without a server: every row
/// carries its committee, year and outcome, and a few lines of JavaScript of its own
/// (nothing fetched) hide the rows the three filters do not match. Without JavaScript
/// the whole table shows.
public enum RegisterHTML {
    /// The table alone (also a page of a minutes site).
    static func table(_ rows: [DecisionRegister.Row]) -> String {
        let head = DecisionRegister.headings.map { "<th scope=\"col\">\($0.markupEscaped)</th>" }.joined()
        let body = rows.map { row -> String in
            let cells = DecisionRegister.cells(row).map { "<td>\($0.markupEscaped)</td>" }.joined()
            return "<tr data-udvalg=\"\(row.committee.markupEscaped)\" data-aar=\"\(row.year.markupEscaped)\" data-udfald=\"\(row.outcome.markupEscaped)\">\(cells)</tr>"
        }
        // Twelve columns do not fit a phone: the table scrolls inside its own labelled region.
        return """
        <div class="tabelrulle" role="region" aria-labelledby="register-overskrift" tabindex="0">
        <table class="register">
        <caption id="register-overskrift">Beslutningspunkter og udfald (\(rows.count))</caption>
        <thead><tr>\(head)</tr></thead>
        <tbody>
        \(body.joined(separator: "\n"))
        </tbody>
        </table>
        </div>
        """
    }

    static let script = """
    (function () {
      var filters = document.querySelectorAll("select[data-filter]");
      var rows = document.querySelectorAll("table.register tbody tr");
      var count = document.getElementById("antal");
      function apply() {
        var shown = 0;
        rows.forEach(function (row) {
          var match = true;
          filters.forEach(function (select) {
            if (select.value !== "" && row.getAttribute("data-" + select.getAttribute("data-filter")) !== select.value) { match = false; }
          });
          row.hidden = !match;
          if (match) { shown += 1; }
        });
        count.textContent = shown + " af " + rows.length + " beslutningspunkter vises";
      }
      filters.forEach(function (select) { select.addEventListener("change", apply); });
      apply();
    })();
    """

    static let style = """
    body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #1a1a1a; }
    form { display: flex; flex-wrap: wrap; gap: 1rem; margin-bottom: 1rem; }
    label { display: flex; flex-direction: column; font-weight: 600; }
    table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
    th, td { border: 1px solid #999; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
    thead th { background: #e8e8e8; }
    caption { text-align: left; font-weight: 600; margin-bottom: 0.5rem; }
    .tabelrulle { overflow-x: auto; }
    .tabelrulle:focus-visible { outline: 3px solid #00305c; outline-offset: 2px; }
    label, select { max-width: 100%; }
    h1 { overflow-wrap: break-word; }
    @media (max-width: 30rem) { body { margin: 1rem; } h1 { font-size: 1.5rem; } }
    """

    public static func render(_ rows: [DecisionRegister.Row]) -> String {
        func select(_ key: String, _ label: String, _ values: [String]) -> String {
            let options = Array(Set(values)).sorted().map { "<option value=\"\($0.markupEscaped)\">\(($0.isEmpty ? "(intet udfald)" : $0).markupEscaped)</option>" }
            return "<label for=\"filter-\(key)\">\(label)<select id=\"filter-\(key)\" data-filter=\"\(key)\"><option value=\"\">Alle</option>\(options.joined())</select></label>"
        }
        var shell = HTMLPageShell()
        shell.title = "Beslutningsregister"
        shell.style = style
        shell.bodyScript = script
        return shell.html(body: """
        <main>
        <h1>Beslutningsregister</h1>
        <form aria-label="Filtrér beslutningerne">
        \(select("udvalg", "Udvalg", rows.map(\.committee)))
        \(select("aar", "År", rows.map(\.year)))
        \(select("udfald", "Udfald", rows.map(\.outcome)))
        </form>
        <p id="antal" role="status">\(rows.count) beslutningspunkter</p>
        \(table(rows))
        </main>

        """)
    }
}
