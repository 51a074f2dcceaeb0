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
        let spec = context.profile.readability.plainLanguage
        let ignored = Set(spec.ignore.map { $0.lowercased() })
        let list = (Self.phrases + spec.phrases.map { ($0.phrase.lowercased(), $0.instead) }).filter { !ignored.contains($0.phrase) }
        guard !list.isEmpty else { return [] }
        var found: [Diagnostic] = []
        let document = context.document
        for block in ([document.preamble] + document.sections.map(\.blocks)).joined() {
            for textBlock in block.textBlocks {
                for (text, line) in textBlock.textLines {
                    let lower = text.lowercased()
                    for (phrase, instead) in list {
                        for range in Self.occurrences(of: phrase, in: lower) {
                            // "jf. § 21", "jf. lov om …": citing a law is what "jf." is for.
                            if phrase == "jf.", Self.citesLaw(lower[range.upperBound...]) { continue }
                            let shown = String(text[Self.same(range, in: lower, as: text)])
                            found.append(diagnostic(
                                "»\(shown)« er kancellisprog; skriv hellere »\(instead)«",
                                "\"\(shown)\" is stiff officialese; write \"\(instead)\" instead",
                                line: line, column: document.column(of: shown, inLine: line)))
                        }
                    }
                }
            }
        }
        return found
    }

    /// "§ 21", "lov om social service", "bekendtgørelse nr. 4", "lovens § 3" after "jf.".
    static func citesLaw(_ rest: Substring) -> Bool {
        let next = rest.drop { $0 == " " || $0 == "\u{00A0}" }
        return next.first == "§" || ["lov", "bekendtgørelse", "cirkulære", "forordning", "direktiv"].contains { next.hasPrefix($0) }
    }

    /// Where `phrase` stands as whole words in `text` (no letter or digit just before or after).
    static func occurrences(of phrase: String, in text: String) -> [Range<String.Index>] {
        var out: [Range<String.Index>] = []
        var start = text.startIndex
        while let range = text.range(of: phrase, range: start..<text.endIndex) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            let isWord: (Character?) -> Bool = { $0.map { $0.isLetter || $0.isNumber } ?? false }
            if !isWord(before), phrase.last == "." || !isWord(after) { out.append(range) }
            start = range.upperBound
        }
        return out
    }

    /// The range in `original` of a range found in its lower-cased copy (same characters count).
    static func same(_ range: Range<String.Index>, in lower: String, as original: String) -> Range<String.Index> {
        let offset = lower.distance(from: lower.startIndex, to: range.lowerBound)
        let length = lower.distance(from: range.lowerBound, to: range.upperBound)
        let start = original.index(original.startIndex, offsetBy: min(offset, original.count))
        let end = original.index(start, offsetBy: min(length, original.distance(from: start, to: original.endIndex)))
        return start..<end
    }
}
