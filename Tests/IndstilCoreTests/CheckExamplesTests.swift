import Foundation
import Testing
import IndstilCore

/// What an example of any rule says of itself.
protocol DescribedExample: Sendable {
    var triggers: Bool { get }
    var description: String { get }
}

extension CheckExample: DescribedExample {}
extension ProjectExample: DescribedExample {}

/// One example of one rule (a document check's `CheckExample`, a manifest or plugin rule's
/// `ProjectExample`), named so a failing case says which.
struct RuleExampleCase<Example: DescribedExample>: Sendable, CustomTestStringConvertible {
    let ruleID: String
    let index: Int
    let example: Example

    var testDescription: String {
        "\(ruleID) #\(index + 1) \(example.triggers ? "triggers" : "passes"): \(example.description)"
    }

    /// Every example of every rule, in order.
    static func cases(_ rules: [(id: String, examples: [Example])]) -> [Self] {
        rules.flatMap { rule in rule.examples.enumerated().map { Self(ruleID: rule.id, index: $0.offset, example: $0.element) } }
    }
}

typealias CheckExampleCase = RuleExampleCase<CheckExample>

extension RuleExampleCase where Example == CheckExample {
    static var all: [Self] { cases(CheckRegistry.documentChecks.map { ($0.id, $0.examples) }) }
}

@Suite("Every check's own examples")
struct CheckExamplesTests {
    /// Checks without examples, and why: `length.section` needs a profile with a
    /// per-section limit, which no shipped profile sets (see `SectionLengthTests`).
    static let checksWithoutExamples: Set<String> = ["length.section"]

    /// Examples that fail because of a bug in Sources, by "check-id#number" (1-based).
    /// Remove an entry when its bug is fixed: the known issue then stops matching and the test says so.
    static let knownIssues: [String: String] = [:]

    @Test("Example", arguments: CheckExampleCase.all)
    func example(_ testCase: CheckExampleCase) throws {
        let example = testCase.example
        let project = try TestProject()
        defer { project.remove() }
        let diagnostics = try project.check(document: example.document, files: example.files ?? [:])
        let own = diagnostics.filter { $0.check == testCase.ruleID }
        let knownIssue = Self.knownIssues["\(testCase.ruleID)#\(testCase.index + 1)"]

        // The example's profile must be the one the document names, or the example tests something else.
        #expect(example.document.contains("profil: \(example.profile)\n"),
                "the document does not name the example's profile \(example.profile)")

        if example.triggers {
            #expect(!own.isEmpty, "expected \(testCase.ruleID) to trigger; got:\n\(describe(diagnostics))")
            if let line = example.line, let first = own.first {
                expect(knownIssue: knownIssue) {
                    #expect(first.line == line,
                            "first \(testCase.ruleID) diagnostic is on line \(first.line), expected \(line); got:\n\(describe(diagnostics))")
                }
            }
        } else {
            expect(knownIssue: knownIssue) {
                #expect(own.isEmpty, "expected \(testCase.ruleID) not to trigger; got:\n\(describe(diagnostics))")
            }
        }
    }

    @Test("Every rule has a triggering and a passing example", arguments: CheckRegistry.rules.map(\.id))
    func hasBothKinds(_ id: String) throws {
        let examples = try #require(CheckRegistry.rules.first { $0.id == id }).exampleSummaries
        if Self.checksWithoutExamples.contains(id) {
            #expect(examples.isEmpty, "\(id) now has examples; remove it from checksWithoutExamples")
            return
        }
        #expect(examples.contains { $0.triggers }, "\(id) has no triggering example")
        #expect(examples.contains { !$0.triggers }, "\(id) has no passing example")
    }

    static let contract = TestPackage.root.appendingPathComponent("../shared/CONTRACT.md")

    @Test("Rule ids are unique, of the form area.name, and cover the contract's list",
          .enabled(if: FileManager.default.fileExists(atPath: contract.path), "the contract (../shared/CONTRACT.md) is beside the checkout"))
    func uniqueIDs() throws {
        let ids = CheckRegistry.rules.map(\.id)
        let duplicates = Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        #expect(duplicates.isEmpty, "duplicate check ids: \(duplicates)")
        for id in ids {
            #expect(id.contains("."), "check id \(id) is not of the form area.name")
        }
        // CONTRACT.md §6 lists every id the tool emits.
        let contract = try String(contentsOf: Self.contract, encoding: .utf8)
        let section = try #require(contract.components(separatedBy: "## 6. Checks").dropFirst().first?.components(separatedBy: "## 7.").first)
        let listed = Set(section.components(separatedBy: "`").enumerated().filter { $0.offset % 2 == 1 }.map(\.element).filter { $0.contains(".") && !$0.contains(" ") && !$0.contains("yml") })
        #expect(!listed.isEmpty)
        #expect(listed.subtracting(ids).isEmpty, "ids in the contract without a rule: \(listed.subtracting(ids).sorted())")
    }

    @Test("Rules are found by their exact id, and only by it")
    func ruleLookUp() {
        #expect(CheckRegistry.rule(withID: "skeleton.missing-section") is MissingSectionCheck)
        #expect(CheckRegistry.rule(withID: "length.total") is TotalLengthCheck)
        #expect(CheckRegistry.rule(withID: "agenda.time") is AgendaTimeCheck)
        #expect(CheckRegistry.rule(withID: "plugin.failed") is PluginFailedRule)
        #expect(CheckRegistry.rule(withID: "skeleton.missing") == nil)
        #expect(CheckRegistry.rule(withID: "Skeleton.Missing-Section") == nil)
    }

    static let cleanExamples: [String] = ["byraad", "raadmand", "bilag"]

    static func cleanExample(_ name: String) -> ExampleDocument? {
        switch name {
        case "byraad": .byraad
        case "raadmand": .raadmand
        case "bilag": .bilag
        default: nil
        }
    }

    @Test("A clean base example has no diagnostics at all", arguments: cleanExamples)
    func cleanExampleIsClean(_ name: String) throws {
        let example = try #require(Self.cleanExample(name))
        #expect(example.markedLine == nil, "a clean example must not carry the marker")
        let project = try TestProject()
        defer { project.remove() }
        let diagnostics = try project.check(document: example.text, files: example.files)
        let bySeverity = Dictionary(grouping: diagnostics, by: \.severity)
        let knownIssue = name == "raadmand" ? Self.knownIssues["skeleton.empty-section#4"] : nil
        expect(knownIssue: knownIssue) {
            for severity in Severity.allCases {
                #expect(bySeverity[severity, default: []].isEmpty,
                        "ExampleDocument.\(name) has \(severity.rawValue) diagnostics:\n\(describe(diagnostics))")
            }
        }
    }
}

