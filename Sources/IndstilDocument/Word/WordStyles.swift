import IndstilSupport

/// What a paragraph style means to the reader, from styles.xml: its name, the style it is
/// based on, its outline level and its list. Word shows built-in styles by localised name
/// but stores them by English name or id; Danish templates and other programs write
/// "Overskrift 1", and custom styles are based on either.
package struct WordStyles {
    package enum Role: Equatable {
        case heading(Int)
        case title, subtitle, quote, code, signature
        /// indstil's own: the document type line, the recipient lines, the metadata block,
        /// the sender's letterhead (the profile's `look.letterhead`).
        case documentLabel, headerLine, metadata, letterhead
        case body
    }

    private struct Style {
        let name: String
        let basedOn: String?
        let outlineLevel: Int?
        let numbering: WordListReference?
    }

    private var styles: [String: Style] = [:]
    /// Each style's role, worked out once (every paragraph asks).
    private var roles: [String: Role] = [:]

    package init(_ root: WordXMLElement?) {
        guard let root else { return }
        for element in root.children("style") {
            guard let id = element.attributes["styleId"] else { continue }
            let pPr = element.child("pPr")
            styles[id] = Style(name: element.value(of: "name") ?? id, basedOn: element.value(of: "basedOn"),
                               outlineLevel: pPr?.value(of: "outlineLvl").flatMap(Int.init),
                               numbering: pPr?.child("numPr").flatMap(WordListReference.init))
        }
        for id in styles.keys { roles[id] = resolveRole(of: id) }
    }

    /// The role of a paragraph with style `id`.
    package func role(of id: String?) -> Role {
        guard let id else { return .body }
        return roles[id] ?? resolveRole(of: id)
    }

    /// The role following `basedOn` (at most 20 steps: a loop in a damaged file ends there).
    private func resolveRole(of id: String?) -> Role {
        var current = id
        var steps = 0
        while let styleID = current, steps < 20 {
            steps += 1
            let style = styles[styleID]
            if let role = Self.role(named: style?.name ?? styleID) ?? Self.role(named: styleID) { return role }
            if let level = style?.outlineLevel, (0...8).contains(level) { return .heading(level + 1) }
            current = style?.basedOn
        }
        return .body
    }

    /// The list a style itself carries ("List Number"), following `basedOn`.
    func listReference(of id: String?) -> WordListReference? {
        var current = id
        var steps = 0
        while let styleID = current, steps < 20 {
            steps += 1
            if let numbering = styles[styleID]?.numbering { return numbering }
            current = styles[styleID]?.basedOn
        }
        return nil
    }

    /// Built-in names in English (as stored) and Danish (as Danish templates write them).
    package static func role(named name: String) -> Role? {
        let lower = name.lowercased().trimmingCharacters(in: .whitespaces)
        for prefix in ["heading", "overskrift"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
            if let level = Int(rest), (1...9).contains(level) { return .heading(level) }
        }
        switch lower {
        case "title", "titel": return .title
        case "subtitle", "undertitel": return .subtitle
        case "quote", "citat", "intense quote", "kraftigt citat", "block text", "blokteks", "bloktekst": return .quote
        case "html preformatted", "html - forudformateret", "preformatted text", "source code": return .code
        case "signature", "underskrift": return .signature
        case "dokumenttype", "documentlabel": return .documentLabel
        case "modtagerlinje", "headerline": return .headerLine
        case "sagsoplysninger", "metadata": return .metadata
        case "brevhoved", "letterhead": return .letterhead
        default: return nil
        }
    }
}

/// `<w:numPr>`: which list (w:numId) and which level (w:ilvl) a paragraph is in.
package struct WordListReference: Equatable {
    package let numID: String
    package let level: Int

    package init(numID: String, level: Int) {
        self.numID = numID
        self.level = level
    }

    package init?(_ numPr: WordXMLElement) {
        guard let numID = numPr.value(of: "numId"), numID != "0" else { return nil }
        self.numID = numID
        level = numPr.value(of: "ilvl").flatMap(Int.init).map { min(max($0, 0), 8) } ?? 0
    }
}

/// numbering.xml: for each list and level, whether it counts (decimal, letters, roman,
/// Word's "At %1)") or marks (bullets), and where it starts.
package struct WordNumbering {
    package struct Level {
        let isOrdered: Bool
        package let start: Int
        /// `w:numFmt`: "decimal", "bullet", "lowerLetter", "upperRoman" …
        package var format = "decimal"
        /// `w:lvlText`: how the number is shown, "%1)" or "%1.%2." (nil: "%N.").
        package var text: String?

        /// `number` as this level shows it: 3 → "c", "iii", "C", "III" or "3".
        package func shown(_ number: Int) -> String {
            switch format {
            case "lowerLetter", "upperLetter":
                // Word's letters: a … z, then aa … zz, aaa …
                let letter = Character(UnicodeScalar(UInt8(ascii: "a") + UInt8((max(number, 1) - 1) % 26)))
                let text = String(repeating: letter, count: (max(number, 1) - 1) / 26 + 1)
                return format == "upperLetter" ? text.uppercased() : text
            case "lowerRoman", "upperRoman":
                var rest = min(max(number, 1), 3999)
                var text = ""
                for (value, numeral) in [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
                                         (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")] {
                    while rest >= value { text += numeral; rest -= value }
                }
                return format == "upperRoman" ? text.uppercased() : text
            default:
                return String(number)
            }
        }

        /// Numbered with letters or roman numerals, which Markdown writes as 1., 2., 3.
        package var isLetteredOrRoman: Bool { ["lowerLetter", "upperLetter", "lowerRoman", "upperRoman"].contains(format) }
    }

    private var abstractLevels: [String: [Int: Level]] = [:]
    private var lists: [String: (abstractID: String, startOverrides: [Int: Int])] = [:]

    package init(_ root: WordXMLElement?) {
        guard let root else { return }
        for abstract in root.children("abstractNum") {
            guard let id = abstract.attributes["abstractNumId"] else { continue }
            var levels: [Int: Level] = [:]
            for level in abstract.children("lvl") {
                guard let index = level.attributes["ilvl"].flatMap(Int.init) else { continue }
                let format = level.value(of: "numFmt") ?? "decimal"
                levels[index] = Level(isOrdered: format != "bullet" && format != "none",
                                      start: Self.bounded(level.value(of: "start").flatMap(Int.init) ?? 1), format: format, text: level.value(of: "lvlText"))
            }
            abstractLevels[id] = levels
        }
        for list in root.children("num") {
            guard let id = list.attributes["numId"], let abstractID = list.value(of: "abstractNumId") else { continue }
            var overrides: [Int: Int] = [:]
            for override in list.children("lvlOverride") {
                if let level = override.attributes["ilvl"].flatMap(Int.init), let start = override.value(of: "startOverride").flatMap(Int.init) {
                    overrides[level] = Self.bounded(start)
                }
            }
            lists[id] = (abstractID, overrides)
        }
    }

    /// A list's start as Word allows it (0 to 32 767): a file's larger or negative number
    /// would overflow the count or make a label of billions of letters.
    static func bounded(_ start: Int) -> Int { min(max(start, 0), 32_767) }

    /// The level a paragraph's list reference points at; a list numbering.xml does not
    /// define reads as a bullet list (nothing is invented).
    package func level(_ reference: WordListReference) -> Level {
        guard let list = lists[reference.numID], let level = abstractLevels[list.abstractID]?[reference.level] else {
            return Level(isOrdered: false, start: 1)
        }
        return Level(isOrdered: level.isOrdered, start: list.startOverrides[reference.level] ?? level.start, format: level.format, text: level.text)
    }
}
