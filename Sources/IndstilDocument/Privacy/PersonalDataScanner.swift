import IndstilSupport

/// Looks for personal data in one piece of text (a paragraph, a heading, a table cell, a
/// page's paragraph of an attachment): CPR numbers, a citizen's name by a street address or
/// a CPR number, health words about a named person, private e-mail addresses and phone
/// numbers by a name. The case officer (front matter `sagsbehandler`) and names after an
/// official's title are not citizens; addresses among a municipality's own words (a
/// letterhead) are not a citizen's.
///
/// Every step is one pass over the text or a look at a window of bounded size: linear.
package struct PersonalDataScanner: Sendable {
    /// Names, phone numbers (digits only) and e-mail addresses of the case officer.
    var officerNames: [String] = []
    var officerPhones: [String] = []
    var officerEmails: [String] = []
    var today: CalendarDay = .today

    package init(today: CalendarDay = .today) {
        self.today = today
    }

    /// How far apart (bytes) a name and an address, a CPR number or a phone number may be.
    static let nearness = 80

    /// Words of a municipality's own letterhead or of an institution: an address near them
    /// is an office's.
    static let institutionWords = WordList([
        "kommune", "rådhus", "afdeling", "forvaltning", "sekretariat", "magistrat", "sagsbehandler", "byråd",
        "direkte telefon", "hovednummer", "center for", "skole", "bibliotek", "hospital", "a/s", "aps", "i/s",
        "erhvervshus", "fonden", "forening", "selskab", "ministeriet", "styrelse", "region", "universitet",
        "møde", "mødested", "adresse:", "kontor", "borgerservice", "dokk1", "plejehjem", "bosted",
    ])
    static let phoneWords = WordList(["tlf", "telefon", "mobil", "mob.", "ring", "sms", "+45"])

    package func scan(_ string: String, dense: Bool = false, surrounding: CPRScanner.Verdict = .none,
              warnings: Bool = true) -> [PersonalDataFinding] {
        let text = PrivacyText(string)
        guard text.count > 0 else { return [] }
        let dense = dense || text.isNumberDense
        var found: [PersonalDataFinding] = []
        let cprs = CPRScanner.matches(in: text, dense: dense, surrounding: surrounding, today: today)
        for match in cprs {
            let masked = match.number.masked
            let certainty: Message
            if match.hasContext {
                certainty = Message(da: "sikkert: der står »CPR« eller »født« foran", en: "certain: \"CPR\" or \"født\" stands before it")
            } else if match.number.passesModulus11 {
                certainty = Message(da: "sikkert: gyldig dato, og kontrolcifret passer", en: "certain: a valid date, and the check digit matches")
            } else {
                certainty = Message(da: "sandsynligt: gyldig dato og århundrede; numre uden modulus 11-kontrol gives siden 2007",
                                    en: "likely: a valid date and century; numbers without the modulus 11 control are issued since 2007")
            }
            var finding = PersonalDataFinding(kind: .cpr, range: match.range, subjects: [masked]) { place, _ in
                Message(da: "CPR-nummer \(masked)\(place.da) (\(certainty.da))", en: "CPR number \(masked)\(place.en) (\(certainty.en))")
            }
            finding.isCertainCPR = match.isCertain
            found.append(finding)
        }
        guard warnings, !dense || !cprs.isEmpty else { return found }

        let words = text.words()
        let names = PersonNameFinder.names(in: text, words: words).filter { name in
            !PersonNameFinder.isOfficial(name, in: text) && !officerNames.contains { PersonNameFinder.same(name.text, as: $0) }
        }
        found += namesByAddresses(text, words: words, names: names, cprs: cprs)
        if !dense {
            found += health(text, words: words, names: names)
            found += contacts(text, names: names)
        }
        return found
    }

    private static let advice = Message(
        da: ": en borgers personoplysninger må ikke offentliggøres; fjern dem, eller skriv i front matter under »persondata_godkendt«, hvorfor de skal stå der",
        en: ": a citizen's personal data must not be published; remove it, or state in the front matter under \"persondata_godkendt\" why it must stay")
    private static let attachmentAdvice = Message(
        da: ": en borgers personoplysninger må ikke offentliggøres; fjern dem fra bilaget, eller gør bilaget lukket",
        en: ": a citizen's personal data must not be published; remove it from the appendix, or make the appendix closed")

    static func advice(_ inAttachment: Bool) -> Message { inAttachment ? attachmentAdvice : advice }

    private func namesByAddresses(_ text: PrivacyText, words: [Range<Int>], names: [PersonNameFinder.Name],
                                  cprs: [CPRScanner.Match]) -> [PersonalDataFinding] {
        guard !names.isEmpty else { return [] }
        var found: [PersonalDataFinding] = []
        for name in names {
            // Only the words around the name are read for an address: linear however many names.
            let around = (name.range.lowerBound - Self.nearness - 200)..<(name.range.upperBound + Self.nearness + 1)
            let addresses = DanishAddressFinder.addresses(in: text, words: Array(Self.within(words, \.self, around)))
            if let address = addresses.first(where: { Self.near(name.range, $0.range) && !$0.range.overlaps(name.range) }) {
                let window = max(0, min(name.range.lowerBound, address.range.lowerBound) - 60)..<min(text.count, max(name.range.upperBound, address.range.upperBound) + 60)
                if text.containsWord(from: Self.institutionWords, in: window) { continue }
                let nameText = name.text, addressText = address.text
                found.append(PersonalDataFinding(kind: .nameAddress, range: min(name.range.lowerBound, address.range.lowerBound)..<max(name.range.upperBound, address.range.upperBound),
                                                 subjects: [nameText, addressText]) { place, attachment in
                    let advice = Self.advice(attachment)
                    return Message(da: "Navnet »\(nameText)« står ved adressen »\(addressText)«\(place.da)\(advice.da)",
                                   en: "The name \"\(nameText)\" stands next to the address \"\(addressText)\"\(place.en)\(advice.en)")
                })
            } else if let cpr = Self.within(cprs, \.range, around).first(where: { Self.near(name.range, $0.range) }) {
                let nameText = name.text, masked = cpr.number.masked
                found.append(PersonalDataFinding(kind: .nameAddress, range: name.range, subjects: [nameText]) { place, attachment in
                    let advice = Self.advice(attachment)
                    return Message(da: "Navnet »\(nameText)« står ved et CPR-nummer (\(masked))\(place.da)\(advice.da)",
                                   en: "The name \"\(nameText)\" stands next to a CPR number (\(masked))\(place.en)\(advice.en)")
                })
            }
        }
        return found
    }

    /// The items (in order of their start) that start inside `window`: two binary searches,
    /// so a text full of names and addresses stays linear.
    static func within<T>(_ items: [T], _ range: KeyPath<T, Range<Int>>, _ window: Range<Int>) -> ArraySlice<T> {
        func firstIndex(startingAtOrAfter offset: Int) -> Int {
            var low = 0, high = items.count
            while low < high {
                let middle = (low + high) / 2
                if items[middle][keyPath: range].lowerBound < offset { low = middle + 1 } else { high = middle }
            }
            return low
        }
        let lower = firstIndex(startingAtOrAfter: window.lowerBound)
        return items[lower..<max(lower, firstIndex(startingAtOrAfter: window.upperBound))]
    }

    static func near(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        a.upperBound <= b.lowerBound ? b.lowerBound - a.upperBound <= nearness : a.lowerBound - b.upperBound <= nearness
    }

    /// Health words in the sentence of a name or of "han"/"hun"/"klageren" …: the sentences
    /// are read around those anchors only, so most text is passed over.
    private func health(_ text: PrivacyText, words: [Range<Int>], names: [PersonNameFinder.Name]) -> [PersonalDataFinding] {
        var anchors: [(range: Range<Int>, text: String)] = names.map { ($0.range, $0.text) }
        for word in words where HealthTerms.personWordLengths.contains(word.count) {
            if HealthTerms.personWords.contains(String(decoding: text.folded[word], as: UTF8.self)) { anchors.append((word, text.string(word))) }
        }
        anchors.sort { $0.range.lowerBound < $1.range.lowerBound }
        var found: [PersonalDataFinding] = []
        var reported: Set<Int> = []
        for anchor in anchors {
            let sentence = Self.sentence(around: anchor.range, in: text)
            guard !reported.contains(sentence.lowerBound) else { continue }
            for word in Self.within(words, \.self, sentence) {
                guard let term = HealthTerms.term(at: word, in: text) else { continue }
                reported.insert(sentence.lowerBound)
                let person = anchor.text
                found.append(PersonalDataFinding(kind: .health, range: word, subjects: [term, person]) { place, attachment in
                    let advice = Self.advice(attachment)
                    return Message(da: "Helbredsoplysning: »\(term)« står i samme sætning som »\(person)«\(place.da)\(advice.da) (helbredsoplysninger er følsomme, GDPR art. 9)",
                                   en: "Health data: \"\(term)\" stands in the same sentence as \"\(person)\"\(place.en)\(advice.en) (health data is sensitive, GDPR art. 9)")
                })
                break
            }
        }
        return found
    }

    /// The sentence around `word`: back and forward to ". ", "! ", "? " or a blank line,
    /// at most 300 bytes each way.
    package static func sentence(around word: Range<Int>, in text: PrivacyText) -> Range<Int> {
        let bytes = text.bytes
        func ends(at index: Int) -> Bool {
            guard index + 1 < bytes.count else { return true }
            let byte = bytes[index], next = bytes[index + 1]
            return (byte == 0x2E || byte == 0x21 || byte == 0x3F) && (next == 0x20 || next == 0x0A) || byte == 0x0A && next == 0x0A
        }
        var start = word.lowerBound
        while start > 0, word.lowerBound - start < 300, !ends(at: start - 1) { start -= 1 }
        var end = word.upperBound
        while end < bytes.count, end - word.upperBound < 300, !ends(at: end) { end += 1 }
        return start..<end
    }

    private func contacts(_ text: PrivacyText, names: [PersonNameFinder.Name]) -> [PersonalDataFinding] {
        var found: [PersonalDataFinding] = []
        let officerEmails = Set(self.officerEmails.map { $0.lowercased() })
        for email in PrivateContactFinder.privateEmails(in: text) where !officerEmails.contains(email.text.lowercased()) {
            let address = email.text
            found.append(PersonalDataFinding(kind: .contact, range: email.range, subjects: [address]) { place, attachment in
                let advice = Self.advice(attachment)
                return Message(da: "Privat e-postadresse »\(address)«\(place.da)\(advice.da)",
                               en: "Private e-mail address \"\(address)\"\(place.en)\(advice.en)")
            })
        }
        guard !names.isEmpty else { return found }
        let officerPhones = Set(self.officerPhones.map { Self.phoneDigits($0) })
        for phone in PrivateContactFinder.phoneNumbers(in: text) where !officerPhones.contains(Self.phoneDigits(phone.text)) {
            // A phone word just before it, or the number right after the name ("Anna Jensen, 12 34 56 78").
            let hasPhoneWord = text.containsWord(from: Self.phoneWords, in: max(0, phone.range.lowerBound - 20)..<phone.range.lowerBound)
            let around = Self.within(names, \.range, (phone.range.lowerBound - Self.nearness - 200)..<(phone.range.upperBound + 31))
            guard let name = around.last(where: { $0.range.upperBound <= phone.range.lowerBound && Self.near($0.range, phone.range) })
                    ?? around.first(where: { $0.range.lowerBound >= phone.range.upperBound && $0.range.lowerBound - phone.range.upperBound <= 30 }) else { continue }
            let directlyAfterName = name.range.upperBound <= phone.range.lowerBound
                && text.isBlank(name.range.upperBound..<phone.range.lowerBound, allowing: Set(",:(–-".utf8))
                && phone.range.lowerBound - name.range.upperBound <= 4
            guard hasPhoneWord || directlyAfterName else { continue }
            let window = max(0, min(name.range.lowerBound, phone.range.lowerBound) - 60)..<min(text.count, max(name.range.upperBound, phone.range.upperBound) + 40)
            if text.containsWord(from: Self.institutionWords, in: window) { continue }
            let number = phone.text, nameText = name.text
            found.append(PersonalDataFinding(kind: .contact, range: phone.range, subjects: [number, nameText]) { place, attachment in
                let advice = Self.advice(attachment)
                return Message(da: "Telefonnummeret »\(number)« står ved navnet »\(nameText)«\(place.da)\(advice.da)",
                               en: "The phone number \"\(number)\" stands next to the name \"\(nameText)\"\(place.en)\(advice.en)")
            })
        }
        return found
    }

    /// "+45 12 34 56 78" → "12345678".
    static func phoneDigits(_ text: String) -> String {
        var digits = text.filter { $0.isASCII && $0.isNumber }
        if digits.count == 10, digits.hasPrefix("45") { digits.removeFirst(2) }
        if digits.count == 12, digits.hasPrefix("0045") { digits.removeFirst(4) }
        return digits
    }
}
