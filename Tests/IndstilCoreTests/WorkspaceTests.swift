import Foundation
import Testing
@testable import IndstilCore
@testable import IndstilSupport
@testable import IndstilDocument
@testable import IndstilChecks
@testable import IndstilRender
@testable import IndstilWorkspace
@testable import IndstilPackets

extension Workspace {
    /// The diagnostics `indstil check` gives a loaded document.
    func diagnostics(of document: Document) -> [Diagnostic] {
        analyze(document.url, displayPath: document.path).diagnostics
    }
}

@Suite("The analysis service")
struct WorkspaceTests {
    static let examples = TestPackage.examples

    static func workspace(for folder: URL) throws -> Workspace {
        Workspace(configuration: try Configuration.discover(from: folder), plugins: nil)
    }

    @Test("A betænkning bundle build parses and analyses each file once, and a second build none")
    func bundleReadsEachFileOnce() throws {
        let folder = Self.examples.appendingPathComponent("bilagsmateriale")
        let workspace = try Self.workspace(for: folder)
        guard case .betaenkning(let outcome) = workspace.assemble(folder.appendingPathComponent("bundle.yml"), displayPath: "bundle.yml") else {
            Issue.record("the example bundle does not assemble")
            return
        }
        #expect(!outcome.hasErrors)
        let markdown = outcome.packet.appendices.filter { if case .markdown = $0.content { true } else { false } }.map(\.source.path)
        let intros = outcome.packet.chapters.compactMap(\.introSource?.path)
        #expect(markdown.count == 4 && intros.count == 2)
        #expect(workspace.analysisCounts == Dictionary(uniqueKeysWithValues: markdown.map { ($0, 1) }))
        #expect(workspace.parseCounts == Dictionary(uniqueKeysWithValues: (markdown + intros).map { ($0, 1) }))

        _ = workspace.assemble(folder.appendingPathComponent("bundle.yml"), displayPath: "bundle.yml")
        #expect(workspace.parseCounts.values.allSatisfy { $0 == 1 }, "a warm workspace reads unchanged files again: \(workspace.parseCounts)")
        #expect(workspace.analysisCounts.values.allSatisfy { $0 == 1 })
    }

    @Test("An agenda build parses and analyses each indstilling once")
    func agendaReadsEachFileOnce() throws {
        let folder = Self.examples.appendingPathComponent("raadmandsmoede")
        let workspace = try Self.workspace(for: folder)
        guard case .dagsorden(let outcome) = workspace.assemble(folder.appendingPathComponent("dagsorden.yml"), displayPath: "dagsorden.yml") else {
            Issue.record("the example agenda does not assemble")
            return
        }
        #expect(!outcome.hasErrors)
        let recommendations = outcome.packet.items.compactMap(\.recommendation?.document.url.standardizedFileURL.path)
        #expect(recommendations.count == 2)
        #expect(workspace.analysisCounts == Dictionary(uniqueKeysWithValues: recommendations.map { ($0, 1) }))
        #expect(workspace.parseCounts == workspace.analysisCounts)
    }

    static let generator = TestPackage.root.deletingLastPathComponent().appendingPathComponent("shared/bench/gen_corpus.py")

    @Test("The benchmark corpus: its 200-appendix bundle and an agenda of 40 of its recommendations read each file once",
          .enabled(if: FileManager.default.fileExists(atPath: generator.path), "shared/bench/gen_corpus.py sits beside the checkout"))
    func corpusPacketsReadEachFileOnce() throws {
        let temporary = try TempFolder("corpus")
        defer { temporary.remove() }
        let out = temporary.url("corpus")
        _ = try TestProcess.run("python3", [Self.generator.path, out.path, "--docs", "40", "--appendices", "200"]).requireSuccess()
        let documents = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("indstillinger").path)
            .filter { $0.hasSuffix(".md") }.sorted()
        #expect(documents.count == 40)
        let items = documents.map { "  - indstilling: indstillinger/\($0)\n    minutter: 5" }.joined(separator: "\n")
        try temporary.write("corpus/dagsorden.yml", "type: dagsorden\nudvalg: Byrådet\ndato: 2026-09-04\nstart: \"08:00\"\nslut: \"11:20\"\npunkter:\n\(items)\n")
        try temporary.write("corpus/indstil.yml", "")
        let workspace = try Self.workspace(for: out)

        guard case .betaenkning(let bundle) = workspace.assemble(out.appendingPathComponent("bundle/bundle.yml"), displayPath: "bundle/bundle.yml") else {
            Issue.record("the corpus bundle does not assemble")
            return
        }
        #expect(bundle.packet.appendices.count == 200)
        #expect(workspace.analysisCounts.count >= 200 && workspace.analysisCounts.values.allSatisfy { $0 == 1 }, "\(workspace.analysisCounts.filter { $0.value != 1 })")

