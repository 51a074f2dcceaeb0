import IndstilSupport
import IndstilDocument

/// The items' times do not add up: a gap or an overlap before a fixed `tid`, a `tid`
/// whose length is not its `minutter`, or items that run past the meeting's end.
public struct AgendaTimeCheck: AgendaCheck {
    public let id = "agenda.time"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "Punkternes tider hænger ikke sammen (hul, overlap, forkert længde) eller går ud over mødets slut",
                                 en: "Item times are not contiguous (gap, overlap, wrong length) or run past the meeting's end")

    public var examples: [ProjectExample] {
        [
            .triggers("Punkterne slutter 11:15, mødet 11:00", entry: AgendaExample.manifestName, files: AgendaExample.project(items: [
                "  - titel: Godkendelse af dagsorden",
                "    minutter: 5",
                "  - indstilling: \(AgendaExample.recommendationPath)",
                "    minutter: 10",
                "  - titel: Drøftelse af budget",
                "    minutter: 60 ⟵",
            ])),
            .triggers("Hul før et punkt med fast tid", entry: AgendaExample.manifestName, files: AgendaExample.project(items: [
                "  - titel: Godkendelse af dagsorden",
                "    minutter: 5",
                "  - indstilling: \(AgendaExample.recommendationPath)",
                "    tid: \"10:15-10:25\" ⟵",
            ])),
            .triggers("Overlap med punktet før", entry: AgendaExample.manifestName, files: AgendaExample.project(items: [
                "  - titel: Godkendelse af dagsorden",
                "    minutter: 5",
                "  - indstilling: \(AgendaExample.recommendationPath)",
                "    tid: \"10:00-10:10\" ⟵",
            ])),
            .passes("Punkter i træk inden for mødet", entry: AgendaExample.manifestName, files: AgendaExample.project()),
            .passes("Fast tid lige efter punktet før", entry: AgendaExample.manifestName, files: AgendaExample.project(items: [
                "  - titel: Godkendelse af dagsorden",
                "    minutter: 5",
                "  - indstilling: \(AgendaExample.recommendationPath)",
                "    tid: \"10:05-10:15\"",
            ])),
        ]
    }

    public func check(_ context: AgendaCheckContext) -> [LocatedDiagnostic] {
        diagnostics(for: context.schedule).map { LocatedDiagnostic(context.manifestPath, $0) }
    }

    /// The schedule's problems, in words, on the manifest's lines.
    package func diagnostics(for schedule: AgendaSchedule) -> [Diagnostic] {
        schedule.problems.map { problem in
            switch problem {
            case .overlap(let item, let start, let clock, let line):
                let before = item == 1 ? ("mødet begynder", "the meeting starts") : ("punktet før slutter", "the item before ends")
                return diagnostic(
                    "Punkt \(item) begynder kl. \(start.danish), men \(before.0) kl. \(clock.danish): tiderne overlapper med \(clock.minutes - start.minutes) min.",
                    "Item \(item) starts at \(start.danish), but \(before.1) at \(clock.danish): the times overlap by \(clock.minutes - start.minutes) min.",
                    line: line)
            case .gap(let item, let start, let clock, let line):
                let before = item == 1 ? ("mødet begynder", "the meeting starts") : ("punktet før slutter", "the item before ends")
                return diagnostic(
                    "Punkt \(item) begynder kl. \(start.danish), men \(before.0) kl. \(clock.danish): der er et hul på \(start.minutes - clock.minutes) min.; ret tiden eller sæt et punkt (fx en pause) ind",
                    "Item \(item) starts at \(start.danish), but \(before.1) at \(clock.danish): a gap of \(start.minutes - clock.minutes) min.; fix the time or add an item (e.g. a break)",
                    line: line)
            case .length(let item, let slot, let minutes, let line):
                return diagnostic("Punkt \(item) har tiden \(slot.danish), men »minutter« siger \(minutes) min.",
                                   "Item \(item) has the time \(slot.danish), but \"minutter\" says \(minutes) min.",
                                   line: line)
            case .overrun(let item, let slot, let meetingEnd, let agendaEnd, let line):
                let over = agendaEnd.minutes - meetingEnd.minutes
                return diagnostic(
                    "Punkt \(item) slutter kl. \(slot.end.danish), efter mødets slut kl. \(meetingEnd.danish); dagsordenen slutter kl. \(agendaEnd.danish), så punkterne skal forkortes med i alt \(over) min., eller mødet forlænges",
                    "Item \(item) ends at \(slot.end.danish), after the meeting ends at \(meetingEnd.danish); the agenda ends at \(agendaEnd.danish), so the items must be shortened by \(over) min. in all, or the meeting extended",
                    line: line)
            }
        }
    }
}
