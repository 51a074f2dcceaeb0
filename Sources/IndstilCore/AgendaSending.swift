import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilWorkspace
import IndstilPackets

/// Sending an agenda from the workspace, and later its supplementary agenda. Sending
/// records in the manifest what went out, so changes after it can be found:
/// - the first time: `udsendt` (today, Danish time) and on every item `udsendt_version`,
///   the fingerprint of its files (`Workspace.fingerprint(of:)`);
/// - after that, the items that came later (without a record): their `udsendt_version` and
///   `tillæg: ja`, so they stay on the supplementary agenda.
///
/// An agenda is sent only when it has no errors and, once any item states a `tilstand`,
/// every item is `godkendt` (what `agenda.item-state` warns about, so `check --strict` fails
/// on it). Other warnings (a late deadline, a title that differs) do not stop the sending.
public enum AgendaSending {
    public enum Outcome: Sendable, Equatable {
        /// The agenda was sent (its items numbered).
        case agenda(items: [Int])
        /// The supplementary agenda was sent with these items.
        case supplement(items: [Int])
    }

    /// The manifest's text with the sending recorded, and what was sent.
    public static func apply(to text: String, url: URL, displayPath: String, workspace: Workspace,
                             today: CalendarDate = .today()) throws(IndstilError) -> (text: String, outcome: Outcome) {
        guard case .dagsorden(let assembled) = workspace.assemble(text: text, url: url, displayPath: displayPath) else {
            throw IndstilError(da: "Kun en dagsorden (type: dagsorden) kan sendes", en: "Only an agenda (type: dagsorden) can be sent", file: displayPath)
        }
        if let first = assembled.reports.lazy.flatMap({ report in report.diagnostics.filter { $0.severity == .error }.map { (report.path, $0) } }).first {
            throw IndstilError(da: "Dagsordenen har fejl og kan ikke sendes; ret dem først: \(first.1.message.da)",
                               en: "The agenda has errors and cannot be sent; fix them first: \(first.1.message.en)",
                               file: first.0, line: first.1.line)
        }
        let agenda = assembled.packet
        let entries = agenda.manifest.items
        if entries.contains(where: { $0.state != nil }),
           let waiting = zip(entries, agenda.items).first(where: { $0.0.state?.lowercased() != "godkendt" }) {
            throw IndstilError(da: "Punkt \(waiting.1.number) er ikke godkendt (tilstand: \(waiting.0.state ?? "ikke angivet")); godkend alle punkter, før dagsordenen sendes",
                               en: "Item \(waiting.1.number) is not approved (tilstand: \(waiting.0.state ?? "not stated")); approve every item before the agenda is sent",
                               file: displayPath, line: waiting.0.stateLine)
        }
        var edited = text
        func record(_ fields: [ManifestTextEdit.Field], item: Int) throws(IndstilError) {
            do { edited = try ManifestTextEdit.setting(fields, onItem: item, in: edited) } catch { throw IndstilError(error.message, file: displayPath, line: error.line) }
        }
        let recorded = agenda.manifest.sent != nil && entries.contains { $0.sentVersion != nil }
        if !recorded {
            // Items from the bottom up would not matter (each edit re-reads the text); in order reads best.
            for item in agenda.items {
                try record([.init("udsendt_version", workspace.fingerprint(of: item.files))], item: item.number)
            }
            do { edited = try ManifestTextEdit.setting([.init("udsendt", today.iso)], in: edited) } catch { throw IndstilError(error.message, file: displayPath, line: error.line) }
            return (edited, .agenda(items: agenda.items.map(\.number)))
        }
        let late = zip(entries, agenda.items).filter { $0.0.sentVersion == nil }.map(\.1)
        guard !late.isEmpty else {
            let sent = agenda.manifest.sent.map(DanishFormat.date) ?? ""
            throw IndstilError(da: "Dagsordenen blev sendt den \(sent), og der er ingen nye punkter at sende på en tillægsdagsorden",
                               en: "The agenda was sent on \(sent), and there are no new items to send on a supplementary agenda", file: displayPath)
        }
        for item in late {
            try record([.init("udsendt_version", workspace.fingerprint(of: item.files)), .init("tillæg", "ja")], item: item.number)
        }
        return (edited, .supplement(items: late.map(\.number)))
    }
}
