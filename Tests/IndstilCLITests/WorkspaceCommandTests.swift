import Foundation
import Testing

/// Every command goes through one analysis service: the project's indstil.yml (profiles,
/// check levels) applies to all of them, and manifest checks are checks like any other.
@Suite("One analysis service (end to end)")
struct WorkspaceCommandTests {
    static let agenda = """
    type: dagsorden
    udvalg: "Rådmandsmøde, Beskæftigelse"
    dato: 2026-09-04
    start: "10:00"
    slut: "10:30"
    punkter:
      - titel: Godkendelse af dagsorden
        minutter: 5
      - titel: Drøftelse af budget
        minutter: 40

    """

    @Test("checks lists the manifest checks and plugin.failed beside the document checks, each with examples")
    func checksListsEveryRule() throws {
        let result = try TempFolder().run("checks", "--examples")
        #expect(result.status == 0, "\(result)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        for id in ["bundle.duplicate-id", "bundle.numbering", "bundle.unresolved-reference", "agenda.time", "agenda.duration",
                   "agenda.meeting-date", "agenda.closed", "agenda.title", "agenda.deadline", "plugin.failed"] {
            let index = try #require(lines.firstIndex { $0.hasPrefix(id + " ") }, "indstil checks does not list \(id): \(result)")
            #expect(lines.dropFirst(index + 1).first?.hasPrefix("    udløser") == true, "\(id) has no examples listed")
        }
        #expect(lines.contains { $0.hasPrefix("agenda.closed ") && $0.hasSuffix("(altid fejl)") })
    }

    @Test("agenda.time: warning in indstil.yml lets an overrunning agenda pass check and build; agenda.closed: off is refused")
    func manifestCheckLevels() throws {
        let folder = try TempFolder()
        try folder.write("dagsorden.yml", Self.agenda)
        try folder.write("indstil.yml", "")
        let strict = try folder.run("check", "dagsorden.yml")
        #expect(strict.status == 1 && strict.diagnostics.contains { $0.check == "agenda.time" && $0.severity == "error" }, "\(strict)")

        try folder.write("indstil.yml", "checks:\n  agenda.time: warning\n")
        let lowered = try folder.run("check", "dagsorden.yml")
        #expect(lowered.status == 0 && lowered.diagnostics.contains { $0.check == "agenda.time" && $0.severity == "warning" }, "\(lowered)")
        let built = try folder.run("bundle", "dagsorden.yml", "-o", "ud", timeout: 60)
        #expect(built.status == 0 && folder.exists("ud/index.html"), "\(built)")

        try folder.write("indstil.yml", "checks:\n  agenda.closed: off\n")
        let refused = try folder.run("check", "dagsorden.yml")
        #expect(refused.status == 2 && refused.stderr.contains("indstil.yml:2") && refused.stderr.contains("agenda.closed"), "\(refused)")
    }

    @Test("A manifest with a one-letter name builds (its folder was once worked out by a call that traps)")
    func oneLetterManifest() throws {
        let folder = try TempFolder()
        try folder.write("m", Self.agenda.replacingOccurrences(of: "minutter: 40", with: "minutter: 25"))
        let result = try folder.run("bundle", "m", "-o", "ud", timeout: 60)
        #expect(result.status == 0 && !result.signaled, "\(result)")
        #expect(folder.exists("ud/index.html"))
    }

    @Test("profiles and new read profile_paths from indstil.yml, also from a folder below the project")
    func profilePathsForProfilesAndNew() throws {
        let folder = try TempFolder()
        let shipped = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("Templates/aarhus-raadmand/profile.yml"), encoding: .utf8)
        try folder.write("husstile/husstil/profile.yml", shipped.replacingOccurrences(of: "id: aarhus-raadmand", with: "id: husstil"))
        try folder.write("indstil.yml", "profile_paths: [husstile]\n")
        let profiles = try folder.run("profiles")
        #expect(profiles.status == 0 && profiles.stdout.split(separator: "\n").contains { $0.hasPrefix("husstil ") }, "\(profiles)")
        let new = try folder.run("new", "indstilling", "sager/ny.md", "--profile", "husstil")
        #expect(new.status == 0, "\(new)")
        #expect(try folder.read("sager/ny.md").contains("profil: husstil"))
    }
}
