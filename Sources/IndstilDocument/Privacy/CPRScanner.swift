import IndstilSupport

/// Finds CPR numbers in text in one pass over its bytes: DDMMYY-SSSS with "-", "/", " "
/// or an en dash between, or ten digits run together, standing alone (not part of a longer
/// number, an amount, a reference or a web address), with a valid date and century
/// (`CPRNumber`). Words just before the number decide in the unclear cases, as in
/// OS2datascanner's CPR rule and Microsoft Purview's Danish CPR type: "cpr", "personnummer"
/// or "født" make it certain; "sagsnr", "journalnr", "fakturanr", "kontonr", "reg.nr",
/// "tlf" and the like make it something else. In number-dense text (a budget table) only a
/// number with CPR context counts.
package enum CPRScanner {
    package struct Match: Sendable {
        /// Bytes of the text the number takes.
        package let range: Range<Int>
        package let number: CPRNumber
        /// "cpr", "personnummer" or "født" stood just before it (or in the table's header).
        let hasContext: Bool

        /// Certain: CPR context, or the old modulus 11 control holds.
        var isCertain: Bool { hasContext || number.passesModulus11 }
    }

    /// What the words before a number say it is.
    package enum Verdict: Sendable { case cpr, other, none }

    static let cprWords = WordList(["cpr", "personnummer", "personnr", "person nr", "født", "fødselsnummer"])
    static let otherWords = WordList([
        "sagsnr", "sags-nr", "sagsnummer", "sag nr", "journalnr", "journal-nr", "journalnummer", "j.nr", "j. nr", "jnr",
        "fakturanr", "faktura-nr", "fakturanummer", "faktura nr", "bilagsnr", "bilags-nr", "bilagsnummer",
        "p-nr", "p-nummer", "pnr", "ordrenr", "ordre-nr", "ordrenummer", "kontonr", "konto-nr", "kontonummer", "konto",
        "reg.nr", "reg. nr", "regnr", "reg-nr", "registreringsnummer", "tlf", "telefon", "mobil", "fax",
        "cvr", "se-nr", "ean", "gln", "kundenr", "kundenummer", "varenr", "varenummer", "løbenr", "løbenummer",
        "dokumentnr", "dokumentnummer", "id-nr", "akt", "emn", "matr", "ident", "sagsid", "iban", "swift", "bankkonto",
        "bank", "girokonto", "betalings-id", "fi-kort", "fik", "kvitteringsnr", "referencenr", "ref.nr", "ref. nr",
    ])
    /// How far back (in bytes) the context words are looked for.
    static let window = 40

    /// The verdict of the words in `text` (a table's header cell, the first cell of the row).
    static func verdict(of text: String) -> Verdict {
        let scanned = PrivacyText(text)
        let all = 0..<scanned.count
        if scanned.containsWord(from: cprWords, in: all) { return .cpr }
        return scanned.containsWord(from: otherWords, in: all) ? .other : .none
    }

    /// The CPR numbers in `text`. `dense`: the text is a number-dense table or block;
    /// `surrounding`: the verdict of the table's header and row label, when the text is a cell.
    package static func matches(in text: PrivacyText, dense: Bool, surrounding: Verdict = .none,
                        today: CalendarDay = .today) -> [Match] {
        let bytes = text.bytes
        var found: [Match] = []
        func consider(_ digits: [Int], _ range: Range<Int>) {
            guard let number = CPRNumber(digits: digits, today: today) else { return }
            var verdict = localVerdict(before: range.lowerBound, in: text)
            if verdict == .none { verdict = surrounding }
            guard verdict != .other else { return }
            guard !dense || verdict == .cpr else { return }
            found.append(Match(range: range, number: number, hasContext: verdict == .cpr))
        }
        var index = 0
        let count = bytes.count
        while index < count {
            // Runs of six or ten digits: the rest of the text is passed over a byte at a time.
            guard let start = bytes.withUnsafeBufferPointer({ buffer -> Int? in
                var position = index
                while position < count, buffer[position] &- 0x30 >= 10 { position += 1 }
                return position < count ? position : nil
            }) else { break }
            var end = start
            while end < count, PrivacyText.isDigit(bytes[end]) { end += 1 }
            index = end
            if end - start == 6, let after = serial(after: end, in: text) {
                let (second, secondEnd) = after
                index = secondEnd
                guard standsAlone(start..<secondEnd, in: text) else { continue }
                let digits = (Array(bytes[start..<end]) + Array(bytes[second..<secondEnd])).map { Int($0) - 0x30 }
                consider(digits, start..<secondEnd)
            } else if end - start == 10 {
                guard standsAlone(start..<end, in: text) else { continue }
                consider(bytes[start..<end].map { Int($0) - 0x30 }, start..<end)
            }
        }
        return found
    }

    /// After six digits: a separator ("-", "/", " ", an en dash or a non-breaking hyphen)
    /// and exactly four digits; where those begin and end.
    private static func serial(after index: Int, in text: PrivacyText) -> (Int, Int)? {
        let bytes = text.bytes
        guard index < bytes.count else { return nil }
        var next = index
        switch bytes[index] {
        case 0x2D, 0x2F, 0x20: next = index + 1
        case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (0x90...0x93).contains(bytes[index + 2]): next = index + 3
        case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0xA0: next = index + 2
        default: return nil
        }
        var end = next
        while end < bytes.count, PrivacyText.isDigit(bytes[end]) { end += 1 }
        return end - next == 4 ? (next, end) : nil
    }

    /// Not part of something longer: no letter or digit joined to either end, no figure
    /// just before or after ("1234 0101201234" is a reg. and account number, "0101201234,50"
    /// an amount), and not inside an address, a path or a query ("/sag/0101201234").
    private static func standsAlone(_ range: Range<Int>, in text: PrivacyText) -> Bool {
        let bytes = text.bytes
        let before = range.lowerBound - 1, after = range.upperBound
        if before >= 0 {
            let byte = bytes[before]
            if text.isLetter(before: range.lowerBound) { return false }
            if "/=_#?&@\\+".utf8.contains(byte) { return false }
            if ".,:- \u{9}".utf8.contains(byte), text.isDigit(at: before - 1) { return false }
        }
        if after < bytes.count {
            let byte = bytes[after]
            if text.isLetter(at: after) || "/=_@\\".utf8.contains(byte) { return false }
            if ".,:-/ \u{9}".utf8.contains(byte), text.isDigit(at: after + 1) { return false }
        }
        return true
    }

    /// The nearest context word in the few bytes before `index`: a CPR word or another
    /// kind of number's.
    private static func localVerdict(before index: Int, in text: PrivacyText) -> Verdict {
        let window = max(0, index - Self.window)..<index
        let cpr = text.lastWord(from: cprWords, in: window)
        let other = text.lastWord(from: otherWords, in: window)
        switch (cpr, other) {
        case (nil, nil): return .none
        case (.some, nil): return .cpr
        case (nil, .some): return .other
        case (.some(let c), .some(let o)): return c >= o ? .cpr : .other
        }
    }
}
