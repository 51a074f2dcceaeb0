import Foundation
import Testing

/// `indstil bundle bundle.yml -o DIR`, the real binary: a site when the bundle is clean,
/// nothing at all (and an untouched DIR) when it is not.
@Suite("Bundle (end to end)") struct BundleCommandTests {
    static let appendix = """
        ---
        profil: betaenkning-bilag
        titel: "Opgørelse af mødetiden"
        beslutningstager: Det nuværende byråd
        ---

        # Formål

        Formålet er at give udvalget et overblik over mødetiden.

        # Opsummering

        1. Udvalgene holder mange møder.

        # Anbefalinger

        1. Møderne gøres kortere.

        # Videre forløb

        1. Byrådet drøfter sagen i efteråret. Se også [](kapitel:1).

        """

    /// A clean bundle: one chapter, two Markdown appendices.
    static func writeBundle(_ folder: TempFolder, secondID: String = "sager") throws {
        try folder.write("kapitel-1/intro.md", "Kapitlet handler om møder, se [](bilag:moedetid).\n")
        try folder.write("kapitel-1/moedetid.md", appendix)
        try folder.write("kapitel-1/sager.md", appendix.replacingOccurrences(of: "Opgørelse af mødetiden", with: "Sagsfremstillinger"))
        try folder.write("bundle.yml", """
            type: betaenkning
            titel: "Bilagsmateriale"
            kapitler:
              - titel: "Mødebelastning"
                intro: kapitel-1/intro.md
                bilag:
                  - id: moedetid
                    fil: kapitel-1/moedetid.md
                  - id: \(secondID)
                    fil: kapitel-1/sager.md

            """)
    }

    @Test func aCleanBundleBecomesASite() throws {
        let folder = try TempFolder()
        try Self.writeBundle(folder)
        let result = try folder.run("bundle", "bundle.yml", "-o", "site", timeout: 60)
        #expect(result.status == 0, "\(result)")
        #expect(folder.exists("site/index.html"))
        #expect(folder.exists("site/kapitel-1.html") && folder.exists("site/b1-1.html") && folder.exists("site/b1-2.html") && folder.exists("site/style.css"))
        let index = try folder.read("site/index.html")
        #expect(index.contains("<span class=\"nr\">B1.1</span> <span class=\"titel\">Opgørelse af mødetiden"))
        #expect(index.contains("<span class=\"nr\">B1.2</span> <span class=\"titel\">Sagsfremstillinger"))
        #expect(try folder.read("site/kapitel-1.html").contains("<a href=\"b1-1.html\">B1.1 Opgørelse af mødetiden</a>"))
        #expect(result.stderr.contains("Bilag 2/2: B1.2 Sagsfremstillinger"), "\(result)")
        #expect(result.stderr.contains("Skrev "), "\(result)")

        // Again, over the first site: the same bytes.
        let first = try folder.read("site/b1-2.html")
        let again = try folder.run("bundle", "bundle.yml", "-o", "site", timeout: 60)
        #expect(again.status == 0, "\(again)")
        #expect(try folder.read("site/b1-2.html") == first)
    }

    @Test func aDuplicatedIdStopsTheBuildAndWritesNothing() throws {
        let folder = try TempFolder()
        try Self.writeBundle(folder, secondID: "moedetid")
        let result = try folder.run("bundle", "bundle.yml", "-o", "site", timeout: 60)
        #expect(result.status == 1, "\(result)")
        let manifest = try folder.read("bundle.yml")
        // The second "- id: moedetid" is the duplicate.
        let secondLine = try #require(manifest.components(separatedBy: "\n").lastIndex(of: "      - id: moedetid")) + 1
        let duplicate = result.diagnostics.first { $0.check == "bundle.duplicate-id" }
        #expect(duplicate?.path == "bundle.yml", "\(result)")
        #expect(duplicate?.line == secondLine, "\(result)")
        #expect(!folder.exists("site"), "nothing may be written")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasPrefix("site") }
        #expect(leftovers.isEmpty, "\(leftovers)")

        // A folder that already exists is left exactly as it was.
        try folder.write("site/index.html", "<p>den gamle udgave</p>\n")
        let again = try folder.run("bundle", "bundle.yml", "-o", "site", timeout: 60)
        #expect(again.status == 1, "\(again)")
        #expect(try folder.read("site/index.html") == "<p>den gamle udgave</p>\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("site").path) == ["index.html"])
    }

    @Test func anUnresolvedReferenceStopsTheBuildWithFileAndLine() throws {
        let folder = try TempFolder()
        try Self.writeBundle(folder)
        let text = Self.appendix.replacingOccurrences(of: "Se også [](kapitel:1).", with: "Se også [](bilag:findes-ikke).")
        try folder.write("kapitel-1/sager.md", text)
        let result = try folder.run("bundle", "bundle.yml", "-o", "site", timeout: 60)
        #expect(result.status == 1, "\(result)")
        let unresolved = result.diagnostics.first { $0.check == "bundle.unresolved-reference" }
        #expect(unresolved?.path == "kapitel-1/sager.md", "\(result)")
        #expect(unresolved?.line == text.lineNumber(startingWith: "1. Byrådet drøfter"), "\(result)")
        #expect(!folder.exists("site"))
    }

    @Test func aFolderThatIsNotASiteIsRefused() throws {
        let folder = try TempFolder()
        try Self.writeBundle(folder)
        try folder.write("site/noter.txt", "mine noter\n")
        let result = try folder.run("bundle", "bundle.yml", "-o", "site", timeout: 60)
        #expect(result.status != 0, "\(result)")
        #expect(result.stderr.contains("bliver ikke overskrevet"), "\(result)")
        #expect(try folder.read("site/noter.txt") == "mine noter\n")
        #expect(!folder.exists("site/index.html"))
    }

    @Test func theShippedExampleBundleIsCleanAndBuilds() throws {
        let folder = try TempFolder.withExamples()
        let check = try folder.run("check", "examples/bilagsmateriale/bundle.yml", timeout: 60)
        #expect(check.status == 0, "\(check)")
        #expect(check.diagnostics.isEmpty, "\(check)")
        let result = try folder.run("bundle", "examples/bilagsmateriale/bundle.yml", "-o", "ud/bilagsmateriale", timeout: 60)
        #expect(result.status == 0, "\(result)")
        let index = try folder.read("ud/bilagsmateriale/index.html")
        for number in ["B1.1", "B1.2", "B1.3", "B2.1", "B2.2"] {
            #expect(index.contains("<span class=\"nr\">\(number)</span>"), "\(number)")
        }
        #expect(folder.exists("ud/bilagsmateriale/bilag/B1.3-spoergeskema.pdf"))
    }
}
