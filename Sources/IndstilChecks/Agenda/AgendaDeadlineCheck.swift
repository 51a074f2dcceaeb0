import IndstilSupport
import IndstilDocument

/// The agenda or its material reached the members too late: the agenda is due on the 4th
/// and the material on the 3rd Danish working day before the meeting (`udsendt`,
/// `materiale_udsendt`). Grundlovsdag, 24 December and further days off are set under
/// `checks: agenda.deadline:` in indstil.yml (`WorkingDayCalendar.Settings`).
public struct AgendaDeadlineCheck: AgendaCheck {
    public let id = "agenda.deadline"
    public let defaultSeverity = Severity.warning
    public let summary = Message(da: "Dagsordenen eller materialet er udsendt senere end 4 og 3 arbejdsdage før mødet",
                                 en: "The agenda or its material was sent later than 4 and 3 working days before the meeting")

    package static let agendaDays = 4
    static let materialDays = 3

    public var examples: [ProjectExample] {
        [
            .triggers("Dagsordenen er udsendt tirsdag til et møde fredag", entry: AgendaExample.manifestName, files: AgendaExample.project(extraHeader: [
                "udsendt: 2026-09-01 ⟵",
            ])),
            .triggers("Materialet er udsendt onsdag til et møde fredag", entry: AgendaExample.manifestName, files: AgendaExample.project(extraHeader: [
                "udsendt: 2026-08-31",
                "materiale_udsendt: 2026-09-02 ⟵",
            ])),
            .triggers("Kommunen holder fri mandag, så fristen falder fredagen før", entry: AgendaExample.manifestName, files: AgendaExample.project(
                extraFiles: ["indstil.yml": "checks:\n  agenda.deadline:\n    fridage: [2026-08-31]\n"],
                extraHeader: ["udsendt: 2026-08-31 ⟵"])),
            .passes("Dagsordenen mandag og materialet tirsdag til et møde fredag", entry: AgendaExample.manifestName, files: AgendaExample.project(extraHeader: [
                "udsendt: 2026-08-31",
                "materiale_udsendt: 2026-09-01",
            ])),
            .passes("Uden udsendelsesdatoer kontrolleres intet", entry: AgendaExample.manifestName, files: AgendaExample.project()),
        ]
    }

    public func check(_ context: AgendaCheckContext) -> [LocatedDiagnostic] {
        let manifest = context.manifest
        guard manifest.sent != nil || manifest.materialSent != nil else { return [] }
        let settings: WorkingDayCalendar.Settings
        do {
            settings = try WorkingDayCalendar.Settings(options: context.configuration.options(for: id))
        } catch {
            return [LocatedDiagnostic(context.manifestPath, diagnostic(
                "Udsendelsesfristen kan ikke kontrolleres: indstil.yml linje \(error.line) under »checks: \(id)«: \(error.message.da)",
                "The deadline cannot be checked: indstil.yml line \(error.line) under \"checks: \(id)\": \(error.message.en)",
                line: manifest.sent != nil ? manifest.sentLine : manifest.materialSentLine))]
        }
        let calendar = WorkingDayCalendar(settings: settings)
        var found: [LocatedDiagnostic] = []
        let meeting = DanishFormat.weekdayAndDate(manifest.date)
        if let sent = manifest.sent {
            let due = calendar.workingDay(Self.agendaDays, before: manifest.date)
            if due < sent {
                found.append(LocatedDiagnostic(context.manifestPath, diagnostic(
                    "Dagsordenen er udsendt \(DanishFormat.weekdayAndDate(sent)), men skulle være udsendt senest \(DanishFormat.weekdayAndDate(due)) (\(Self.agendaDays) arbejdsdage før mødet \(meeting))",
                    "The agenda was sent on \(DanishFormat.weekdayAndDate(sent)), but should have been sent by \(DanishFormat.weekdayAndDate(due)) (\(Self.agendaDays) working days before the meeting on \(meeting))",
                    line: manifest.sentLine)))
            }
        }
        if let sent = manifest.materialSent {
            let due = calendar.workingDay(Self.materialDays, before: manifest.date)
            if due < sent {
                found.append(LocatedDiagnostic(context.manifestPath, diagnostic(
                    "Materialet er udsendt \(DanishFormat.weekdayAndDate(sent)), men skulle være udsendt senest \(DanishFormat.weekdayAndDate(due)) (\(Self.materialDays) arbejdsdage før mødet \(meeting))",
                    "The material was sent on \(DanishFormat.weekdayAndDate(sent)), but should have been sent by \(DanishFormat.weekdayAndDate(due)) (\(Self.materialDays) working days before the meeting on \(meeting))",
                    line: manifest.materialSentLine)))
            }
        }
        return found
    }
}
