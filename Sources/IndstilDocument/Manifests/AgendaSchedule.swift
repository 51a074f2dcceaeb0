import Foundation
import IndstilSupport

/// Lays the items out in time from the meeting's start: an item with a `tid` keeps it,
/// one with minutes follows the previous item, one without either gets no time (as
/// written orientations). Notes where the times do not add up — a gap or an overlap
/// before a fixed `tid`, a `tid` whose length disagrees with its minutes, and the first
/// item that runs past the meeting's end — for `AgendaTimeCheck` to report.
package struct AgendaSchedule: Sendable {
    package struct Entry: Sendable {
        package let minutes: Int?
        package let slot: ClockSlot?
        package let minutesLine: Int
        package let slotLine: Int
        package let hasMinutes: Bool

        package init(minutes: Int?, slot: ClockSlot?, minutesLine: Int, slotLine: Int, hasMinutes: Bool) {
            self.minutes = minutes
            self.slot = slot
            self.minutesLine = minutesLine
            self.slotLine = slotLine
            self.hasMinutes = hasMinutes
        }
    }

    package enum Problem: Sendable {
        /// Item `item` starts at `start`, before the meeting starts or the item before ends at `clock`.
        case overlap(item: Int, start: ClockTime, clock: ClockTime, line: Int)
        /// Item `item` starts at `start`, after the meeting starts or the item before ends at `clock`.
        case gap(item: Int, start: ClockTime, clock: ClockTime, line: Int)
        /// A `tid` whose length is not the item's `minutter`.
        case length(item: Int, slot: ClockSlot, minutes: Int, line: Int)
        /// The first item that ends after the meeting; the agenda ends at `agendaEnd`.
        case overrun(item: Int, slot: ClockSlot, meetingEnd: ClockTime, agendaEnd: ClockTime, line: Int)
    }

    package let slots: [ClockSlot?]
    package let problems: [Problem]

    package init(start: ClockTime, end: ClockTime, entries: [Entry]) {
        var slots: [ClockSlot?] = []
        var problems: [Problem] = []
        var clock = start
        var overrun: (number: Int, slot: ClockSlot, line: Int)?
        for (index, entry) in entries.enumerated() {
            let number = index + 1
            var slot: ClockSlot?
            if let fixed = entry.slot {
                if fixed.start < clock {
                    problems.append(.overlap(item: number, start: fixed.start, clock: clock, line: entry.slotLine))
                } else if clock < fixed.start {
                    problems.append(.gap(item: number, start: fixed.start, clock: clock, line: entry.slotLine))
                }
                if entry.hasMinutes, let minutes = entry.minutes, minutes != fixed.minutes {
                    problems.append(.length(item: number, slot: fixed, minutes: minutes, line: entry.slotLine))
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
            problems.append(.overrun(item: overrun.number, slot: overrun.slot, meetingEnd: end, agendaEnd: clock, line: overrun.line))
        }
        self.slots = slots
        self.problems = problems
    }
}
