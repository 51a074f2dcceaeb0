import Foundation
import Testing
import IndstilCore

/// Two versions compared as what they are: fields, sections, decision points, paragraphs,
/// table cells; word by word; moves as moves; bounded on hostile input.
@Suite("Redline: two versions compared")
struct DocumentDiffTests {
    static func document(_ text: String) throws -> Document {
        guard case .document(let document) = DocumentLoader.parse(text, url: URL(fileURLWithPath: "/tmp/sag.md"), displayPath: "sag.md") else {
            throw Failure()
        }
        return document
    }

    struct Failure: Error {}

    static let old = """
        ---
        titel: "Nye cykelstier"
        dato: 2026-03-31
        ---

        # 1. Resume

        Byen får nye stier i de næste tre år.

        Stierne bygges af Teknik og Miljø.

        # 2. Beslutningspunkter

        1. Byrådet godkender planen.
        2. Byrådet afsætter pengene.

        # 3. Økonomi

        | Sted | Km |
        | --- | ---: |
        | Midtbyen | 4 |
        | Havnen | 2 |

        """

    static func compare(_ old: String, _ new: String) throws -> DocumentDiff {
        try DocumentDiff.compare(old: document(old), new: document(new)) { $0.title == "Beslutningspunkter" }
    }

    @Test("Nothing changed: no change, and every block is the same")
    func identical() throws {
        let diff = try Self.compare(Self.old, Self.old)
        #expect(diff.changes.isEmpty)
        #expect(diff.blocks.allSatisfy { if case .same = $0.state { return true } else { return false } })
    }

