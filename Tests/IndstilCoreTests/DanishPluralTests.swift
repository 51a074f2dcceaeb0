import Testing
import IndstilCore

@Suite("Danish plurals")
struct DanishPluralTests {
    @Test("One takes the singular; nought, many and negative many the plural", arguments: [
        (1, "1 advarsel"),
        (0, "0 advarsler"),
        (2, "2 advarsler"),
        (-1, "-1 advarsel"),
        (-3, "-3 advarsler"),
        (1246, "1.246 advarsler"),
    ])
    func count(_ value: Int, _ expected: String) {
        #expect(DanishPlural.count(value, "advarsel", "advarsler") == expected)
    }

    @Test("The workspace's nouns")
    func nouns() {
        #expect(DanishPlural.count(1, "dokument", "dokumenter") == "1 dokument")
        #expect(DanishPlural.count(3, "dokument", "dokumenter") == "3 dokumenter")
        #expect(DanishPlural.count(1, "beslutningspunkt", "beslutningspunkter") == "1 beslutningspunkt")
        #expect(DanishPlural.count(1, "note", "noter") == "1 note")
        #expect(DanishPlural.count(2, "note", "noter") == "2 noter")
        #expect(DanishPlural.noun(1, "fejl", "fejl") == "fejl")
    }
}
