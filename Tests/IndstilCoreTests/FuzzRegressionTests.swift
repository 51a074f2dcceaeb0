import Foundation
import Testing
import IndstilCore
import IndstilFuzzHarness

/// Every input the fuzzers in `Fuzz/` ever crashed, hung or leaked on
/// (`Tests/Fixtures/fuzz/<document|bundle>/`), and their seed corpora (`Fuzz/corpus/`),
/// replayed through the same `FuzzHarness` entry points the fuzz targets call.
@Suite("Fuzz regressions: crashers and seed corpora")
struct FuzzRegressionTests {
    static let packageRoot = TestPackage.root
    static let crashers = packageRoot.appendingPathComponent("Tests/Fixtures/fuzz")
    static let corpus = packageRoot.appendingPathComponent("Fuzz/corpus")
    /// Far above any real input (the fuzzers stop at 10 s in an instrumented build).
    static let timeLimit = Duration.seconds(10)

    /// What each crasher must come to now that its bug is fixed. A new crasher needs an entry.
    enum Expected {
        /// The document was loaded, checked against `profile` and rendered; `check` is among its diagnostics.
        case documentChecked(profile: String, check: String?)
        /// The document was refused with this check on this line.
        case documentRefused(check: String, line: Int)
        /// The manifest was refused with this diagnostic.
        case manifestRefused(check: String, line: Int)
        /// The manifest loaded and the bundle was assembled; `check` is among its diagnostics.
        case bundleAssembled(check: String?)
    }

    static let expectations: [String: Expected] = [
        // Empty bundle.yml: Foundation's Data(contentsOf:) leaked its 4 KB buffer (LeakSanitizer).
        "bundle/empty-manifest.yml": .manifestRefused(check: "input.invalid", line: 1),
        // An agenda whose attachment is read with pdftotext: Foundation's ProcessInfo.environment
        // allocated a fresh dictionary per program run that was never freed (LeakSanitizer).
        "bundle/agenda-runs-pdftotext.yml": .bundleAssembled(check: "agenda.time"),
    ]

    static func files(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { folder.appendingPathComponent($0) }
    }

    static func crasherNames() -> [String] {
        ["document", "bundle"].flatMap { kind in files(in: crashers.appendingPathComponent(kind)).map { "\(kind)/\($0.lastPathComponent)" } }
    }

    /// Lines of the input as indstil counts them (CR, CRLF and LF all end a line; LF alone
    /// in bytes that are not UTF-8).
    static func lineCount(_ data: Data) -> Int {
        guard case .success(let text) = SourceText.decode(data) else { return data.count { $0 == 0x0A } + 1 }
        return text.split(separator: "\n", omittingEmptySubsequences: false).count
    }

    func withWorkspace<T>(_ body: (URL) throws -> T) throws -> T {
        let workspace = try FuzzHarness.makeWorkspace(examples: Self.packageRoot.appendingPathComponent("examples"))
        defer { try? FileManager.default.removeItem(at: workspace) }
        return try body(workspace)
    }

    @Test("Every crasher has an expectation, and every expectation a crasher")
    func crashersAndExpectationsMatch() {
        #expect(Set(Self.crasherNames()) == Set(Self.expectations.keys))
    }

