import Foundation
import Testing
@testable import IndstilSupport
@testable import IndstilDocument
@testable import IndstilChecks

/// The parts of `spelling.unknown-word`: which words are read, what is suggested, the
/// vocabulary, and `readability.nominalisation`'s counting.
@Suite("Spelling and plain language") struct SpellingTests {
    func words(_ line: String, opensSentence: Bool = true) -> [String] {
        var opens = opensSentence
        return SpellingWords.words(in: line, opensSentence: &opens).map { String($0.text) }
    }

    @Test("Words of prose are read; numbers, paths, addresses, abbreviations, acronyms and open compounds are not")
    func wordsOfProse() {
        #expect(words("Byrådet godkender »ordningen« (bilag 2).") == ["Byrådet", "godkender", "ordningen", "bilag"])
        #expect(words("sag 24/011872, B1.2, 12.000 kr., lokaler_2026.xlsx, og/eller, www.aarhus.dk, ida@example.dk") == ["sag"])
        #expect(words("bl.a. f.eks. MBU KSL PDF/UA iPad McDonald d'Angers") == [])
        #expect(words("IT-systemet og tids- og ressourceforbrug, -planen") == ["IT-systemet", "ressourceforbrug"])
        #expect(words("Et – langt — ord… øjeblik Ærø") == ["langt", "ord", "øjeblik", "Ærø"])
        #expect(words(String(repeating: "a", count: 61) + " " + String(repeating: "b", count: 60)) == [String(repeating: "b", count: 60)])
    }

    @Test("A sentence opens at the line's start and after . ! ? :, and only there")
    func sentenceOpenings() {
        var opens = true
        let found = SpellingWords.words(in: "Gellerup er stor. Hasle og Tilst: Viby", opensSentence: &opens)
        #expect(found.map(\.text) == ["Gellerup", "stor", "Hasle", "Tilst", "Viby"])
        #expect(found.map(\.opensSentence) == [true, false, true, false, true])
        #expect(opens == false)
        var afterStop = true
        _ = SpellingWords.words(in: "Det slutter her.", opensSentence: &afterStop)
        #expect(afterStop == true)
    }

    @Test("Suggestions: a missing, extra, swapped or wrong letter; an ending kept; a compound's slip; a name's capital",
          .enabled(if: SpellingDictionary.danish != nil))
    func suggestions() throws {
        let dictionary = try #require(SpellingDictionary.danish)
        #expect(dictionary.suggestions(for: "beslutnig").first == "beslutning")
        #expect(dictionary.suggestions(for: "kommunne").first == "kommune")
        #expect(dictionary.suggestions(for: "kommunnens").first == "kommunens")
        #expect(dictionary.suggestions(for: "anbefallinger").first == "anbefalinger")
        #expect(dictionary.suggestions(for: "kernerdrift").first == "kernedrift")
        #expect(dictionary.suggestions(for: "budgetredegerelse").first == "budgetredegørelse")
        #expect(dictionary.suggestions(for: "Beslutnig").first == "Beslutning")
        #expect(dictionary.suggestions(for: "aarhus").first == "Aarhus")
        #expect(dictionary.suggestions(for: "xqzt").isEmpty)
        #expect(dictionary.knows("kommune") && !dictionary.knows("kommunne"))
    }

    @Test("HashSet64: what is put in is found, through growth, the key 0 too; nothing else is")
    func hashSet() {
        var set = HashSet64(capacity: 2)
        let keys: [UInt64] = [0, 1, 17, UInt64.max] + (1...5_000).map { DanishBytes.fnv(Array("ord\($0)".utf8)) }
        for key in keys { set.insert(key) }
        set.insert(17)
        #expect(keys.allSatisfy { set.contains($0) })
        #expect(set.count == keys.count - 1)  // 0 and 1 are stored alike
        #expect(!(5_001...6_000).contains { set.contains(DanishBytes.fnv(Array("ord\($0)".utf8))) })
    }

    @Test("The vocabulary: entries and their words, without case; a genitive; hyphenated parts")
    func vocabulary() {
        let vocabulary = SpellingVocabulary(["Ida Eksempel", "Gellerup-planen", "Qwertyhaven"])
        #expect(vocabulary.contains("eksempel") && vocabulary.contains("EKSEMPEL") && vocabulary.contains("Eksempels"))
        #expect(vocabulary.contains("Gellerup-planen") && vocabulary.contains("planen") && vocabulary.contains("Qwertyhaven-Ida"))
        #expect(!vocabulary.contains("Qwerty") && !vocabulary.contains("Qwertyhaven-nord"))
        #expect(SpellingSpec.wordList("# kommentar\n\n Hasle \nToveshøj\r\n") == ["Hasle", "Toveshøj"])
    }

