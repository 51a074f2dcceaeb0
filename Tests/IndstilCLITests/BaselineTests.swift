import Foundation
import Testing
import IndstilCore

/// `indstil check --write-baseline` and `--baseline`: a project adopts indstil with the
/// findings it has, and CI reports only new ones, matched by check, file and text, not line.
@Suite("Check baselines (end to end)") struct BaselineTests {
    @Test("The examples with a baseline: one new error is the only finding; findings that moved lines stay accepted")
    func onlyNewFindings() throws {
        let project = try TempFolder.withExamples()
        defer { project.remove() }
        let document = "examples/aarhus-byraad/ny-ordning-moedelokaler.md"
        let original = try String(contentsOf: project.url(document), encoding: .utf8)
        // An old finding the project lives with for now: a decision point without its subject.
        let withOld = original.replacingOccurrences(of: "2. Byrådet godkender, at udlånet", with: "2. Magistraten sikrer, at udlånet")
        try withOld.write(to: project.url(document), atomically: true, encoding: .utf8)
        let before = try project.run("check", "examples", "--format", "json")
        #expect(before.status == 1, "\(before.stdout.prefix(400))")

        let written = try project.run("check", "examples", "--write-baseline", "indstil-baseline.json")
        #expect(written.status == 0 && written.stderr.contains("fund er accepteret"), "\(written)")
        let baseline = try String(contentsOf: project.url("indstil-baseline.json"), encoding: .utf8)
        #expect(baseline.contains("\"check\": \"decision.subject\""), "\(baseline.prefix(600))")
        #expect(!baseline.contains("\"line\""), "a baseline names no lines")

        let clean = try project.run("check", "examples", "--baseline", "indstil-baseline.json")
        #expect(clean.status == 0, "\(clean)")
        #expect(clean.stdout.contains("0 fejl"), "\(clean.stdout.suffix(300))")

        // Run from another folder, naming the files otherwise: the same baseline still matches.
        let elsewhere = try CLI.run(["check", "aarhus-byraad", "--baseline", "../indstil-baseline.json"], in: project.url("examples"))
        #expect(elsewhere.status == 0, "\(elsewhere)")

        // Lines move (a paragraph added above), and one new error comes: only that one is reported.
        let moved = withOld.replacingOccurrences(of: "# 1. Resume\n", with: "# 1. Resume\n\nEt nyt afsnit øverst, som flytter alle linjer.\n")
            .replacingOccurrences(of: "3. Byrådet tager erfaringerne", with: "3. Forvaltningen tager erfaringerne")
        try moved.write(to: project.url(document), atomically: true, encoding: .utf8)
        let json = try project.run("check", "examples", "--baseline", "indstil-baseline.json", "--format", "json")
        #expect(json.status == 1, "\(json)")
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
        let findings = (object["files"] as? [[String: Any]] ?? []).flatMap { $0["diagnostics"] as? [[String: Any]] ?? [] }
        #expect(findings.count == 1, "\(findings)")
        // Both points now miss »Byrådet« with the same message; the baseline accepts one (the
        // first), so the one reported is the new point 3.
        let newLine = try #require(moved.components(separatedBy: "\n").firstIndex { $0.hasPrefix("3. Forvaltningen") }) + 1
        #expect(findings.first?["check"] as? String == "decision.subject" && findings.first?["line"] as? Int == newLine, "\(findings)")

        let broken = try project.run("check", "examples", "--baseline", "examples/indstil.yml")
        #expect(broken.status == 2 && broken.stderr.contains("er ikke en baseline"), "\(broken)")
    }
}
