import Foundation
import Testing
import IndstilCore

/// `readability.stiff-phrase` on a real document: exactly the stiff phrases, each with its
/// plain replacement; law citations left alone; a profile's own phrases and accepted ones.
@Suite("Plain language (end to end)") struct StiffPhraseCommandTests {
    @Test("Two stiff phrases give exactly two notes with suggestions; »jf. § 21« and »jf. lov om …« none; the profile adds and accepts")
    func stiffPhrases() throws {
        let project = try TempFolder("stiff-phrase")
        defer { project.remove() }
        let text = try Fixtures.exampleText(Fixtures.byraad).replacingOccurrences(
            of: "Ordningen træder i kraft den 1. september 2026.",
            with: "Såfremt byrådet godkender det, træder ordningen i kraft den 1. september 2026, jf. § 21 og jf. lov om folkeoplysning. Sagen fremsendes i henhold til delegationsplanen, og pågældende forening får besked.")
        try project.write("sag.md", text)
        try project.write("bilag/lokaleoversigt.md", try Fixtures.exampleText("aarhus-byraad/bilag/lokaleoversigt.md"))
        let result = try project.run("check", "sag.md", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        func stiff(_ object: [String: Any]) -> [String] {
            (object["files"] as? [[String: Any]] ?? []).flatMap { $0["diagnostics"] as? [[String: Any]] ?? [] }
                .filter { $0["check"] as? String == "readability.stiff-phrase" }.compactMap { $0["message"] as? String }
        }
        let expected: Set<String> = [
            "»Såfremt« er kancellisprog; skriv hellere »hvis«",
            "»fremsendes« er kancellisprog; skriv hellere »sendes«",
            "»i henhold til« er kancellisprog; skriv hellere »efter, ifølge«",
            "»pågældende« er kancellisprog; skriv hellere »den, denne«",
        ]
        #expect(stiff(object).count == 4 && Set(stiff(object)) == expected, "\(stiff(object))")

        // The project's copy of the profile accepts »pågældende« and adds »delegationsplanen«.
        let profile = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("Templates/aarhus-byraad/profile.yml"), encoding: .utf8)
            .replacingOccurrences(of: "readability:\n", with: "readability:\n  plain_language:\n    phrases: {\"delegationsplanen\": \"reglerne for, hvem der beslutter\"}\n    ignore: [\"pågældende\"]\n")
        #expect(profile.contains("plain_language"))
        try project.write("profiles/aarhus-byraad/profile.yml", profile)
        try project.write("indstil.yml", "profile: aarhus-byraad\n")
        let custom = try project.run("check", "sag.md", "--format", "json")
        let customObject = try #require(try JSONSerialization.jsonObject(with: custom.stdoutData) as? [String: Any])
        let messages = stiff(customObject)
        #expect(messages.contains("»delegationsplanen« er kancellisprog; skriv hellere »reglerne for, hvem der beslutter«"), "\(messages)")
        #expect(!messages.contains { $0.contains("pågældende") }, "\(messages)")
    }
}
