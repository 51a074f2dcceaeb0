import Foundation
import IndstilCore

/// `POST /api/analyse` for a manifest (an agenda, minutes, a betænkning bundle) being edited:
/// the unsaved text assembled as the file at its path, through the same assembly and checks
/// as `indstil check` (agenda.*, bundle.*, minutes.* and every named document's). The answer
/// has the `/api/analyse` shape: the manifest's own findings with their lines, the summary
/// over the whole packet, each named file's counts, and a preview of the packet's index.
enum ManifestAnalysis {
    static func json(text: String, url: URL, path: String, workspace: Workspace) -> JSONValue {
        let assembly = workspace.assemble(text: text, url: url, displayPath: path)
        let reports = assembly.reports
        let own = reports.filter { $0.path == path }.flatMap(\.diagnostics)
        let others = reports.filter { $0.path != path && !$0.diagnostics.isEmpty }
        let summary = RunSummary(reports)
        let files = JSONValue.array(others.map { report in
            let counts = RunSummary([report])
            return .object([("path", .string(report.path)), ("errors", .int(counts.errors)), ("warnings", .int(counts.warnings)),
                            ("notes", .int(counts.notes))])
        })
        var html: JSONValue = .null
        var desk: JSONValue = .null
        if case .dagsorden(let outcome) = assembly {
            let deadline = sendingDeadline(outcome.packet.manifest, options: workspace.configuration.options(for: "agenda.deadline"),
                                           today: CalendarDate.today())
            html = .string(agendaIndex(outcome.packet, reports: reports, deadline: deadline))
            desk = agendaDesk(outcome.packet, deadline: deadline, hasErrors: outcome.hasErrors)
        }
        var minutes: JSONValue = .null
        if case .referat(let outcome) = assembly { minutes = minutesForm(outcome.packet) }
        return .object([
            ("path", .string(path)),
            ("kind", .string("manifest")),
            ("diagnostics", JSONReporter.diagnostics(Diagnostic.sortedForOutput(own), language: .da)),
            ("summary", .object([("errors", .int(summary.errors)), ("warnings", .int(summary.warnings)), ("notes", .int(summary.notes))])),
            ("files", files),
            ("stats", .null), ("limit", .null), ("limitedCharacters", .null), ("decisionPoints", .array([])),
            ("html", html), ("agenda", desk), ("minutes", minutes), ("profile", .null), ("fields", .null), ("frontMatter", .null),
        ])
    }

    /// The agenda as the meeting will run: committee, date, start–end and place, then each
    /// item with its time, open or closed, its recommendation and how many findings its files have.
    /// When the agenda must be sent (the 4th Danish working day before the meeting, the
    /// rule of `agenda.deadline` with the project's days off), as a countdown from `today`;
    /// or when it was sent. Nil when indstil.yml's settings for the rule cannot be read
    /// (`agenda.deadline` reports that, with its line).
    static func sendingDeadline(_ manifest: AgendaManifest, options: [String: YAMLValue], today: CalendarDate) -> String? {
        guard let settings = try? WorkingDayCalendar.Settings(options: options) else { return nil }
        let due = WorkingDayCalendar(settings: settings).workingDay(AgendaDeadlineCheck.agendaDays, before: manifest.date)
        let dueText = DanishFormat.weekdayAndDate(due)
        if let sent = manifest.sent {
            return "Udsendt \(DanishFormat.weekdayAndDate(sent)); fristen var \(dueText)" + (due < sent ? " (for sent)." : ".")
        }
        let left = today.days(until: due)
        let countdown = switch left {
        case ..<0: "fristen er overskredet for \(DanishPlural.count(-left, "dag", "dage")) siden"
        case 0: "i dag"
        default: "om \(DanishPlural.count(left, "dag", "dage"))"
        }
        return "Dagsordenen skal udsendes senest \(dueText) – \(countdown)."
    }

