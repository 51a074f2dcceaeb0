import IndstilSupport
import IndstilDocument

/// A paragraph thick with nouns made of verbs ("navneordssyge"): "-ning" and "-ling",
/// "-else", "-hed" and "-ering" ("der foretages en vurdering af mulighederne for implementering" for "vi
/// vurderer, om vi kan gennemføre det"). Dansk Sprognævn's klarsprog advice and the Danish
/// government's guides name it as the mark of the official style: the reader has to turn
/// the nouns back into actions, and who acts goes missing.
///
/// Counted per paragraph or list item of the sections: at least `min_words` words (20) and
/// a share of such nouns at or above `max_share` (0.12, one word in eight) with at least
/// four of them. Nouns that name a thing rather than an act ("forvaltning", "bestyrelse",
/// "forening", "virksomhed", "bygning" …) do not count. Measured on paragraphs of 20 words
/// or more: the seeds (real Aarhus documents in the old style) 84 of 1.545 (5,4 %), each
/// of a sample read a run of nouns; the shipped examples 0 of 94; the 2021 recommendation
/// 0 of 36. At 0,10 the seeds give 122, at 0,15 only 41.
public struct NominalisationCheck: Check {
    public let id = "readability.nominalisation"
    public let defaultSeverity = Severity.note
    public let summary = Message(da: "Et afsnit har mange navneord lavet af udsagnsord (-ning, -ling, -else, -hed, -ering)",
                                 en: "A paragraph has many nouns made from verbs (-ning, -ling, -else, -hed, -ering)")

    public var examples: [CheckExample] {
        [
            .triggers("Fire af seks ord er navneord på -ning, -else og -hed", ExampleDocument.byraad.replacingSection(
                "6. Hvad igangsættes", body: "Der foretages en vurdering af mulighederne for en forenkling af bookingen, herunder en afklaring af ansvarsfordelingen og en beskrivelse af den forventede udvikling i efterspørgslen, med henblik på en efterfølgende implementering. ⟵")),
            .passes("Samme indhold med udsagnsord", ExampleDocument.byraad.replacingSection(
                "6. Hvad igangsættes", body: "Vi vurderer, om vi kan gøre det lettere at booke. Vi afklarer, hvem der har ansvaret, og beskriver, hvor mange lokaler foreningerne forventer at bruge. Derefter sætter vi ordningen i gang.")),
        ]
    }

    /// The endings, and the inflections each takes.
    static let suffixes: [String] = {
        let bases = ["ning": ["", "en", "er", "erne", "ens", "ers", "ernes", "s"],
                     "ling": ["", "en", "er", "erne", "ens", "ers", "ernes", "s"],
                     "else": ["", "n", "r", "rne", "ns", "rs", "rnes", "s"],
                     "hed": ["", "en", "er", "erne", "ens", "ers", "ernes", "s"],
                     "ering": ["", "en", "er", "erne", "ens", "ers", "ernes", "s"]]
        return bases.flatMap { base, endings in endings.map { base + $0 } }.sorted { $0.count > $1.count }
    }()

