import IndstilSupport

/// Private contact details: e-mail addresses at free mail providers (a citizen's, not an
/// office's), and Danish phone numbers ("12 34 56 78", "1234 5678", "12345678", "+45 …").
enum PrivateContactFinder {
    /// Free e-mail providers used privately in Denmark.
    static let privateDomains: Set<String> = [
        "gmail.com", "googlemail.com", "hotmail.com", "hotmail.dk", "live.com", "live.dk", "outlook.com", "outlook.dk",
        "msn.com", "yahoo.com", "yahoo.dk", "icloud.com", "me.com", "mac.com", "mail.dk", "jubii.dk", "get2net.dk",
        "email.dk", "post.tele.dk", "youmail.dk", "protonmail.com", "proton.me", "gmx.com", "gmx.net", "aol.com",
        "stofanet.dk", "webspeed.dk", "privat.dk", "c.dk", "ofir.dk",
    ]

    struct Found: Sendable, Equatable {
        package let range: Range<Int>
        package let text: String
    }

    /// E-mail addresses at a private provider.
    static func privateEmails(in text: PrivacyText) -> [Found] {
        let bytes = text.bytes
        var found: [Found] = []
        var lastEnd = 0
        let ats = bytes.withUnsafeBufferPointer { buffer in buffer.indices.filter { buffer[$0] == 0x40 } }
        for at in ats where at >= lastEnd {
            var start = at
            while start > lastEnd, isAddressByte(bytes[start - 1]) { start -= 1 }
            var end = at + 1
            while end < bytes.count, isAddressByte(bytes[end]) || bytes[end] == 0x2E && end + 1 < bytes.count && isAddressByte(bytes[end + 1]) { end += 1 }
            // A sentence's full stop or a dash after the address is not part of it.
            while end > at + 1, bytes[end - 1] == 0x2E || bytes[end - 1] == 0x2D { end -= 1 }
            lastEnd = max(end, at + 1)
            guard start < at, end > at + 1 else { continue }
            let domain = String(decoding: text.folded[(at + 1)..<end], as: UTF8.self)
            if privateDomains.contains(domain) { found.append(Found(range: start..<end, text: text.string(start..<end))) }
        }
        return found
    }

    private static func isAddressByte(_ byte: UInt8) -> Bool {
        PrivacyText.isDigit(byte) || (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte == 0x2E || byte == 0x5F || byte == 0x2D || byte == 0x2B
    }

    /// Danish phone numbers: eight digits starting 2–9, as one run, 4+4 or 2+2+2+2, an
    /// optional "+45" or "0045" before, standing alone.
    static func phoneNumbers(in text: PrivacyText) -> [Found] {
        let bytes = text.bytes
        var found: [Found] = []
        var index = 0
        let count = bytes.count
        while index < count {
            guard let start = bytes.withUnsafeBufferPointer({ buffer -> Int? in
                var position = index
                while position < count, buffer[position] &- 0x30 >= 10 { position += 1 }
                return position < count ? position : nil
            }) else { break }
            index = start
            var groups: [Int] = []
            var end = index
            var cursor = index
            while cursor < bytes.count {
                var runEnd = cursor
                while runEnd < bytes.count, PrivacyText.isDigit(bytes[runEnd]) { runEnd += 1 }
                groups.append(runEnd - cursor)
                end = runEnd
                guard groups.count < 6, runEnd + 1 < bytes.count, bytes[runEnd] == 0x20, PrivacyText.isDigit(bytes[runEnd + 1]) else { break }
                cursor = runEnd + 1
            }
            index = end
            var digits = groups
            var numberStart = start
            // "+45 12 34 56 78", "0045 12345678", "45 12 34 56 78" after a plus.
            if digits.first == 2, start >= 1, bytes[start - 1] == 0x2B, bytes[start] == 0x34, bytes[start + 1] == 0x35 {
                digits.removeFirst()
                numberStart = start - 1
            } else if digits.first == 4, bytes[start..<start + 4].elementsEqual("0045".utf8) {
                digits.removeFirst()
            }
            guard digits == [8] || digits == [4, 4] || digits == [2, 2, 2, 2] else { continue }
            // "2023 2024": two years, not a number.
            if digits == [4, 4], groups == [4, 4], let first = Int(text.string(start..<start + 4)), let second = Int(text.string(end - 4..<end)),
               (1900...2099).contains(first), (1900...2099).contains(second) { continue }
            let firstDigit = groups.count > digits.count ? end - digits.reduce(0, +) - (digits.count - 1) : start
            guard firstDigit < bytes.count, bytes[firstDigit] >= 0x32 else { continue }
            if numberStart > 0 {
                let before = bytes[numberStart - 1]
                if text.isLetter(before: numberStart) || "/=_#-.,".utf8.contains(before) { continue }
            }
            if end < bytes.count, text.isLetter(at: end) || ("-/,.".utf8.contains(bytes[end]) && text.isDigit(at: end + 1)) { continue }
            found.append(Found(range: numberStart..<end, text: text.string(numberStart..<end)))
        }
        return found
    }
}
