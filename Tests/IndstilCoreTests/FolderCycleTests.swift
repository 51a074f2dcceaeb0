import Foundation
import Testing
import IndstilTestSupport

/// The folders inside each library target form no cycle: the compiler rejects a wrong-way
/// import between targets, and this is the same rule one level down, read from the source
/// text (`FolderDependencyGraph`). A failure names the folders, a way around the cycle and
/// the identifiers behind each edge; break it by moving the code to where it belongs.
@Suite struct FolderCycleTests {
    /// The library targets: every folder of Sources/ with Swift files, but the executable.
    static func libraryTargets() throws -> [URL] {
        let sources = TestPackage.root.appendingPathComponent("Sources")
        let manifest = try String(contentsOf: TestPackage.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let executables = manifest.matches(of: /\.executableTarget\(\s*name:\s*"([^"]+)"/).map { String($0.1) }
        return try FileManager.default.contentsOfDirectory(at: sources, includingPropertiesForKeys: nil)
            .filter { !executables.contains($0.lastPathComponent) }
            .filter { folder in
                FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?
                    .contains { ($0 as? URL)?.pathExtension == "swift" } ?? false
            }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    @Test func foldersInsideEachTargetFormNoCycle() throws {
        let targets = try Self.libraryTargets()
        #expect(targets.map(\.lastPathComponent).contains("IndstilDocument"))
        #expect(targets.map(\.lastPathComponent).contains("IndstilChecks"))
        var reports: [String] = []
        for target in targets {
            let graph = try FolderDependencyGraph(folder: target)
            if !graph.cycles.isEmpty { reports.append(graph.cycleReport(target: target.lastPathComponent)) }
        }
        if !reports.isEmpty {
            Issue.record("Folders that depend on each other in a cycle (move code to where it belongs):\n\(reports.joined(separator: "\n"))")
        }
    }

    /// The reading finds a cycle, through interpolations and across the root group, and is
    /// not fooled by names in strings and comments.
    @Test func graphFindsPlantedCycles() {
        let graph = FolderDependencyGraph(files: [
            "A/Alpha.swift": "public struct Alpha { let beta: Beta }\n",
            "B/Beta.swift": "struct Beta {\n    var text: String { \"\\(Gamma.name)\" }\n}\n",
            "C/Gamma.swift": "enum Gamma { static let name = \"Alpha\" } // uses Beta? no: a comment\n",
            "Root.swift": "func rooted() -> Delta { Delta() }\n",
            "D/Delta.swift": "/* Alpha */ struct Delta { let string = #\"Beta \"quoted\" \\(Alpha.self)\"#; let u = rooted }\n",
            "D/Private.swift": "private struct Hidden {}\nfileprivate func alsoHidden() {}\n",
        ])
        #expect(graph.cycles == [["(root)", "D"]])
        #expect(graph.edges["A"]?["B"] == ["A/Alpha.swift: Beta"])
        #expect(graph.edges["B"]?["C"] == ["B/Beta.swift: Gamma"])
        #expect(graph.edges["C"] == nil)
        #expect(graph.edges["D"]?["A"] == nil)
        #expect(graph.edges["D"]?["(root)"] == ["D/Delta.swift: rooted"])
        #expect(graph.cyclePath(from: "(root)", in: ["(root)", "D"]) == ["(root)", "D", "(root)"])

        let circle = FolderDependencyGraph(files: [
            "A/Alpha.swift": "struct Alpha { let beta: Beta }\n",
            "B/Beta.swift": "struct Beta { let gamma: Gamma }\n",
            "C/Gamma.swift": "struct Gamma {\n    func alpha() -> Alpha { fatalError() }\n}\n",
        ])
        #expect(circle.cycles == [["A", "B", "C"]])
        #expect(circle.cyclePath(from: "A", in: ["A", "B", "C"]) == ["A", "B", "C", "A"])
        #expect(circle.cycleReport(target: "T").contains("C → A: C/Gamma.swift: Alpha"))
    }

    @Test func strippingKeepsCodeAndLines() {
        let source = "let a = \"x // y\" // z\n/* one\n two */ let b = \"\"\"\n  Alpha\n  \\(Beta(\"c\"))\n  \"\"\"\nlet r = text.contains(/a\"b/)\n"
        let stripped = FolderDependencyGraph.strippingLiteralsAndComments(source)
        #expect(stripped.split(separator: "\n", omittingEmptySubsequences: false).count
                == source.split(separator: "\n", omittingEmptySubsequences: false).count)
        let names = FolderDependencyGraph.identifiers(Array(stripped.utf8))
        #expect(names.isSuperset(of: ["a", "b", "Beta", "r", "text", "contains"]))
        #expect(names.isDisjoint(with: ["x", "y", "z", "one", "two", "Alpha", "c"]))
        #expect(FolderDependencyGraph.topLevelNames(Array(stripped.utf8)) == ["a", "b", "r"])
    }
}
