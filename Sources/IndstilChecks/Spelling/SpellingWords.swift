import IndstilDocument

/// A word of a line that a speller should look at, and what it needs to know about it.
struct SpellingWord: Equatable {
    /// The word without the quotes, brackets and punctuation around it.
    let text: Substring
    /// Whether a full stop followed it ("evt."): an abbreviation may be meant.
    let hasFullStop: Bool
    /// Whether it begins a sentence (the line's first word, or after . ! ? :).
    let opensSentence: Bool
    /// `DanishBytes.fnv` of its bytes, worked out while it was found.
    let hash: UInt64
    /// A capital first letter and no other capital ("Gellerup"; not "IT-Systemet").
    let isCapitalised: Bool
}

/// Splits a line into the words to spell, leaving out what is not a word of prose:
/// anything with a digit (case numbers, amounts, "B1.1", "3.-klasse"), a slash, an @, an
/// underscore or other code marks (paths, addresses, e-mail, file names), a full stop inside
/// (abbreviations such as "bl.a.", domain names), an apostrophe inside, words of one or two
/// letters or more than 60, acronyms in capitals ("KSL", "MBU"), words with a capital inside
/// ("iPad"), and halves of a compound left open ("tids- og ressourceforbrug").
///
/// It reads Unicode scalars, with the Latin-1 letters (æ, ø, å, é …) classified without
/// Unicode's tables: it runs over every word of every document checked.
enum SpellingWords {
    /// The words of `line`; `opensSentence` says whether the line begins a sentence and
    /// afterwards whether the next line does.
    static func words(in line: String, opensSentence: inout Bool) -> [SpellingWord] {
        var line = line
        line.makeContiguousUTF8()
        var sentence = opensSentence
        let found = line.utf8.withContiguousStorageIfAvailable { Self.words(in: line, bytes: $0, opensSentence: &sentence) } ?? []
        opensSentence = sentence
        return found
    }

    private static func words(in line: String, bytes: UnsafeBufferPointer<UInt8>, opensSentence: inout Bool) -> [SpellingWord] {
        var words: [SpellingWord] = []
        let count = bytes.count
        let utf8 = line.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        @inline(__always) func scalar(at offset: Int) -> (Unicode.Scalar, Int) { UTF8Scalars.scalar(in: bytes, at: offset) }
        var offset = 0
        while offset < count {
            var (current, length) = scalar(at: offset)
            guard !isSpace(current) else { offset += length; continue }
            let tokenStart = offset
            // The token's word: from its first letter or digit to its last.
            var wordStart = -1, wordEnd = tokenStart
            var letters = 0, uppercase = 0
            var firstIsUpper = false
            var uppercaseInside = false, other = false
            var previous = Kind.other
            var afterWord: Unicode.Scalar?
            while true {
                let kind = classify(current)
                if kind != .other {
                    if wordStart < 0 { wordStart = offset }
                    if kind == .digit { other = true }
                    if kind == .upper || kind == .lower {
                        letters += 1
                        if letters == 1 { firstIsUpper = kind == .upper }
                        if kind == .upper {
                            uppercase += 1
                            if letters > 1, previous == .lower { uppercaseInside = true }
                        }
                    }
                    // Marks met between letters belong to the word ("bl.a", "og/eller", "d'Angers").
                    if let mark = afterWord {
                        if mark != "-" { other = true }
                        afterWord = nil
                    }
                    wordEnd = offset + length
                } else if wordStart >= 0 {
                    if afterWord == nil { afterWord = current } else if afterWord == "-", current == "-" { other = true }
                }
                previous = kind
                offset += length
                guard offset < count else { break }
                (current, length) = scalar(at: offset)
                if isSpace(current) { break }
            }
            let startsSentence = opensSentence
            // What follows the word: ". ! ? :" end a sentence (an abbreviation's next word is in lower case anyway).
            var ends = false
            for position in wordEnd..<offset {
                let byte = bytes[position]
                if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: ":") { ends = true }
            }
            if wordStart >= 0 {
                opensSentence = ends
                let openCompound = (wordStart > tokenStart && bytes[wordStart - 1] == UInt8(ascii: "-"))
                    || (wordEnd < offset && bytes[wordEnd] == UInt8(ascii: "-"))
                // More than 60 letters is no word of prose (a pasted hash, a run of letters).
                if !other, !openCompound, letters >= 3, letters <= 60, !uppercaseInside, uppercase != letters {
                    words.append(SpellingWord(text: line[index(wordStart)..<index(wordEnd)],
                                              hasFullStop: wordEnd < offset && bytes[wordEnd] == UInt8(ascii: "."),
                                              opensSentence: startsSentence,
                                              hash: DanishBytes.fnv(UnsafeBufferPointer(rebasing: bytes[wordStart..<wordEnd])),
                                              isCapitalised: firstIsUpper && uppercase == 1))
                }
            } else if ends {
                opensSentence = true
            }
        }
        return words
    }

    enum Kind { case lower, upper, digit, other }

    @inline(__always) static func classify(_ scalar: Unicode.Scalar) -> Kind {
        let value = scalar.value
        if value < 0x80 {
            if value >= 0x61 && value <= 0x7A { return .lower }
            if value >= 0x41 && value <= 0x5A { return .upper }
            if value >= 0x30 && value <= 0x39 { return .digit }
            return .other
        }
        if value < 0x100 {
            if value >= 0xDF && value != 0xF7 { return .lower }
            if value >= 0xC0 && value != 0xD7 { return .upper }
            return .other
        }
        let properties = scalar.properties
        if properties.isAlphabetic { return properties.isUppercase ? .upper : .lower }
        if properties.numericType != nil { return .digit }
        // Combining marks belong to their letter.
        if properties.generalCategory == .nonspacingMark { return .lower }
        return .other
    }

    @inline(__always) static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x2000...0x200B, 0x202F, 0x3000: return true
        default: return false
        }
    }
}
