import IndstilSupport
import IndstilDocument

/// The attendance (`deltagere`, `afbud`, an item's `fravaerende`) names someone who is
/// not among the meeting's `medlemmer`.
public struct MinutesAttendanceCheck: MinutesCheck {
    public let id = "minutes.attendance"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "Fremmødet nævner en, der ikke er medlem af mødet", en: "The attendance names someone who is not a member of the meeting")

    public var examples: [ProjectExample] {
        [
            .triggers("Afbud fra en, der ikke er medlem", entry: MinutesExample.manifestName, files: MinutesExample.project(header: [
                "type: referat",
                "dagsorden: \(AgendaExample.manifestName)",
                "dato: 2026-09-07",
                "medlemmer: [Rådmand Ole Prøve, Direktør Lis Eksempel]",
                "afbud:",
                "  - Direktør Lise Eksempel ⟵",
            ])),
            .triggers("Fraværende under punkt 2, men ikke medlem", entry: MinutesExample.manifestName, files: MinutesExample.project(items: MinutesExample.defaultItems + [
                "    fravaerende:",
                "      - Kontorchef Bo Demo ⟵",
            ])),
            .passes("Kun medlemmer er nævnt", entry: MinutesExample.manifestName, files: MinutesExample.project()),
        ]
    }

    public func check(_ context: MinutesCheckContext) -> [LocatedDiagnostic] {
        let manifest = context.manifest
        guard !manifest.members.isEmpty else { return [] }
        let members = Set(manifest.members.map { $0.name.foldingWhitespace.lowercased() })
        let named = manifest.present.map { ($0, "deltagere") } + manifest.absent.map { ($0, "afbud") }
            + manifest.items.flatMap { entry in entry.absent.map { ($0, "fravaerende i punkt \(entry.number)") } }
        return named.compactMap { person, list in
            guard !members.contains(person.name.foldingWhitespace.lowercased()) else { return nil }
            return LocatedDiagnostic(context.manifestPath, diagnostic(
                "»\(person.name)« (\(list)) er ikke blandt mødets »medlemmer«: \(manifest.members.map(\.name).joined(separator: ", "))",
                "\"\(person.name)\" (\(list)) is not among the meeting's \"medlemmer\": \(manifest.members.map(\.name).joined(separator: ", "))",
                line: person.line))
        }
    }
}