    @Test("Nominalisations: -ning, -ling, -else, -hed and -ering with their endings; things and short words do not count")
    func nominalisations() {
        #expect(NominalisationCheck.nominalisations(in: "Beslutningen om implementeringen, udviklingen og tilgængeligheden; en beskrivelse.")
                == ["Beslutningen", "implementeringen", "udviklingen", "tilgængeligheden", "beskrivelse"])
        #expect(NominalisationCheck.nominalisations(in: "»implementering« og vurdering… – en udvikling") == ["implementering", "vurdering", "udvikling"])
        #expect(SpellingText.column(of: "beslutnig", in: "Denne ubeslutnig og beslutnig, igen beslutnig") == 21)
        #expect(SpellingText.column(of: "æble", in: "– bæble æble") == 9)
        #expect(NominalisationCheck.nominalisations(in: "Forvaltningen, kommunalbestyrelsen, foreningerne, virksomheden, bygningen, afdelingen, indstillingen, mening, ting, kvinde") == [])
    }

    @Test("Stiff phrases: found without case where no letter stands before, a phrase may start with a mark, capitals Æ Ø Å lowered")
    func stiffPhraseMatcher() {
        let matcher = StiffPhraseMatcher([("såfremt", "hvis"), ("§ 17", "paragraf 17"), ("jf.", "se"), ("øvrigt", "andet")])
        func found(_ text: String) -> [String] {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { matcher.occurrences(in: $0) }.map { hit in
                String(decoding: bytes[hit.start..<(hit.start + matcher.phrases[hit.phrase].bytes.count)], as: UTF8.self)
            }
        }
        #expect(found("SÅFREMT det sker, jf. § 17, Øvrigt") == ["SÅFREMT", "jf.", "§ 17", "Øvrigt"])
        #expect(found("ikkesåfremt såfremtig x§ 17 jf.x") == ["jf."])
        #expect(found("") == [] && found("j") == [])
    }

    @Test("The answer folder: INDSTIL_CACHE_DIR (off: none), else XDG_CACHE_HOME, else ~/.cache, made private with its parents")
    func answerFolder() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("indstil-answer-home-\(getpid())")
        defer { try? FileManager.default.removeItem(at: home) }
        let folder = try #require(SpellingAnswerFile.folder(["HOME": home.path]))
        #expect(folder.path == home.path + "/.cache/indstil")
        for path in [home.path + "/.cache", folder.path] {
            var info = stat()
            #expect(stat(path, &info) == 0 && info.st_mode & 0o777 == 0o700, "\(path)")
        }
        #expect(SpellingAnswerFile.isPrivateFolder(folder))
        #expect(SpellingAnswerFile.folder(["INDSTIL_CACHE_DIR": "off", "HOME": home.path]) == nil)
        #expect(SpellingAnswerFile.folder(["INDSTIL_CACHE_DIR": "", "HOME": home.path]) == nil)
        #expect(SpellingAnswerFile.folder(["XDG_CACHE_HOME": home.path + "/xdg"])?.path == home.path + "/xdg/indstil")
        #expect(SpellingAnswerFile.folder([:]) == nil)
    }

    @Test("Old answer files go: a week unused, or past the seven used last; a killed run's staging file after an hour; nothing else")
    func staleAnswerFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("indstil-stale-answers-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let now = Date()
        func make(_ name: String, daysOld: Double) throws {
            let url = folder.appendingPathComponent(name)
            try Data("x".utf8).write(to: url)
            try FileManager.default.setAttributes([.modificationDate: now.addingTimeInterval(-daysOld * 86_400)], ofItemAtPath: url.path)
        }
        try make("spelling-current.answers", daysOld: 30)
        for day in 0..<9 { try make("spelling-\(day).answers", daysOld: Double(day) * 0.5) }
        try make("spelling-0.answers.123.456", daysOld: 0.1)
        try make("spelling-0.answers.124.457", daysOld: 0.01)
        try make("ordliste.txt", daysOld: 100)
        SpellingAnswerFile.removeStale(in: folder, keeping: "spelling-current.answers", now: now)
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        #expect(left == ["spelling-current.answers", "spelling-0.answers", "spelling-1.answers", "spelling-2.answers",
                         "spelling-3.answers", "spelling-4.answers", "spelling-5.answers", "spelling-6.answers",
                         "spelling-0.answers.124.457", "ordliste.txt"], "\(left.sorted())")
    }
}
