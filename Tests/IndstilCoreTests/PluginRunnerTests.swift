import Foundation
import Testing
import IndstilCore

/// External check plugins (contract §7): small scripts in a temporary project, run on a
/// copy of the Aarhus byråd example.
@Suite("External check plugins")
struct PluginRunnerTests {
    static let packageRoot = TestPackage.root
    static let example = packageRoot.appendingPathComponent("examples/aarhus-byraad")
    static let hasPython = FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
        || (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/python3")
        }

    /// A project holding the example as `sag.md` (with its appendices), the scripts
    /// (made executable) and an indstil.yml with the given plugins.
    struct PluginProject {
        let project: TestProject
        var root: URL { project.root }

        init(config: String, scripts: [String: String] = [:], document: String? = nil) throws {
            project = try TestProject()
            for name in ["bilag/lokaleoversigt.md", "bilag/erfaringer-fra-forsoeget.pdf"] {
                let target = project.root.appendingPathComponent(name)
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.copyItem(at: PluginRunnerTests.example.appendingPathComponent(name), to: target)
            }
            let text = try document ?? String(contentsOf: PluginRunnerTests.example.appendingPathComponent("ny-ordning-moedelokaler.md"), encoding: .utf8)
            try project.write("sag.md", text)
            for (path, script) in scripts {
                let url = try project.write(path, script)
                try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
            }
            try project.write("indstil.yml", config)
        }

        func configuration() throws -> Configuration {
            try Configuration.load(root.appendingPathComponent("indstil.yml"))
        }

        func document(_ path: String = "sag.md") throws -> Document {
            guard case .document(let document) = DocumentLoader.load(root.appendingPathComponent(path), displayPath: path) else {
                throw TestProjectError.noFrontMatter
            }
            return document
        }

        func analyzed(_ path: String = "sag.md") throws -> AnalyzedDocument {
            let document = try document(path)
            let profile = try #require(ProfileStore.standard(projectRoot: root).profile(id: "aarhus-byraad")).get()
            return AnalyzedDocument(document: document, profile: profile)
        }

        /// The plugins' diagnostics for `sag.md`, and how long they took.
        func run() throws -> (diagnostics: [Diagnostic], seconds: Double) {
            let configuration = try configuration()
            let analyzed = try analyzed()
            let start = Date()
            let diagnostics = PluginRunner.diagnostics(for: analyzed, configuration: configuration)
            return (diagnostics, Date().timeIntervalSince(start))
        }
    }

    static func plugin(_ name: String, _ command: String, timeout: Double? = nil) -> String {
        "  - name: \(name)\n    command: \(command)\n" + (timeout.map { "    timeout: \($0)\n" } ?? "")
    }

    static func config(_ plugins: String..., extra: String = "") -> String {
        "profile: aarhus-byraad\n\(extra)plugins:\n" + plugins.joined()
    }

    static let answer = #"{"diagnostics":[{"check":"demo.hej","severity":"warning","message":"Hej fra pluginet","line":30,"column":3},"#
        + #"{"check":"demo.sidst","severity":"note","message":{"da":"På dansk","en":"In English"},"line":99999}]}"#

    // MARK: - Good plugins

    @Test("A good plugin: its diagnostics with their own check id, severity, line and column; a line past the end is the last line")
    func goodPlugin() throws {
        let project = try PluginProject(
            config: Self.config(Self.plugin("demo", "[plugins/demo.sh]")),
            scripts: ["plugins/demo.sh": "#!/bin/sh\ncat > /dev/null\nprintf '%s\\n' '\(Self.answer)'\n"])
        defer { project.project.remove() }
        let (diagnostics, _) = try project.run()
        #expect(diagnostics.count == 2, "\(describe(diagnostics))")
        let hello = try #require(diagnostics.first { $0.check == "demo.hej" }, "\(describe(diagnostics))")
        #expect(hello.severity == .warning)
        #expect(hello.line == 30 && hello.column == 3)
        #expect(hello.message == Message(da: "Hej fra pluginet", en: "Hej fra pluginet"))
        let last = try #require(diagnostics.first { $0.check == "demo.sidst" }, "\(describe(diagnostics))")
        #expect(last.severity == .note)
        // The last line with text: the document ends with a line break, which starts no line.
        let lines = try project.document().sourceLines
        #expect(lines.last?.isEmpty == true && last.line == lines.count - 1)
        #expect(last.message == Message(da: "På dansk", en: "In English"))
    }

