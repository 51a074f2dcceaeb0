import Foundation
import Testing
import IndstilTestSupport

/// Through the real binary: a template's field codes, a hostile SVG logo, plugins that
/// would pass for built-in checks, and text that turns itself around in the output.
@Suite("Hostile templates, logos, plugins and text (end to end)") struct HostileLookCommandTests {
    static let vesteraa = "examples/vesteraa"
    static let document = "examples/vesteraa/vintertjeneste-cykelstier.md"
    static let profileFolder = "examples/vesteraa/profiles/vesteraa-byraad"

    // MARK: Field codes in the Word template

    @Test func aTemplatesFieldCodesAreRemovedWithOneWarningNamingThem() throws {
        let project = try TempFolder.withExamples()
        let template = project.url("\(Self.profileFolder)/skabelon.dotx")
        let parts = try WordFixture.read(template)
        let header = try #require(parts.first { $0.0.hasPrefix("word/header") && $0.0.hasSuffix(".xml") }, "the example's template has a header")
        let hostile = HostileSamples.field("INCLUDETEXT \"http://sporing.example/x.docx\"", shows: "Inkluderet")
            + HostileSamples.field("DDEAUTO cmd \"/k calc\"", shows: "Kommando")
        let text = String(decoding: header.1, as: UTF8.self)
        let changed = text.replacingOccurrences(of: "</w:hdr>", with: "<w:p>\(hostile)</w:p></w:hdr>")
        #expect(changed != text)
        try WordFixture.write(parts.map { $0.0 == header.0 ? ($0.0, Data(changed.utf8)) : $0 }, to: template)

        let result = try project.run("render", "--to", "docx", Self.document, "-o", "ud/sag.docx", timeout: 120)
        #expect(result.status == 0, "\(result)")
        let warning = "indstil: advarsel: Word-skabelonen »\(template.standardizedFileURL.path)« indeholder feltkoder, der er fjernet: INCLUDETEXT, DDEAUTO"
        #expect(result.stderr.contains(warning), "\(result)")
        #expect(result.stderr.components(separatedBy: "indstil: advarsel:").count == 2, "one warning per template: \(result)")
        let written = try WordFixture.read(project.url("ud/sag.docx"))
        for (path, data) in written where path.hasSuffix(".xml") {
            let xml = String(decoding: data, as: UTF8.self)
            #expect(!xml.contains("INCLUDETEXT") && !xml.contains("DDEAUTO"), "\(path)")
        }
        #expect(written.contains { String(decoding: $0.1, as: UTF8.self).contains("<w:t>Inkluderet</w:t>") })

        // The untouched example template: no warning.
        let clean = try TempFolder.withExamples()
        let plain = try clean.run("render", "--to", "docx", Self.document, "-o", "ud/sag.docx", timeout: 120)
        #expect(plain.status == 0 && !plain.stderr.contains("advarsel"), "\(plain)")
    }

    // MARK: SVG logos

    @Test("An SVG logo with a DTD or entities is a profile error naming look.logo.file",
          arguments: [HostileSamples.entitySVG, HostileSamples.laughsSVG])
    func anEntityLogoIsAProfileError(svg: String) throws {
        let project = try TempFolder.withExamples()
        try project.write("\(Self.profileFolder)/logo.svg", svg)
        let started = Date()
        let check = try project.run("check", Self.document, timeout: 30)
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(check.status != 0, "\(check)")
        let output = check.stdout + check.stderr
        #expect(output.contains("look.logo.file 'logo.svg': SVG-filen har en DOCTYPE eller entitetserklæringer"), "\(check)")
        #expect(!output.contains("root:") && !output.contains("lollol"), "\(check)")
        let render = try project.run("render", "--to", "html", Self.document, "-o", "ud/sag.html", timeout: 30)
        #expect(render.status != 0 && !project.exists("ud/sag.html"), "\(render)")
    }

    @Test func aScriptInAnSVGLogoReachesNoOutput() throws {
        let project = try TempFolder.withExamples()
        try project.write("\(Self.profileFolder)/logo.svg", HostileSamples.scriptSVG)
        let html = String(decoding: try ProfileLookTests.render(project, "html", to: "ud/sag.html"), as: UTF8.self)
        let start = try #require(html.range(of: "src=\"data:image/svg+xml;base64,"))
        let encoded = html[start.upperBound...].prefix { $0 != "\"" }
        let logo = String(decoding: try #require(Data(base64Encoded: String(encoded))), as: UTF8.self)
        #expect(logo.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\"") && logo.contains("<rect"), "\(logo)")
        for forbidden in ["script", "alert", "onload", "sporing.example", "foreignObject", "@import"] {
            #expect(!logo.contains(forbidden), "\(forbidden) in the HTML's logo: \(logo)")
        }
        // The DOCX (written into the example's template, whose header has no picture) too.
        let docx = try ProfileLookTests.render(project, "docx", to: "ud/sag.docx")
        let parts = try WordFixture.read(project.url("ud/sag.docx"))
        #expect(!docx.isEmpty)
        if let media = parts.first(where: { $0.0 == "word/media/logo.svg" }) {
            #expect(String(decoding: media.1, as: UTF8.self) == logo)
        }
        for (path, data) in parts {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("alert(") && !text.contains("sporing.example"), "\(path)")
        }
    }

    // MARK: Plugins

    @Test("A plugin named after a built-in area is a configuration error on its line",
          arguments: ["length", "skeleton", "metadata", "plugin", "input", "agenda", "Length"])
    func aPluginCannotTakeABuiltInName(name: String) throws {
        let project = try TempFolder.withExamples()
        try project.write("examples/indstil.yml", "plugin_concurrency: 2\nplugins:\n  - command: [sh, -c, \"cat >/dev/null; echo '{\\\"diagnostics\\\": []}'\"]\n    name: \(name)\n")
        let result = try CLI.run(["check", Fixtures.byraad], in: project.url("examples"), timeout: 30)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("indstil.yml:4:"), "\(result)")
        #expect(result.stderr.contains("Et plugin kan ikke hedde »\(name)«"), "\(result)")
    }

    @Test func twoPluginsWithOneNameOrADottedNameAreConfigurationErrors() throws {
        let project = try TempFolder.withExamples()
        let command = "command: [sh, -c, \"cat >/dev/null; echo '{}'\"]"
        for (config, line, words) in [
            ("plugins:\n  - name: ord\n    \(command)\n  - name: ord\n    \(command)\n", 4, "To plugins hedder »ord«"),
            ("plugins:\n  - name: min.plugin\n    \(command)\n", 2, "må ikke indeholde punktum"),
        ] {
            try project.write("examples/indstil.yml", config)
            let result = try CLI.run(["check", Fixtures.byraad], in: project.url("examples"), timeout: 30)
            #expect(result.status == 2 && result.stderr.contains("indstil.yml:\(line):") && result.stderr.contains(words), "\(config): \(result)")
        }
    }

    @Test func aPluginsFindingsAreMarkedInEveryFormat() throws {
        let project = try TempFolder.withExamples()
        let answer = #"{\"diagnostics\": [{\"check\": \"minplugin.foo\", \"severity\": \"warning\", \"message\": \"Fra pluginet\", \"line\": 3}]}"#
        try project.write("examples/indstil.yml", "plugins:\n  - name: minplugin\n    command: [sh, -c, \"cat >/dev/null; echo '\(answer)'\"]\n")
        let path = Fixtures.byraad
        let text = try Fixtures.exampleText(path).replacingOccurrences(of: "(bilag 2)", with: "(bilag 7)")
        try project.write("examples/\(path)", text)
        let folder = project.url("examples")

        let plain = try CLI.run(["check", path], in: folder, timeout: 30)
        let line = try #require(plain.stdout.split(separator: "\n").first { $0.contains("minplugin.foo") }, "\(plain)")
        #expect(line.hasSuffix(": warning: Fra pluginet [plugin minplugin] [minplugin.foo]"), "\(line)")
        let builtIn = try #require(plain.stdout.split(separator: "\n").first { $0.contains("appendix.unknown-reference") }, "\(plain)")
        #expect(!builtIn.contains("[plugin"), "\(builtIn)")
        #expect(plain.diagnostics.contains { $0.check == "minplugin.foo" }, "the check id is still the last bracket")

        let json = try CLI.run(["check", "--format", "json", path], in: folder, timeout: 30)
        let root = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any], "\(json)")
        let diagnostics = (root["files"] as? [[String: Any]] ?? []).flatMap { $0["diagnostics"] as? [[String: Any]] ?? [] }
        let mine = try #require(diagnostics.first { $0["check"] as? String == "minplugin.foo" })
        #expect(mine["plugin"] as? String == "minplugin" && mine["severity"] as? String == "warning" && mine["line"] as? Int == 3)
        #expect(diagnostics.filter { $0["check"] as? String != "minplugin.foo" }.allSatisfy { $0["plugin"] == nil } && diagnostics.count > 1)

        let sarif = try CLI.run(["check", "--format", "sarif", path], in: folder, timeout: 30)
        let log = try #require(try JSONSerialization.jsonObject(with: sarif.stdoutData) as? [String: Any], "\(sarif)")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let rules = ((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]] ?? []
        let rule = try #require(rules.first { $0["id"] as? String == "minplugin.foo" })
        #expect((rule["properties"] as? [String: Any])?["plugin"] as? String == "minplugin", "\(rule)")
        #expect(rules.filter { $0["id"] as? String != "minplugin.foo" }.allSatisfy { $0["properties"] == nil })
        let results = run["results"] as? [[String: Any]] ?? []
        let result = try #require(results.first { $0["ruleId"] as? String == "minplugin.foo" })
        #expect((result["properties"] as? [String: Any])?["plugin"] as? String == "minplugin", "\(result)")

        let github = try CLI.run(["check", "--format", "github", path], in: folder, timeout: 30)
        #expect(github.stdout.contains(",title=plugin minplugin%3A minplugin.foo::Fra pluginet"), "\(github)")
    }

    // MARK: Bidirectional and zero-width characters

    @Test func bidiAndZeroWidthCharactersArePrintedEscaped() throws {
        let project = try TempFolder.withExamples()
        let original = try Fixtures.exampleText(Fixtures.byraad)
        // An unknown heading with a right-to-left override and a zero-width space, in a file
        // whose name has a right-to-left isolate.
        let heading = "# Bilag\u{202E}dm.exe\u{200B} skjult"
        let text = original.replacingOccurrences(of: "\n# 6. Hvad igangsættes?\n", with: "\n\(heading)\n\nTekst.\n\n# 6. Hvad igangsættes?\n")
        #expect(text != original)
        let name = "aarhus-byraad/sag\u{2067}vend.md"
        try project.write("examples/\(name)", text)
        let folder = project.url("examples")

        let plain = try CLI.run(["check", name], in: folder, timeout: 30)
        let raw: [Unicode.Scalar] = ["\u{202E}", "\u{200B}", "\u{2067}"]
        #expect(!plain.stdout.unicodeScalars.contains { raw.contains($0) }, "\(plain)")
        #expect(plain.stdout.contains("Bilag\\u{202E}dm.exe\\u{200B} skjult"), "\(plain)")
        #expect(plain.stdout.contains("sag\\u{2067}vend.md:"), "\(plain)")

        let github = try CLI.run(["check", "--format", "github", name], in: folder, timeout: 30)
        #expect(!github.stdout.unicodeScalars.contains { raw.contains($0) }, "\(github)")
        #expect(github.stdout.contains("\\u{202E}") && github.stdout.contains("file=aarhus-byraad/sag\\u{2067}vend.md"), "\(github)")
    }
}
