import Foundation
import Testing
@testable import IndstilSupport
@testable import IndstilDocument

/// The workspace's form writes into the text: only the changed field's lines change.
@Suite("FrontMatterEdit: the form's changes written into the front matter")
struct FrontMatterEditTests {
    static let skeleton = """
        ---
        profil: aarhus-byraad
        titel: "[…]"   # fx Ny ordning for lån af kommunens mødelokaler
        dato: "[…]"   # ÅÅÅÅ-MM-DD; fx 2026-03-31
        sagsbehandler:
          navn: "[…]"   # fx Ida Eksempel
          email: "[…]"
        status: åben   # åben | lukket
        # begrundelse: kun når sagen er lukket
        bilag:   # slet linjen, hvis der ingen er
          - titel: "[…]"
            fil: bilag/[…].pdf
        tidligere_beslutninger:   # slet linjen, hvis der ingen er
          - dato: "[…]"
            tekst: "[…]"
        ---

        # 1. Resume

        Tekst: med kolon.
        """

    static let fields: [FieldSpec] = {
        let yaml = """
            fields:
              - {key: profil, label: Profil, type: text}
              - {key: titel, label: Titel, type: text, required: true}
              - {key: dato, label: Dato, type: date, required: true}
              - key: sagsbehandler
                label: Sagsbehandler
                type: group
                fields:
                  - {key: navn, label: Navn, type: text, required: true}
                  - {key: telefon, label: Telefon, type: phone}
                  - {key: email, label: E-post, type: email, required: true}
              - {key: status, label: Status, type: choice, values: [åben, lukket], required: true}
              - {key: begrundelse, label: Begrundelse, type: text, required_when: {status: lukket}}
              - key: bilag
                label: Bilag
                type: list
                fields:
                  - {key: titel, label: Titel, type: text, required: true}
                  - {key: fil, label: Fil, type: path, required: true}
              - key: tidligere_beslutninger
                label: Tidligere beslutninger
                type: list
                fields:
                  - {key: dato, label: Dato, type: date, required: true}
                  - {key: tekst, label: Tekst, type: text, required: true}
            """
        let value = try! YAMLReader.parse(yaml)
        return try! YAMLValueDecoder().decode([FieldSpec].self, from: value["fields"]!)
    }()

    func apply(_ changes: [FrontMatterEdit.Change]) throws -> String {
        try FrontMatterEdit.apply(changes, to: Self.skeleton, fields: Self.fields)
    }

    @Test("a field gets its value on its own line; every other line stays as it was")
    func oneField() throws {
        let text = try apply([.init(key: "titel", value: .text("Nye regler: cykelparkering"))])
        let before = Self.skeleton.components(separatedBy: "\n"), after = text.components(separatedBy: "\n")
        #expect(after.count == before.count)
        #expect(after[2] == "titel: \"Nye regler: cykelparkering\"")
        #expect(zip(before, after).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset) == [2])
        let plain = try apply([.init(key: "dato", value: .text("2026-05-12"))])
        #expect(plain.contains("\ndato: 2026-05-12\n"))
    }

    @Test("a field of a group; a field that is not there is written after the one before it in the profile")
    func groupAndNewField() throws {
        let text = try apply([.init(key: "sagsbehandler.navn", value: .text("Bo Eksempel")),
                              .init(key: "sagsbehandler.telefon", value: .text("12 34 56 78")),
                              .init(key: "begrundelse", value: .text("Personsag"))])
        #expect(text.contains("sagsbehandler:\n  navn: Bo Eksempel\n  telefon: 12 34 56 78\n  email: \"[…]\"\n"))
        #expect(text.contains("status: åben   # åben | lukket\nbegrundelse: Personsag\n# begrundelse: kun når sagen er lukket"))
    }

    @Test("lists are written whole; an empty list is »bilag: []«, never a key left with loose lines")
    func lists() throws {
        let two = try apply([.init(key: "bilag", value: .list([[("titel", "Kort"), ("fil", "bilag/kort.pdf")],
                                                              [("titel", "Notat \"A\""), ("fil", "bilag/notat.md")]]))])
        #expect(two.contains("bilag:\n  - titel: Kort\n    fil: bilag/kort.pdf\n  - titel: \"Notat \\\"A\\\"\"\n    fil: bilag/notat.md\ntidligere_beslutninger:"))
        let none = try apply([.init(key: "bilag", value: .list([])), .init(key: "tidligere_beslutninger", value: .list([[("dato", ""), ("tekst", "")]]))])
        #expect(none.contains("\nbilag: []\ntidligere_beslutninger: []\n---\n"))
        // What is written reads back as the same values.
        let value = try YAMLReader.parse(try #require(FrontMatterSplit.split(two).yaml))
        #expect(value["bilag"]?.items.map { $0["titel"]?.string } == ["Kort", "Notat \"A\""])
    }

    @Test("an empty optional field goes; an empty required one stays, empty")
    func emptyValues() throws {
        let text = try apply([.init(key: "begrundelse", value: .text("Personsag"))])
        let removed = try FrontMatterEdit.apply([.init(key: "begrundelse", value: .text(""))], to: text, fields: Self.fields)
        #expect(removed == Self.skeleton)
        #expect(try apply([.init(key: "titel", value: .text(""))]).contains("\ntitel: \"\"\n"))
    }

    @Test("a file with Windows line ends keeps them")
    func windowsLineEnds() throws {
        let crlf = Self.skeleton.replacingOccurrences(of: "\n", with: "\r\n")
        let text = try FrontMatterEdit.apply([.init(key: "titel", value: .text("Ny titel"))], to: crlf, fields: Self.fields)
        #expect(text == (try apply([.init(key: "titel", value: .text("Ny titel"))])).replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test("what the form cannot change is refused: no front matter, a key the profile does not have")
    func refusals() {
        #expect(throws: FrontMatterEdit.Failure.noFrontMatter) { try FrontMatterEdit.apply([], to: "# Kun tekst\n", fields: Self.fields) }
        #expect(throws: FrontMatterEdit.Failure.unknownField("hemmelig")) { try apply([.init(key: "hemmelig", value: .text("x"))]) }
        #expect(throws: FrontMatterEdit.Failure.unknownField("bilag")) { try apply([.init(key: "bilag", value: .text("x"))]) }
    }
}