    @Test("The command is found as a bare name in plugin_paths, as a path from the project root, absolutely, and on PATH (run in the project root)",
          arguments: ["[demo.sh]", "[plugins/demo.sh]", "ABSOLUTE", "[sh, plugins/demo.sh]", "sh plugins/demo.sh"])
    func commandResolution(command: String) throws {
        let project = try PluginProject(config: "", scripts: ["plugins/demo.sh": "#!/bin/sh\nprintf '%s' '\(Self.answer)'\n"])
        defer { project.project.remove() }
        let resolved = command == "ABSOLUTE" ? "[\(project.root.appendingPathComponent("plugins/demo.sh").path)]" : command
        try project.project.write("indstil.yml", Self.config(Self.plugin("demo", resolved), extra: "plugin_paths: [plugins]\n"))
        let (diagnostics, _) = try project.run()
        #expect(diagnostics.map(\.check).sorted() == ["demo.hej", "demo.sidst"], "\(describe(diagnostics))")
    }

    @Test("A plugin that leaves a process running behind it does not keep indstil waiting")
    func leftBehindProcess() throws {
        let project = try PluginProject(
            config: Self.config(Self.plugin("demo", "[plugins/demo.sh]", timeout: 20)),
            scripts: ["plugins/demo.sh": "#!/bin/sh\nsleep 30 &\nprintf '%s' '{\"diagnostics\":[]}'\n"])
        defer { project.project.remove() }
        let (diagnostics, seconds) = try project.run()
        #expect(diagnostics.isEmpty, "\(describe(diagnostics))")
        #expect(seconds < 5, "took \(seconds) s")
    }

    @Test("A plugin that closes stdin without reading a large request: no SIGPIPE for indstil, its answer counts")
    func pluginIgnoringLargeRequest() throws {
        let original = try String(contentsOf: Self.example.appendingPathComponent("ny-ordning-moedelokaler.md"), encoding: .utf8)
        let filler = String(repeating: "Lokalerne bruges om aftenen af mange foreninger i hele byen. ", count: 4_000)
        let document = original.replacingOccurrences(of: "# 9. Hvad er den videre proces", with: "\(filler)\n\n# 9. Hvad er den videre proces")
        let project = try PluginProject(
            config: Self.config(Self.plugin("demo", "[plugins/demo.sh]")),
            scripts: ["plugins/demo.sh": "#!/bin/sh\nexec 0<&-\nprintf '%s' '\(Self.answer)'\n"],
            document: document)
        defer { project.project.remove() }
        #expect(PluginRequest.data(for: try project.analyzed()).count > 200_000)
        let (diagnostics, _) = try project.run()
        #expect(diagnostics.map(\.check).sorted() == ["demo.hej", "demo.sidst"], "\(describe(diagnostics))")
    }

    @Test("Much on stderr (1 MB) with a valid answer: read alongside stdout, no deadlock")
    func chattyStderr() throws {
        let project = try PluginProject(
            config: Self.config(Self.plugin("demo", "[plugins/demo.sh]", timeout: 10)),
            scripts: ["plugins/demo.sh": "#!/bin/sh\ncat > /dev/null\nhead -c 1000000 /dev/zero | tr '\\0' x >&2\nprintf '%s' '\(Self.answer)'\n"])
        defer { project.project.remove() }
        let (diagnostics, seconds) = try project.run()
        #expect(diagnostics.count == 2, "\(describe(diagnostics))")
        #expect(seconds < 5)
    }

    // MARK: - Failing plugins

    /// The single plugin.failed error a broken plugin gives.
    static func failure(_ diagnostics: [Diagnostic], sourceLocation: SourceLocation = #_sourceLocation) throws -> Diagnostic {
        #expect(diagnostics.count == 1, "\(describe(diagnostics))", sourceLocation: sourceLocation)
        let failure = try #require(diagnostics.first, sourceLocation: sourceLocation)
        #expect(failure.check == "plugin.failed", sourceLocation: sourceLocation)
        #expect(failure.severity == .error, sourceLocation: sourceLocation)
        #expect(failure.line == 1, sourceLocation: sourceLocation)
        #expect(failure.message.da.contains("»demo«") && failure.message.en.contains("\"demo\""), "\(failure.message)", sourceLocation: sourceLocation)
        return failure
    }

