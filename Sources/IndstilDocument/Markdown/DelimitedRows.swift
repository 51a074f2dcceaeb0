import IndstilSupport

/// Rows separated by a character: tab-separated lines pasted from a spreadsheet, and CSV
/// files (";" as Danish Excel writes them, else ","). Quoted fields ("a;b", "say ""hi""")
/// may hold the separator and doubled quotes; a quoted field does not span lines.
enum DelimitedRows {
    /// The fields of one line with their offsets in characters.
    package static func fields(_ line: Substring, separator: Character) -> [(text: String, offset: Int)] {
        var fields: [(String, Int)] = []
        var current = ""
        var start = 0
        var quoted = false
        var atFieldStart = true
        let characters = Array(line)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if quoted {
                if character == "\"" {
                    if index + 1 < characters.count, characters[index + 1] == "\"" {
                        current.append("\"")
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    current.append(character)
                }
            } else if character == separator {
                fields.append((current, start))
                current = ""
                start = index + 1
                atFieldStart = true
                index += 1
                continue
            } else if character == "\"" && atFieldStart && current.allSatisfy({ $0 == " " }) {
                quoted = true
                current = ""
            } else {
                current.append(character)
            }
            atFieldStart = false
            index += 1
        }
        fields.append((current, start))
        return fields
    }

    /// ";" when the first line has one (Danish Excel), else "," — or a tab, when there is one.
    package static func separator(forFirstLine line: Substring) -> Character {
        if line.contains("\t") { return "\t" }
        return line.contains(";") ? ";" : ","
    }
}
