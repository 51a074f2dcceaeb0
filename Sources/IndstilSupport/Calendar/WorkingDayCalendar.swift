/// Danish working days: Monday to Friday except the public holidays of `DanishHolidays`.
/// Used for the statutory deadlines of an agenda (sent on the 4th, its material on the
/// 3rd working day before the meeting).
public struct WorkingDayCalendar: Sendable {
    /// What a municipality decides itself, from `checks: agenda.deadline:` in indstil.yml:
    ///
    /// ```yaml
    /// checks:
    ///   agenda.deadline:
    ///     grundlovsdag: arbejdsdag      # default: fri
    ///     juleaftensdag: fri            # default: fri
    ///     fridage: [2026-12-31]         # further days off
    /// ```
    public struct Settings: Sendable, Equatable {
        public var constitutionDayOff = true
        public var christmasEveOff = true
        public var extraDaysOff: [CalendarDate] = []

        public init() {}

        /// The settings from a check's options; a wrong value is a message naming its line.
        public init(options: [String: YAMLValue]) throws(Invalid) {
            for key in options.keys.sorted() {
                let value = options[key]!
                switch key {
                case "grundlovsdag", "juleaftensdag":
                    let off: Bool
                    switch value.trimmedString?.lowercased() {
                    case "fri", "fridag", "helligdag": off = true
                    case "arbejdsdag": off = false
                    default:
                        throw Invalid(line: value.line, message: Message(
                            da: "»\(key)« skal være »fri« eller »arbejdsdag« (fik »\(value.trimmedString ?? "")«)",
                            en: "\"\(key)\" must be \"fri\" or \"arbejdsdag\" (got \"\(value.trimmedString ?? "")\")"))
                    }
                    if key == "grundlovsdag" { constitutionDayOff = off } else { christmasEveOff = off }
                case "fridage":
                    let items = value.string != nil ? [value] : value.items
                    for item in items {
                        guard let text = item.trimmedString, let date = CalendarDate(iso: text) else {
                            throw Invalid(line: item.line, message: Message(
                                da: "»fridage« skal være datoer skrevet ÅÅÅÅ-MM-DD (fik »\(item.trimmedString ?? "")«)",
                                en: "\"fridage\" must be dates written YYYY-MM-DD (got \"\(item.trimmedString ?? "")\")"))
                        }
                        extraDaysOff.append(date)
                    }
                default:
                    throw Invalid(line: value.line, message: Message(
                        da: "Ukendt indstilling »\(key)« (kendte: grundlovsdag, juleaftensdag, fridage)",
                        en: "Unknown setting \"\(key)\" (known: grundlovsdag, juleaftensdag, fridage)"))
                }
            }
        }

        public struct Invalid: Error, Sendable {
            public let line: Int
            public let message: Message
        }
    }

    public let settings: Settings

    public init(settings: Settings = .init()) {
        self.settings = settings
    }

    public func holiday(on date: CalendarDate) -> DanishHolidays.Holiday? {
        DanishHolidays.holidays(in: date.year, settings: settings).first { $0.date == date }
    }

    public func isWorkingDay(_ date: CalendarDate) -> Bool {
        !date.isWeekend && holiday(on: date) == nil
    }

    /// The `count`th working day before `date` (`count` ≥ 1): for a meeting on Tuesday
    /// 7 April 2026, the 4th is Friday 27 March 2026 (Easter lies between).
    public func workingDay(_ count: Int, before date: CalendarDate) -> CalendarDate {
        var day = date
        var found = 0
        while found < count {
            day = day.adding(days: -1)
            if isWorkingDay(day) { found += 1 }
        }
        return day
    }
}
