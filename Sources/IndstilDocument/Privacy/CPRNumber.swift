import Foundation
import IndstilSupport

/// A Danish CPR number, DDMMYY-SSSS, checked as the CPR register defines it: a real
/// calendar date whose century follows from the serial's first digit (the 7th digit), and
/// the modulus 11 control, which numbers issued since 2007 need not pass.
///
/// Century table (CPR-kontoret, »Personnummeret i CPR«):
/// | 7th digit | year 00–36 | 37–57 | 58–99 |
/// |---|---|---|---|
/// | 0–3 | 1900s | 1900s | 1900s |
/// | 4, 9 | 2000s | 1900s | 1900s |
/// | 5–8 | 2000s | 2000s | 1800s |
public struct CPRNumber: Sendable, Equatable {
    /// The ten digits, 0–9 each.
    public let digits: [Int]
    public let birthYear: Int
    public let birthMonth: Int
    public let birthDay: Int

    /// Ten digits that form a CPR number whose birth date is not after `today`; nil otherwise.
    public init?(digits: [Int], today: CalendarDay = .today) {
        guard digits.count == 10, digits.allSatisfy({ (0...9).contains($0) }) else { return nil }
        let day = digits[0] * 10 + digits[1], month = digits[2] * 10 + digits[3], year = digits[4] * 10 + digits[5]
        guard let century = Self.century(seventhDigit: digits[6], year: year) else { return nil }
        let fullYear = century + year
        guard (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: fullYear) else { return nil }
        guard CalendarDay(year: fullYear, month: month, day: day) <= today else { return nil }
        self.digits = digits
        birthYear = fullYear
        birthMonth = month
        birthDay = day
    }

    /// The century of a two-digit birth year, by the serial's first digit.
    public static func century(seventhDigit: Int, year: Int) -> Int? {
        switch seventhDigit {
        case 0...3: return 1900
        case 4, 9: return year <= 36 ? 2000 : 1900
        case 5...8: return year <= 57 ? 2000 : 1800
        default: return nil
        }
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The old control: the digits weighted 4 3 2 7 6 5 4 3 2 1 sum to a multiple of 11.
    /// Numbers issued since 2007 need not pass it, so it only raises confidence.
    public var passesModulus11: Bool {
        let weights = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1]
        return zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 } % 11 == 0
    }

    /// "DDMMYY-XXXX": the birth date, the serial hidden. The only form indstil ever prints.
    public var masked: String {
        digits.prefix(6).map(String.init).joined() + "-XXXX"
    }
}

/// A day of the calendar, compared in order.
public struct CalendarDay: Sendable, Comparable {
    public let year: Int
    public let month: Int
    public let day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Today in Danish time.
    public static var today: CalendarDay {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Copenhagen") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return CalendarDay(year: parts.year ?? 2026, month: parts.month ?? 1, day: parts.day ?? 1)
    }
}
