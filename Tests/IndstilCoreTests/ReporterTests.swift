import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import IndstilCore
@testable import IndstilSupport
@testable import IndstilDocument
@testable import IndstilChecks
@testable import IndstilRender
@testable import IndstilWorkspace
@testable import IndstilPackets

@Suite("Reporters: SARIF, JUnit, GitHub annotations")
struct ReporterTests {
    static let packageRoot = TestPackage.root
    static let schema = packageRoot.appendingPathComponent("Tests/Fixtures/sarif-schema-2.1.0.json")

    static let plainPath = "sager/indstilling.md"
    static let awkwardPath = "sager/ældre, pleje: 2026.md"
    static let cleanPath = "bilag/ren.md"
    static let nastyMessage = Message(
        da: "Ordet »ca.« er forbudt: skriv 100 %, ikke <ca.> & lign.\nSe ordlisten",
        en: "The word \"ca.\" is forbidden: write 100 %, not <ca.> & co.\nSee the word list")

    /// Three files: errors, warnings and notes, Danish text, a plugin check, one clean file.
    static var reports: [FileReport] {
        [
            FileReport(path: plainPath, diagnostics: [
                Diagnostic(check: "skeleton.missing-section", severity: .error,
                           message: Message(da: "Afsnittet »Hvorfor skal byrådet behandle sagen?« mangler",
                                            en: "The section \"Hvorfor skal byrådet behandle sagen?\" is missing"),
                           line: 12),
                Diagnostic(check: "appendix.unreferenced", severity: .warning,
                           message: Message(da: "Bilag 2 »Økonomi & tal« nævnes ikke i teksten",
                                            en: "Appendix 2 \"Økonomi & tal\" is not mentioned in the text"),
                           line: 20, column: 3),
                Diagnostic(check: "readability.long-sentence", severity: .note,
                           message: Message(da: "Sætningen har 42 ord; del den gerne op",
                                            en: "The sentence has 42 words; consider splitting it"),
                           line: 31, column: 5),
                Diagnostic(check: "ordliste.forbudt-ord", severity: .error, message: nastyMessage, line: 40, column: 7),
            ]),
            FileReport(path: awkwardPath, diagnostics: [
                Diagnostic(check: "plugin.failed", severity: .error,
                           message: Message(da: "Plugin »ordliste« svarede ikke inden for 10 s",
                                            en: "Plugin \"ordliste\" did not answer within 10 s"),
                           line: 1),
                Diagnostic(check: "ordliste.forbudt-ord", severity: .warning,
                           message: Message(da: "Styrende tegn\u{1} og\u{0B} lodret tab\r\nfjernes i XML",
                                            en: "Control\u{1} characters\u{0B} go\r\nin XML"),
                           line: 3, column: 2),
            ]),
            FileReport(path: cleanPath, diagnostics: []),
        ]
    }

    static var errorCount: Int { reports.flatMap(\.diagnostics).filter { $0.severity == .error }.count }

    // MARK: SARIF

    @Test("SARIF validates against the official SARIF 2.1.0 schema, in Danish and English and when empty")
    func sarifValidates() throws {
        for language in Language.allCases {
            let result = try Self.validate(SARIFReporter.report(Self.reports, language: language))
            #expect(result.status == 0, "SARIF (\(language)) failed schema validation: \(result.output)")
        }
        let empty = try Self.validate(SARIFReporter.report([], language: .da))
        #expect(empty.status == 0, "empty SARIF failed schema validation: \(empty.output)")
    }

