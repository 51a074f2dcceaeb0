import Foundation

/// The words a Hunspell `.dic` file lists (its lines up to the flags: "kommune/12,40" →
/// "kommune"), as FNV-1a hashes of their bytes (`DanishBytes.fnv`): `exact` as written, for
/// knowing a word without asking libhunspell; `lower` in lower case, for `SpellingSuggester`.
/// Left out: words the `.aff` file marks as forbidden, as needing an affix, as only a part of
/// compounds, or as never to be suggested (FORBIDDENWORD, NEEDAFFIX, ONLYINCOMPOUND,
/// NOSUGGEST): none of them is a word on its own. Reading the Danish dictionary's 158.000
/// lines takes about 15 ms.
struct DictionaryStems: Sendable {
    let exact: Set<UInt64>
    let lower: Set<UInt64>

    static func read(dic: String, aff: String) -> DictionaryStems {
        guard let data = FileManager.default.contents(atPath: dic) else { return DictionaryStems(exact: [], lower: []) }
        let flags = AffixFlags.read(aff)
        var exact = Set<UInt64>(), lower = Set<UInt64>()
        exact.reserveCapacity(data.count / 12)
        lower.reserveCapacity(data.count / 12)
        var lowered: [UInt8] = []
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lineStart = 0
            var first = true
            while lineStart < bytes.count {
                var end = lineStart
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                var wordEnd = lineStart
                while wordEnd < end {
                    let byte = bytes[wordEnd]
                    // "/" starts the flags ("\/" is a slash in the word), a tab or space the morphology.
                    if byte == UInt8(ascii: "/"), wordEnd == lineStart || bytes[wordEnd - 1] != UInt8(ascii: "\\") { break }
                    if byte == 0x09 || byte == 0x20 || byte == 0x0D { break }
                    wordEnd += 1
                }
                // The first line is the number of entries.
                if !first, wordEnd > lineStart {
                    var flagEnd = wordEnd
                    if wordEnd < end, bytes[wordEnd] == UInt8(ascii: "/") {
                        flagEnd = wordEnd + 1
                        while flagEnd < end, bytes[flagEnd] != 0x09, bytes[flagEnd] != 0x20, bytes[flagEnd] != 0x0D { flagEnd += 1 }
                    }
                    let entryFlags = wordEnd < flagEnd ? UnsafeBufferPointer(rebasing: bytes[(wordEnd + 1)..<flagEnd]) : UnsafeBufferPointer(rebasing: bytes[wordEnd..<wordEnd])
                    if !flags.excludes(entryFlags) {
                        let word = bytes[lineStart..<wordEnd]
                        exact.insert(DanishBytes.fnv(word))
                        DanishBytes.lowercase(word, into: &lowered)
                        lower.insert(DanishBytes.fnv(lowered))
                    }
                }
                first = false
                lineStart = end + 1
            }
        }
        return DictionaryStems(exact: exact, lower: lower)
    }
}

/// The flags of an `.aff` file that make a `.dic` word no word on its own, in the file's
/// own notation (`FLAG num`: "6,8"; `FLAG long`: two characters each; else one character each).
struct AffixFlags {
    enum Notation { case characters, long, numbers }
    let notation: Notation
    let excluded: Set<String>

    static func read(_ aff: String) -> AffixFlags {
        guard let text = try? String(contentsOfFile: aff, encoding: .utf8) else { return AffixFlags(notation: .characters, excluded: []) }
        var notation = Notation.characters
        var excluded = Set<String>()
        for line in text.split(whereSeparator: \.isNewline) {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count >= 2 else { continue }
            switch parts[0] {
            case "FLAG": notation = parts[1] == "num" ? .numbers : parts[1] == "long" ? .long : .characters
            case "FORBIDDENWORD", "NEEDAFFIX", "ONLYINCOMPOUND", "NOSUGGEST": excluded.insert(String(parts[1]))
            default: break
            }
        }
        return AffixFlags(notation: notation, excluded: excluded)
    }

    /// Whether an entry with these flags (the bytes after "/") is left out.
    func excludes(_ flags: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !excluded.isEmpty, !flags.isEmpty else { return false }
        let text = String(decoding: flags, as: UTF8.self)
        switch notation {
        case .numbers: return text.split(separator: ",").contains { excluded.contains(String($0)) }
        case .long:
            let characters = Array(text)
            return stride(from: 0, to: characters.count - 1, by: 2).contains { excluded.contains(String(characters[$0...$0 + 1])) }
        case .characters: return text.contains { excluded.contains(String($0)) }
        }
    }
}
