import Foundation
import Testing
import IndstilCore
import IndstilTestSupport

/// Every rule the source declares is in `CheckRegistry.rules`, and every check id written as a
/// string anywhere in Sources/ (a reader's `input.invalid`, a field's `metadata.invalid-field`)
/// names a registered rule: a rule that was never registered, or an id nothing registers,
/// would report findings `indstil checks`, SARIF and indstil.yml know nothing of.
@Suite struct RuleRegistrationTests {
    /// The protocols a rule type conforms to (`Check` for documents, the manifest checks, `Rule`).
    static let ruleProtocols = ["Rule", "Check", "ProjectRule", "BundleCheck", "AgendaCheck", "MinutesCheck"]

    /// `struct|class|enum Name: …Check…` declarations in Swift source text.
    static func declaredRuleTypes(in source: String) -> [String] {
        let pattern = #"(?m)^\s*(?:public |package |internal |final )*(?:struct|class|enum)\s+(\w+)\s*:\s*([^{]+)\{"#
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
        let text = source as NSString
        return expression.matches(in: source, range: NSRange(location: 0, length: text.length)).compactMap { match in
            let conformances = text.substring(with: match.range(at: 2))
                .split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            guard conformances.contains(where: ruleProtocols.contains) else { return nil }
            return text.substring(with: match.range(at: 1))
        }
    }

    /// The ids in `check: "area.name"` arguments.
    static func literalCheckIDs(in source: String) -> [String] {
        guard let expression = try? NSRegularExpression(pattern: #"check: "([a-z]+\.[a-z-]+)""#) else { return [] }
        let text = source as NSString
        return expression.matches(in: source, range: NSRange(location: 0, length: text.length)).map {
            text.substring(with: $0.range(at: 1))
        }
    }

    static func sources(under folder: String) throws -> [(path: String, text: String)] {
        let root = TestPackage.root.appendingPathComponent(folder)
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        return try files.sorted { $0.path < $1.path }.map { ($0.path, try String(contentsOf: $0, encoding: .utf8)) }
    }

    @Test func theScannersFindWhatTheyLookFor() {
        let source = """
        public struct GhostCheck: Check {
            public let id = "ghost.check"
        }
        struct NotARule: Sendable, Equatable {}
        package struct QuietRule: Rule, Sendable {}
        let finding = Diagnostic(check: "ghost.id", severity: .error, message: message, line: 1)
        """
        #expect(Self.declaredRuleTypes(in: source) == ["GhostCheck", "QuietRule"])
        #expect(Self.literalCheckIDs(in: source) == ["ghost.id"])
    }

    @Test func everyDeclaredRuleIsRegistered() throws {
        let registered = Set(CheckRegistry.rules.map { String(describing: type(of: $0)) })
        var declared: [String: String] = [:]
        for (path, text) in try Self.sources(under: "Sources/IndstilChecks") {
            for name in Self.declaredRuleTypes(in: text) { declared[name] = path }
        }
        let undeclared = registered.subtracting(declared.keys)
        #expect(undeclared.isEmpty, "registered rules the scan does not find (has the declaration's form changed?): \(undeclared.sorted())")
        let unregistered = declared.filter { !registered.contains($0.key) }
        #expect(unregistered.isEmpty, "rule types not in CheckRegistry.rules (add them to its lists): \(unregistered.sorted { $0.key < $1.key })")
    }

    @Test func everyCheckIDWrittenAsTextIsARegisteredRule() throws {
        let registered = Set(CheckRegistry.rules.map(\.id))
        var unknown: [String] = []
        var found = 0
        for (path, text) in try Self.sources(under: "Sources") {
            for id in Self.literalCheckIDs(in: text) {
                found += 1
                if !registered.contains(id) { unknown.append("\(id) in \(path)") }
            }
        }
        #expect(found > 0, "no check: \"…\" ids found; has the source layout changed?")
        #expect(unknown.isEmpty, "ids that no registered rule has: \(unknown)")
    }
}
