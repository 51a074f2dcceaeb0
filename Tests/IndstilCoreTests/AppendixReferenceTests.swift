import Foundation
import Testing
@testable import IndstilCore
@testable import IndstilSupport
@testable import IndstilDocument
@testable import IndstilChecks
@testable import IndstilRender
@testable import IndstilWorkspace
@testable import IndstilPackets

/// `AppendixReference.find(inText:)` runs its pattern only on the part of a line from just
/// before the first "bilag": it must find what the pattern finds on the whole line.
@Suite struct AppendixReferenceTests {
    static let wholeLinePattern = try! NSRegularExpression(
        pattern: #"\bbilag\s+(\d+[A-Za-z]?(?:\s*(?:,|og|-|–)\s*\d+[A-Za-z]?)*)(?![\w.,]*\d)"#,
        options: [.caseInsensitive])

    static func reference(_ text: String) -> [String] {
        wholeLinePattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
            String(text[Range($0.range(at: 1), in: text)!])
        }
    }

    static let samples: [String] = [
        "Se bilag 1.", "Jf. Bilag 2-4 og bilag 5A.", "Nye lokaler på Østergade (bilag 3).", "xbilag 1", "æbilag 1",
        "e\u{301}bilag 2", "\u{301}bilag 2", "ø\u{301}\u{301}bilag 1 og bilag 2", "(bilag 1, 2 og 3)", "bilag 12a3",
        "BILAG 7", "Sebilag 1 og bilag 2", "– bilag 4", "”bilag 4”", "ØBILAG 1 bilag 2", "bilag", "bilag 5", "ébilag 6",
        "Før bilag 1 efter", "æøå\u{00AD}bilag 2", "a\u{200D}bilag 3", "ingen henvisning her", "bbilag 1 bilag 2",
    ]

    @Test(arguments: samples)
    func findsWhatThePatternFindsOnTheWholeLine(_ line: String) {
        let text = "---\nprofil: x\ntitel: T\n---\n\n\(line)\n"
        guard case .document(let document) = DocumentLoader.parse(text, url: URL(fileURLWithPath: "/nonexistent/sag.md"), displayPath: "sag.md") else {
            Issue.record("not a document")
            return
        }
        let found = AppendixReference.find(inText: line, line: 6, document: document)
        #expect(found.map(\.label) == Self.reference(line).flatMap(AppendixReference.expand))
    }
}
