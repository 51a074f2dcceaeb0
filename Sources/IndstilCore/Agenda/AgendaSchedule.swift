import Foundation

/// Lays the items out in time from the meeting's start: an item with a `tid` keeps it,
/// one with minutes follows the previous item, one without either gets no time (as
/// written orientations). Says where the times do not add up (`agenda.time`):
/// a gap or an overlap before a fixed `tid`, a `tid` whose length disagrees with its
/// minutes, and the first item that runs past the meeting's end.
struct AgendaSchedule {
    struct Entry {
        let minutes: Int?
        let slot: ClockSlot?
        let minutesLine: Int
        let slotLine: Int
        let hasMinutes: Bool
    }

    let slots: [ClockSlot?]
    let diagnostics: [Diagnostic]

    init(start: ClockTime, end: ClockTime, entries: [Entry]) {
        var slots: [ClockSlot?] = []
        var diagnostics: [Diagnostic] = []
        func problem(_ line: Int, _ da: String, _ en: String) {
            diagnostics.append(Diagnostic(check: "agenda.time", severity: .error, message: Message(da: da, en: en), line: line))
        }
        var clock = start
        var overrun: (number: Int, slot: ClockSlot, line: Int)?
        for (index, entry) in entries.enumerated() {
            let number = index + 1
            var slot: ClockSlot?
            if let fixed = entry.slot {
                if fixed.start < clock {
                    problem(entry.slotLine, "Punkt \(number) begynder kl. \(fixed.start.danish), men \(index == 0 ? "mødet begynder" : "punktet før slutter") kl. \(clock.danish): tiderne overlapper med \(clock.minutes - fixed.start.minutes) min.",
                            "Item \(number) starts at \(fixed.start.danish), but \(index == 0 ? "the meeting starts" : "the item before ends") at \(clock.danish): the times overlap by \(clock.minutes - fixed.start.minutes) min.")
                } else if clock < fixed.start {
                    problem(entry.slotLine, "Punkt \(number) begynder kl. \(fixed.start.danish), men \(index == 0 ? "mødet begynder" : "punktet før slutter") kl. \(clock.danish): der er et hul på \(fixed.start.minutes - clock.minutes) min.; ret tiden eller sæt et punkt (fx en pause) ind",
                            "Item \(number) starts at \(fixed.start.danish), but \(index == 0 ? "the meeting starts" : "the item before ends") at \(clock.danish): a gap of \(fixed.start.minutes - clock.minutes) min.; fix the time or add an item (e.g. a break)")
                }
                if entry.hasMinutes, let minutes = entry.minutes, minutes != fixed.minutes {
                    problem(entry.slotLine, "Punkt \(number) har tiden \(fixed.danish), men »minutter« siger \(minutes) min.",
                            "Item \(number) has the time \(fixed.danish), but \"minutter\" says \(minutes) min.")
                }
                slot = fixed
            } else if let minutes = entry.minutes {
                slot = ClockSlot(start: clock, end: clock.adding(minutes: minutes))
            }
            if let slot {
                clock = slot.end
                if overrun == nil && end < slot.end { overrun = (number, slot, entry.slot != nil ? entry.slotLine : entry.minutesLine) }
            }
            slots.append(slot)
        }
        if let overrun {
            let over = clock.minutes - end.minutes
            problem(overrun.line,
                    "Punkt \(overrun.number) slutter kl. \(overrun.slot.end.danish), efter mødets slut kl. \(end.danish); dagsordenen slutter kl. \(clock.danish), så punkterne skal forkortes med i alt \(over) min., eller mødet forlænges",
                    "Item \(overrun.number) ends at \(overrun.slot.end.danish), after the meeting ends at \(end.danish); the agenda ends at \(clock.danish), so the items must be shortened by \(over) min. in all, or the meeting extended")
        }
        self.slots = slots
        self.diagnostics = diagnostics
    }
}
