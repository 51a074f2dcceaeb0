import Foundation
import Testing
@testable import IndstilCore
@testable import IndstilSupport
@testable import IndstilDocument
@testable import IndstilWorkspace
@testable import IndstilPackets

/// What an agenda's sending records and what follows from it: the SHA-256 behind the
/// records, the line edits that write them, the item states, and the packets of an agenda
/// whose items changed or came after it was sent.
@Suite("Agenda sending") struct AgendaSendingTests {
    // MARK: SHA-256

    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        (String(repeating: "a", count: 1000), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
    ])
    func sha256MatchesTheStandardVectors(_ input: String, _ digest: String) {
        var hash = SHA256()
        hash.update(input)
        #expect(hash.hexDigest() == digest)
    }

    @Test func sha256GivesTheSameDigestWhateverTheChunks() {
        let bytes = Data((0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 7) })
        var whole = SHA256()
        whole.update(bytes)
        for size in [1, 3, 63, 64, 65, 200] {
            var pieces = SHA256()
            var start = 0
            while start < bytes.count {
                pieces.update(bytes[start..<min(start + size, bytes.count)])
                start += size
            }
            #expect(pieces.hexDigest() == whole.hexDigest(), "chunks of \(size)")
        }
    }

    // MARK: Line edits

    static let manifest = """
    # Rådmandsmødet
    type: dagsorden
    udvalg: "Rådmandsmøde"   # kommentaren bliver
    dato: 2026-09-04
    start: "10:00"
    slut: "11:00"
    punkter:
      - titel: Godkendelse af dagsorden
        minutter: 5
      - titel: Eventuelt
        tilstand: klar
        minutter: 10

    """

    @Test func aNewFieldGoesAfterItsSiblingsAndNothingElseChanges() throws {
        let edited = try ManifestTextEdit.setting([.init("tilstand", "godkendt"), .init("tilstand_af", "Ida Holm")], onItem: 1, in: Self.manifest)
        #expect(edited == Self.manifest.replacingOccurrences(of: "    minutter: 5\n",
                                                               with: "    minutter: 5\n    tilstand: godkendt\n    tilstand_af: Ida Holm\n"))
    }

    @Test func anExistingFieldIsReplacedOnItsLine() throws {
        let edited = try ManifestTextEdit.setting([.init("tilstand", "godkendt"), .init("tilstand_tid", "2026-09-01 10:15")], onItem: 2, in: Self.manifest)
        #expect(edited.contains("  - titel: Eventuelt\n    tilstand: godkendt\n    minutter: 10\n    tilstand_tid: \"2026-09-01 10:15\"\n"), "\(edited)")
        #expect(edited.contains("udvalg: \"Rådmandsmøde\"   # kommentaren bliver"))
        // It reads back as what was set.
        let root = try YAMLReader.parse(edited)
        #expect(root["punkter"]?.items[1]["tilstand_tid"]?.string == "2026-09-01 10:15")
    }

    @Test func aTopLevelFieldGoesBeforeTheItems() throws {
        let edited = try ManifestTextEdit.setting([.init("udsendt", "2026-08-28")], in: Self.manifest)
        #expect(edited.contains("slut: \"11:00\"\nudsendt: 2026-08-28\npunkter:"), "\(edited)")
    }

    @Test func windowsLineEndsStay() throws {
        let crlf = Self.manifest.replacingOccurrences(of: "\n", with: "\r\n")
        let edited = try ManifestTextEdit.setting([.init("tilstand", "klar")], onItem: 1, in: crlf)
        #expect(edited.contains("    tilstand: klar\r\n") && !edited.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test func valuesThatWouldReadDifferentlyAreQuoted() throws {
        for value in ["10:15", "ja", "Anne \"Bo\" Hansen", "a # b", "- x", "", "null", "Ida Holm "] {
            let edited = try ManifestTextEdit.setting([.init("tilstand_af", value)], onItem: 1, in: Self.manifest)
            let root = try YAMLReader.parse(edited)
            #expect(root["punkter"]?.items[0]["tilstand_af"]?.string == value, "\(value) → \(edited)")
        }
    }

    @Test func aFieldOverSeveralLinesIsReplacedWholeAndAMissingItemIsRefused() throws {
        let folded = Self.manifest.replacingOccurrences(of: "    tilstand: klar\n", with: "    tilstand: >\n      klar\n\n      igen\n")
        let edited = try ManifestTextEdit.setting([.init("tilstand", "godkendt")], onItem: 2, in: folded)
        #expect(edited == Self.manifest.replacingOccurrences(of: "    tilstand: klar\n", with: "    tilstand: godkendt\n"), "\(edited)")
        // A block list at the key's own indentation is the key's too.
        let list = Self.manifest.replacingOccurrences(of: "    tilstand: klar\n", with: "    fravaerende:\n    - Ida Holm\n    - Bo Jensen\n")
        let replaced = try ManifestTextEdit.setting([.init("fravaerende", yaml: ManifestTextEdit.flowList(["Bo Jensen"]))], onItem: 2, in: list)
        #expect(replaced.contains("  - titel: Eventuelt\n    fravaerende: [Bo Jensen]\n    minutter: 10\n"), "\(replaced)")
        #expect(throws: ManifestTextEdit.Failure.self) { try ManifestTextEdit.setting([.init("tilstand", "godkendt")], onItem: 3, in: Self.manifest) }
    }

    @Test func aCommentAtTheMarginDoesNotEndTheList() throws {
        let text = "type: dagsorden\npunkter:\n- titel: A\n# --- lukkede punkter ---\n- titel: B\n  status: lukket\n  begrundelse: Personsag\n"
        let appended = try ManifestTextEdit.appendingItem(.init("titel", "Ny"), in: text)
        #expect(appended == text + "- titel: Ny\n", "\(appended)")
        let stated = try ManifestTextEdit.setting([.init("tilstand", "klar")], onItem: 1, in: text)
        #expect(stated == text.replacingOccurrences(of: "- titel: A\n", with: "- titel: A\n  tilstand: klar\n"), "\(stated)")
    }

    @Test func itemsInBracesAreRefusedNotRewritten() throws {
        let flowItem = "type: dagsorden\npunkter:\n  - {titel: A, tilstand: klar}\n"
        let flowList = "type: dagsorden\npunkter: [{titel: A}, {titel: B}]\n"
        for text in [flowItem, flowList] {
            #expect(throws: ManifestTextEdit.Failure.self, "\(text)") { try ManifestTextEdit.setting([.init("tilstand", "godkendt")], onItem: 1, in: text) }
        }
        #expect(throws: ManifestTextEdit.Failure.self) { try ManifestTextEdit.appendingItem(.init("titel", "Ny"), in: flowList) }
        // A list of items in braces still takes a new item of its own.
        #expect(try ManifestTextEdit.appendingItem(.init("titel", "Ny"), in: flowItem) == flowItem + "  - titel: Ny\n")
    }

    @Test func anItemWhoseDashStandsAloneKeepsItsFields() throws {
        let text = "type: dagsorden\npunkter:\n  -\n    titel: A\n  - titel: B\n"
        let edited = try ManifestTextEdit.setting([.init("tilstand", "klar")], onItem: 1, in: text)
        #expect(edited == "type: dagsorden\npunkter:\n  -\n    titel: A\n    tilstand: klar\n  - titel: B\n", "\(edited)")
    }

    @Test func anInvisibleLineBreakIsRefusedAndNeverWritten() throws {
        let text = "type: dagsorden\npunkter:\n  - titel: \"A\u{2028}B\"\n    minutter: 5\n"
        #expect(throws: ManifestTextEdit.Failure.self) { try ManifestTextEdit.setting([.init("tilstand", "klar")], onItem: 1, in: text) }
        let written = try ManifestTextEdit.setting([.init("tilstand_af", "Ida\u{2028}Holm")], onItem: 1, in: Self.manifest)
        #expect(written.contains("tilstand_af: \"Ida\\LHolm\""))
        #expect(try YAMLReader.parse(written)["punkter"]?.items[0]["tilstand_af"]?.string == "Ida\u{2028}Holm")
    }

    @Test func theMinutesFormKeepsAnItemsOwnDecisionWhenItSetsItsPoints() throws {
        let minutes = "type: referat\npunkter:\n  - punkt: 3\n    beslutningspunkter: {1: godkendt}\n    beslutning: Udvalget bad om en status i juni.\n"
        let edited = try MinutesItemEdit.apply(.init(points: [.init(number: 1, outcome: "drøftet", text: nil)], outcome: nil, text: nil, absent: []),
                                               item: 3, to: minutes, file: "referat.yml")
        #expect(edited == minutes.replacingOccurrences(of: "{1: godkendt}", with: "{1: drøftet}"), "\(edited)")
    }

    @Test func anItemIsAppendedAfterTheLastOne() throws {
        let edited = try ManifestTextEdit.appendingItem(.init("titel", "Sent punkt"), in: Self.manifest)
        #expect(edited == Self.manifest.replacingOccurrences(of: "    minutter: 10\n", with: "    minutter: 10\n  - titel: Sent punkt\n"), "\(edited)")
    }

    @Test func aStateChangeSaysWhoAndWhen() throws {
        let now = try #require(ISO8601DateFormatter().date(from: "2026-08-31T08:05:00Z"))
        let edited = try AgendaItemStateChange.apply(state: "Godkendt", by: " Ida Holm ", item: 2, to: Self.manifest, file: "d.yml", now: now)
        #expect(edited.contains("    tilstand: godkendt\n"))
        #expect(edited.contains("    tilstand_af: Ida Holm\n"))
        #expect(edited.contains("    tilstand_tid: \"2026-08-31 10:05\"\n"), "Danish summer time")
        #expect(throws: IndstilError.self) { try AgendaItemStateChange.apply(state: "færdig", by: "Ida", item: 1, to: Self.manifest, file: "d.yml") }
        #expect(throws: IndstilError.self) { try AgendaItemStateChange.apply(state: "klar", by: "  ", item: 1, to: Self.manifest, file: "d.yml") }
    }

    // MARK: Sending and after

    /// A valid one-page PDF; `note` (a comment after its end) makes its bytes differ.
    static func minimalPDF(note: String) -> Data {
        BundleSiteTests.minimalPDF() + Data("% \(note)\n".utf8)
    }

    /// A project with an agenda of a title-only item and an indstilling with a PDF appendix.
    static func project() throws -> TestProject {
        let project = try TestProject()
        try project.write("punkt-2/sag.md", ExampleDocument.raadmand.text)
        try Self.minimalPDF(note: "første").write(to: project.root.appendingPathComponent("punkt-2/bilag.pdf"))
        try project.write("dagsorden.yml", """
        type: dagsorden
        udvalg: "Rådmandsmøde"
        dato: 2026-09-04
        start: "10:00"
        slut: "11:00"
        punkter:
          - titel: Godkendelse af dagsorden
            minutter: 5
          - indstilling: punkt-2/sag.md
            minutter: 10
            bilag:
              - fil: punkt-2/bilag.pdf
                titel: Notat

        """)
        return project
    }

    static func assemble(_ project: TestProject, _ text: String) throws -> ResolvedAgenda {
        guard case .dagsorden(let outcome) = Workspace().assemble(text: text, url: project.root.appendingPathComponent("dagsorden.yml"), displayPath: "dagsorden.yml") else {
            throw IndstilError(da: "ikke en dagsorden", en: "not an agenda")
        }
        return outcome.packet
    }

    @Test func sendingRecordsEveryItemThenAChangeAndALateItemShow() throws {
        let project = try Self.project()
        defer { project.remove() }
        let text = try String(contentsOf: project.root.appendingPathComponent("dagsorden.yml"), encoding: .utf8)
        let url = project.root.appendingPathComponent("dagsorden.yml")
        let today = try #require(CalendarDate(iso: "2026-08-28"))
        let (sent, outcome) = try AgendaSending.apply(to: text, url: url, displayPath: "dagsorden.yml", workspace: Workspace(), today: today)
        #expect(outcome == .agenda(items: [1, 2]))
        #expect(sent.contains("udsendt: 2026-08-28\npunkter:"))
        #expect(sent.contains("udsendt_version: e3b0c44298fc1c14"), "a title-only item's record is the empty fingerprint")
        // As sent: nothing changed, one part.
        var agenda = try Self.assemble(project, sent)
        #expect(!agenda.items.contains { $0.isChangedAfterSending || $0.isLate })
        #expect(AgendaPacket.all(of: agenda).map(\.label) == ["Dagsorden"])
        // The appendix changes, an item comes: the item is marked, the new one is a supplement.
        try Self.minimalPDF(note: "rettet").write(to: project.root.appendingPathComponent("punkt-2/bilag.pdf"))
        let later = sent + "  - titel: Sent punkt\n    minutter: 5\n"
        agenda = try Self.assemble(project, later)
        #expect(agenda.items.map(\.isChangedAfterSending) == [false, true, false])
        #expect(agenda.items.map(\.isLate) == [false, false, true])
        let packets = AgendaPacket.all(of: agenda)
        #expect(packets.map(\.label) == ["Dagsorden", "Tillægsdagsorden"])
        #expect(packets.map(\.nameSuffix) == ["", "-tillaeg"])
        #expect(packets[1].agenda.items.map(\.number) == [3], "a late item keeps its number")
        // Sending again sends the supplement, and the item stays on it.
        let (again, secondOutcome) = try AgendaSending.apply(to: later, url: url, displayPath: "dagsorden.yml", workspace: Workspace(), today: today)
        #expect(secondOutcome == .supplement(items: [3]))
        #expect(again.hasSuffix("  - titel: Sent punkt\n    minutter: 5\n    udsendt_version: e3b0c44298fc1c14\n    tillæg: ja\n"), "\(again)")
        #expect(try Self.assemble(project, again).items.map(\.isLate) == [false, false, true])
        // Nothing new: nothing to send.
        #expect(throws: IndstilError.self) { try AgendaSending.apply(to: again, url: url, displayPath: "dagsorden.yml", workspace: Workspace(), today: today) }
    }

    @Test func anAgendaIsSentOnlyWhenEveryItemIsApproved() throws {
        let project = try Self.project()
        defer { project.remove() }
        let url = project.root.appendingPathComponent("dagsorden.yml")
        let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "    minutter: 5\n", with: "    minutter: 5\n    tilstand: godkendt\n")
        #expect {
            try AgendaSending.apply(to: text, url: url, displayPath: "dagsorden.yml", workspace: Workspace())
        } throws: { ($0 as? IndstilError)?.message.da.contains("Punkt 2 er ikke godkendt") == true }
        let approved = text.replacingOccurrences(of: "    minutter: 10\n", with: "    minutter: 10\n    tilstand: godkendt\n")
        #expect(try AgendaSending.apply(to: approved, url: url, displayPath: "dagsorden.yml", workspace: Workspace()).outcome == .agenda(items: [1, 2]))
    }
}
