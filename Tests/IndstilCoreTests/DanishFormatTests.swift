import Testing
import IndstilCore

@Suite("Danish numbers and dates")
struct DanishFormatTests {
    @Test("Integers are grouped with full stops", arguments: [
        (12246, "12.246"),
        (0, "0"),
        (1_000_000, "1.000.000"),
        (-1500, "-1.500"),
        (999, "999"),
        (1000, "1.000"),
        (-999, "-999"),
        (123_456_789, "123.456.789"),
    ])
    func integer(_ value: Int, _ expected: String) {
        #expect(DanishFormat.integer(value) == expected)
    }

    @Test("Dates read as day, month name and year")
    func date() throws {
        let date = try #require(CalendarDate(iso: "2021-03-31"))
        #expect(date.year == 2021 && date.month == 3 && date.day == 31)
        #expect(DanishFormat.date(date) == "31. marts 2021")
        #expect(DanishFormat.date(try #require(CalendarDate(iso: "2026-01-05"))) == "5. januar 2026")
        #expect(DanishFormat.date(try #require(CalendarDate(iso: "2026-12-24"))) == "24. december 2026")
    }

    @Test("Dates that do not exist or are not YYYY-MM-DD are rejected", arguments: [
        "2021-02-30", "2021-13-01", "31.03.2021", "2021-00-10", "2021-04-31", "2023-02-29", "1900-02-29",
        "2021-3-31", "21-03-31", "", "2021-03-31x",
    ])
    func rejects(_ text: String) {
        #expect(CalendarDate(iso: text) == nil, "\(text) was accepted")
    }

    @Test("Leap days exist in leap years", arguments: ["2024-02-29", "2000-02-29"])
    func leapDay(_ text: String) throws {
        let date = try #require(CalendarDate(iso: text))
        #expect(date.month == 2 && date.day == 29)
    }

    @Test("Dates order by year, month, day")
    func order() throws {
        let a = try #require(CalendarDate(iso: "2025-12-31"))
        let b = try #require(CalendarDate(iso: "2026-01-01"))
        #expect(a < b)
        #expect(!(b < a))
    }
}
