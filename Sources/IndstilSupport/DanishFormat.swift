import Foundation

/// Numbers and dates the way a Danish reader expects them: "12.246", "31. marts 2021".
public enum DanishFormat {
    public static let monthNames = [
        "januar", "februar", "marts", "april", "maj", "juni",
        "juli", "august", "september", "oktober", "november", "december",
    ]

    /// "12246" → "12.246"; "-1500" → "-1.500".
    public static func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped += "." }
            grouped.append(digit)
        }
        return value < 0 ? "-" + grouped : grouped
    }

    /// One decimal with a comma: 48.53 → "48,5".
    public static func decimal(_ value: Double, digits: Int = 1) -> String {
        let factor = pow(10.0, Double(digits))
        let rounded = (value * factor).rounded() / factor
        let whole = Int(rounded.rounded(.towardZero))
        let fraction = Int((abs(rounded - Double(whole)) * factor).rounded())
        let fractionText = String(fraction).leftPadded(to: digits, with: "0")
        return digits == 0 ? integer(whole) : "\(rounded < 0 && whole == 0 ? "-" : "")\(integer(whole)),\(fractionText)"
    }

    /// "31. marts 2021".
    public static func date(_ date: CalendarDate) -> String {
        "\(date.day). \(monthNames[date.month - 1]) \(date.year)"
    }
}

/// A calendar date without a time zone, as written in front matter (YYYY-MM-DD).
public struct CalendarDate: Sendable, Equatable, Comparable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Parses "2021-03-31" and rejects dates that do not exist ("2021-02-30").
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1, day <= CalendarDate.days(inMonth: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// "2021-03-31".
    public var iso: String {
        String(year).leftPadded(to: 4, with: "0") + "-" + String(month).leftPadded(to: 2, with: "0") + "-" + String(day).leftPadded(to: 2, with: "0")
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

extension String {
    package func leftPadded(to length: Int, with pad: Character) -> String {
        count >= length ? self : String(repeating: pad, count: length - count) + self
    }

    /// Runs of white space folded to one space, ends trimmed. White space is Unicode's
    /// White_Space property (as Character.isWhitespace), decided on UTF-8 bytes: this runs
    /// on every line of every document, so it must not look up Unicode tables.
    public var foldingWhitespace: String {
        var copy = self
        copy.makeContiguousUTF8()
        // nil: the text is folded already (most paragraphs and headings are), and is
        // returned without copying and validating its bytes again.
        let folded: String?? = copy.utf8.withContiguousStorageIfAvailable { Self.fold($0) }
        return (folded ?? nil) ?? copy
    }

    /// True when folding would change nothing: no white space other than single spaces
    /// between other characters.
    private static func isFolded(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return true }
        if first == 32 || last == 32 { return false }
        var previous: UInt8 = 0
        for index in 0..<bytes.count {
            let byte = bytes[index]
            // Most bytes: neither white space nor the first byte of a white-space character
            // (0xC3 starts æ, ø, å and is frequent).
            if byte &- 33 < 0xC2 - 33 || byte == 0xC3 {
                previous = byte
                continue
            }
            if byte == 32 {
                if previous == 32 { return false }
            } else if byte <= 13 {
                if byte >= 9 { return false }
            } else if byte >= 0xC2 && byte <= 0xE3 && whitespaceWidth(bytes, at: index) > 0 {
                return false
            }
            previous = byte
        }
        return true
    }

    private static func fold(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        isFolded(bytes) ? nil : String(unsafeUninitializedCapacity: bytes.count) { out in
            var count = 0
            var pendingSpace = false
            var index = 0
            while index < bytes.count {
                let width = whitespaceWidth(bytes, at: index)
                if width > 0 {
                    pendingSpace = count > 0
                    index += width
                    continue
                }
                if pendingSpace {
                    out[count] = 32
                    count += 1
                    pendingSpace = false
                }
                out[count] = bytes[index]
                count += 1
                index += 1
            }
            return count
        }
    }

    /// Byte length of the white-space character starting at `index`, or 0.
    @inline(__always)
    private static func whitespaceWidth(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let byte = b[i]
        if byte == 32 || (byte >= 9 && byte <= 13) { return 1 }
        if byte < 0xC2 { return 0 }
        func at(_ offset: Int) -> UInt8 { i + offset < b.count ? b[i + offset] : 0 }
        switch byte {
        case 0xC2: return at(1) == 0x85 || at(1) == 0xA0 ? 2 : 0                     // NEL, NBSP
        case 0xE1: return at(1) == 0x9A && at(2) == 0x80 ? 3 : 0                       // U+1680
        case 0xE2:
            if at(1) == 0x80 {
                let c = at(2)
                return (c >= 0x80 && c <= 0x8A) || c == 0xA8 || c == 0xA9 || c == 0xAF ? 3 : 0  // U+2000–200A, 2028, 2029, 202F
            }
            return at(1) == 0x81 && at(2) == 0x9F ? 3 : 0                              // U+205F
        case 0xE3: return at(1) == 0x80 && at(2) == 0x80 ? 3 : 0                       // U+3000
        default: return 0
        }
    }
}

extension String {
    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, without bridging to NSString when
    /// there is nothing to trim: front-matter values are trimmed on every read, and almost
    /// none start or end with white space.
    package var trimmingWhitespaceAndNewlines: String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last,
              !Self.mayBeTrimmed(first), !Self.mayBeTrimmed(last) else {
            return trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return self
    }

    /// `trimmingCharacters(in: .whitespacesAndNewlines).isEmpty`: true for "" and for
    /// white space only.
    package var isBlank: Bool {
        // One character that is surely not white space decides it (usually the first).
        if unicodeScalars.contains(where: { !Self.mayBeTrimmed($0) }) { return false }
        return trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }

    /// Whether `.whitespacesAndNewlines` may hold the scalar: ASCII is decided here,
    /// anything else by the character set itself.
    private static func mayBeTrimmed(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value <= 0x20 || scalar.value == 0x7F }
        return CharacterSet.whitespacesAndNewlines.contains(scalar)
    }
}

extension Unicode.Scalar {
    /// White space, decided without a Unicode table lookup for ASCII.
    @inline(__always) package var isFastWhitespace: Bool {
        let v = value
        if v < 0x80 { return v == 32 || (v >= 9 && v <= 13) }
        return properties.isWhitespace
    }
}

extension Character {
    /// White space, decided without a Unicode table lookup for ASCII.
    @inline(__always) package var isFastWhitespace: Bool {
        if let ascii = asciiValue { return ascii == 32 || (ascii >= 9 && ascii <= 13) }
        return isWhitespace
    }
}