    /// What the page's desk shows and changes for an agenda: each item with its state (who
    /// set it, when), whether it changed after sending or came later, and what the send
    /// button sends now (nil when there is nothing to send).
    static func agendaDesk(_ agenda: ResolvedAgenda, deadline: String?, hasErrors: Bool) -> JSONValue {
        let entries = agenda.manifest.items
        let items = agenda.items.map { item -> JSONValue in
            let entry = entries.indices.contains(item.number - 1) ? entries[item.number - 1] : nil
            func text(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
            return .object([
                ("number", .int(item.number)), ("title", .string(item.title)), ("state", text(entry?.state?.lowercased())),
                ("stateBy", text(entry?.stateBy)), ("stateAt", text(entry?.stateAt)), ("closed", .bool(item.isClosed)),
                ("time", text(item.slot.map { "\($0.start.danish)–\($0.end.danish)" })),
                ("changed", .bool(item.isChangedAfterSending)), ("late", .bool(item.isLate)),
                ("entry", entry.map(itemEntry) ?? .null),
            ])
        }
        let recorded = agenda.manifest.sent != nil && entries.contains { $0.sentVersion != nil }
        let send: JSONValue = if !recorded { .string("Send dagsordenen") }
            else if entries.contains(where: { $0.sentVersion == nil }) { .string("Send tillægsdagsordenen") }
            else { .null }
        return .object([
            ("sent", agenda.manifest.sent.map { .string(DanishFormat.date($0)) } ?? .null),
            ("deadline", deadline.map { .string($0) } ?? .null),
            ("items", .array(items)), ("send", send), ("hasErrors", .bool(hasErrors)),
        ])
    }

    /// What the minutes form shows for each agenda item: its decision points with the
    /// outcome and own sentence recorded so far (or the item's outcome when it has none), who
    /// was absent for it, the meeting's members to choose from and the outcomes with their
    /// standard phrases.
    static func minutesForm(_ minutes: ResolvedMinutes) -> JSONValue {
        func text(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
        let entries = minutes.manifest.items
        let items = minutes.items.map { item -> JSONValue in
            let entry = entries.first { $0.number == item.number }
            let points = item.decisions.map { decision -> JSONValue in
                let stated = entry?.points.first { $0.point == decision.number }
                return .object([("number", .int(decision.number)), ("proposal", .string(decision.proposal)),
                                ("outcome", text(stated?.outcome.rawValue)), ("text", text(stated?.text)), ("reason", text(stated?.reason))])
            }
            return .object([
                ("number", .int(item.number)), ("title", .string(item.agendaItem.title)), ("closed", .bool(item.isClosed)),
                ("points", .array(points)), ("outcome", text(entry?.outcome?.rawValue)), ("text", text(entry?.decision)), ("reason", text(entry?.reason)),
                ("absent", .array((entry?.absent.map(\.name) ?? []).map { .string($0) })),
            ])
        }
        let outcomes = MinutesOutcome.allCases.map { outcome -> JSONValue in
            .object([("value", .string(outcome.rawValue)), ("label", .string(outcome.label())),
                     ("phrase", .string(minutes.manifest.phrase(outcome, noting: nil, reason: nil)))])
        }
        return .object([
            ("members", .array(minutes.manifest.members.map { .string($0.name) })),
            ("items", .array(items)), ("outcomes", .array(outcomes)),
        ])
    }

    /// An item as the manifest writes it, for the item form.
    static func itemEntry(_ entry: AgendaManifest.Item) -> JSONValue {
        func text(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
        let status: String? = entry.isClosed.map { $0 ? "lukket" : "åben" }
        return .object([
            ("titel", text(entry.title)), ("indstilling", text(entry.recommendation)), ("minutter", text(entry.minutes.map(String.init))),
            ("status", text(status)), ("begrundelse", text(entry.reason)),
            ("bilag", .array(entry.attachments.map { attachment in
                .object([("fil", .string(attachment.file)), ("titel", text(attachment.title)), ("lukket", .bool(attachment.isClosed == true))])
            })),
        ])
    }

    /// The item's `tilstand` as written ("–" when the agenda states none).
    static func state(of item: ResolvedAgenda.Item, in manifest: AgendaManifest) -> String {
        manifest.items.indices.contains(item.number - 1) ? manifest.items[item.number - 1].state ?? "–" : "–"
    }

    /// "Ændret efter udsendelse" or "Tillægsdagsorden" after an item's state.
    static func sendingNote(_ item: ResolvedAgenda.Item) -> String {
        if item.isLate { return "<br><strong>Tillægsdagsorden</strong>" }
        if item.isChangedAfterSending { return "<br><strong>Ændret efter udsendelse</strong>" }
        return ""
    }

    static func agendaIndex(_ agenda: ResolvedAgenda, reports: [FileReport], deadline: String?) -> String {
        let manifest = agenda.manifest
        let rows = agenda.items.map { item -> String in
            let time = item.slot.map { "\($0.start.danish)–\($0.end.danish)" } ?? "–"
            let document = item.recommendation.map { analyzed -> String in
                let path = reports.first { analyzed.document.url.standardizedFileURL.path.hasSuffix("/" + $0.path) }
                let counts = path.map { RunSummary([$0]) }
                let findings = counts.map { $0.errors + $0.warnings > 0 ? " (\(DanishPlural.count($0.errors, "fejl", "fejl")), \(DanishPlural.count($0.warnings, "advarsel", "advarsler")))" : "" } ?? ""
                return analyzed.document.url.lastPathComponent.markupEscaped + findings.markupEscaped
            } ?? ""
            return """
            <tr><td class="tal">\(item.number)</td><td>\(time.markupEscaped)</td><th scope="row">\(item.title.markupEscaped)</th>\
            <td>\(item.isClosed ? "Lukket" : "Åben")</td><td>\(state(of: item, in: manifest).markupEscaped)\(sendingNote(item))</td><td>\(document)</td>\
            <td class="tal">\(DanishPlural.count(item.appendices.count, "bilag", "bilag").markupEscaped)</td></tr>
            """
        }.joined(separator: "\n")
        let planned = agenda.plannedMinutes, meeting = agenda.meetingMinutes
        var shell = HTMLPageShell()
        shell.title = manifest.committee
        shell.style = "body{font-family:system-ui,sans-serif;margin:1rem;color:#1a1a1a}table{border-collapse:collapse;width:100%}"
            + "th,td{border-bottom:1px solid #767676;padding:.3rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}"
            + ".tal{text-align:right}caption{text-align:left;font-weight:600;padding-bottom:.25rem}h1{font-size:1.3rem;color:#00487a}"
        return shell.html(body: """
        <h1>\(manifest.committee.markupEscaped)</h1>
        <p>\(DanishFormat.date(manifest.date).markupEscaped), kl. \(manifest.start.danish.markupEscaped)–\(manifest.end.danish.markupEscaped)</p>
        \(deadline.map { "<p class=\"frist\"><strong>\($0.markupEscaped)</strong></p>" } ?? "")
        <p>Punkterne varer \(DanishPlural.count(planned, "minut", "minutter").markupEscaped) af mødets \(DanishPlural.count(meeting, "minut", "minutter").markupEscaped).</p>
        <table><caption>Punkter</caption>
        <thead><tr><th scope="col">Nr.</th><th scope="col">Tid</th><th scope="col">Punkt</th><th scope="col">Åben/lukket</th>\
        <th scope="col">Tilstand</th><th scope="col">Indstilling</th><th scope="col">Bilag</th></tr></thead>
        <tbody>
        \(rows)
        </tbody></table>

        """)
    }
}
