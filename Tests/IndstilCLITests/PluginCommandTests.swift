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

/// A plugin cannot leave a program running after `check`: not in its process group, and
/// not one that left the group with `setsid` (indstil adopts such orphans and ends them).
@Suite("Plugin descendants (end to end)") struct PluginDescendantTests {
    @Test("A grandchild that called setsid is stopped, whether the plugin answers or hangs past its time limit",
          arguments: ["echo '{\"diagnostics\": []}'", "sleep 30"])
    func setsidGrandchildIsStopped(then: String) throws {
        let project = try TempFolder.withExamples()
        let pidFile = project.url.appendingPathComponent("barnebarn.pid")
        let script = "setsid sh -c 'echo $$ > \(pidFile.path); exec sleep 60' </dev/null >/dev/null 2>&1 & "
            + "while [ ! -s \(pidFile.path) ]; do sleep 0.05; done; \(then)"
        let quoted = script.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        try project.write("examples/indstil.yml", "plugins:\n  - name: flygter\n    command: [sh, -c, \"\(quoted)\"]\n    timeout: 2\n")
        let result = try CLI.run(["check", "aarhus-byraad/ny-ordning-moedelokaler.md"], in: project.url.appendingPathComponent("examples"), timeout: 30)
        #expect(result.status == 0 || result.status == 1, "\(result)")
        let text = try String(contentsOf: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let grandchild = try #require(Int32(text), "no pid in \(text)")
        #expect(RunningProcess.waitUntilGone(grandchild, timeout: 3), "the plugin's setsid grandchild \(grandchild) survived check")
        if RunningProcess.isAlive(grandchild) { kill(grandchild, SIGKILL) }
    }
}
