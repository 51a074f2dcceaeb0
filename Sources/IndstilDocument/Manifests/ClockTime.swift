import Foundation
import IndstilSupport

/// A time of day on a meeting's agenda, to the minute ("10:00", "10.00", "9.05").
public struct ClockTime: Sendable, Equatable, Comparable {
    /// Minutes after midnight.
    public let minutes: Int

    public init(minutes: Int) {
        self.minutes = minutes
    }

    /// Parses "10:00", "10.00", "9:05" and "kl. 10.00"; rejects "25:00" and "10:60".
    public init?(_ text: String) {
        var rest = text.trimmingCharacters(in: .whitespaces).lowercased()
        if rest.hasPrefix("kl.") { rest = rest.dropFirst(3).trimmingCharacters(in: .whitespaces) }
        let parts = rest.split(omittingEmptySubsequences: false, whereSeparator: { $0 == ":" || $0 == "." })
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII } }),
              let hours = Int(parts[0]), let minutes = Int(parts[1]),
              (0...23).contains(hours), (0...59).contains(minutes)
        else { return nil }
        self.minutes = hours * 60 + minutes
    }

    /// "10.05", the Danish way of writing a time.
    public var danish: String {
        let hours = (minutes / 60) % 24
        let rest = minutes % 60
        return "\(hours).\(rest < 10 ? "0" : "")\(rest)"
    }

    public func adding(minutes more: Int) -> ClockTime { ClockTime(minutes: minutes + more) }

    public static func < (lhs: ClockTime, rhs: ClockTime) -> Bool { lhs.minutes < rhs.minutes }
}

/// A time slot "10.05–10.15", as an item's `tid` is written.
public struct ClockSlot: Sendable, Equatable {
    public let start: ClockTime
    public let end: ClockTime

    public init(start: ClockTime, end: ClockTime) {
        self.start = start
        self.end = end
    }

    /// "10:05-10:15", "10.05 – 10.15".
    public init?(_ text: String) {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "–" || $0 == "—" })
        guard parts.count == 2, let start = ClockTime(String(parts[0])), let end = ClockTime(String(parts[1])) else { return nil }
        self.start = start
        self.end = end
    }

    public var minutes: Int { end.minutes - start.minutes }

    /// "10.05–10.15 (10 min.)", as a committee agenda writes "Tid:".
    public var danish: String { "\(start.danish)–\(end.danish) (\(minutes) min.)" }
}
