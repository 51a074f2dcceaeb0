import Foundation
import Testing

/// External check plugins through the real binary.
@Suite("Check plugins (end to end)") struct PluginCommandTests {
    @Test func theExamplePluginReportsItsFindingBesideTheBuiltInChecks() throws {
        let project = try TempFolder.withExamples()
        let folder = project.url.appendingPathComponent("examples/plugin-projekt")
        let result = try CLI.run(["check", "--format", "json", "."], in: folder, timeout: 30)
        #expect(result.status == 0, "\(result)")
        let json = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any], "\(result)")
        let diagnostics = (json["files"] as? [[String: Any]] ?? []).flatMap { $0["diagnostics"] as? [[String: Any]] ?? [] }
        #expect(diagnostics.contains { $0["check"] as? String == "ordliste.forbudt-ord" && $0["severity"] as? String == "warning" }, "\(result)")
    }

    @Test func aHangingPluginIsStoppedAndTheOtherChecksStillReport() throws {
        let project = try TempFolder.withExamples()
        try project.write("examples/indstil.yml", "plugins:\n  - name: hænger\n    command: [sh, -c, \"sleep 30\"]\n    timeout: 1\n")
        let path = "aarhus-byraad/ny-ordning-moedelokaler.md"
        let text = try Fixtures.exampleText(Fixtures.byraad).replacingOccurrences(of: "(bilag 2)", with: "(bilag 7)")
        try project.write("examples/\(path)", text)
        let started = Date()
        let result = try CLI.run(["check", path], in: project.url.appendingPathComponent("examples"), timeout: 20)
        #expect(Date().timeIntervalSince(started) < 10, "\(result)")
        #expect(result.status == 1, "\(result)")
        #expect(result.diagnostics.contains { $0.check == "plugin.failed" && $0.message.contains("hænger") }, "\(result)")
        #expect(result.diagnostics.contains { $0.check == "appendix.unknown-reference" }, "\(result)")
    }
}
