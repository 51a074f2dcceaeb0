import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// The register as a reader reads it: one standalone HTML file that works without a
/// server, the decisions as a list per meeting and item — each decision point's proposal,
/// its outcome and the minutes' sentence, and the follow-up — with Danish dates, no file
/// paths and no instructions for the tool. A few lines of JavaScript of its own (nothing
/// fetched) hide the decision points the three filters do not match, and an item or a
/// meeting with none left; without JavaScript everything shows.
public enum RegisterHTML {
    /// The value of the outcome filter for decision points without an outcome (their
    /// `data-udfald` is ""), so that it is not the "Alle" option's empty value.
    static let noOutcome = "-"

    /// The decisions grouped by meeting and item (also a page of a minutes site, which is
    /// one meeting: `meetingHeadings: false` leaves out its heading, and items are h2).
    static func list(_ rows: [DecisionRegister.Row], meetingHeadings: Bool = true) -> String {
        let itemLevel = meetingHeadings ? 3 : 2
        var out = "<div class=\"register\">\n"
        var meetingKey: String?
        var itemKey: String?
        var followUp = ""
        func closeItem() {
            guard itemKey != nil else { return }
            out += "</ol>\n"
            // The item's follow-up, once after its points (every point of an item shares it).
            if !followUp.isEmpty { out += "<p class=\"opfoelgning\">Opfølgning: \(followUp.markupEscaped)</p>\n" }
            out += "</section>\n"
            itemKey = nil
        }
        func closeMeeting() {
            closeItem()
            if meetingKey != nil && meetingHeadings { out += "</section>\n" }
            meetingKey = nil
        }
        for row in rows {
            let meeting = "\(row.committee)|\(row.meetingDate)"
            if meeting != meetingKey {
                closeMeeting()
                meetingKey = meeting
                if meetingHeadings {
                    let date = CalendarDate(iso: row.meetingDate).map(DanishFormat.weekdayAndDate) ?? row.meetingDate
                    out += "<section class=\"moede\">\n<h2>\(row.committee.markupEscaped) <span class=\"dato\">\(date.markupEscaped)</span></h2>\n"
                }
            }
            let item = "\(meeting)|\(row.item)"
            if item != itemKey {
                closeItem()
                itemKey = item
                followUp = row.followUp
                out += "<section class=\"punkt\">\n<h\(itemLevel)>Punkt \(row.item): \(row.itemTitle.markupEscaped)</h\(itemLevel)>\n"
                if !row.caseNumber.isEmpty { out += "<p class=\"sag\">Sagsnummer \(row.caseNumber.markupEscaped)</p>\n" }
                out += "<ol class=\"beslutninger\">\n"
            }
            out += "<li data-udvalg=\"\(row.committee.markupEscaped)\" data-aar=\"\(row.year.markupEscaped)\" data-udfald=\"\(row.outcome.markupEscaped)\">"
            if let point = row.decisionPoint, !row.proposal.isEmpty {
                out += "<p class=\"forslag\"><span class=\"nr\">\(point))</span> \(ProposalText.cleaned(row.proposal).markupEscaped)</p>"
            }
            let outcome = row.outcome.isEmpty ? "" : "<strong>\(row.outcome.markupEscaped).</strong> "
            let sentence = row.decision.isEmpty || row.decision.trimmingCharacters(in: .punctuationCharacters) == row.outcome ? "" : row.decision.markupEscaped
            out += "<p class=\"udfald\">\(outcome)\(sentence)\(outcome.isEmpty && sentence.isEmpty ? "Intet udfald." : "")</p>"
            out += "</li>\n"
        }
        closeMeeting()
        return out + "</div>"
    }

    static let script = """
    (function () {
      var filters = document.querySelectorAll("select[data-filter]");
      var points = document.querySelectorAll(".register li[data-udfald]");
      var count = document.getElementById("antal");
      function apply() {
        var shown = 0;
        points.forEach(function (point) {
          var match = true;
          filters.forEach(function (select) {
            var wanted = select.value === "\(noOutcome)" ? "" : select.value;
            if (select.value !== "" && point.getAttribute("data-" + select.getAttribute("data-filter")) !== wanted) { match = false; }
          });
          point.hidden = !match;
          if (match) { shown += 1; }
        });
        document.querySelectorAll(".register .punkt, .register .moede").forEach(function (group) {
          group.hidden = group.querySelector("li[data-udfald]:not([hidden])") === null;
        });
        count.textContent = shown + " af " + points.length + " beslutningspunkter vises";
      }
      filters.forEach(function (select) { select.addEventListener("change", apply); });
      apply();
    })();
    """

    static let style = """
    body { font-family: system-ui, sans-serif; margin: 1.5rem auto; max-width: 48rem; padding: 0 1rem; color: #1a1a1a; line-height: 1.45; }
    form { display: flex; flex-wrap: wrap; gap: 1rem; margin-bottom: 1rem; }
    label { display: flex; flex-direction: column; font-weight: 600; flex: 1 1 12rem; min-width: 0; }
    select { font: inherit; min-height: 44px; width: 100%; max-width: 100%; }
    h1 { color: #00305c; overflow-wrap: break-word; }
    h2 { color: #00305c; font-size: 1.3rem; border-bottom: 2px solid #00305c; padding-bottom: .2rem; margin-top: 2rem; }
    h2 .dato { display: block; font-size: 1rem; font-weight: 400; color: #4a4a4a; }
    h3 { color: #00305c; font-size: 1.1rem; margin: 1.2rem 0 .3rem; }
    .sag { color: #4a4a4a; margin: 0 0 .3rem; }
    ol.beslutninger { list-style: none; padding: 0; margin: 0; }
    ol.beslutninger li { border-left: 3px solid #d0d0d0; padding: .2rem 0 .2rem .75rem; margin: 0 0 .6rem; }
    .forslag, .udfald, .opfoelgning { margin: .1rem 0; overflow-wrap: break-word; }
    .forslag .nr { font-weight: 700; }
    .opfoelgning { color: #4a4a4a; }
    [hidden] { display: none !important; }
    @media (max-width: 30rem) { body { margin: 1rem auto; } h1 { font-size: 1.5rem; } }
    """

    public static func render(_ rows: [DecisionRegister.Row]) -> String {
        func select(_ key: String, _ label: String, _ values: [String], empty: String) -> String {
            let options = Array(Set(values)).sorted().map { value in
                value.isEmpty ? "<option value=\"\(noOutcome)\">\(empty)</option>" : "<option value=\"\(value.markupEscaped)\">\(value.markupEscaped)</option>"
            }
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
        \(select("udvalg", "Udvalg", rows.map(\.committee), empty: "(intet udvalg)"))
        \(select("aar", "År", rows.map(\.year), empty: "(intet år)"))
        \(select("udfald", "Udfald", rows.map(\.outcome), empty: "(intet udfald)"))
        </form>
        <p id="antal" role="status">\(rows.count) beslutningspunkter</p>
        \(list(rows))
        </main>

        """)
    }
}
