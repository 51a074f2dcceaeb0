import Foundation

/// The words a Hunspell `.dic` file lists (its lines up to the flags: "kommune/12,40" →
/// "kommune"), as FNV-1a hashes of their bytes (`DanishBytes`): `exact` as written, for
/// knowing a word without a call into libhunspell; `lower` in lower case, for
/// `SpellingSuggester` to look its candidates up in.
/// Left out: words the `.aff` file marks as forbidden, as needing an affix, as only a part of
/// compounds, or as never to be suggested (FORBIDDENWORD, NEEDAFFIX, ONLYINCOMPOUND,
/// NOSUGGEST): none of them is a word on its own. Reading the Danish dictionary's 158.000
/// lines takes about 50 ms in a release build (half a second in a debug build), so it is
/// read only when a word needs suggestions.
struct DictionaryStems: Sendable {
    let exact: HashSet64
    let lower: HashSet64

    static func read(dic: String, aff: String) -> DictionaryStems {
        guard let data = FileManager.default.contents(atPath: dic) else { return DictionaryStems(exact: HashSet64(), lower: HashSet64()) }
        let flags = AffixFlags.read(aff)
        var exact = HashSet64(capacity: data.count / 10), lower = HashSet64(capacity: data.count / 10)
        var lowered: [UInt8] = []
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lineStart = 0
            var first = true
            while lineStart < bytes.count {
                var end = lineStart
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                var wordEnd = lineStart
                var spaced = false
                while wordEnd < end {
                    let byte = bytes[wordEnd]
                    // "/" starts the flags ("\/" is a slash in the word), a tab the morphology.
                    if byte == UInt8(ascii: "/"), wordEnd == lineStart || bytes[wordEnd - 1] != UInt8(ascii: "\\") { break }
                    if byte == 0x09 || byte == 0x0D { break }
                    if byte == 0x20 { spaced = true }
                    wordEnd += 1
                }
                // The first line is the number of entries; an entry of several words ("breaking
                // news") is no single word (libhunspell rejects "breaking" alone).
                if !first, wordEnd > lineStart, !spaced {
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
/// own notation (`FLAG num`: "6,8"; `FLAG long`: two characters each; else one character
/// each), compared on the entry's bytes: 133.000 of the Danish entries have flags.
struct AffixFlags {
    enum Notation { case characters, long, numbers }
    let notation: Notation
    /// For `numbers`, the numbers; else each flag's bytes.
    let numbers: [Int]
    let flagBytes: [[UInt8]]

    static func read(_ aff: String) -> AffixFlags {
        guard let text = try? String(contentsOfFile: aff, encoding: .utf8) else { return AffixFlags(notation: .characters, numbers: [], flagBytes: []) }
        var notation = Notation.characters
        var excluded: [String] = []
        for line in text.split(whereSeparator: \.isNewline) {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count >= 2 else { continue }
            switch parts[0] {
            case "FLAG": notation = parts[1] == "num" ? .numbers : parts[1] == "long" ? .long : .characters
            case "FORBIDDENWORD", "NEEDAFFIX", "ONLYINCOMPOUND", "NOSUGGEST": excluded.append(String(parts[1]))
            default: break
            }
        }
        return AffixFlags(notation: notation, numbers: excluded.compactMap { Int($0) }, flagBytes: excluded.map { Array($0.utf8) })
    }

    /// Whether an entry with these flags (the bytes after "/") is left out.
    func excludes(_ flags: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !flagBytes.isEmpty, !flags.isEmpty else { return false }
        switch notation {
        case .numbers:
            var number = 0
            var digits = false
            for byte in flags {
                if byte >= 0x30 && byte <= 0x39 {
                    number = number &* 10 &+ Int(byte - 0x30)
                    digits = true
                } else {
                    if digits, numbers.contains(number) { return true }
                    number = 0
                    digits = false
                }
            }
            return digits && numbers.contains(number)
        case .long:
            var index = 0
            while index + 1 < flags.count {
                if flagBytes.contains(where: { $0.count == 2 && $0[0] == flags[index] && $0[1] == flags[index + 1] }) { return true }
                index += 2
            }
            return false
        case .characters:
            // A flag is one character: one scalar's bytes.
            var index = 0
            while index < flags.count {
                var end = index + 1
                while end < flags.count, flags[end] & 0xC0 == 0x80 { end += 1 }
                if flagBytes.contains(where: { $0.elementsEqual(flags[index..<end]) }) { return true }
                index = end
            }
            return false
        }
    }
}
