/// What a misspelt word probably should be: the words one edit away from it (a letter left
/// out, one too many, two swapped, one wrong: Damerau's four kinds of typing error) that are
/// stems of the dictionary, or such a stem with a Danish ending the word has ("anbefallinger"
/// → "anbefaling" + "er"). Every suggestion is confirmed by the dictionary itself (`knows`),
/// so a stem that only occurs inside compounds is never offered.
///
/// A word has several hundred candidates. Asking libhunspell about each costs 10–200 µs with
/// Danish compounding; here each is a hash of its lower-case UTF-8 bytes, continued from the
/// hash of the unchanged beginning and looked up among the stems' hashes (a few microseconds
/// for the whole word). Only the hits become strings.
struct SpellingSuggester {
    /// FNV-1a hashes of the dictionary's stems in lower case (`DictionaryStems.lower`).
    let stems: HashSet64
    let knows: (String) -> Bool

    /// The letters tried where one is missing or wrong, the most frequent in Danish first.
    static let alphabet: [[UInt8]] = "ernstildakogmufbvphæøyjåcwxzqé".map { Array(String($0).utf8) }

    /// Endings a Danish word may carry on a stem, longest first ("-erne" before "-er").
    static let endings: [[UInt8]] = ["ernes", "rnes", "erne", "enes", "rne", "ene", "ers", "ens", "ets", "er", "en", "et", "es",
                                     "ns", "rs", "ts", "e", "s", "r", "n", "t"]
        .map { Array($0.utf8) }

    /// The most suggestions offered.
    static let limit = 3

    /// The most candidates the dictionary may turn down for one word: each question costs up
    /// to 0,2 ms for a long compound, and the likely candidates come first.
    static let refusals = 4
    /// The same for a compound's candidates.
    static let compoundRefusals = 2

    func suggestions(for word: String) -> [String] {
        var lower: [UInt8] = []
        DanishBytes.lowercase(word.utf8, into: &lower)
        // Words of three letters have too many neighbours to guess from.
        let scalars = word.unicodeScalars.count
        guard scalars >= 4, scalars <= 40 else { return [] }
        let first = word.unicodeScalars.first!
        let capitalised = first.properties.isUppercase && !word.unicodeScalars.dropFirst().contains { $0.properties.isUppercase }
        var found: [String] = []
        var refused = 0
        var refusalLimit = Self.refusals
        func offer(_ candidate: [UInt8]) {
            guard found.count < Self.limit, refused < refusalLimit else { return }
            var shown = String(decoding: candidate, as: UTF8.self)
            if capitalised { shown = shown.prefix(1).uppercased() + shown.dropFirst() }
            guard shown != word, !found.contains(shown) else { return }
            if knows(shown) { found.append(shown) } else { refused += 1 }
        }
        // A name written in lower case ("aarhus" → "Aarhus").
        if !capitalised, first.properties.isLowercase {
            let named = word.prefix(1).uppercased() + word.dropFirst()
            if knows(named) { found.append(named) }
        }
        for candidate in stemEdits(lower) { offer(candidate) }
        // A compound with the slip in one part: a known beginning and an ending one edit from
        // a stem ("kernerdrift" → "kerne" + "drift"), or the other way round. Only for words of
        // ten bytes or more, parts of four or more, and two refusals: asking libhunspell about
        // a long compound is its slowest question.
        if found.isEmpty, lower.count >= 10 {
            refused = 0
            refusalLimit = Self.compoundRefusals
            var splits: [Int] = []
            for (index, byte) in lower.enumerated() where byte & 0xC0 != 0x80 && index >= 4 && lower.count - index >= 4 { splits.append(index) }
            for split in splits where found.count < Self.limit && refused < refusalLimit {
                let head = Array(lower[..<split]), tail = Array(lower[split...])
                if isStem(head) || (Self.joins(head) && isStem(Array(head.dropLast()))) {
                    for candidate in stemEdits(tail) { offer(head + candidate) }
                }
                if isStem(tail) || Self.endings.contains(where: { tail.count - $0.count >= 3 && tail.suffix($0.count).elementsEqual($0) && isStem(Array(tail.dropLast($0.count))) }) {
                    Self.edits(of: head, stems: stems) { candidate, _ in offer(candidate + tail) }
                    if Self.joins(head) {
                        let joint = head.last!
                        Self.edits(of: Array(head.dropLast()), stems: stems) { candidate, _ in offer(candidate + [joint] + tail) }
                    }
                }
            }
        }
        return found
    }

