import Foundation
import Testing
@testable import IndstilCore
@testable import IndstilSupport
@testable import IndstilDocument
@testable import IndstilChecks
@testable import IndstilRender
@testable import IndstilWorkspace
@testable import IndstilPackets

@Suite("Minutes outcomes and the decision register's forms")
struct DecisionRegisterTests {
    @Test("A cell a spreadsheet would run as a formula gets a leading apostrophe", arguments: [
        ("=SUM(A1:A2)", "'=SUM(A1:A2)"),
        ("+45 12 34 56 78", "'+45 12 34 56 78"),
        ("-1", "'-1"),
        ("@cmd", "'@cmd"),
        ("\tgemt", "'\tgemt"),
        ("Godkendt.", "Godkendt."),
        ("a = b", "a = b"),
    ])
    func formulaCells(_ value: String, _ expected: String) {
        #expect(RegisterCSV.cell(value) == expected)
    }

    @Test("A cell holding the separator, a quote or a line break is quoted, quotes doubled")
    func quoting() {
        #expect(RegisterCSV.cell("Rådmandsmøde; Beskæftigelse") == "\"Rådmandsmøde; Beskæftigelse\"")
        #expect(RegisterCSV.cell("Sagen »A« og \"B\"") == "\"Sagen »A« og \"\"B\"\"\"")
        #expect(RegisterCSV.cell("to\nlinjer") == "\"to\nlinjer\"")
        #expect(RegisterCSV.cell("=\"x\";1") == "\"'=\"\"x\"\";1\"")
    }

    @Test("An empty register is the BOM and the headings, ended by CRLF")
    func emptyCSV() {
        let csv = RegisterCSV.render([])
        #expect(Array(csv.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(csv.hasSuffix("Opfølgning\r\n"))
        #expect(csv.dropFirst().split(separator: ";").count == DecisionRegister.headings.count)
    }

    @Test("Outcome words are read in Danish, with or without æ, ø and å", arguments: [
        ("godkendt", MinutesOutcome.approved),
        ("Godkendt med ændringer", .approvedWithChanges),
        ("godkendt_med_aendringer", .approvedWithChanges),
        ("ikke godkendt", .notApproved),
        ("taget til efterretning", .notedForInformation),
        ("taget til orientering", .notedForInformation),
        ("droeftet", .discussed),
        ("udsat", .postponed),
        ("udgaaet", .withdrawn),
        ("udgik", .withdrawn),
    ])
    func outcomeWords(_ word: String, _ expected: MinutesOutcome) {
        #expect(MinutesOutcome(word: word) == expected)
    }

    @Test("An unknown outcome word is refused")
    func unknownOutcome() {
        #expect(MinutesOutcome(word: "vedtaget måske") == nil)
        #expect(MinutesOutcome(word: "") == nil)
    }

    @Test("Standard phrases repeat the recommendation's verb and give the reason")
    func phrases() {
        #expect(MinutesOutcome.notedForInformation.standardPhrase(noting: "til orientering", reason: nil) == "Taget til orientering.")
        #expect(MinutesOutcome.notedForInformation.standardPhrase(noting: nil, reason: nil) == "Taget til efterretning.")
        #expect(MinutesOutcome.notApproved.standardPhrase(noting: nil, reason: "økonomien ikke er afklaret.")
                == "Indstillingen kunne ikke tiltrædes, da økonomien ikke er afklaret.")
        #expect(MinutesOutcome.withdrawn.standardPhrase(noting: nil, reason: nil) == "Udgik.")
        #expect(MinutesOutcome.notedForInformation.label(noting: "til orientering") == "Taget til orientering")
    }
}
