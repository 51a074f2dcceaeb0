/// The Danish public holidays (helligdage) of any year, computed: the fixed days, the days
/// that follow Easter, and the two days whose status an employer decides (Grundlovsdag and
/// 24 December, `WorkingDayCalendar.Settings`).
public enum DanishHolidays {
    public struct Holiday: Sendable, Equatable {
        public let date: CalendarDate
        public let name: String
    }

    /// Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm).
    public static func easterSunday(_ year: Int) -> CalendarDate {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CalendarDate(year: year, month: month, day: day)!
    }

    /// Every day off in `year` that falls by law or by `settings`, in date order.
    /// Store bededag (the fourth Friday after Easter) was abolished from 2024.
    public static func holidays(in year: Int, settings: WorkingDayCalendar.Settings = .init()) -> [Holiday] {
        let easter = easterSunday(year)
        func fixed(_ month: Int, _ day: Int, _ name: String) -> Holiday {
            Holiday(date: CalendarDate(year: year, month: month, day: day)!, name: name)
        }
        func fromEaster(_ days: Int, _ name: String) -> Holiday {
            Holiday(date: easter.adding(days: days), name: name)
        }
        var days = [
            fixed(1, 1, "Nytårsdag"),
            fromEaster(-3, "Skærtorsdag"),
            fromEaster(-2, "Langfredag"),
            fromEaster(0, "Påskedag"),
            fromEaster(1, "2. påskedag"),
            fromEaster(39, "Kristi himmelfartsdag"),
            fromEaster(49, "Pinsedag"),
            fromEaster(50, "2. pinsedag"),
            fixed(12, 25, "Juledag"),
            fixed(12, 26, "2. juledag"),
        ]
        if year < 2024 { days.append(fromEaster(26, "Store bededag")) }
        if settings.constitutionDayOff { days.append(fixed(6, 5, "Grundlovsdag")) }
        if settings.christmasEveOff { days.append(fixed(12, 24, "Juleaftensdag")) }
        days += settings.extraDaysOff.filter { $0.year == year }.map { Holiday(date: $0, name: "Fridag") }
        return days.sorted { $0.date < $1.date }
    }
}
