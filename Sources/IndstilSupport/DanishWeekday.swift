import Foundation

extension CalendarDate {
    /// 0 = Sunday … 6 = Saturday (Sakamoto's method, proleptic Gregorian calendar).
    public var weekday: Int {
        let offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let y = month < 3 ? year - 1 : year
        return (y + y / 4 - y / 100 + y / 400 + offsets[month - 1] + day) % 7
    }
}

extension DanishFormat {
    public static let weekdayNames = ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"]

    /// "mandag den 4. september 2023", as an agenda names its meeting day.
    public static func weekdayAndDate(_ date: CalendarDate) -> String {
        "\(weekdayNames[date.weekday]) den \(self.date(date))"
    }
}