/// `length.section`: no shipped profile sets `max_characters` on a section, so the
/// test builds one in the project's own `profiles/` folder.
@Suite("length.section with a project profile")
struct SectionLengthTests {
    static let profileID = "test-afsnitsgraense"

    /// The shipped aarhus-byraad profile with a new id and a 50-character limit on the resume.
    static func limitedProfile() throws -> String {
        let shipped = try #require(ShippedTemplates.folder, "the shipped Templates folder was not found")
        let text = try String(contentsOf: shipped.appendingPathComponent("aarhus-byraad/profile.yml"), encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        let idIndex = try #require(lines.firstIndex { $0.hasPrefix("id: ") }, "no id: line in the shipped profile")
        lines[idIndex] = "id: \(profileID)"
        let resumeIndex = try #require(lines.firstIndex { $0 == "    heading: Resume" }, "no resume heading in the shipped profile")
        lines.insert("    max_characters: 50", at: resumeIndex + 1)
        return lines.joined(separator: "\n")
    }

    func document(resume: String) -> ExampleDocument {
        ExampleDocument.byraad
            .settingField("profil", "profil: \(Self.profileID)")
            .replacingSection("1. Resume", heading: "1. Resume ⟵", body: resume)
    }

    func run(_ document: ExampleDocument) throws -> [Diagnostic] {
        let project = try TestProject()
        defer { project.remove() }
        try project.write("profiles/\(Self.profileID)/profile.yml", try Self.limitedProfile())
        // The limit must really be in force, or the passing case below proves nothing.
        let store = ProfileStore.standard(projectRoot: project.root)
        let profile = try #require(try store.profile(id: Self.profileID)?.get())
        #expect(profile.section(withID: "resume")?.maxCharacters == 50)
        return try project.check(document: document.text, files: document.files)
    }

    @Test("A resume over 50 characters triggers on its heading")
    func triggers() throws {
        let document = document(resume: "Foreningerne efterspørger flere lokaler om aftenen, som vist i bilag 1.")
        let diagnostics = try run(document)
        let own = diagnostics.filter { $0.check == "length.section" }
        #expect(own.count == 1, "expected one length.section diagnostic; got:\n\(describe(diagnostics))")
        #expect(own.first?.line == document.markedLine)
        #expect(own.first?.severity == .error)
        // The check ran with the project's profile, not a fallback: nothing else complains about it.
        #expect(!diagnostics.contains { $0.check == "input.invalid" || $0.check == "metadata.invalid-field" },
                "\(describe(diagnostics))")
    }

    @Test("A short resume does not trigger")
    func passes() throws {
        let diagnostics = try run(document(resume: "Se bilag 1."))
        #expect(!diagnostics.contains { $0.check == "length.section" }, "\(describe(diagnostics))")
        #expect(!diagnostics.contains { $0.check == "input.invalid" || $0.check == "metadata.invalid-field" },
                "\(describe(diagnostics))")
    }

    @Test("Without the limit the same long resume does not trigger")
    func shippedProfileHasNoLimit() throws {
        let document = ExampleDocument.byraad.replacingSection(
            "1. Resume", body: "Foreningerne efterspørger flere lokaler om aftenen, som vist i bilag 1.")
        let project = try TestProject()
        defer { project.remove() }
        let diagnostics = try project.check(document: document.text, files: document.files)
        #expect(!diagnostics.contains { $0.check == "length.section" }, "\(describe(diagnostics))")
    }
}
