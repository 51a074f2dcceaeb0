import Foundation
import Testing
@testable import IndstilCore
@testable import IndstilSupport
@testable import IndstilDocument
@testable import IndstilChecks
@testable import IndstilRender
@testable import IndstilWorkspace
@testable import IndstilPackets

/// The agenda's building blocks: times, the schedule's rules, the manifest's parser,
/// the stamp pages' sizes and the attachment text helpers.
@Suite("Agenda building blocks") struct AgendaTests {
    @Test(arguments: [("10:00", 600), ("10.05", 605), ("9:05", 545), ("kl. 18.15", 1095), ("0:00", 0), ("23:59", 1439)])
    func clockTimesParse(_ text: String, _ minutes: Int) {
        #expect(ClockTime(text)?.minutes == minutes)
    }

    @Test(arguments: ["24:00", "10:60", "10", "10:5", "ti:00", "10:00:00", "", "١٠:٠٠"])
    func badClockTimesAreRefused(_ text: String) {
        #expect(ClockTime(text) == nil)
    }

    @Test func slotsReadAndWriteTheDanishWay() throws {
        let slot = try #require(ClockSlot("18.15 – 18.18"))
        #expect(slot.minutes == 3)
        #expect(slot.danish == "18.15–18.18 (3 min.)")
        #expect(ClockSlot("10:05-10:15")?.start.danish == "10.05")
        #expect(ClockSlot("10:05") == nil)
    }

    @Test func weekdaysAreRight() {
        // 4 September 2023 was a Monday (seed 002's meeting); 29 February 2024 a Thursday.
        #expect(DanishFormat.weekdayAndDate(CalendarDate(iso: "2023-09-04")!) == "mandag den 4. september 2023")
        #expect(DanishFormat.weekdayAndDate(CalendarDate(iso: "2024-02-29")!) == "torsdag den 29. februar 2024")
        #expect(DanishFormat.weekdayAndDate(CalendarDate(iso: "2026-09-04")!) == "fredag den 4. september 2026")
    }

    static func entry(_ minutes: Int?, slot: String? = nil, line: Int) -> AgendaSchedule.Entry {
        .init(minutes: minutes ?? slot.flatMap(ClockSlot.init)?.minutes, slot: slot.flatMap(ClockSlot.init),
              minutesLine: line, slotLine: line, hasMinutes: minutes != nil)
    }

    @Test func contiguousItemsWithinTheMeetingPass() {
        // Seed 002's committee agenda: 80 minutes of items in a 90-minute slot, item 8 without time.
        let schedule = AgendaSchedule(start: ClockTime("18:15")!, end: ClockTime("19:45")!, entries: [
            Self.entry(3, line: 1), Self.entry(2, line: 2), Self.entry(15, line: 3), Self.entry(20, line: 4),
            Self.entry(20, line: 5), Self.entry(nil, slot: "19.15-19.20", line: 6), Self.entry(5, line: 7),
            Self.entry(nil, line: 8), Self.entry(5, line: 9), Self.entry(5, line: 10),
        ])
        #expect(AgendaTimeCheck().diagnostics(for: schedule).isEmpty, "\(AgendaTimeCheck().diagnostics(for: schedule))")
        #expect(schedule.slots[0]?.danish == "18.15–18.18 (3 min.)")
        #expect(schedule.slots[7] == nil)
        #expect(schedule.slots[9]?.danish == "19.30–19.35 (5 min.)")
    }

    @Test func anItemPastTheEndIsReportedOnceOnItsLine() {
        let schedule = AgendaSchedule(start: ClockTime("10:00")!, end: ClockTime("11:00")!, entries: [
            Self.entry(30, line: 3), Self.entry(40, line: 5), Self.entry(10, line: 7),
        ])
        #expect(AgendaTimeCheck().diagnostics(for: schedule).map(\.line) == [5])
        #expect(AgendaTimeCheck().diagnostics(for: schedule).first?.check == "agenda.time")
        #expect(AgendaTimeCheck().diagnostics(for: schedule).first?.message.da.contains("forkortes med i alt 20 min.") == true)
    }

    @Test func gapsOverlapsAndWrongLengthsAreReported() {
        let gap = AgendaSchedule(start: ClockTime("10:00")!, end: ClockTime("12:00")!, entries: [
            Self.entry(10, line: 3), Self.entry(nil, slot: "10:15-10:30", line: 6),
        ])
        #expect(AgendaTimeCheck().diagnostics(for: gap).map(\.line) == [6])
        #expect(AgendaTimeCheck().diagnostics(for: gap).first?.message.da.contains("hul på 5 min.") == true)
        let overlap = AgendaSchedule(start: ClockTime("10:00")!, end: ClockTime("12:00")!, entries: [
            Self.entry(20, line: 3), Self.entry(nil, slot: "10:15-10:30", line: 6),
        ])
        #expect(AgendaTimeCheck().diagnostics(for: overlap).first?.message.da.contains("overlapper med 5 min.") == true)
        let length = AgendaSchedule(start: ClockTime("10:00")!, end: ClockTime("12:00")!, entries: [
            Self.entry(20, slot: "10:00-10:15", line: 4),
        ])
        #expect(AgendaTimeCheck().diagnostics(for: length).map(\.line) == [4])
        #expect(AgendaTimeCheck().diagnostics(for: length).first?.message.da.contains("»minutter« siger 20 min.") == true)
    }

