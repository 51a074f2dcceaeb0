import Foundation
import Testing
import IndstilCore

/// `spelling.unknown-word` on real documents with Debian's Danish dictionary: misspellings
/// found with suggestions, clean documents clean, the vocabulary of profile, project and
/// front matter, and never a word inside code, links, case numbers or file names.
@Suite("Spelling (end to end)") struct SpellingCommandTests {
    static func findings(_ result: RunResult, check: String) throws -> [[String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        return (object["files"] as? [[String: Any]] ?? []).flatMap { $0["diagnostics"] as? [[String: Any]] ?? [] }
            .filter { $0["check"] as? String == check }
    }

    static func messages(_ result: RunResult, check: String) throws -> [String] {
        try findings(result, check: check).compactMap { $0["message"] as? String }
    }

    @Test("Three misspellings and two stiff phrases give exactly those five notes, each with its suggestion")
    func threeMisspellingsTwoStiffPhrases() throws {
        let project = try TempFolder("spelling")
        defer { project.remove() }
        let text = try Fixtures.exampleText(Fixtures.byraad)
            .replacingOccurrences(of: "Om dagen bruges de flittigt af medarbejderne.",
                                  with: "Om dagen bruges de flittigt af medarbejderne i kommunne.")
            .replacingOccurrences(of: "Det gør det svært for en forening at finde",
                                  with: "Såfremt en forening vil låne et lokale, er det svært for den at finde")
            .replacingOccurrences(of: "Magistraten foreslår derfor én fælles ordning",
                                  with: "Magistraten foreslår derfor i henhold til foreningernes anbefallinger og denne beslutnig én fælles ordning")
        try project.write("sag.md", text)
        try project.write("bilag/lokaleoversigt.md", try Fixtures.exampleText("aarhus-byraad/bilag/lokaleoversigt.md"))
        try project.write("bilag/erfaringer-fra-forsoeget.pdf", data: try Data(contentsOf: Fixtures.packageRoot
            .appendingPathComponent("examples/aarhus-byraad/bilag/erfaringer-fra-forsoeget.pdf")))
        let result = try project.run("check", "sag.md", "--format", "json")
        let spelling = try Self.messages(result, check: "spelling.unknown-word")
        #expect(Set(spelling) == [
            "»kommunne« står ikke i ordbogen; mente du »kommune«?",
            "»anbefallinger« står ikke i ordbogen; mente du »anbefalinger«?",
            "»beslutnig« står ikke i ordbogen; mente du »beslutning«?",
        ] && spelling.count == 3, "\(spelling)")
        let stiff = try Self.messages(result, check: "readability.stiff-phrase")
        #expect(Set(stiff) == ["»Såfremt« er kancellisprog; skriv hellere »hvis«",
                               "»i henhold til« er kancellisprog; skriv hellere »efter, ifølge«"] && stiff.count == 2, "\(stiff)")
        // Each points at the word: its line and column in the file.
        let lines = text.components(separatedBy: "\n")
        for finding in try Self.findings(result, check: "spelling.unknown-word") {
            let line = try #require(finding["line"] as? Int), column = try #require(finding["column"] as? Int)
            let message = try #require(finding["message"] as? String)
            let word = String(message.dropFirst().prefix { $0 != "«" })
            #expect(lines[line - 1].dropFirst(column - 1).hasPrefix(word), "\(finding)")
        }
        // The text report says the same, as notes (exit 0: notes do not fail a check).
        let plain = try project.run("check", "sag.md")
        #expect(plain.status == 0 && plain.stdout.contains("note: »beslutnig« står ikke i ordbogen; mente du »beslutning«? [spelling.unknown-word]"), "\(plain)")
    }

    @Test("The shipped examples and the 2021 recommendation have no unknown word; as Aarhus published it, the latter has two slips")
    func cleanDocuments() throws {
        let examples = try CLI.run(["check", "examples", "--format", "json"], in: Fixtures.packageRoot, timeout: 60)
        let unknown = try Self.messages(examples, check: "spelling.unknown-word")
        #expect(unknown.isEmpty, "\(unknown)")
        let nominal = try Self.messages(examples, check: "readability.nominalisation")
        #expect(nominal.isEmpty, "\(nominal)")
        let fixture = "Tests/Fixtures/aarhuskompasset-2021/aarhuskompasset.md"
        let seed = try CLI.run(["check", fixture, "--format", "json"], in: Fixtures.packageRoot, timeout: 60)
        let seedWords = try Self.messages(seed, check: "spelling.unknown-word")
        #expect(seedWords.isEmpty, "\(seedWords)")
        // The published text writes »kernerdrift« and »budgetredegerelse«; the fixture corrects them.
        let project = try TempFolder("spelling-seed")
        defer { project.remove() }
        let published = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent(fixture), encoding: .utf8)
            .replacingOccurrences(of: "kernedrift", with: "kernerdrift").replacingOccurrences(of: "budgetredegørelse", with: "budgetredegerelse")
        try project.write("aarhuskompasset.md", published)
        let slips = try Self.messages(try project.run("check", "aarhuskompasset.md", "--format", "json"), check: "spelling.unknown-word")
        #expect(slips == [
            "»kernerdrift« står ikke i ordbogen; mente du »kernedrift«?",
            "»budgetredegerelse« står ikke i ordbogen; mente du »budgetredegørelse«?",
        ], "\(slips)")
    }

    @Test("Code, links, case numbers, file names, e-mail, acronyms and names are never spelt; the vocabulary accepts")
    func notProseAndVocabulary() throws {
        let project = try TempFolder("spelling-vocabulary")
        defer { project.remove() }
        let text = try Fixtures.exampleText(Fixtures.byraad)
            .replacingOccurrences(of: "Om dagen bruges de flittigt af medarbejderne.", with: """
                Om dagen bruges de `lokaleBooking_v2` og [bookingsiden](https://aarhus.dk/xqzbooking) \
                af MBU og KSL-udvalget (sag 24/011872, fil lokaler_2026.xlsx, <https://example.dk/qwrtz>, \
                booking@qwrtz.dk), bl.a. i Bjørnsholt. Gellerupfolk og Brumlebyen låner dem.
                """)
        try project.write("sag.md", text)
        try project.write("bilag/lokaleoversigt.md", try Fixtures.exampleText("aarhus-byraad/bilag/lokaleoversigt.md"))
        let before = try Self.messages(try project.run("check", "sag.md", "--format", "json"), check: "spelling.unknown-word")
        // Only the two words that open a sentence are read; a name inside one is not.
        #expect(Set(before.map { String($0.dropFirst().prefix { $0 != "«" }) }) == ["Gellerupfolk"], "\(before)")

        // The project's word list (ordliste.txt beside indstil.yml) accepts it.
        try project.write("indstil.yml", "profile: aarhus-byraad\n")
        try project.write("ordliste.txt", "# Steder\nGellerupfolk\n")
        let after = try Self.messages(try project.run("check", "sag.md", "--format", "json"), check: "spelling.unknown-word")
        #expect(after.isEmpty, "\(after)")

        // …and so does indstil.yml's own list, instead.
        try FileManager.default.removeItem(at: project.url("ordliste.txt"))
        try project.write("indstil.yml", "profile: aarhus-byraad\nspelling:\n  words: [Gellerupfolk]\n")
        let listed = try Self.messages(try project.run("check", "sag.md", "--format", "json"), check: "spelling.unknown-word")
        #expect(listed.isEmpty, "\(listed)")

        // A word file outside the project is refused with its line.
        try project.write("indstil.yml", "profile: aarhus-byraad\nspelling:\n  word_files: [../andet/ord.txt]\n")
        let outside = try project.run("check", "sag.md")
        #expect(outside.status == 2 && outside.stderr.contains("peger uden for projektet") && outside.stderr.contains("indstil.yml:3"), "\(outside)")
    }

    @Test("A profile makes unknown words warnings and brings its own word file; front-matter names are accepted")
    func profileVocabularyAndSeverity() throws {
        let project = try TempFolder("spelling-profile")
        defer { project.remove() }
        let profile = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("Templates/aarhus-byraad/profile.yml"), encoding: .utf8)
            .replacingOccurrences(of: "spelling:\n  severity: note\n  words: [Frederiksbjerg, Hasle, Toveshøj]\n",
                                  with: "spelling:\n  severity: warning\n  words: [Brumlebyen]\n  word_files: [steder.txt]\n")
        #expect(profile.contains("severity: warning"))
        try project.write("profiles/aarhus-byraad/profile.yml", profile)
        try project.write("profiles/aarhus-byraad/steder.txt", "Qwertyhaven\n")
        try project.write("indstil.yml", "profile: aarhus-byraad\n")
        let text = try Fixtures.exampleText(Fixtures.byraad)
            .replacingOccurrences(of: "navn: Ida Eksempel", with: "navn: Xyloph Zarquonsen")
            .replacingOccurrences(of: "Om dagen bruges de flittigt af medarbejderne.",
                                  with: "Brumlebyen er med. Qwertyhaven er med. Zarquonsen svarer. Om dagen bruges de flittigt af medarbejderne i kommunne.")
        try project.write("sag.md", text)
        try project.write("bilag/lokaleoversigt.md", try Fixtures.exampleText("aarhus-byraad/bilag/lokaleoversigt.md"))
        let result = try project.run("check", "sag.md", "--format", "json")
        let found = try Self.findings(result, check: "spelling.unknown-word")
        #expect(found.count == 1 && found.first?["severity"] as? String == "warning"
                && (found.first?["message"] as? String)?.hasPrefix("»kommunne«") == true, "\(found)")

        // A word file outside the folder of profiles stops the profile with a clear message.
        try project.write("profiles/aarhus-byraad/profile.yml", profile.replacingOccurrences(of: "word_files: [steder.txt]", with: "word_files: [../../../etc/ord.txt]"))
        let refused = try project.run("check", "sag.md")
        #expect(refused.status == 1 && refused.stdout.contains("peger uden for profilernes mappe"), "\(refused)")
    }

    @Test("Without the Danish dictionary the check says once per document that it did not run")
    func missingDictionary() throws {
        let result = try CLI.run(["check", Fixtures.byraad, "--format", "json"], in: Fixtures.packageRoot.appendingPathComponent("examples"),
                                 environment: ["INDSTIL_DICTIONARY": "/nonexistent/da_DK"])
        let messages = try Self.messages(result, check: "spelling.unknown-word")
        #expect(messages.count == 1 && messages[0].hasPrefix("Stavekontrollen kørte ikke") && messages[0].contains("hunspell-da"), "\(messages)")
        // A dictionary that is a FIFO is no dictionary: refused at once, never waited on.
        let folder = try TempFolder("spelling-fifo-dictionary")
        defer { folder.remove() }
        for name in ["da_DK.aff", "da_DK.dic"] { #expect(mkfifo(folder.url(name).path, 0o600) == 0) }
        let fifo = try CLI.run(["check", Fixtures.byraad, "--format", "json"], in: Fixtures.packageRoot.appendingPathComponent("examples"),
                               timeout: 20, environment: ["INDSTIL_DICTIONARY": folder.url("da_DK").path])
        let fifoMessages = try Self.messages(fifo, check: "spelling.unknown-word")
        #expect(fifoMessages.count == 1 && fifoMessages[0].hasPrefix("Stavekontrollen kørte ikke"), "\(fifo)")
    }

    @Test("The project's ordliste.txt must be a regular file inside the project: a FIFO, a link out and 20 MB are refused, naming it")
    func projectWordListGate() throws {
        let project = try TempFolder("spelling-word-list-gate")
        defer { project.remove() }
        try project.write("sag.md", try Fixtures.exampleText(Fixtures.byraad))
        try project.write("indstil.yml", "profile: aarhus-byraad\n")
        let list = project.url("ordliste.txt")
        #expect(mkfifo(list.path, 0o600) == 0)
        let fifo = try project.run("check", "sag.md")
        #expect(fifo.status == 2 && fifo.stderr.contains("ordliste.txt:1") && fifo.stderr.contains("ikke en almindelig fil"), "\(fifo)")
        try FileManager.default.removeItem(at: list)
        try FileManager.default.createSymbolicLink(atPath: list.path, withDestinationPath: "/etc/hostname")
        let linked = try project.run("check", "sag.md")
        #expect(linked.status == 2 && linked.stderr.contains("ordliste.txt:1") && linked.stderr.contains("peger uden for projektet"), "\(linked)")
        try FileManager.default.removeItem(at: list)
        try project.write("ordliste.txt", data: Data(repeating: UInt8(ascii: "a"), count: 20 << 20))
        let huge = try project.run("check", "sag.md")
        #expect(huge.status == 2 && huge.stderr.contains("Filen er for stor"), "\(huge)")
    }

    @Test("Answers are kept between runs: the second run asks the dictionary nothing, reports the same, and keeps no document text")
    func keptAnswers() throws {
        let folder = try TempFolder("spelling-kept-answers")
        defer { folder.remove() }
        // A copy of the dictionary this test may spoil.
        for name in ["da_DK.aff", "da_DK.dic"] {
            try FileManager.default.copyItem(atPath: "/usr/share/hunspell/" + name, toPath: folder.url(name).path)
        }
        let cache = folder.url("cache")
        #expect(mkdir(cache.path, 0o700) == 0)
        let text = try Fixtures.exampleText(Fixtures.byraad)
            .replacingOccurrences(of: "Magistraten foreslår derfor én fælles ordning",
                                  with: "Magistraten foreslår derfor på grund af denne beslutnig én fælles ordning")
        try folder.write("sag.md", text)
        func check(cache: String) throws -> (result: RunResult, spelling: [String]) {
            let result = try CLI.run(["check", "sag.md", "--format", "json"], in: folder.url, timeout: 30,
                                     environment: ["INDSTIL_DICTIONARY": folder.url("da_DK").path, "INDSTIL_CACHE_DIR": cache])
            return (result, try Self.messages(result, check: "spelling.unknown-word"))
        }
        let first = try check(cache: cache.path)
        #expect(first.spelling == ["»beslutnig« står ikke i ordbogen; mente du »beslutning«?"], "\(first.result)")
        let kept = try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasSuffix(".answers") }
        #expect(kept.count == 1)
        let file = cache.appendingPathComponent(try #require(kept.first))
        var info = stat()
        #expect(lstat(file.path, &info) == 0 && info.st_mode & 0o777 == 0o600)
        // Hashes and the dictionary's own words: not the misspelt word, nor any name or sentence.
        let bytes = try Data(contentsOf: file)
        for secret in ["beslutnig", "Magistraten", "fælles ordning"] { #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret)") }
        #expect(bytes.range(of: Data("beslutning".utf8)) != nil)

        // Spoil the dictionary but keep its size and times: the kept answers still answer.
        let dic = folder.url("da_DK.dic").path
        var original = stat()
        #expect(stat(dic, &original) == 0)
        try Data(repeating: 0x20, count: Int(original.st_size)).write(to: URL(fileURLWithPath: dic))
        var times = [original.st_atim, original.st_mtim]
        #expect(utimensat(AT_FDCWD, dic, &times, 0) == 0)
        let second = try check(cache: cache.path)
        #expect(second.result.stdout == first.result.stdout, "\(second.result)")
        // Without them, the spoilt dictionary knows no word: the answers above came from the file.
        let uncached = try check(cache: "off")
        #expect(uncached.spelling.count > 50, "\(uncached.spelling.count)")

        // A file cut short or of another kind is not trusted (the spoilt dictionary then speaks).
        try bytes.prefix(bytes.count / 2).write(to: file)
        #expect(try check(cache: cache.path).spelling.count > 50)
        try Data("indstil spelling answers 1\n\u{FF}\u{FF}\u{FF}\u{FF}".utf8).write(to: file)
        #expect(try check(cache: cache.path).spelling.count > 50)

        // A relative folder is taken from where indstil runs (`.indstil-cache` in a CI job).
        _ = try check(cache: ".indstil-cache")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url(".indstil-cache").path).contains { $0.hasSuffix(".answers") })

        // A folder others may write in is not used.
        let shared = folder.url("shared")
        #expect(mkdir(shared.path, 0o777) == 0 && chmod(shared.path, 0o777) == 0)
        _ = try check(cache: shared.path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: shared.path).isEmpty)
    }

    @Test("Text that is not Danish stops after 500 different unknown words, in seconds, with one note saying so")
    func notDanish() throws {
        let project = try TempFolder("spelling-hostile")
        defer { project.remove() }
        // 20.000 different made-up words of eight letters, and one of 100.000 letters.
        var generator = SystemRandomNumberGenerator()
        let letters = Array("bcdfghjklmnpqrstvwxz")
        let words = (0..<20_000).map { _ in String((0..<8).map { _ in letters.randomElement(using: &generator)! }) }
        let text = try Fixtures.exampleText(Fixtures.byraad)
            .replacingOccurrences(of: "Om dagen bruges de flittigt af medarbejderne.",
                                  with: words.joined(separator: " ") + " " + String(repeating: "q", count: 100_000))
        try project.write("sag.md", text)
        let started = Date()
        let result = try project.run("check", "sag.md", "--format", "json", timeout: 90)
        let seconds = Date().timeIntervalSince(started)
        let messages = try Self.messages(result, check: "spelling.unknown-word")
        #expect(messages.count == 501 && messages.filter { $0.hasPrefix("Stavekontrollen stoppede her efter 500 forskellige ukendte ord") }.count == 1,
                "\(messages.count) \(messages.prefix(2))")
        #expect(messages.allSatisfy { $0.count < 400 }, "no message carries a huge word")
        #expect(seconds < 45, "\(seconds) s (the debug build)")
    }
}
