import Foundation

/// Day arithmetic on calendar dates (proleptic Gregorian, no time zone).
extension CalendarDate {
    /// A date from its year, month and day; nil when that day does not exist.
    public init?(year: Int, month: Int, day: Int) {
        let text = String(year).leftPadded(to: 4, with: "0") + "-" + String(month).leftPadded(to: 2, with: "0")
            + "-" + String(day).leftPadded(to: 2, with: "0")
        self.init(iso: text)
    }

    /// Days since 1 January 1970 (negative before).
    var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    package init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)!
    }

    /// Calendar days from this date to `other` (negative when `other` is earlier).
    public func days(until other: CalendarDate) -> Int { other.dayNumber - dayNumber }

    /// Today in Denmark (Europe/Copenhagen), whatever the machine's time zone.
    public static func today(_ now: Date = Date()) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Copenhagen") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? CalendarDate(dayNumber: 0)
    }

    public func adding(days: Int) -> CalendarDate {
        CalendarDate(dayNumber: dayNumber + days)
    }

    /// Saturday or Sunday (`weekday`: 0 = Sunday … 6 = Saturday).
    public var isWeekend: Bool { weekday == 0 || weekday == 6 }
}
