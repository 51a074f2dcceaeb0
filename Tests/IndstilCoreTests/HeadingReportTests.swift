import Foundation
import Testing
import IndstilCore

/// A finding that names its heading (a Word document's) in every report that carries it;
/// one that does not (Markdown's) is reported exactly as before.
@Suite("Findings under a heading")
struct HeadingReportTests {
    static var reports: [FileReport] {
        var located = Diagnostic(check: "decision.subject", severity: .error,
                                 message: Message(da: "Punktet begynder ikke med »Byrådet«", en: "The point does not start with \"Byrådet\""),
                                 line: 24)
        located.heading = "2. Beslutningspunkter"
        let plain = Diagnostic(check: "style.placeholder", severity: .error, message: Message(da: "Skabelonrest »TODO«", en: "Template leftover \"TODO\""), line: 7)
        return [FileReport(path: "sag.docx", diagnostics: [located]), FileReport(path: "sag.md", diagnostics: [plain])]
    }

    @Test func text() {
        let da = TextReporter.report(Self.reports, language: .da)
        #expect(da.contains("sag.docx:24:1: error: Punktet begynder ikke med »Byrådet« (under »2. Beslutningspunkter«) [decision.subject]\n"))
        #expect(da.contains("sag.md:7:1: error: Skabelonrest »TODO« [style.placeholder]\n"))
        let en = TextReporter.report(Self.reports, language: .en)
        #expect(en.contains("(under \"2. Beslutningspunkter\") [decision.subject]"))
    }

    @Test func json() throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(JSONReporter.report(Self.reports, language: .da).utf8)) as? [String: Any])
        let files = try #require(object["files"] as? [[String: Any]])
        let word = try #require((files[0]["diagnostics"] as? [[String: Any]])?.first)
        let markdown = try #require((files[1]["diagnostics"] as? [[String: Any]])?.first)
        #expect(word["heading"] as? String == "2. Beslutningspunkter")
        #expect(markdown["heading"] == nil)
        #expect(Set(markdown.keys) == ["check", "severity", "message", "line", "column"])
    }

    @Test func sarif() throws {
        let sarif = SARIFReporter.report(Self.reports, language: .da)
        #expect(sarif.contains("\"logicalLocations\""))
        #expect(sarif.components(separatedBy: "\"logicalLocations\"").count == 2, "only the finding with a heading has one")
        let result = try ReporterTests.validate(sarif)
        #expect(result.status == 0, "\(result.output)")
    }
}