    static func parse(_ yaml: String) -> Result<AgendaManifest, Diagnostic> {
        AgendaManifest.parse(try! YAMLReader.parse(yaml), url: URL(fileURLWithPath: "/tmp/dagsorden.yml"))
    }

    @Test func aManifestReadsWithItsLines() throws {
        let manifest = try Self.parse("""
            type: dagsorden
            udvalg: Rådmandsmøde
            dato: 2026-09-04
            start: "10:00"
            slut: "11:30"
            punkter:
              - titel: Godkendelse af dagsorden
                minutter: 5
              - indstilling: punkt-2/sag.md
                minutter: 10
                status: lukket
                begrundelse: Personsag
                bilag:
                  - fil: punkt-2/notat.pdf
                    titel: Notat
                    status: lukket
            """).get()
        #expect(manifest.items.count == 2)
        #expect(manifest.items[0].minutes == 5 && manifest.items[0].minutesLine == 8)
        #expect(manifest.items[1].isClosed == true && manifest.items[1].statusLine == 11)
        #expect(manifest.items[1].attachments.first?.isClosed == true)
        #expect(manifest.items[1].attachments.first?.line == 14)
        #expect(manifest.title == "Dagsorden")
    }

    @Test(arguments: [
        ("punkter:\n  - titel: A\n    minuter: 5\n", 8, "minuter"),
        ("punkter:\n  - titel: A\n    minutter: fem\n", 8, "minutter"),
        ("punkter:\n  - titel: A\n    status: halvåben\n", 8, "status"),
        ("punkter:\n  - minutter: 5\n", 7, "titel"),
        ("punkter:\n  - titel: A\n    tid: \"10:00\"\n", 8, "tid"),
    ])
    func manifestMistakesNameTheirLine(_ items: String, _ line: Int, _ word: String) {
        let header = "type: dagsorden\nudvalg: U\ndato: 2026-09-04\nstart: \"10:00\"\nslut: \"11:00\"\n"
        guard case .failure(let diagnostic) = Self.parse(header + items) else {
            Issue.record("accepted: \(items)")
            return
        }
        #expect(diagnostic.line == line, "\(diagnostic)")
        #expect(diagnostic.message.da.contains(word), "\(diagnostic.message.da)")
    }

    @Test func aMeetingThatEndsBeforeItStartsIsRefused() {
        guard case .failure(let diagnostic) = Self.parse("type: dagsorden\nudvalg: U\ndato: 2026-09-04\nstart: \"11:00\"\nslut: \"10:00\"\npunkter:\n  - titel: A\n") else {
            Issue.record("accepted")
            return
        }
        #expect(diagnostic.check == "agenda.time" && diagnostic.line == 5)
    }

    @Test func stampPagesTakeTheShownSizeOfEachPage() {
        let info = """
            Pages:           2
            Page    1 size:  595.276 x 841.89 pts (A4)
            Page    1 rot:   0
            Page    2 size:  595.276 x 841.89 pts (A4)
            Page    2 rot:   90
            Page    1 MediaBox:      0.00     0.00   595.28   841.89
            Page    1 TrimBox:       0.00     0.00   595.28   841.89
            Page    2 MediaBox:      0.00     0.00   595.28   841.89
            Page    2 TrimBox:      10.00    20.00   605.28   861.89
            """
        #expect(PDFStamper.parsePageSizes(info) == [.init(width: 59528, height: 84189), .init(width: 84189, height: 59528)])
        #expect(PDFStamper.points(59528) == "595.28")
        #expect(PDFStamper.points(84105) == "841.05")
    }

    @Test func stampHTMLEscapesTheTitleAndNamesEachPageSize() {
        let html = PDFStamper.stampHTML([("Punkt 1, Bilag 1: <b>&</b>", .init(first: 7, total: 20), [.init(width: 59528, height: 84189), .init(width: 59528, height: 84189)]),
                                         ("Punkt 2, Bilag 1: B", nil, [.init(width: 84189, height: 59528)])])
        #expect(html.contains("Punkt 1, Bilag 1: &lt;b&gt;&amp;&lt;/b&gt;"))
        #expect(html.components(separatedBy: "@page ").count - 1 == 2)
        #expect(html.components(separatedBy: "class=\"side\"").count - 1 == 3)
        // Page numbers in the packet, counting on from the first, where the house style's footer sits (upright A4: 841.89 − 39.76).
        #expect(html.contains("<p class=\"sidetal\" style=\"top: 802.13pt\">side 7 af 20</p>"))
        #expect(html.contains(">side 8 af 20</p>"))
        #expect(html.components(separatedBy: "class=\"sidetal").count - 1 == 2)  // none for the attachment without numbers
    }

    @Test func attachmentTitlesCompareWithoutCaseOrPunctuation() {
        #expect(AttachmentText.comparable("Status på Relationel Velfærd, august 2023") == "status på relationel velfærd august 2023")
        #expect(AttachmentText.withoutFileExtension("Dagsorden til mødet.docx") == "Dagsorden til mødet")
        #expect(MarkupEscaping.unescapeXML("A &amp; B &lt;&#229;&#xE6;&gt; &nope; &") == "A & B <åæ> &nope; &")
    }
}