        guard case .dagsorden(let agenda) = workspace.assemble(out.appendingPathComponent("dagsorden.yml"), displayPath: "dagsorden.yml") else {
            Issue.record("the corpus agenda does not assemble")
            return
        }
        #expect(agenda.packet.items.compactMap(\.recommendation).count == 40)
        #expect(agenda.packet.appendices.count > 40, "the recommendations' own bilag are the items' appendices")
        #expect(workspace.analysisCounts.values.allSatisfy { $0 == 1 }, "\(workspace.analysisCounts.filter { $0.value != 1 })")
        #expect(workspace.parseCounts.values.allSatisfy { $0 == 1 }, "\(workspace.parseCounts.filter { $0.value != 1 })")
    }

    @Test("check over a folder: an indstilling found in the folder and named on its agenda is analysed once")
    func checkAnalysesSharedFilesOnce() throws {
        let folder = Self.examples.appendingPathComponent("raadmandsmoede")
        let workspace = try Self.workspace(for: folder)
        let inputs = try FileCollector.collect([folder.path, folder.appendingPathComponent("dagsorden.yml").path])
        let reports = workspace.check(inputs)
        #expect(RunSummary(reports).errors == 0)
        #expect(workspace.analysisCounts.count == 2)
        #expect(workspace.analysisCounts.values.allSatisfy { $0 == 1 }, "\(workspace.analysisCounts)")
    }

    @Test("Unchanged text is not analysed again; changed text is")
    func cacheFollowsContent() throws {
        let project = try TestProject()
        defer { project.remove() }
        let text = ExampleDocument.raadmand.text
        let url = try project.write("sag.md", text)
        let workspace = Workspace(plugins: nil)
        let first = workspace.analyze(text: text, url: url, displayPath: "sag.md")
        let second = workspace.analyze(text: text, url: url, displayPath: "sag.md")
        #expect(workspace.analysisCounts[url.path] == 1)
        #expect(first.analyzed?.characterCount == second.analyzed?.characterCount)
        let edited = text.replacingOccurrences(of: "40 elever", with: "45 elever")
        let third = workspace.analyze(text: edited, url: url, displayPath: "sag.md")
        #expect(workspace.analysisCounts[url.path] == 2)
        #expect(third.analyzed?.document.sourceLines.contains { $0.contains("45 elever") } == true)
    }

    @Test("Rendering analyses without checking; a later check runs the checks on the same analysis")
    func checksRunOnDemand() throws {
        let project = try TestProject()
        defer { project.remove() }
        let url = try project.write("sag.md", ExampleDocument.raadmand.settingField("dato", "dato: 31-02-2026").text)
        let workspace = Workspace(plugins: nil)
        let rendering = workspace.analyze(url, displayPath: "sag.md", checking: false)
        #expect(!rendering.isChecked && rendering.diagnostics.isEmpty)
        let checked = workspace.analyze(url, displayPath: "sag.md")
        #expect(checked.isChecked)
        #expect(checked.diagnostics.contains { $0.check == "metadata.invalid-field" }, "\(describe(checked.diagnostics))")
        #expect(workspace.analysisCounts[url.path] == 1)
    }

    @Test("indstil.yml can lower a manifest check: with agenda.time: warning an overrunning agenda builds")
    func manifestCheckSeverityIsConfigurable() throws {
        let project = try TestProject()
        defer { project.remove() }
        var files = AgendaExample.project(items: AgendaExample.defaultItems + ["  - titel: Drøftelse", "    minutter: 60"])
        files["indstil.yml"] = "checks:\n  agenda.time: warning\n"
        for (path, contents) in files { try project.write(path, contents) }
        let workspace = Workspace(configuration: try Configuration.discover(from: project.root), plugins: nil)
        guard case .dagsorden(let outcome) = workspace.assemble(project.root.appendingPathComponent(AgendaExample.manifestName),
                                                              displayPath: AgendaExample.manifestName) else {
            Issue.record("the agenda does not assemble")
            return
        }
        let time = outcome.reports.flatMap(\.diagnostics).filter { $0.check == "agenda.time" }
        #expect(time.count == 1 && time.first?.severity == .warning)
        #expect(!outcome.hasErrors)

        try project.write("indstil.yml", "checks:\n  agenda.time: off\n")
        let off = Workspace(configuration: try Configuration.discover(from: project.root), plugins: nil)
        #expect(!off.assemble(project.root.appendingPathComponent(AgendaExample.manifestName), displayPath: "x").reports
            .flatMap(\.diagnostics).contains { $0.check == "agenda.time" })
    }

    @Test("indstil.yml may not lower a mandatory rule", arguments: ["agenda.closed: warning", "input.invalid: off", "bundle.duplicate-id: note"])
    func mandatoryRulesStayErrors(_ setting: String) throws {
        let project = try TestProject()
        defer { project.remove() }
        try project.write("indstil.yml", "checks:\n  \(setting)\n")
        #expect(throws: Configuration.Invalid.self) { try Configuration.discover(from: project.root) }
        try project.write("indstil.yml", "checks:\n  \(setting.split(separator: ":")[0]): error\n")
        #expect(throws: Never.self) { try Configuration.discover(from: project.root) }
    }

    @Test("profile_paths reaches every document, in folders below the project too")
    func profilePathsAreSearched() throws {
        let project = try TestProject()
        defer { project.remove() }
        let shipped = try #require(ShippedTemplates.folder).appendingPathComponent("aarhus-raadmand/profile.yml")
        let profile = try String(contentsOf: shipped, encoding: .utf8)
            .replacingOccurrences(of: "id: aarhus-raadmand", with: "id: husstil")
        try project.write("husstile/husstil/profile.yml", profile)
        try project.write("indstil.yml", "profile_paths: [husstile]\n")
        let workspace = Workspace(configuration: try Configuration.discover(from: project.root), plugins: nil)
        let below = project.root.appendingPathComponent("sager/2026")
        #expect(workspace.profileStore(for: below).availableIDs().contains("husstil"))
        let url = try project.write("sager/2026/sag.md", ExampleDocument.raadmand.settingField("profil", "profil: husstil").text)
        #expect(workspace.analyze(url, displayPath: "sag.md").analyzed?.profile.id == "husstil")
    }
}
