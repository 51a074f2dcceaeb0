import IndstilSupport
import IndstilDocument

/// The minutes are dated before the meeting they record.
public struct MinutesDateCheck: MinutesCheck {
    public let id = "minutes.date"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "Referatet er dateret før mødet", en: "The minutes are dated before the meeting")

    public var examples: [ProjectExample] {
        var early = MinutesExample.defaultHeader
        early[2] = "dato: 2026-09-03 ⟵"
        var sameDay = MinutesExample.defaultHeader
        sameDay[2] = "dato: 2026-09-04"
        return [
            .triggers("Referatet er dateret dagen før mødet", entry: MinutesExample.manifestName, files: MinutesExample.project(header: early)),
            .passes("Referatet er skrevet samme dag som mødet", entry: MinutesExample.manifestName, files: MinutesExample.project(header: sameDay)),
        ]
    }

    public func check(_ context: MinutesCheckContext) -> [LocatedDiagnostic] {
        let meeting = context.agenda.manifest.date
        guard let date = context.manifest.date, date < meeting else { return [] }
        return [LocatedDiagnostic(context.manifestPath, diagnostic(
            "Referatet er dateret \(DanishFormat.date(date)), før mødet \(DanishFormat.date(meeting))",
            "The minutes are dated \(DanishFormat.date(date)), before the meeting on \(DanishFormat.date(meeting))",
            line: context.manifest.dateLine))]
    }
}
