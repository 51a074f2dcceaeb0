import Testing
@testable import IndstilCore
@testable import IndstilSupport
@testable import IndstilDocument
@testable import IndstilChecks
@testable import IndstilRender
@testable import IndstilWorkspace
@testable import IndstilPackets

/// `FrontMatterSplit.split` finds the fences on UTF-8 bytes and stops at the closing one;
/// it must agree with the definition on Characters: the lines of `lineSlices`, a first
/// line "---" and a closing "---" or "..." (trailing spaces and tabs ignored).
@Suite struct FrontMatterSplitTests {
    struct Expected: Equatable {
        let yaml: String?
        let yamlFirstLine: Int
        let closingLine: Int
        let body: String
        let bodyLineOffset: Int
        let isUnterminated: Bool

        init(_ split: FrontMatterSplit) {
            self.init(yaml: split.yaml, yamlFirstLine: split.yamlFirstLine, closingLine: split.closingLine,
                      body: split.body, bodyLineOffset: split.bodyLineOffset, isUnterminated: split.isUnterminated)
        }

        init(yaml: String?, yamlFirstLine: Int, closingLine: Int, body: String, bodyLineOffset: Int, isUnterminated: Bool) {
            self.yaml = yaml
            self.yamlFirstLine = yamlFirstLine
            self.closingLine = closingLine
            self.body = body
            self.bodyLineOffset = bodyLineOffset
            self.isUnterminated = isUnterminated
        }
    }

    static func reference(_ text: String) -> Expected {
        func trimmed(_ line: Substring) -> Substring {
            var line = line
            while let last = line.last, last == " " || last == "\t" { line = line.dropLast() }
            return line
        }
        let none = Expected(yaml: nil, yamlFirstLine: 0, closingLine: 0, body: text, bodyLineOffset: 0, isUnterminated: false)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, trimmed(first) == "---" else { return none }
        for index in 1..<max(1, lines.count) where trimmed(lines[index]) == "---" || trimmed(lines[index]) == "..." {
            let yaml = lines[1..<index].joined(separator: "\n")
            let body = lines[(index + 1)...].joined(separator: "\n")
            return Expected(yaml: yaml, yamlFirstLine: 2, closingLine: index + 1, body: body, bodyLineOffset: index + 1, isUnterminated: false)
        }
        return Expected(yaml: nil, yamlFirstLine: 2, closingLine: 0, body: text, bodyLineOffset: 0, isUnterminated: true)
    }

    static let samples: [String] = [
        "", "-", "---", "---\n", "---\n---", "---\n---\n", "---\n...\nBody", "---\ntitel: A\n---\n# Hej\n\nTekst\n",
        "--- \t\ntitel: A\n---  \nBody", "---\na: 1\nb: 2\n...\n", "---\nno end\n", "----\na\n---\n", "--\n---\n",
        "---\r\na: 1\r\n---\r\nBody", "---\na: 1\r\n---\nBody", "---\n\n\n---\n\n", "---\na: \"---\"\n --- \n---\nB",
        "---\ntitel: Æble\n---\u{301}\n---\nø", "---\na\n.. .\n...\t\n", "Tekst\n---\n", "---\na\n---\n---\nb",
    ]

    @Test(arguments: samples)
    func agreesWithTheLineDefinition(_ text: String) {
        #expect(Expected(FrontMatterSplit.split(text)) == Self.reference(text))
    }
}
