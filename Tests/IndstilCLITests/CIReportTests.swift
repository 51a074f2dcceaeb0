import Foundation
import Testing

/// The CI formats from the real binary, several reports in one run.
@Suite("CI reports (end to end)") struct CIReportTests {
    @Test func githubAnnotationsSARIFAndJUnitInOneRun() throws {
        let project = try TempFolder.withExamples()
        let path = "examples/\(Fixtures.byraad)"
        let original = try Fixtures.exampleText(Fixtures.byraad)
        let broken = original.removingSection("# 3. Hvorfor skal")
        try project.write(path, broken)
        let line = try #require(broken.lineNumber(startingWith: "# 4. Hvorfor fremsendes"))

        let result = try project.run("check", "--format", "github", "--report", "sarif=ud/indstil.sarif", "--report", "junit=ud/indstil.xml", path)
        #expect(result.status == 1, "\(result)")
        let annotation = result.stdout.components(separatedBy: "\n").first { $0.contains("title=skeleton.missing-section") }
        #expect(annotation?.hasPrefix("::error file=\(path),line=\(line),") == true, "\(result)")

        let sarif = try JSONSerialization.jsonObject(with: Data(contentsOf: project.url.appendingPathComponent("ud/indstil.sarif"))) as? [String: Any]
        #expect(sarif?["version"] as? String == "2.1.0")
        let results = ((sarif?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        #expect(results.contains { $0["ruleId"] as? String == "skeleton.missing-section" && $0["level"] as? String == "error" })

        let junit = try project.read("ud/indstil.xml")
        let errors = result.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("::error ") }.count
        #expect(errors >= 1)
        #expect(junit.components(separatedBy: "<failure ").count - 1 == errors, "\(junit)")
    }

    @Test func anUnwritableReportStopsWithExitTwo() throws {
        let project = try TempFolder.withExamples()
        try project.write("fil", "ikke en mappe")
        let result = try project.run("check", "--report", "sarif=fil/indstil.sarif", "examples/\(Fixtures.byraad)")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("fil/indstil.sarif"))
    }
}