    @Test("A sentence edited, a decision point added, a cell changed, a field changed, a paragraph moved: exactly five changes, decision points first")
    func fiveChanges() throws {
        var new = Self.old.replacingOccurrences(of: "i de næste tre år", with: "i de næste fire år")
            .replacingOccurrences(of: "2. Byrådet afsætter pengene.", with: "2. Byrådet afsætter pengene.\n3. Byrådet får en status om et år.")
            .replacingOccurrences(of: "| Havnen | 2 |", with: "| Havnen | 3 |")
            .replacingOccurrences(of: "dato: 2026-03-31", with: "dato: 2026-04-07")
            .replacingOccurrences(of: "Stierne bygges af Teknik og Miljø.\n\n", with: "")
        new += "\nStierne bygges af Teknik og Miljø.\n"
        let diff = try Self.compare(Self.old, new)
        let summary = diff.changes.map { "\($0.kind.rawValue) \($0.place.rawValue) \($0.section ?? "-") \($0.label ?? "-")" }
        #expect(summary == [
            "added decision-point 2. Beslutningspunkter punkt 3",
            "changed field - dato",
            "changed paragraph 1. Resume -",
            "changed table-cell 3. Økonomi tabel, række »Havnen«, kolonne »Km«",
            "moved paragraph 3. Økonomi -",
        ], "\(summary)")
        let sentence = try #require(diff.changes.first { $0.place == .paragraph && $0.kind == .changed })
        #expect(sentence.segments == [.init(.same, "Byen får nye stier i de næste "), .init(.deleted, "tre"), .init(.inserted, "fire"), .init(.same, " år.")])
        let cell = try #require(diff.changes.first { $0.place == .tableCell })
        #expect((cell.old, cell.new) == ("2", "3"))
    }

    @Test("Sections added and removed whole, and a heading renamed")
    func sections() throws {
        let new = Self.old.replacingOccurrences(of: "# 3. Økonomi", with: "# 3. Økonomi og drift")
            .replacingOccurrences(of: "# 1. Resume\n\nByen får nye stier i de næste tre år.\n\nStierne bygges af Teknik og Miljø.\n\n", with: "")
            + "\n# 4. Opfølgning\n\nByrådet får en status.\n"
        let diff = try Self.compare(Self.old, new)
        let summary = diff.changes.map { "\($0.kind.rawValue) \($0.place.rawValue) \($0.section ?? "-")" }
        #expect(summary.contains("removed section 1. Resume"), "\(summary)")
        #expect(summary.contains("added section 4. Opfølgning"), "\(summary)")
        // "Økonomi" → "Økonomi og drift" is another section (titles are the sections' names).
        #expect(summary.contains("removed section 3. Økonomi") && summary.contains("added section 3. Økonomi og drift"), "\(summary)")
    }

    @Test("A decision point moved keeps its number in the headline; a row inserted before others is that row added; a repeated »I alt« is paired in turn")
    func movesAndRows() throws {
        let reordered = Self.old.replacingOccurrences(of: "1. Byrådet godkender planen.\n2. Byrådet afsætter pengene.",
                                                      with: "1. Byrådet afsætter pengene.\n2. Byrådet godkender planen.")
        let moved = try Self.compare(Self.old, reordered)
        #expect(moved.changes.count == 1 && moved.changes[0].kind == .moved && moved.changes[0].place == .decisionPoint, "\(moved.changes)")
        let headline = moved.changes.first.map(RedlineWording.headline) ?? ""
        #expect(headline.hasPrefix("Beslutningspunkt ") && headline.hasSuffix("flyttet fra »2. Beslutningspunkter«"), "\(headline)")

        let table = { (rows: String) in Self.old.replacingOccurrences(of: "| Midtbyen | 4 |\n| Havnen | 2 |\n", with: rows) }
        let before = table("| Midtbyen | 4 |\n| I alt | 4 |\n| Havnen | 2 |\n| I alt | 2 |\n")
        let after = table("| Banegården | 1 |\n| Midtbyen | 4 |\n| I alt | 4 |\n| Havnen | 2 |\n| I alt | 3 |\n")
        let rows = try Self.compare(before, after).changes.map { "\($0.kind.rawValue) \($0.place.rawValue) \($0.label ?? "") \($0.old ?? "-")→\($0.new ?? "-")" }
        #expect(rows == ["added table-row tabel, række »Banegården« -→Banegården | 1",
                         "changed table-cell tabel, række »I alt«, kolonne »Km« 2→3"], "\(rows)")
    }

    @Test("Words, not letters: a changed word is one change; a short value is replaced whole; spaces between changes join them")
    func wordDiff() {
        #expect(WordDiff.segments(old: "Byrådet godkender planen", new: "Byrådet vedtager planen")
                == [.init(.same, "Byrådet "), .init(.deleted, "godkender"), .init(.inserted, "vedtager"), .init(.same, " planen")])
        #expect(WordDiff.segments(old: "a b c", new: "x y c") == [.init(.deleted, "a b"), .init(.inserted, "x y"), .init(.same, " c")])
        #expect(WordDiff.valueSegments(old: "1,8", new: "2,1") == [.init(.deleted, "1,8"), .init(.inserted, "2,1")])
        #expect(WordDiff.segments(old: "", new: "ny tekst") == [.init(.inserted, "ny tekst")])
    }

    @Test("Two long texts that differ throughout: bounded, not quadratic (a second at most)")
    func hostileSizes() throws {
        let a = (0..<150_000).map { "a\($0)" }.joined(separator: " ")
        let b = (0..<150_000).map { "b\($0)" }.joined(separator: " ")
        let started = Date()
        let segments = WordDiff.segments(old: a, new: b)
        #expect(segments.map(\.kind) == [.deleted, .inserted])
        let manyOld = "---\ntitel: x\n---\n\n# 1. A\n\n" + (0..<5_000).map { "Afsnit \($0) gammelt." }.joined(separator: "\n\n") + "\n"
        let manyNew = "---\ntitel: x\n---\n\n# 1. A\n\n" + (0..<5_000).map { "Stykke \($0) nyt." }.joined(separator: "\n\n") + "\n"
        _ = try Self.compare(manyOld, manyNew)
        // 5 000 decision points, each reworded: each is that point changed, numbered in one pass.
        let pointsOld = "---\ntitel: x\n---\n\n# 2. Beslutningspunkter\n\n" + (1...5_000).map { "\($0). Byrådet godkender punkt \($0)." }.joined(separator: "\n") + "\n"
        let pointsNew = pointsOld.replacingOccurrences(of: "godkender", with: "vedtager")
        let points = try Self.compare(pointsOld, pointsNew)
        #expect(points.changes.count == 5_000 && points.changes.last?.label == "punkt 5000")
        #expect(Date().timeIntervalSince(started) < 10, "\(Date().timeIntervalSince(started)) s")
    }

    @Test("Two versions of 12.000 characters compared in under 100 ms")
    func speed() throws {
        let paragraph = "Kommunen har mere end 140 mødelokaler på skoler, biblioteker, lokalcentre og rådhuse, og de bruges flittigt om dagen. "
        var old = "---\ntitel: \"Lokaler\"\ndato: 2026-03-31\n---\n"
        for section in 1...9 {
            old += "\n# \(section). Afsnit \(section)\n\n"
            for index in 0..<11 { old += paragraph + "Stykke \(section).\(index).\n\n" }
        }
        #expect(old.count >= 12_000, "\(old.count)")
        let new = old.replacingOccurrences(of: "Stykke 3.4.", with: "Stykke 3.4 er ændret.").replacingOccurrences(of: "Stykke 7.1.", with: "")
        let oldDocument = try Self.document(old), newDocument = try Self.document(new)
        var best = Double.infinity
        for _ in 0..<5 {
            let started = Date()
            let diff = DocumentDiff.compare(old: oldDocument, new: newDocument)
            _ = RedlineText.report(diff, old: "a", new: "b", colour: false)
            best = min(best, Date().timeIntervalSince(started))
            #expect(diff.changes.count == 2)
        }
        #expect(best < 0.1, "\(best) s")
    }
}