    @Test("Each crasher now ends as expected, in time", arguments: crasherNames())
    func crasher(_ name: String) throws {
        let data = try Data(contentsOf: Self.crashers.appendingPathComponent(name))
        let expected = try #require(Self.expectations[name], "no expectation for \(name)")
        try withWorkspace { workspace in
            let clock = ContinuousClock()
            let start = clock.now
            switch expected {
            case .documentChecked(let profile, let check):
                let outcome = FuzzHarness.document(data, workspace: workspace)
                #expect(outcome.stage == .checked)
                #expect(outcome.profileID == profile)
                if let check { #expect(outcome.diagnostics.contains { $0.check == check }, "\(outcome.diagnostics.map(\.check))") }
                #expect(outcome.diagnostics.allSatisfy { $0.line <= Self.lineCount(data) + 1 })
            case .documentRefused(let check, let line):
                let outcome = FuzzHarness.document(data, workspace: workspace)
                #expect(outcome.stage == .refused || outcome.stage == .unreadable)
                #expect(outcome.diagnostics.map(\.check) == [check])
                #expect(outcome.diagnostics.first?.line == line)
            case .manifestRefused(let check, let line):
                let outcome = FuzzHarness.bundleManifest(data, workspace: workspace)
                let failure = try #require(outcome.manifestFailure, "the manifest was accepted")
                #expect(failure.check == check)
                #expect(failure.line == line)
                #expect(!failure.message.da.isEmpty)
            case .bundleAssembled(let check):
                let outcome = FuzzHarness.bundleManifest(data, workspace: workspace)
                #expect(outcome.manifestFailure == nil)
                #expect(outcome.chapters > 0)
                if let check {
                    let checks = outcome.reports.flatMap(\.diagnostics).map(\.check)
                    #expect(checks.contains(check), "\(checks)")
                }
            }
            #expect(clock.now - start < Self.timeLimit, "\(name) took \(clock.now - start)")
        }
    }

    @Test("The document seed corpus: every input ends, with diagnostics on real lines")
    func documentCorpus() throws {
        let inputs = Self.files(in: Self.corpus.appendingPathComponent("document"))
        #expect(inputs.count >= 20)
        try withWorkspace { workspace in
            var stages: [FuzzHarness.DocumentOutcome.Stage: Int] = [:]
            for input in inputs {
                let data = try Data(contentsOf: input)
                let clock = ContinuousClock()
                let start = clock.now
                let outcome = FuzzHarness.document(data, workspace: workspace)
                #expect(clock.now - start < Self.timeLimit, "\(input.lastPathComponent) took \(clock.now - start)")
                stages[outcome.stage, default: 0] += 1
                if outcome.stage == .refused || outcome.stage == .unreadable {
                    #expect(!outcome.diagnostics.isEmpty, "\(input.lastPathComponent) was refused without a diagnostic")
                }
                let lines = Self.lineCount(data)
                for diagnostic in outcome.diagnostics {
                    #expect(diagnostic.line <= lines + 1, "\(input.lastPathComponent): \(diagnostic.check) on line \(diagnostic.line) of \(lines)")
                    #expect(!diagnostic.message.da.isEmpty)
                }
                if outcome.stage == .checked {
                    #expect((outcome.outputSizes["html"] ?? 0) > 0, "\(input.lastPathComponent) rendered no HTML")
                }
            }
            // The shipped examples are among the seeds: most inputs must get all the way through.
            #expect((stages[.checked] ?? 0) >= 15, "\(stages)")
        }
    }

    @Test("The bundle seed corpus: every manifest loads or is refused with a diagnostic")
    func bundleCorpus() throws {
        let inputs = Self.files(in: Self.corpus.appendingPathComponent("bundle"))
        #expect(inputs.count >= 5)
        try withWorkspace { workspace in
            var assembled = 0
            for input in inputs {
                let data = try Data(contentsOf: input)
                let clock = ContinuousClock()
                let start = clock.now
                let outcome = FuzzHarness.bundleManifest(data, workspace: workspace)
                #expect(clock.now - start < Self.timeLimit, "\(input.lastPathComponent) took \(clock.now - start)")
                if let failure = outcome.manifestFailure {
                    #expect(failure.line <= Self.lineCount(data) + 1, "\(input.lastPathComponent): line \(failure.line)")
                    #expect(!failure.message.da.isEmpty)
                } else {
                    assembled += 1
                    #expect(outcome.reports.first?.path == "bundle.yml")
                }
            }
            #expect(assembled >= 1, "not even the example bundle assembled")
        }
    }

    @Test("An empty file reads as empty text")
    func emptyFileReadsAsEmptyText() throws {
        let folder = try TempFolder("empty")
        defer { folder.remove() }
        let url = try folder.write("empty.md", "")
        #expect(SourceText.read(url) == .success(""))
    }
}
