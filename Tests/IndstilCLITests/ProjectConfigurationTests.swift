import Foundation
import Testing

/// House styles and settings are data: a project's profiles/ and indstil.yml change what
/// indstil does without a rebuild.
@Suite("Project configuration (end to end)") struct ProjectConfigurationTests {
    @Test func aRandersStyleProfileFromTheProjectFolderWorksWithoutARebuild() throws {
        let project = try TempFolder.withExamples()
        let document = "examples/randers/aabningstider-borgerservice.md"
        let clean = try project.run("check", document)
        #expect(clean.status == 0, "\(clean)")

        // The profile is data: require one more section and the same binary reports it.
        let profilePath = "examples/randers/profiles/randers-byraad/profile.yml"
        let profile = try project.read(profilePath)
        try project.write(profilePath, profile.replacingOccurrences(
            of: "  - {id: sagsfremstilling, heading: Sagsfremstilling}",
            with: "  - {id: sagsfremstilling, heading: Sagsfremstilling}\n  - {id: hoering, heading: Høring}"))
        let changed = try project.run("check", document)
        #expect(changed.status == 1, "\(changed)")
        #expect(changed.diagnostics.contains { $0.check == "skeleton.missing-section" && $0.message.contains("Høring") }, "\(changed)")
    }

    @Test func theProjectsDefaultProfileAndCheckSettingsApply() throws {
        let project = try TempFolder.withExamples()
        let document = "aabningstider-borgerservice.md"
        let folder = project.url.appendingPathComponent("examples/randers")
        // Without `profil` the project's default profile (indstil.yml: profile) is used.
        let text = try project.read("examples/randers/\(document)").replacingOccurrences(of: "profil: randers-byraad\n", with: "")
        try project.write("examples/randers/\(document)", text)
        let clean = try CLI.run(["check", document], in: folder)
        #expect(clean.status == 0, "\(clean)")

        // A check turned up to error by indstil.yml fails the run; turned off, it is silent.
        try project.write("examples/randers/\(document)", text.replacingOccurrences(of: " (bilag 1)", with: ""))
        let warned = try CLI.run(["check", document], in: folder)
        #expect(warned.status == 0 && warned.diagnostics.contains { $0.check == "appendix.unreferenced" && $0.severity == "warning" }, "\(warned)")
        let config = try project.read("examples/randers/indstil.yml")
        try project.write("examples/randers/indstil.yml", config + "  appendix.unreferenced: error\n")
        let raised = try CLI.run(["check", document], in: folder)
        #expect(raised.status == 1 && raised.diagnostics.contains { $0.check == "appendix.unreferenced" && $0.severity == "error" }, "\(raised)")
        try project.write("examples/randers/indstil.yml", config + "  appendix.unreferenced: off\n")
        let silenced = try CLI.run(["check", document], in: folder)
        #expect(silenced.status == 0 && !silenced.diagnostics.contains { $0.check == "appendix.unreferenced" }, "\(silenced)")
    }

    @Test func anInvalidConfigurationStopsWithExitTwoNamingFileAndLine() throws {
        let project = try TempFolder()
        try project.write("sag.md", "---\nprofil: aarhus-byraad\n---\n# Resume\n")
        for (config, line, words) in [
            ("checks:\n  readabilty.lix: error\n", 2, "readabilty.lix"),
            ("checks:\n  readability.lix: høj\n", 2, "høj"),
            ("profil: aarhus-byraad\n", 1, "profil"),
            ("plugins:\n  - name: x\n", 2, "command"),
            ("checks: [\n", 2, "YAML"),
        ] {
            try project.write("indstil.yml", config)
            let result = try project.run("check", "sag.md")
            #expect(result.status == 2, "\(config): \(result)")
            #expect(result.stderr.contains("indstil.yml:\(line):"), "\(config): \(result)")
            #expect(result.stderr.contains(words), "\(config): \(result)")
        }
    }
}
