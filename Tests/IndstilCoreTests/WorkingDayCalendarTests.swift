import Testing
import IndstilCore

@Suite("Danish working days and holidays")
struct WorkingDayCalendarTests {
    /// The movable holidays from the published Danish calendars, not computed:
    /// skærtorsdag, langfredag, påskedag, 2. påskedag, Kristi himmelfartsdag, pinsedag, 2. pinsedag.
    static let movable: [(Int, [String])] = [
        (2024, ["03-28", "03-29", "03-31", "04-01", "05-09", "05-19", "05-20"]),
        (2025, ["04-17", "04-18", "04-20", "04-21", "05-29", "06-08", "06-09"]),
        (2026, ["04-02", "04-03", "04-05", "04-06", "05-14", "05-24", "05-25"]),
        (2027, ["03-25", "03-26", "03-28", "03-29", "05-06", "05-16", "05-17"]),
        (2028, ["04-13", "04-14", "04-16", "04-17", "05-25", "06-04", "06-05"]),
        (2029, ["03-29", "03-30", "04-01", "04-02", "05-10", "05-20", "05-21"]),
        (2030, ["04-18", "04-19", "04-21", "04-22", "05-30", "06-09", "06-10"]),
    ]

    @Test("The holidays of 2024–2030 are the published ones", arguments: movable)
    func holidays(_ year: Int, _ movable: [String]) throws {
        let fixed = ["01-01", "06-05", "12-24", "12-25", "12-26"]
        let expected = (movable + fixed).sorted().map { "\(year)-\($0)" }
        let computed = DanishHolidays.holidays(in: year).map { iso($0.date) }
        #expect(computed == expected)
    }

    @Test("Store bededag is a holiday until 2023 and not from 2024")
    func greatPrayerDay() throws {
        let names2023 = DanishHolidays.holidays(in: 2023).filter { $0.name == "Store bededag" }.map { iso($0.date) }
        #expect(names2023 == ["2023-05-05"])
        #expect(DanishHolidays.holidays(in: 2024).allSatisfy { $0.name != "Store bededag" })
        let calendar = WorkingDayCalendar()
        #expect(!calendar.isWorkingDay(try #require(CalendarDate(iso: "2023-05-05"))))
        #expect(calendar.isWorkingDay(try #require(CalendarDate(iso: "2024-04-26"))))
    }

    @Test("A meeting on Tuesday 7 April 2026 needs its agenda by Friday 27 March and its material by Monday 30 March")
    func easterDeadline() throws {
        let calendar = WorkingDayCalendar()
        let meeting = try #require(CalendarDate(iso: "2026-04-07"))
        #expect(DanishFormat.weekdayAndDate(meeting) == "tirsdag den 7. april 2026")
        #expect(iso(calendar.workingDay(4, before: meeting)) == "2026-03-27")
        #expect(iso(calendar.workingDay(3, before: meeting)) == "2026-03-30")
    }

    @Test("Grundlovsdag and 24 December follow the municipality's settings")
    func configurableDays() throws {
        let yaml = try YAMLReader.parse("grundlovsdag: arbejdsdag\njuleaftensdag: arbejdsdag\nfridage: [2026-12-31]\n")
        let settings = try WorkingDayCalendar.Settings(options: Dictionary(uniqueKeysWithValues: yaml.entries.map { ($0.key, $0.value) }))
        let calendar = WorkingDayCalendar(settings: settings)
        #expect(calendar.isWorkingDay(try #require(CalendarDate(iso: "2026-06-05"))))
        #expect(calendar.isWorkingDay(try #require(CalendarDate(iso: "2026-12-24"))))
        #expect(!calendar.isWorkingDay(try #require(CalendarDate(iso: "2026-12-31"))))
        #expect(!WorkingDayCalendar().isWorkingDay(try #require(CalendarDate(iso: "2026-06-05"))))
        // A meeting on Monday 8 June 2026: with Grundlovsdag (Friday 5 June) off, the 4th
        // working day before is Monday 1 June; when it is a working day, Tuesday 2 June.
        let meeting = try #require(CalendarDate(iso: "2026-06-08"))
        #expect(iso(WorkingDayCalendar().workingDay(4, before: meeting)) == "2026-06-01")
        #expect(iso(calendar.workingDay(4, before: meeting)) == "2026-06-02")
    }

    @Test("A setting that is neither »fri« nor »arbejdsdag« is refused with its line")
    func invalidSetting() throws {
        let yaml = try YAMLReader.parse("grundlovsdag: halv\n")
        #expect(throws: WorkingDayCalendar.Settings.Invalid.self) {
            try WorkingDayCalendar.Settings(options: Dictionary(uniqueKeysWithValues: yaml.entries.map { ($0.key, $0.value) }))
        }
    }

    @Test("Weekdays and day arithmetic agree across years and leap days")
    func dayArithmetic() throws {
        let leap = try #require(CalendarDate(iso: "2028-02-28"))
        #expect(iso(leap.adding(days: 1)) == "2028-02-29")
        #expect(iso(leap.adding(days: 2)) == "2028-03-01")
        #expect(iso(try #require(CalendarDate(iso: "2026-12-31")).adding(days: 1)) == "2027-01-01")
        #expect(try #require(CalendarDate(iso: "2026-04-04")).isWeekend)
        #expect(try #require(CalendarDate(iso: "2026-04-05")).isWeekend)
        #expect(!(try #require(CalendarDate(iso: "2026-04-07")).isWeekend))
    }

    func iso(_ date: CalendarDate) -> String {
        "\(date.year)-\(date.month < 10 ? "0" : "")\(date.month)-\(date.day < 10 ? "0" : "")\(date.day)"
    }
}