    @Test("A plugin that sleeps past its timeout is stopped: plugin.failed naming the limit, well within 5 s")
    func timeout() throws {
        let project = try PluginProject(
            config: Self.config(Self.plugin("demo", "[plugins/demo.sh]", timeout: 1)),
            scripts: ["plugins/demo.sh": "#!/bin/sh\nsleep 30\nprintf '{\"diagnostics\":[]}'\n"])
        defer { project.project.remove() }
        let (diagnostics, seconds) = try project.run()
        let failure = try Self.failure(diagnostics)
        #expect(failure.message.en.contains("time limit of 1 second"), "\(failure.message.en)")
        #expect(failure.message.da.contains("tidsgrænse på 1 sekund"), "\(failure.message.da)")
        #expect(seconds < 5, "took \(seconds) s")
    }

    @Test("A plugin that ignores SIGTERM gets SIGKILL a second later")
    func timeoutIgnoringTerm() throws {
        let project = try PluginProject(
            config: Self.config(Self.plugin("demo", "[plugins/demo.sh]", timeout: 0.5)),
            scripts: ["plugins/demo.sh": "#!/bin/sh\ntrap '' TERM\nsleep 30\nsleep 30\n"])
        defer { project.project.remove() }
        let (diagnostics, seconds) = try project.run()
        let failure = try Self.failure(diagnostics)
        #expect(failure.message.en.contains("0.5 seconds"), "\(failure.message.en)")
        #expect(failure.message.da.contains("0,5 sekunder"), "\(failure.message.da)")
        #expect(seconds < 5, "took \(seconds) s")
    }

    @Test("A plugin that crashes (SIGSEGV): plugin.failed naming the signal")
    func crash() throws {
        let project = try PluginProject(
            config: Self.config(Self.plugin("demo", "[plugins/demo.sh]")),
            scripts: ["plugins/demo.sh": "#!/bin/sh\nkill -SEGV $$\n"])
        defer { project.project.remove() }
        let failure = try Self.failure(try project.run().diagnostics)
        #expect(failure.message.en.contains("crashed (signal \(SIGSEGV), SIGSEGV)"), "\(failure.message.en)")
        #expect(failure.message.da.contains("gik ned"), "\(failure.message.da)")
    }

    @Test("A non-zero exit status: plugin.failed with the status and the first line of stderr")
    func exitStatus() throws {
        let project = try PluginProject(
            config: Self.config(Self.plugin("demo", "[plugins/demo.sh]")),
            scripts: ["plugins/demo.sh": "#!/bin/sh\ncat > /dev/null\necho >&2\necho 'ordbogen mangler: ord.txt' >&2\necho 'anden linje' >&2\nprintf '{\"diagnostics\":[]}'\nexit 3\n"])
        defer { project.project.remove() }
        let failure = try Self.failure(try project.run().diagnostics)
        #expect(failure.message.en.contains("exited with status 3: ordbogen mangler: ord.txt"), "\(failure.message.en)")
        #expect(failure.message.da.contains("sluttede med status 3: ordbogen mangler: ord.txt"), "\(failure.message.da)")
        #expect(!failure.message.en.contains("anden linje"))
    }

    struct BadAnswer: Sendable, CustomTestStringConvertible {
        let output: String
        let mentions: String
        var testDescription: String { "\(output.isEmpty ? "(nothing)" : output) → \(mentions)" }
    }