    /// The strings one edit from `lower` that are stems, then those one edit from its stem
    /// that are stems, with its ending ("anbefallinger" → "anbefaling" + "er").
    /// Sorted by the kind of edit, the likeliest first, whatever ending it was found under
    /// ("kommunnens" → "kommunens", a letter too many under "-ns", before "kommuneens", a
    /// wrong letter under "-ens").
    func stemEdits(_ lower: [UInt8]) -> [[UInt8]] {
        var out: [(candidate: [UInt8], kind: Int)] = []
        Self.edits(of: lower, stems: stems) { out.append(($0, $1)) }
        for ending in Self.endings where lower.count - ending.count >= 3 && lower.suffix(ending.count).elementsEqual(ending) {
            Self.edits(of: Array(lower.dropLast(ending.count)), stems: stems) { out.append(($0 + ending, $1)) }
        }
        // A stable sort: within a kind, the order found.
        return out.enumerated().sorted { ($0.element.kind, $0.offset) < ($1.element.kind, $1.offset) }.map(\.element.candidate)
    }

    func isStem(_ bytes: [UInt8]) -> Bool { stems.contains(DanishBytes.fnv(bytes)) }

    /// Whether a compound's first part ends in a joining letter ("besparelse-s-potentiale").
    static func joins(_ head: [UInt8]) -> Bool { head.last == UInt8(ascii: "s") || head.last == UInt8(ascii: "e") }

    /// Calls `hit` with each string one edit from `bytes` whose hash is among `stems`, in the
    /// order the edits are most likely: a missing letter, two letters swapped, a letter too
    /// many, a wrong letter. Edits fall on scalar boundaries (an "ø" is one letter).
    static func edits(of bytes: [UInt8], stems: HashSet64, hit: (_ candidate: [UInt8], _ kind: Int) -> Void) {
        // Where each scalar starts, and the hash of the bytes before each of those places.
        var starts: [Int] = []
        for (index, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 { starts.append(index) }
        starts.append(bytes.count)
        var prefixHashes: [UInt64] = [DanishBytes.fnvOffset]
        for index in 0..<(starts.count - 1) {
            prefixHashes.append(DanishBytes.fnv(bytes[starts[index]..<starts[index + 1]], from: prefixHashes[index]))
        }
        let letters = starts.count - 1
        func letter(_ index: Int) -> ArraySlice<UInt8> { bytes[starts[index]..<starts[index + 1]] }
        func rest(_ index: Int) -> ArraySlice<UInt8> { bytes[starts[index]...] }
        func build(_ parts: ArraySlice<UInt8>...) -> [UInt8] { parts.reduce(into: []) { $0 += $1 } }
        // A letter missing before letter `index`.
        for index in 0...letters {
            for added in alphabet {
                let hash = DanishBytes.fnv(rest(index), from: DanishBytes.fnv(added, from: prefixHashes[index]))
                if stems.contains(hash) { hit(build(bytes[..<starts[index]], added[...], rest(index)), 0) }
            }
        }
        // Two neighbours swapped.
        for index in 0..<max(0, letters - 1) where !letter(index).elementsEqual(letter(index + 1)) {
            let swapped = DanishBytes.fnv(letter(index), from: DanishBytes.fnv(letter(index + 1), from: prefixHashes[index]))
            if stems.contains(DanishBytes.fnv(rest(index + 2), from: swapped)) {
                hit(build(bytes[..<starts[index]], letter(index + 1), letter(index), rest(index + 2)), 1)
            }
        }
        // A letter too many (of a doubled letter, the first only: both give the same word).
        for index in 0..<letters where index == 0 || !letter(index).elementsEqual(letter(index - 1)) {
            if stems.contains(DanishBytes.fnv(rest(index + 1), from: prefixHashes[index])) {
                hit(build(bytes[..<starts[index]], rest(index + 1)), 2)
            }
        }
        // A wrong letter.
        for index in 0..<letters {
            for replacement in alphabet where !letter(index).elementsEqual(replacement) {
                let hash = DanishBytes.fnv(rest(index + 1), from: DanishBytes.fnv(replacement, from: prefixHashes[index]))
                if stems.contains(hash) { hit(build(bytes[..<starts[index]], replacement[...], rest(index + 1)), 3) }
            }
        }
    }
}