    /// Nouns with these endings that name a thing, a body or a state rather than an act
    /// (also as the last part of a compound: "kommunalbestyrelse").
    static let things: [[UInt8]] = ["afdeling", "indstilling", "stilling", "udstilling", "forvaltning", "bestyrelse", "ledelse", "forening", "bygning", "ordning", "regning",
                                    "retning", "tegning", "virksomhed", "myndighed", "enhed", "lejlighed", "sundhed",
                                    "uddannelse", "mening", "befolkning", "lovgivning", "forsikring", "regering",
                                    "interesse", "nyhed", "frihed", "kommunalbestyrelse"].map { Array($0.utf8) }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let minWords = context.count("min_words", for: id) ?? 20
        let maxShare = context.number("max_share", for: id) ?? 0.12
        var diagnostics: [Diagnostic] = []
        for block in context.analyzed.readableBlocks where block.score.words >= minWords {
            // Counted in the bytes; only the four shown become strings.
            var count = 0
            var shown: [String] = []
            for sentence in block.sentences {
                Self.forEachNominalisation(in: sentence.text) { word in
                    count += 1
                    if shown.count < 4 { shown.append(String(decoding: word, as: UTF8.self)) }
                }
            }
            let share = Double(count) / Double(block.score.words)
            guard count >= 4, share >= maxShare else { continue }
            let percent = Int((share * 100).rounded())
            diagnostics.append(diagnostic(
                "Afsnittet har mange navneord lavet af udsagnsord (\(count) af \(block.score.words) ord, \(percent) %: »\(shown.joined(separator: "«, »"))«\(count > shown.count ? " …" : "")); skriv med udsagnsord, hvem der gør hvad (»vi vurderer« frem for »der foretages en vurdering«)",
                "The paragraph has many nouns made from verbs (\(count) of \(block.score.words) words, \(percent) %: \"\(shown.joined(separator: "\", \""))\"\(count > shown.count ? " …" : "")); write with verbs who does what (\"we assess\" rather than \"an assessment is made\")",
                line: block.line))
        }
        return diagnostics
    }

    /// The words of `text` ending in one of `suffixes` (in lower case), with at least three
    /// letters before the ending, that are not `things`. On UTF-8 bytes: only the hits
    /// become strings (this runs over every paragraph of every document checked).
    static func nominalisations(in text: Substring) -> [String] {
        var found: [String] = []
        forEachNominalisation(in: text) { found.append(String(decoding: $0, as: UTF8.self)) }
        return found
    }

    /// Calls `body` with the bytes of each word `nominalisations` finds, in order.
    static func forEachNominalisation(in text: Substring, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        if text.utf8.withContiguousStorageIfAvailable({ scan($0, body) }) == nil {
            Array(text.utf8).withUnsafeBufferPointer { scan($0, body) }
        }
    }

    /// For each byte: the length of the letter, digit or hyphen it begins, 0 for anything
    /// else. » « … – and the no-break space (lead bytes C2 and E2) are not letters, and a
    /// byte inside a scalar (80–BF) begins nothing.
    private static let letterLengths: [UInt8] = (0..<256).map { value in
        let byte = UInt8(value)
        if byte < 0x80 { return DanishBytes.isWordByte(byte) || byte == UInt8(ascii: "-") ? 1 : 0 }
        if byte == 0xC2 || byte == 0xE2 || byte < 0xC0 { return 0 }
        return byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let n = UInt8(ascii: "n"), g = UInt8(ascii: "g"), l = UInt8(ascii: "l"), s = UInt8(ascii: "s")
        let h = UInt8(ascii: "h"), e = UInt8(ascii: "e"), d = UInt8(ascii: "d"), hyphen = UInt8(ascii: "-")
        let lengths = letterLengths
        let count = bytes.count
        var base: [UInt8] = []
        var index = 0
        while index < count {
            let first = bytes[index]
            guard lengths[Int(first)] > 0, first != hyphen else {
                // Past whatever scalar starts here.
                index += first < 0xC0 ? 1 : first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : 2
                continue
            }
            let start = index
            while index < count {
                let length = Int(lengths[Int(bytes[index])])
                if length == 0 { break }
                index &+= length
            }
            index = min(index, count)
            var end = index
            while end > start, bytes[end - 1] == hyphen { end -= 1 }
            guard end - start >= 7 else { continue }
            // Every ending holds "ng", "ls" or "hed" within the word's last nine bytes: most
            // words are turned away by that before the endings are compared.
            var maybe = false
            var position = max(start + 1, end - 9)
            while position < end, !maybe {
                let before = bytes[position - 1], byte = bytes[position]
                maybe = (before == n && byte == g) || (before == l && byte == s)
                    || (before == e && byte == d && position >= start + 2 && bytes[position - 2] == h)
                position += 1
            }
            guard maybe else { continue }
            let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
            // The longest ending the word has, among those with its last byte.
            var matched: Int?
            for candidate in suffixesByLastByte[Int(word[word.count - 1])] {
                let ending = suffixBytes[candidate].suffix
                guard word.count > ending.count else { continue }
                var offset = 0
                let from = word.count - ending.count
                while offset < ending.count, word[from + offset] == ending[offset] { offset += 1 }
                if offset == ending.count {
                    matched = candidate
                    break
                }
            }
            guard let matched else { continue }
            let suffix = suffixBytes[matched]
            // The word in its plain form ("beslutningerne" → "beslutning").
            DanishBytes.lowercase(word.dropLast(suffix.suffix.count - suffix.baseLength), into: &base)
            guard base.count - suffix.baseLength >= 3, !things.contains(where: { base.count >= $0.count && base.suffix($0.count).elementsEqual($0) }) else { continue }
            body(word)
        }
    }

    /// For each byte, the indices of the `suffixBytes` ending in it, longest first.
    private static let suffixesByLastByte: [[Int]] = {
        var table = [[Int]](repeating: [], count: 256)
        for (index, suffix) in suffixBytes.enumerated() { table[Int(suffix.suffix.last!)].append(index) }
        return table
    }()

    /// `suffixes` as bytes, with the length of the plain ending ("ning" in "ningerne").
    static let suffixBytes: [(suffix: [UInt8], baseLength: Int)] = suffixes.map { suffix in
        (Array(suffix.utf8), suffix.hasPrefix("else") || suffix.hasPrefix("ning") || suffix.hasPrefix("ling") ? 4 : suffix.hasPrefix("hed") ? 3 : 5)
    }
}