    @Test("The schema validation really fails on broken SARIF")
    func brokenSarifFails() throws {
        let sarif = SARIFReporter.report(Self.reports, language: .da)
        let wrongVersion = sarif.replacingOccurrences(of: "\"version\": \"2.1.0\"", with: "\"version\": \"2.0\"")
        #expect(wrongVersion != sarif)
        let versionResult = try Self.validate(wrongVersion)
        #expect(versionResult.status != 0, "SARIF with version 2.0 passed validation")
        #expect(versionResult.output.contains("ValidationError") && versionResult.output.contains("2.0"), "\(versionResult.output)")
        let wrongLevel = sarif.replacingOccurrences(of: "\"level\": \"note\"", with: "\"level\": \"info\"")
        #expect(wrongLevel != sarif)
        let levelResult = try Self.validate(wrongLevel)
        #expect(levelResult.status != 0, "SARIF with level \"info\" passed validation")
        #expect(levelResult.output.contains("ValidationError") && levelResult.output.contains("info"), "\(levelResult.output)")
    }

    @Test("Every result's ruleId is a rule, and ruleIndex points at it")
    func sarifRules() throws {
        let log = try Self.sarifObject(.da)
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        #expect(log["version"] as? String == "2.1.0")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "indstil")
        #expect(driver["semanticVersion"] as? String == SARIFReporter.toolVersion)
        #expect(driver["semanticVersion"] as? String == IndstilVersion.current)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ids = rules.compactMap { $0["id"] as? String }
        #expect(ids.count == rules.count)
        #expect(Set(ids).count == ids.count, "rule ids repeat")
        #expect(Array(ids.prefix(CheckRegistry.rules.count)) == CheckRegistry.rules.map(\.id), "the registry's rules come first, in its order")
        #expect(ids.contains("plugin.failed"))
        #expect(ids.contains("ordliste.forbudt-ord"))

        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == Self.reports.flatMap(\.diagnostics).count)
        for result in results {
            let ruleId = try #require(result["ruleId"] as? String)
            let ruleIndex = try #require(result["ruleIndex"] as? Int)
            #expect(ids.contains(ruleId), "result's rule \(ruleId) is not in driver.rules")
            #expect(ruleIndex >= 0 && ruleIndex < ids.count && ids[ruleIndex] == ruleId, "ruleIndex \(ruleIndex) is not \(ruleId)")
        }
    }

    @Test("Rules carry the check's summary in the chosen language and its default level")
    func sarifRuleDescriptions() throws {
        for language in Language.allCases {
            let run = try #require((try Self.sarifObject(language)["runs"] as? [[String: Any]])?.first)
            let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
            let rules = try #require(driver["rules"] as? [[String: Any]])
            func rule(_ id: String) -> [String: Any]? { rules.first { $0["id"] as? String == id } }
            func text(_ rule: [String: Any]?) -> String? { (rule?["shortDescription"] as? [String: Any])?["text"] as? String }
            func level(_ rule: [String: Any]?) -> String? { (rule?["defaultConfiguration"] as? [String: Any])?["level"] as? String }
            for check in CheckRegistry.rules {
                #expect(text(rule(check.id)) == check.summary.text(language))
                #expect(level(rule(check.id)) == check.defaultSeverity.rawValue)
            }
            #expect(level(rule("plugin.failed")) == "error")
            #expect(text(rule("ordliste.forbudt-ord"))?.contains("ordliste.forbudt-ord") == true)
            // Used as an error and as a warning: the rule's default is the most severe.
            #expect(level(rule("ordliste.forbudt-ord")) == "error")
            #expect(run["language"] as? String == language.rawValue)
        }
        #expect(SARIFReporter.level(.note) == "note")
        #expect(SARIFReporter.level(.warning) == "warning")
        #expect(SARIFReporter.level(.error) == "error")
    }

    @Test("Results: level, message, relative URI against %SRCROOT%, line and column")
    func sarifResults() throws {
        let run = try #require((try Self.sarifObject(.da)["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        func location(_ result: [String: Any]) -> [String: Any]? {
            ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any]
        }
        let forbidden = try #require(results.first { $0["ruleId"] as? String == "ordliste.forbudt-ord" })
        #expect(forbidden["level"] as? String == "error")
        #expect((forbidden["message"] as? [String: Any])?["text"] as? String == Self.nastyMessage.da)
        let physical = try #require(location(forbidden))
        let artifact = try #require(physical["artifactLocation"] as? [String: Any])
        #expect(artifact["uri"] as? String == Self.plainPath)
        #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
        let region = try #require(physical["region"] as? [String: Any])
        #expect(region["startLine"] as? Int == 40)
        #expect(region["startColumn"] as? Int == 7)

        let note = try #require(results.first { $0["ruleId"] as? String == "readability.long-sentence" })
        #expect(note["level"] as? String == "note")
        let warning = try #require(results.first { $0["ruleId"] as? String == "appendix.unreferenced" })
        #expect(warning["level"] as? String == "warning")

        // Spaces and non-ASCII letters are percent-encoded so the URI is valid.
        let failed = try #require(results.first { $0["ruleId"] as? String == "plugin.failed" })
        let awkward = try #require(location(failed)?["artifactLocation"] as? [String: Any])
        #expect(awkward["uri"] as? String == "sager/%C3%A6ldre,%20pleje:%202026.md")

        // Every checked file, clean ones too, is an artifact.
        let artifacts = try #require(run["artifacts"] as? [[String: Any]])
        let uris = artifacts.compactMap { ($0["location"] as? [String: Any])?["uri"] as? String }
        #expect(uris == [Self.plainPath, "sager/%C3%A6ldre,%20pleje:%202026.md", Self.cleanPath])
    }

    @Test("Artifact URIs", arguments: [
        ("sager/indstilling.md", "sager/indstilling.md"),
        ("sag 1.md", "sag%201.md"),
        ("100%.md", "100%25.md"),
        ("a#b?.md", "a%23b%3F.md"),
        ("c:sag.md", "./c:sag.md"),
        ("../fælles/sag.md", "../f%C3%A6lles/sag.md"),
    ])
    func artifactURIs(_ path: String, _ uri: String) {
        #expect(SARIFReporter.percentEncodedPath(path) == uri)
    }

    @Test("An absolute path becomes a file URI without a base")
    func absolutePath() throws {
        let sarif = SARIFReporter.report([FileReport(path: "/tmp/sag 1.md", diagnostics: [
            Diagnostic(check: "style.placeholder", severity: .error, message: Message(da: "TODO", en: "TODO"), line: 2),
        ])], language: .da)
        #expect(sarif.contains("\"uri\": \"file:///tmp/sag%201.md\""))
        #expect(!sarif.contains("%SRCROOT%"))
        #expect(try Self.validate(sarif).status == 0)
    }

    // MARK: JUnit

    @Test("JUnit: one <failure> per error, the failures attribute agrees, and the XML parses")
    func junitFailures() throws {
        let xml = JUnitReporter.report(Self.reports, language: .da)
        let parsed = try Self.parseXML(xml)
        #expect(parsed.elements.filter { $0.name == "failure" }.count == Self.errorCount)
        let root = try #require(parsed.elements.first)
        #expect(root.name == "testsuites")
        #expect(root.attributes["name"] == "indstil")
        #expect(root.attributes["failures"] == String(Self.errorCount))
        #expect(root.attributes["errors"] == "0")
        let testcases = parsed.elements.filter { $0.name == "testcase" }
        #expect(root.attributes["tests"] == String(testcases.count))
        #expect(testcases.count == 4 + 2 + 1)

        let suites = parsed.elements.filter { $0.name == "testsuite" }
        #expect(suites.map { $0.attributes["name"] } == [Self.plainPath, Self.awkwardPath, Self.cleanPath])
        #expect(suites.map { $0.attributes["failures"] } == ["2", "1", "0"])
        #expect(suites.map { $0.attributes["tests"] } == ["4", "2", "1"])

        #expect(testcases.map { $0.attributes["name"] } == [
            "skeleton.missing-section:12", "appendix.unreferenced:20", "readability.long-sentence:31", "ordliste.forbudt-ord:40",
            "plugin.failed:1", "ordliste.forbudt-ord:3", "indstil",
        ])
        #expect(testcases.map { $0.attributes["classname"] } == [
            Self.plainPath, Self.plainPath, Self.plainPath, Self.plainPath, Self.awkwardPath, Self.awkwardPath, Self.cleanPath,
        ])

        let failures = parsed.elements.filter { $0.name == "failure" }
        #expect(failures.map { $0.attributes["type"] } == ["skeleton.missing-section", "ordliste.forbudt-ord", "plugin.failed"])
        // The message with <, &, % and a line break survives the round trip.
        #expect(failures[1].attributes["message"] == Self.nastyMessage.da)
        #expect(failures[1].text == "\(Self.plainPath):40:7: error: \(Self.nastyMessage.da) [ordliste.forbudt-ord]")
        #expect(failures[0].attributes["message"] == "Afsnittet »Hvorfor skal byrådet behandle sagen?« mangler")

        // Warnings and notes pass, with the finding as output; characters XML forbids are gone.
        let outputs = parsed.elements.filter { $0.name == "system-out" }.map(\.text)
        #expect(outputs.count == 3)
        #expect(outputs[0] == "\(Self.plainPath):20:3: warning: Bilag 2 »Økonomi & tal« nævnes ikke i teksten [appendix.unreferenced]")
        #expect(outputs[2] == "\(Self.awkwardPath):3:2: warning: Styrende tegn og lodret tab\r\nfjernes i XML [ordliste.forbudt-ord]")
        #expect(!xml.contains("\u{1}") && !xml.contains("\u{0B}"))
    }

    @Test("JUnit in English; no files gives an empty, valid report")
    func junitEnglishAndEmpty() throws {
        let parsed = try Self.parseXML(JUnitReporter.report(Self.reports, language: .en))
        #expect(parsed.elements.first { $0.name == "failure" }?.attributes["message"] == "The section \"Hvorfor skal byrådet behandle sagen?\" is missing")
        let empty = try Self.parseXML(JUnitReporter.report([], language: .da))
        #expect(empty.elements.count == 1)
        #expect(empty.elements.first?.attributes["tests"] == "0")
        #expect(empty.elements.first?.attributes["failures"] == "0")
    }

    // MARK: GitHub

    @Test("GitHub annotations: one workflow command per diagnostic, escaped, then the summary")
    func githubLines() {
        let lines = GitHubReporter.report(Self.reports, language: .da).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines == [
            "::error file=sager/indstilling.md,line=12,col=1,title=skeleton.missing-section::Afsnittet »Hvorfor skal byrådet behandle sagen?« mangler",
            "::warning file=sager/indstilling.md,line=20,col=3,title=appendix.unreferenced::Bilag 2 »Økonomi & tal« nævnes ikke i teksten",
            "::notice file=sager/indstilling.md,line=31,col=5,title=readability.long-sentence::Sætningen har 42 ord; del den gerne op",
            "::error file=sager/indstilling.md,line=40,col=7,title=plugin ordliste%3A ordliste.forbudt-ord::Ordet »ca.« er forbudt: skriv 100 %25, ikke <ca.> & lign.%0ASe ordlisten",
            "::error file=sager/ældre%2C pleje%3A 2026.md,line=1,col=1,title=plugin.failed::Plugin »ordliste« svarede ikke inden for 10 s",
            // Other control characters are made visible: ESC sequences must not reach a log viewer.
            // A plugin's finding is titled as the plugin's.
            "::warning file=sager/ældre%2C pleje%3A 2026.md,line=3,col=2,title=plugin ordliste%3A ordliste.forbudt-ord::Styrende tegn\\u{1} og\\u{B} lodret tab%0D%0Afjernes i XML",
            "3 filer kontrolleret: 3 fejl, 2 advarsler, 1 note",
            "",
        ])
        let english = GitHubReporter.report(Self.reports, language: .en)
        #expect(english.hasSuffix("\n3 files checked: 3 errors, 2 warnings, 1 note\n"))
        #expect(GitHubReporter.report([], language: .da) == "0 filer kontrolleret: 0 fejl, 0 advarsler, 0 noter\n")
    }

    @Test("GitHub escaping rules for messages and properties")
    func githubEscaping() {
        #expect(GitHubReporter.escapeData("a%b\r\nc:d,e") == "a%25b%0D%0Ac:d,e")
        #expect(GitHubReporter.escapeProperty("a%b\r\nc:d,e") == "a%25b%0D%0Ac%3Ad%2Ce")
        #expect(GitHubReporter.escapeData("%0A") == "%250A")
        #expect(GitHubReporter.escapeProperty("æøå ÆØÅ") == "æøå ÆØÅ")
    }

    // MARK: All formats

    @Test("Every format gives the same bytes for the same input", arguments: DiagnosticReportFormat.allCases)
    func deterministic(_ format: DiagnosticReportFormat) {
        for language in Language.allCases {
            let first = format.render(Self.reports, language: language)
            let second = format.render(Self.reports, language: language)
            #expect(first == second)
            #expect(!first.isEmpty)
        }
    }

    @Test("The format dispatch picks each reporter")
    func dispatch() {
        #expect(DiagnosticReportFormat.allCases.map(\.rawValue) == ["text", "json", "sarif", "junit", "github"])
        let reports = Self.reports
        #expect(DiagnosticReportFormat.text.render(reports, language: .da) == TextReporter.report(reports, language: .da))
        #expect(DiagnosticReportFormat.json.render(reports, language: .en) == JSONReporter.report(reports, language: .en))
        #expect(DiagnosticReportFormat.sarif.render(reports, language: .da) == SARIFReporter.report(reports, language: .da))
        #expect(DiagnosticReportFormat.junit.render(reports, language: .da) == JUnitReporter.report(reports, language: .da))
        #expect(DiagnosticReportFormat.github.render(reports, language: .en) == GitHubReporter.report(reports, language: .en))
        #expect(DiagnosticReportFormat(rawValue: "sarif") == .sarif)
        #expect(DiagnosticReportFormat(rawValue: "xml") == nil)
    }

    // MARK: Helpers

    static func sarifObject(_ language: Language) throws -> [String: Any] {
        let data = Data(SARIFReporter.report(reports, language: language).utf8)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// A Python that has the `jsonschema` package: the one on PATH, else the system's.
    static let python: String? = {
        var candidates: [String] = []
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") { candidates.append("\(folder)/python3") }
        candidates.append("/usr/bin/python3")
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) {
            if let result = try? run(candidate, ["-c", "import jsonschema"]), result.status == 0 { return candidate }
        }
        return nil
    }()

    /// Validates a SARIF text against the committed OASIS schema with Python's jsonschema.
    static func validate(_ sarif: String) throws -> (status: Int32, output: String) {
        let python = try #require(python, "python3 with the jsonschema package is needed (Debian: python3-jsonschema)")
        let folder = try TempFolder("sarif")
        defer { folder.remove() }
        let file = try folder.write("report.sarif", sarif)
        return try run(python, [
            "-c", "import json,jsonschema,sys; jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))",
            file.path, schema.path,
        ])
    }

    /// Runs a program to its end (at most two minutes), output collected through a file.
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let result = try TestProcess.run(executable, arguments)
        return (result.status, result.timedOut ? "\(executable) did not finish within two minutes" : result.output)
    }

    struct Element {
        let name: String
        let attributes: [String: String]
        var text: String
    }

    /// Every element in document order, with its attributes and its direct text.
    final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        var open: [Int] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            open.append(elements.count)
            elements.append(Element(name: elementName, attributes: attributes, text: ""))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let index = open.last { elements[index].text += string }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            open.removeLast()
        }
    }

    static func parseXML(_ xml: String) throws -> Collector {
        let parser = XMLParser(data: Data(xml.utf8))
        let collector = Collector()
        parser.delegate = collector
        let ok = parser.parse()
        #expect(ok, "the XML does not parse: \(String(describing: parser.parserError))")
        try #require(ok)
        return collector
    }
}
