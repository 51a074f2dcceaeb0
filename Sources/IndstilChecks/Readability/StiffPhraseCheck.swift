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
        let patterns = list.map { (bytes: Array($0.phrase.utf8), instead: $0.instead) }.filter { !$0.bytes.isEmpty }
        // The phrases by their first byte: one pass over each line, not one per phrase.
        var byFirstByte = [[Int]](repeating: [], count: 256)
        for (index, pattern) in patterns.enumerated() { byFirstByte[Int(pattern.bytes[0])].append(index) }
        let phraseBytes = patterns.map(\.bytes)
        var found: [Diagnostic] = []
        let document = context.document
        var lower: [UInt8] = []
        for block in ([document.preamble] + document.sections.map(\.blocks)).joined() {
            for textBlock in block.textBlocks {
                for (text, line) in textBlock.textLines {
                    DanishBytes.lowercase(text.utf8, into: &lower)
                    for (start, index) in Self.occurrences(of: phraseBytes, byFirstByte: byFirstByte, in: lower) {
                        let pattern = patterns[index]
                        let end = start + pattern.bytes.count
                        // "jf. § 21", "jf. lov om …": citing a law is what "jf." is for.
                        if pattern.bytes == Self.jf, Self.citesLaw(String(decoding: lower[end...].prefix(40), as: UTF8.self)[...]) { continue }
                        let utf8 = text.utf8
                        let from = utf8.index(utf8.startIndex, offsetBy: start), to = utf8.index(utf8.startIndex, offsetBy: end)
                        let shown = String(text[from..<to])
                        found.append(diagnostic(
                            "»\(shown)« er kancellisprog; skriv hellere »\(pattern.instead)«",
                            "\"\(shown)\" is stiff officialese; write \"\(pattern.instead)\" instead",
                            line: line, column: document.column(of: shown, inLine: line)))
                    }
                }
            }
        }
        return found
    }

    static let jf = Array("jf.".utf8)

    /// "§ 21", "lov om social service", "bekendtgørelse nr. 4", "lovens § 3" after "jf.".
    static func citesLaw(_ rest: Substring) -> Bool {
        let next = rest.drop { $0 == " " || $0 == "\u{00A0}" }
        return next.first == "§" || ["lov", "bekendtgørelse", "cirkulære", "forordning", "direktiv"].contains { next.hasPrefix($0) }
    }

    /// Where the phrases stand as whole words in `text` (bytes), in order, with the index of
    /// the phrase: no letter or digit just before, nor after unless the phrase ends in a full
    /// stop. Bytes above 0x7F count as letters. One pass: at each start of a word only the
    /// phrases beginning with its byte are compared.
    static func occurrences(of phrases: [[UInt8]], byFirstByte: [[Int]], in text: [UInt8]) -> [(start: Int, phrase: Int)] {
        let isWord = DanishBytes.isWordByte
        var out: [(start: Int, phrase: Int)] = []
        var index = 0
        let count = text.count
        next: while index < count {
            let candidates = byFirstByte[Int(text[index])]
            if !candidates.isEmpty, index == 0 || !isWord(text[index - 1]) {
                for candidate in candidates {
                    let phrase = phrases[candidate]
                    guard index + phrase.count <= count else { continue }
                    var matches = true
                    for offset in 1..<phrase.count where text[index + offset] != phrase[offset] {
                        matches = false
                        break
                    }
                    if matches, phrase.last == UInt8(ascii: ".") || index + phrase.count == count || !isWord(text[index + phrase.count]) {
                        out.append((index, candidate))
                        index += phrase.count
                        continue next
                    }
                }
            }
            index += 1
        }
        return out
    }
}