    static let badAnswers: [BadAnswer] = [
        BadAnswer(output: "ikke json", mentions: "did not write valid JSON"),
        BadAnswer(output: "{\"diagnostics\": [", mentions: "did not write valid JSON"),
        BadAnswer(output: "", mentions: "wrote nothing to stdout"),
        BadAnswer(output: "[]", mentions: "the answer is not a JSON object"),
        BadAnswer(output: "{\"fund\": []}", mentions: "the key \"diagnostics\" is missing"),
        BadAnswer(output: "{\"diagnostics\": {}}", mentions: "\"diagnostics\" is not a list"),
        BadAnswer(output: "{\"diagnostics\": [3]}", mentions: "diagnostics[0] is not an object"),
        BadAnswer(output: #"{"diagnostics":[{"check":"","severity":"note","message":"m","line":1}]}"#, mentions: "diagnostics[0].check is missing"),
        BadAnswer(output: #"{"diagnostics":[{"severity":"note","message":"m","line":1}]}"#, mentions: "diagnostics[0].check is missing"),
        // A plugin speaks only under its own name: not as a built-in check, not as another plugin.
        BadAnswer(output: #"{"diagnostics":[{"check":"length.total","severity":"note","message":"m","line":1}]}"#,
                  mentions: "diagnostics[0].check \"length.total\" must start with the plugin's name, \"demo.\""),
        BadAnswer(output: #"{"diagnostics":[{"check":"demo.x","severity":"note","message":"m","line":1},{"check":"plugin.failed","severity":"error","message":"m","line":1}]}"#,
                  mentions: "diagnostics[1].check \"plugin.failed\" must start"),
        BadAnswer(output: #"{"diagnostics":[{"check":"demoer.x","severity":"note","message":"m","line":1}]}"#, mentions: "\"demoer.x\" must start"),
        BadAnswer(output: #"{"diagnostics":[{"check":"demo.","severity":"note","message":"m","line":1}]}"#, mentions: "\"demo.\" must start"),
        BadAnswer(output: #"{"diagnostics":[{"check":"demo.x","severity":"note","message":"m","line":1},{"check":"demo.x","severity":"fatal","message":"m","line":1}]}"#,
                  mentions: "diagnostics[1].severity must be note, warning or error (not \"fatal\")"),
        BadAnswer(output: #"{"diagnostics":[{"check":"demo.x","severity":"note","message":"","line":1}]}"#, mentions: "diagnostics[0].message is missing or empty"),
        BadAnswer(output: #"{"diagnostics":[{"check":"demo.x","severity":"note","message":"m","line":0}]}"#, mentions: "diagnostics[0].line must be a whole number from 1"),
        BadAnswer(output: #"{"diagnostics":[{"check":"demo.x","severity":"note","message":"m","line":"4"}]}"#, mentions: "diagnostics[0].line must be a whole number from 1"),
        BadAnswer(output: #"{"diagnostics":[{"check":"demo.x","severity":"note","message":"m","line":true}]}"#, mentions: "diagnostics[0].line must be a whole number from 1"),
        BadAnswer(output: #"{"diagnostics":[{"check":"demo.x","severity":"note","message":"m","line":2.5}]}"#, mentions: "diagnostics[0].line must be a whole number from 1"),
        BadAnswer(output: #"{"diagnostics":[{"check":"demo.x","severity":"note","message":"m","line":2,"column":0}]}"#, mentions: "diagnostics[0].column must be a whole number from 1"),
    ]

    @Test("Output that is not JSON or has the wrong shape: one plugin.failed saying what was wrong", arguments: badAnswers)
    func badOutput(_ bad: BadAnswer) throws {
        let project = try PluginProject(
            config: Self.config(Self.plugin("demo", "[plugins/demo.sh]")),
            scripts: ["plugins/demo.sh": "#!/bin/sh\ncat > /dev/null\nprintf '%s' '\(bad.output)'\n"])
        defer { project.project.remove() }
        let failure = try Self.failure(try project.run().diagnostics)
        #expect(failure.message.en.contains(bad.mentions), "\(failure.message.en)")
        #expect(!failure.message.da.isEmpty && failure.message.da != failure.message.en)
    }

    @Test("An executable that does not exist, or is not executable: plugin.failed naming it",
          arguments: [("[findes-ikke-indstil]", "the program \"findes-ikke-indstil\" is not in plugin_paths or on PATH"),
                      ("[plugins/mangler.sh]", "cannot run: the file \"plugins/mangler.sh\" does not exist"),
                      ("[/findes/ikke/plugin]", "the file \"/findes/ikke/plugin\" does not exist"),
                      ("[plugins/ikke-koerbar.sh]", "cannot run: the file \"plugins/ikke-koerbar.sh\" is not executable")])
    func missingExecutable(command: String, mentions: String) throws {
        let project = try PluginProject(config: Self.config(Self.plugin("demo", command), extra: "plugin_paths: [plugins]\n"))
        defer { project.project.remove() }
        try project.project.write("plugins/ikke-koerbar.sh", "#!/bin/sh\nprintf '{\"diagnostics\":[]}'\n")
        let failure = try Self.failure(try project.run().diagnostics)
        #expect(failure.message.en.contains(mentions), "\(failure.message.en)")
    }

    @Test("A script without a #! line cannot be started: plugin.failed, not a crash")
    func noShebang() throws {
        let project = try PluginProject(
            config: Self.config(Self.plugin("demo", "[plugins/demo.sh]")),
            scripts: ["plugins/demo.sh": "printf '{\"diagnostics\":[]}'\n"])
        defer { project.project.remove() }
        let failure = try Self.failure(try project.run().diagnostics)
        #expect(failure.message.en.contains("cannot run: \"plugins/demo.sh\" could not be started"), "\(failure.message.en)")
        #expect(failure.message.da.contains("mangler en »#!«-linje"), "\(failure.message.da)")
    }

    @Test("A plugin that writes 20 MB is stopped at 10 MB: plugin.failed, no hang")
    func tooMuchOutput() throws {
        let project = try PluginProject(
            config: Self.config(Self.plugin("demo", "[plugins/demo.sh]", timeout: 30)),
            scripts: ["plugins/demo.sh": "#!/bin/sh\ncat > /dev/null\nhead -c 20000000 /dev/zero\n"])
        defer { project.project.remove() }
        let (diagnostics, seconds) = try project.run()
        let failure = try Self.failure(diagnostics)
        #expect(failure.message.en.contains("more than 10 MB"), "\(failure.message.en)")
        #expect(seconds < 10, "took \(seconds) s")
    }

    // MARK: - Concurrency

    /// A plugin that notes when it ran (after reading its request) in `tider/`.
    static let timedPlugin = """
        #!/usr/bin/env python3
        import os, sys, time
        sys.stdin.read()
        start = time.time()
        time.sleep(1)
        end = time.time()
        os.makedirs("tider", exist_ok=True)
        with open(os.path.join("tider", "%d-%s" % (os.getpid(), sys.argv[1])), "w") as f:
            f.write("%f %f" % (start, end))
        print('{"diagnostics": []}')

        """

    /// The most runs that overlapped in time, from the files of `timedPlugin`.
    static func maximumOverlap(in project: PluginProject) throws -> (overlap: Int, runs: Int) {
        let folder = project.root.appendingPathComponent("tider")
        var events: [(Double, Int)] = []
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        for file in files {
            let parts = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8).split(separator: " ").compactMap { Double($0) }
            events += [(parts[0], 1), (parts[1], -1)]
        }
        var current = 0
        var most = 0
        for event in events.sorted(by: { ($0.0, $0.1) < ($1.0, $1.1) }) {
            current += event.1
            most = max(most, current)
        }
        return (most, files.count)
    }

    @Test("Four plugins of one second with plugin_concurrency 2: two at a time, so at least 2 s", .enabled(if: hasPython))
    func concurrencyWithinDocument() throws {
        let plugins = (1...4).map { Self.plugin("p\($0)", "[plugins/tid.py, p\($0)]") }.joined()
        let project = try PluginProject(config: "profile: aarhus-byraad\nplugin_concurrency: 2\nplugins:\n" + plugins,
                                        scripts: ["plugins/tid.py": Self.timedPlugin])
        defer { project.project.remove() }
        let (diagnostics, seconds) = try project.run()
        #expect(diagnostics.isEmpty, "\(describe(diagnostics))")
        #expect(seconds >= 1.95, "took \(seconds) s")
        let (overlap, runs) = try Self.maximumOverlap(in: project)
        #expect(runs == 4)
        #expect(overlap == 2)
    }

    @Test("The bound holds across documents checked in parallel (Workspace.check over four files)", .enabled(if: hasPython))
    func concurrencyAcrossDocuments() throws {
        let project = try PluginProject(config: "profile: aarhus-byraad\nplugin_concurrency: 2\nplugins:\n" + Self.plugin("tid", "[plugins/tid.py, x]"),
                                        scripts: ["plugins/tid.py": Self.timedPlugin])
        defer { project.project.remove() }
        let text = try String(contentsOf: project.root.appendingPathComponent("sag.md"), encoding: .utf8)
        var paths: [String] = []
        for index in 1...4 {
            paths.append(try project.project.write("sag\(index).md", text).path)
        }
        let inputs = try FileCollector.collect(paths)
        let reports = Workspace(configuration: try project.configuration()).check(inputs)
        #expect(reports.count == 4)
        let (overlap, runs) = try Self.maximumOverlap(in: project)
        #expect(runs == 4)
        #expect(overlap <= 2 && overlap >= 1)
    }

    // MARK: - The request

    @Test("The request on stdin: protocol, absolute path, profile, front matter in order, sections, decisions, appendices, stats")
    func request() throws {
        let project = try PluginProject(
            config: Self.config(Self.plugin("demo", "[plugins/kopi.sh, ud/anmodning.json]")),
            scripts: ["plugins/kopi.sh": "#!/bin/sh\nmkdir -p \"$(dirname \"$1\")\"\ncat > \"$1\"\nprintf '{\"diagnostics\":[]}'\n"])
        defer { project.project.remove() }
        let (diagnostics, _) = try project.run()
        #expect(diagnostics.isEmpty, "\(describe(diagnostics))")
        let data = try Data(contentsOf: project.root.appendingPathComponent("ud/anmodning.json"))
        let analyzed = try project.analyzed()
        #expect(data == PluginRequest.data(for: analyzed))
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasSuffix("}\n") && !text.dropLast().contains("\n"), "one line of JSON")

        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["protocol"] as? Int == 1)
        #expect(json["path"] as? String == project.root.appendingPathComponent("sag.md").standardizedFileURL.path)
        #expect(json["profile"] as? String == "aarhus-byraad")

        let front = try #require(json["front_matter"] as? [String: Any])
        #expect(front["titel"] as? String == "Ny ordning for udlån af kommunens mødelokaler til foreninger")
        #expect(front["dato"] as? String == "2026-03-31")
        #expect((front["sagsbehandler"] as? [String: Any])?["telefon"] as? String == "89 40 00 00")
        #expect(((front["bilag"] as? [[String: Any]])?.last)?["fil"] as? String == "bilag/erfaringer-fra-forsoeget.pdf")
        let keys = ["\"profil\"", "\"titel\"", "\"til\"", "\"fra\"", "\"dato\"", "\"sagsnummer\"", "\"bilag\"", "\"tidligere_beslutninger\""]
        let positions = keys.compactMap { text.range(of: $0)?.lowerBound }
        #expect(positions.count == keys.count && positions == positions.sorted(), "front matter keys keep the file's order")

        let sections = try #require(json["sections"] as? [[String: Any]])
        #expect(sections.count == 9)
        #expect(sections.first?["id"] as? String == "resume")
        #expect(sections.first?["heading"] as? String == "1. Resume")
        #expect(sections.first?["line"] as? Int == analyzed.sections[0].section.line)
        let resume = try #require(sections.first?["text"] as? String)
        #expect(resume.hasPrefix("Kommunen har mere end 140 mødelokaler på skoler, biblioteker, lokalcentre og rådhuse."))
        #expect(resume.components(separatedBy: "\n\n").count == 3, "three paragraphs joined by a blank line")
        #expect(!resume.contains("\n\n\n"))

        let decisions = try #require(json["decisions"] as? [[String: Any]])
        #expect(decisions.map { $0["number"] as? Int } == [1, 2, 3])
        #expect(decisions.map { $0["written_number"] as? Int } == [1, 2, 3])
        #expect((decisions.first?["text"] as? String)?.hasPrefix("Byrådet godkender den fælles ordning") == true)
        #expect(decisions.map { $0["line"] as? Int } == analyzed.decisionPoints.map(\.line))

        let appendices = try #require(json["appendices"] as? [[String: Any]])
        #expect(appendices.map { $0["number"] as? Int } == [1, 2])
        #expect(appendices.first?["title"] as? String == "Oversigt over kommunens mødelokaler")
        #expect(appendices.first?["file"] as? String == "bilag/lokaleoversigt.md")
        #expect(appendices.first?["line"] as? Int == analyzed.appendices[0].line)

        // The example's Antal tegn and LIX (as `indstil stats` shows them), not recomputed.
        let stats = try #require(json["stats"] as? [String: Any])
        #expect(stats["characters"] as? Int == 5641)
        #expect(stats["decisions"] as? Int == 3)
        #expect(stats["appendices"] as? Int == 2)
        let lix = try #require(stats["lix"] as? Double)
        #expect(abs(lix - 41.9) < 0.051)
    }

    // MARK: - Through the workspace

    @Test("The workspace with plugins: built-in findings, a plugin's findings (with its configured severity) and a failed plugin's error together")
    func withWorkspace() throws {
        let original = try String(contentsOf: Self.example.appendingPathComponent("ny-ordning-moedelokaler.md"), encoding: .utf8)
        let start = try #require(original.range(of: "# 3. Hvorfor skal byrådet"))
        let end = try #require(original.range(of: "# 4. Hvorfor fremsendes"))
        var broken = original
        broken.removeSubrange(start.lowerBound..<end.lowerBound)
        let project = try PluginProject(
            config: Self.config(Self.plugin("demo", "[plugins/demo.sh]"), Self.plugin("fejl", "[plugins/fejl.sh]"),
                                extra: "checks:\n  demo.hej: error\n  demo.sidst: off\n"),
            scripts: ["plugins/demo.sh": "#!/bin/sh\nprintf '%s' '\(Self.answer)'\n",
                      "plugins/fejl.sh": "#!/bin/sh\necho 'noget gik galt' >&2\nexit 1\n"],
            document: broken)
        defer { project.project.remove() }
        let diagnostics = Workspace(configuration: try project.configuration()).diagnostics(of: try project.document())
        #expect(diagnostics.contains { $0.check == "skeleton.missing-section" }, "\(describe(diagnostics))")
        let hello = try #require(diagnostics.first { $0.check == "demo.hej" }, "\(describe(diagnostics))")
        #expect(hello.severity == .error, "raised in indstil.yml")
        #expect(!diagnostics.contains { $0.check == "demo.sidst" }, "turned off in indstil.yml")
        let failed = diagnostics.filter { $0.check == "plugin.failed" }
        #expect(failed.count == 1)
        #expect(failed.first?.message.en == "The plugin \"fejl\" exited with status 1: noget gik galt")

        // Without the hook, or without plugins in indstil.yml, no plugin runs.
        let plain = Workspace(configuration: try project.configuration(), plugins: nil).diagnostics(of: try project.document())
        #expect(!plain.contains { $0.check.hasPrefix("demo.") || $0.check == "plugin.failed" })
    }

    @Test("The shipped example plugin (examples/plugin-projekt) finds »synergi« on its real line and column", .enabled(if: hasPython))
    func examplePlugin() throws {
        let folder = Self.packageRoot.appendingPathComponent("examples/plugin-projekt")
        let configuration = try Configuration.load(folder.appendingPathComponent("indstil.yml"))
        let url = folder.appendingPathComponent("ny-ordning-moedelokaler.md")
        guard case .document(let document) = DocumentLoader.load(url, displayPath: "ny-ordning-moedelokaler.md") else {
            Issue.record("the example does not load")
            return
        }
        let diagnostics = Workspace(configuration: configuration).diagnostics(of: document)
        let line = try #require(document.sourceLines.firstIndex { $0.contains("synergi") }) + 1
        #expect(diagnostics.count == 1, "\(describe(diagnostics))")
        let found = try #require(diagnostics.first)
        #expect(found.check == "ordliste.forbudt-ord")
        #expect(found.severity == .warning)
        #expect(found.line == line)
        #expect(found.column == document.column(of: "synergi", inLine: line))
        #expect(found.message.da.contains("»synergi«") && found.message.en.contains("\"synergi\""), "\(found.message)")
    }
}
