import Foundation
import Testing
@testable import IndstilCore
@testable import IndstilSupport
@testable import IndstilDocument
@testable import IndstilChecks
@testable import IndstilRender
@testable import IndstilWorkspace
@testable import IndstilPackets

/// The real 2021 Aarhus recommendation (seed 003, people pseudonymised) and the
/// synthetic corpus from shared/bench/gen_corpus.py.
@Suite struct SeedAndCorpusTests {
    static let packageRoot = TestPackage.root
    static let seed = packageRoot.appendingPathComponent("Tests/Fixtures/aarhuskompasset-2021/aarhuskompasset.md")

    func diagnostics(_ url: URL, profile: String? = nil) throws -> [Diagnostic] {
        let analysis = Workspace(profileOverride: profile).analyze(url, displayPath: url.lastPathComponent)
        guard analysis.analyzed != nil else {
            Issue.record("could not load \(url.path)")
            return []
        }
        return analysis.diagnostics
    }

    @Test func seedCountIsWithinTwoPercentOfItsStatedAntalTegn() throws {
        guard case .document(let document) = DocumentLoader.load(Self.seed, displayPath: "seed"),
              case .success(let profile)? = ProfileStore.standard(projectRoot: nil).profile(id: "aarhus-byraad-2021") else {
            Issue.record("seed or profile missing")
            return
        }
        let analyzed = AnalyzedDocument(document: document, profile: profile)
        let stated = 12_246.0
        #expect(abs(Double(analyzed.characterCount) - stated) / stated < 0.02, "counted \(analyzed.characterCount)")
        #expect(analyzed.sections.count == 8)
        #expect(analyzed.decisionPoints.map(\.writtenNumber) == [1, 2, 3])
        #expect(analyzed.appendices.count == 2)
        #expect(abs(analyzed.readability.lix - 48.5) < 1.5, "LIX \(analyzed.readability.lix)")
    }

    @Test func seedGetsExactlyTheReviewersFindings() throws {
        let found = try diagnostics(Self.seed).filter { $0.severity != .note }
        let summary = found.map { "\($0.check)@\($0.line)" }
        #expect(Set(found.map(\.check)) == ["length.total", "appendix.unreferenced", "style.duplicate-paragraph"], "\(summary)")
        #expect(found.count == 3, "\(summary)")
        // The repeated paragraph is the one in "7. Hvilke ressourcer kræves?" repeating the resumé.
        let repeated = try #require(found.first { $0.check == "style.duplicate-paragraph" })
        let lines = try String(contentsOf: Self.seed, encoding: .utf8).components(separatedBy: "\n")
        #expect(lines[repeated.line - 1].hasPrefix("Aarhuskompasset er blevet til i en bred inddragelsesproces"))
        #expect(found.first { $0.check == "appendix.unreferenced" }?.message.da.contains("Bilag 2") == true)
    }

    @Test func seedUnderThe2026ProfileLacksTheWhyCouncilSection() throws {
        let found = try diagnostics(Self.seed, profile: "aarhus-byraad")
        let missing = found.filter { $0.check == "skeleton.missing-section" }
        #expect(missing.count == 1)
        #expect(missing.first?.message.da.contains("Hvorfor skal byrådet behandle sagen?") == true)
    }

    /// The corpus generator lives beside the checkout (`../shared/bench/`), not in it: without it
    /// the test is skipped and says so.
    static let generator = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/bench/gen_corpus.py")

    @Test(.enabled(if: FileManager.default.fileExists(atPath: generator.path), "shared/bench/gen_corpus.py is not beside the checkout"))
    func corpusDefectsAreAllFoundAndCleanFilesGetNoError() throws {
        let generator = Self.generator
        let temporary = try TempFolder("corpus")
        defer { temporary.remove() }
        let out = temporary.url("corpus")
        let generated = try TestProcess.run("python3", [generator.path, out.path, "--docs", "300", "--appendices", "8", "--defects", "0.3"])
        try #require(generated.status == 0, "\(generated)")

        let expected = ["missing-section": "skeleton.missing-section", "too-long": "length.total",
                        "dangling-bilag": "appendix.unknown-reference", "missing-file": "appendix.missing-file"]
        var defects: [String: String] = [:]
        for line in try String(contentsOf: out.appendingPathComponent("defects.tsv"), encoding: .utf8).split(separator: "\n") {
            let parts = line.split(separator: "\t").map(String.init)
            defects[out.appendingPathComponent(parts[0]).standardizedFileURL.path] = parts[1]
        }
        #expect(defects.count > 30)
        let inputs = try FileCollector.collect([out.appendingPathComponent("indstillinger").path])
        let reports = Workspace().check(inputs)
        #expect(reports.count == 300)
        var found = 0
        for (input, report) in zip(inputs.filter { !$0.displayPath.contains("/bilag/") }, reports) {
            let errors = Set(report.diagnostics.filter { $0.severity == .error }.map(\.check))
            if let defect = defects[input.url.path] {
                #expect(errors.contains(expected[defect]!), "\(input.displayPath): \(defect) not found, got \(errors)")
                found += 1
            } else {
                #expect(errors.isEmpty, "\(input.displayPath) is clean but got \(errors)")
            }
        }
        #expect(found == defects.count)
    }
}
