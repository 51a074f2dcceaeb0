import Foundation
import IndstilSupport
import IndstilDocument

/// Moving an agenda item along its way to the meeting from the workspace: `tilstand`
/// (kladde, klar, godkendt) set on the item in the manifest's text, with who set it
/// (`tilstand_af`) and when (`tilstand_tid`, Danish time), nothing else of the text touched.
public enum AgendaItemStateChange {
    public static let states = ["kladde", "klar", "godkendt"]

    /// The manifest's text with item `number`'s state set.
    public static func apply(state: String, by person: String, item number: Int, to text: String, file: String,
                             now: Date = Date()) throws(IndstilError) -> String {
        let state = state.lowercased()
        guard states.contains(state) else {
            throw IndstilError(da: "Tilstanden skal være kladde, klar eller godkendt (fik »\(state)«)",
                               en: "The state must be kladde, klar or godkendt (got \"\(state)\")", file: file)
        }
        let person = person.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !person.isEmpty, person.count <= 200, !person.contains(where: \.isNewline) else {
            throw IndstilError(da: "Skriv dit navn, så det fremgår, hvem der har ændret punktets tilstand",
                               en: "Give your name, so that it shows who changed the item's state", file: file)
        }
        do {
            return try ManifestTextEdit.setting([
                .init("tilstand", state), .init("tilstand_af", person), .init("tilstand_tid", danishTime(now)),
            ], onItem: number, in: text)
        } catch {
            throw IndstilError(error.message, file: file, line: error.line)
        }
    }

    /// "2026-12-05 10:14" in Danish time.
    public static func danishTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Copenhagen") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0)
    }
}
