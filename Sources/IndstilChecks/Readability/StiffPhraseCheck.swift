import IndstilSupport
import IndstilDocument

/// A stiff official word or phrase where plain Danish says the same ("såfremt" → "hvis"):
/// the plain-language advice of Dansk Sprognævn and the Danish government's klarsprog
/// guidance, in the form of Språkrådet's Kansellisten (a word, its plain replacement). The
/// list is indstil's (`phrases`); a profile adds its own and accepts some of these
/// (`readability.plain_language` in profile.yml). "jf." before "§" or a law's name is the
/// accepted way to cite it and is left alone. A note: a reader's hint, not a rule of the
/// skeleton. On the seeds (87.000 words of real Aarhus and Randers documents) it finds about
/// one phrase per 1.000 words; the shipped examples have none.
public struct StiffPhraseCheck: Check {
    public let id = "readability.stiff-phrase"
    public let defaultSeverity = Severity.note
    public let summary = Message(da: "Et stift, officielt ord har et enklere alternativ (»såfremt« → »hvis«)",
                                 en: "A stiff official word has a plainer alternative (\"såfremt\" → \"hvis\")")

    public var examples: [CheckExample] {
        [
            .triggers("»Såfremt« og »i henhold til« i brødteksten", ExampleDocument.byraad.replacingSection(
                "6. Hvad igangsættes", body: "Såfremt foreningen ønsker det, kan den låne lokalet i henhold til reglerne. ⟵")),
            .passes("Almindeligt dansk, og »jf. § 21« som lovhenvisning", ExampleDocument.byraad.replacingSection(
                "6. Hvad igangsættes", body: "Hvis foreningen ønsker det, kan den låne lokalet efter reglerne, jf. § 21 i folkeoplysningsloven.")),
        ]
    }

    /// indstil's list: stiff words and phrases of Danish public administration and what to
    /// write instead (lower case; matched as whole words).
    public static let phrases: [(phrase: String, instead: String)] = [
        ("anmode om", "bede om"), ("dags dato", "i dag"), ("endvidere", "også, desuden"), ("eftersom", "fordi"),
        ("forefindes", "findes, er"), ("foranlediget af", "på grund af"), ("forinden", "før, først"),
        ("fremadrettet", "fremover"), ("fremsende", "sende"), ("fremsendes", "sendes"), ("fremsendt", "sendt"),
        ("i henhold til", "efter, ifølge"), ("i medfør af", "efter"), ("jf.", "se, efter"), ("ligeledes", "også"),
        ("med henblik på", "for at"), ("nærværende", "denne, dette"), ("pågældende", "den, denne"),
        ("såfremt", "hvis"), ("såvel", "både … og"), ("tilvejebringe", "skaffe"), ("undertegnede", "jeg"),
        ("vedrørende", "om"),
    ]

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let matcher = Self.matcher(for: context.profile.readability.plainLanguage)
        guard !matcher.phrases.isEmpty else { return [] }
        var found: [Diagnostic] = []
        let document = context.document
        for (text, line) in context.analyzed.textLines {
            var text = text
            text.makeContiguousUTF8()
            let hits = text.utf8.withContiguousStorageIfAvailable { matcher.occurrences(in: $0) } ?? []
            for (start, index) in hits {
                let phrase = matcher.phrases[index]
                let end = start + phrase.bytes.count
                let utf8 = text.utf8
                let from = utf8.index(utf8.startIndex, offsetBy: start), to = utf8.index(utf8.startIndex, offsetBy: end)
                // "jf. § 21", "jf. lov om …": citing a law is what "jf." is for.
                if phrase.bytes == Self.jf {
                    var rest: [UInt8] = []
                    DanishBytes.lowercase(text.utf8[to...].prefix(40), into: &rest)
                    if Self.citesLaw(String(decoding: rest, as: UTF8.self)[...]) { continue }
                }
                let shown = String(text[from..<to])
                found.append(diagnostic(
                    "»\(shown)« er kancellisprog; skriv hellere »\(phrase.instead)«",
                    "\"\(shown)\" is stiff officialese; write \"\(phrase.instead)\" instead",
                    line: line, column: document.column(of: shown, inLine: line)))
            }
        }
        return found
    }

    /// The matcher for a profile's list, made once for each different list.
    static func matcher(for spec: PlainLanguageSpec) -> StiffPhraseMatcher {
        if spec.phrases.isEmpty, spec.ignore.isEmpty { return standardMatcher }
        let ignored = Set(spec.ignore.map { $0.lowercased() })
        let list = (phrases + spec.phrases.map { ($0.phrase.lowercased(), $0.instead) }).filter { !ignored.contains($0.phrase) && !$0.phrase.isEmpty }
        let key = list.map { $0.phrase + "\u{1}" + $0.instead }.joined(separator: "\u{2}")
        if let made = matchers.withLock({ $0[key] }) { return made }
        let matcher = StiffPhraseMatcher(list)
        matchers.withLock {
            if $0.count >= 64 { $0.removeAll() }
            $0[key] = matcher
        }
        return matcher
    }

    private static let matchers = Locked<[String: StiffPhraseMatcher]>([:])
    /// The matcher for indstil's list alone (most profiles).
    private static let standardMatcher = StiffPhraseMatcher(phrases)

    static let jf = Array("jf.".utf8)

    /// "§ 21", "lov om social service", "bekendtgørelse nr. 4", "lovens § 3" after "jf.".
    static func citesLaw(_ rest: Substring) -> Bool {
        let next = rest.drop { $0 == " " || $0 == "\u{00A0}" }
        return next.first == "§" || ["lov", "bekendtgørelse", "cirkulære", "forordning", "direktiv"].contains { next.hasPrefix($0) }
    }
}
