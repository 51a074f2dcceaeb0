import Foundation
import Testing
@testable import IndstilCore
@testable import IndstilSupport
@testable import IndstilDocument
@testable import IndstilChecks
@testable import IndstilRender
@testable import IndstilWorkspace
@testable import IndstilPackets

typealias ProjectExampleCase = RuleExampleCase<ProjectExample>

extension RuleExampleCase where Example == ProjectExample {
    static var all: [Self] { cases(CheckRegistry.projectRules.map { ($0.id, $0.examples) }) }
}

@Suite("Every manifest and plugin rule's own examples")
struct ProjectRuleExamplesTests {
    /// Writes the example's project and checks its entry as `indstil check ENTRY` does.
    static func reports(_ example: ProjectExample) throws -> [FileReport] {
        let project = try TestProject()
        defer { project.remove() }
        for (path, contents) in example.files.sorted(by: { $0.key < $1.key }) {
            try project.write(path, contents)
        }
        let configuration = try Configuration.discover(from: project.root)
        let inputs = try FileCollector.collect([project.root.appendingPathComponent(example.entry).path])
        let reports = Workspace(configuration: configuration).check(inputs)
        // Paths as the example names them.
        let prefix = project.root.standardizedFileURL.path + "/"
        return reports.map { FileReport(path: $0.path.hasPrefix(prefix) ? String($0.path.dropFirst(prefix.count)) : $0.path, diagnostics: $0.diagnostics) }
    }

    @Test("Example", arguments: ProjectExampleCase.all)
    func example(_ testCase: ProjectExampleCase) throws {
        let example = testCase.example
        let reports = try Self.reports(example)
        let all = reports.flatMap { report in report.diagnostics.map { (report.path, $0) } }
        let own = all.filter { $0.1.check == testCase.ruleID }
        let listing = all.map { "  \($0.0):\($0.1.line) [\($0.1.check)] \($0.1.message.en)" }.joined(separator: "\n")
        if example.triggers {
            let expected = try #require(example.expected, "a triggering example marks its line with ⟵")
            let first = try #require(own.first, "expected \(testCase.ruleID) to trigger; got:\n\(listing)")
            #expect(first.0 == expected.path && first.1.line == expected.line,
                    "first \(testCase.ruleID) is at \(first.0):\(first.1.line), expected \(expected.path):\(expected.line); got:\n\(listing)")
        } else {
            #expect(own.isEmpty, "expected \(testCase.ruleID) not to trigger; got:\n\(listing)")
            #expect(example.expected == nil, "a passing example has no ⟵ marker")
        }
        // Nothing else is wrong with the example: it shows this rule and no other error.
        let otherErrors = all.filter { $0.1.check != testCase.ruleID && $0.1.severity == .error }
        #expect(otherErrors.isEmpty, "the example has other errors:\n\(listing)")
    }
}
