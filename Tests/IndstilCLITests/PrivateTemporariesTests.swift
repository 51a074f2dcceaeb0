import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What indstil stages and converts is its owner's only, whatever the umask, and goes away
/// on every way out; a closed packet stays private when it is in place; LibreOffice (and
/// any program, with what it starts) dies with indstil, also when indstil is killed
/// outright; a LibreOffice that fails or does not finish is an error, never a silent reference.
@Suite("Private temporaries and programs that die with indstil (end to end)", .serialized)
struct PrivateTemporariesTests {
    static let manifest = "examples/raadmandsmoede/dagsorden.yml"
    /// The agenda's Word appendix, which LibreOffice converts.
    static let docx = "orientering-fra-magistraten.docx"

    /// A copy of the examples with its own TMPDIR, both reachable by every user (0755), so
    /// only the modes indstil gives its own items can keep another user out.
    struct Project {
        let folder: TempFolder
        let temporary: URL

        init() throws {
            folder = try TempFolder.withExamples()
            temporary = folder.url.appendingPathComponent("tmp")
            try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
            for path in [folder.url.path, temporary.path] { chmod(path, 0o755) }
        }

        var environment: [String: String] { ["TMPDIR": temporary.path] }

        /// A script in `bin/` of the project, executable by everyone.
        func script(_ name: String, _ body: String) throws -> URL {
            let url = try folder.write("bin/\(name)", "#!/bin/sh\n\(body)\n")
            chmod(url.path, 0o755)
            chmod(url.deletingLastPathComponent().path, 0o755)
            return url
        }

        func start(_ arguments: [String], environment extra: [String: String] = [:]) throws -> RunningProcess {
            try RunningProcess(try #require(CLI.binary), arguments, in: folder.url,
                               environment: environment.merging(extra) { _, new in new })
        }

        func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> RunResult {
            try CLI.run(arguments, in: folder.url, timeout: 240, environment: environment.merging(extra) { _, new in new })
        }

        /// indstil's own items: everything in TMPDIR, and the staging places beside the outputs.
        func itemsOfIndstil() -> [URL] {
            let beside = ((try? FileManager.default.contentsOfDirectory(atPath: folder.url.path)) ?? [])
                .filter { $0.contains(".indstil-") }.map { folder.url.appendingPathComponent($0) }
            let inTemporary = ((try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? [])
                .map { temporary.appendingPathComponent($0) }
            return beside + inTemporary
        }

        /// What is left in TMPDIR and beside the outputs (other than the outputs and the project).
        func leftovers() -> [String] {
            let beside = ((try? FileManager.default.contentsOfDirectory(atPath: folder.url.path)) ?? [])
                .filter { !["examples", "tmp", "bin", "ud", "ud-lukket"].contains($0) }
            let inTemporary = (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
            return (beside + inTemporary.map { "tmp/\($0)" }).sorted()
        }
    }

    // MARK: Modes while a packet is built, and of the outputs

    @Test("While an agenda's sites are built (LibreOffice and WeasyPrint running) nothing indstil made can be listed or read by another user; the closed site ends 0700/0600, the public one follows the umask")
    func privateWhileBuilding() throws {
        let project = try Project()
        let weasyprint = try #require(ExternalProgramPath.find("weasyprint"), "weasyprint is missing: run `make deps`")
        // WeasyPrint is paused for a moment on every run, so the build can be looked at.
        let slow = try project.script("weasyprint", "sleep 2\nexec '\(weasyprint)' \"$@\"")
        let run = try project.start(["bundle", Self.manifest, "-o", "ud"], environment: ["INDSTIL_WEASYPRINT": slow.path])

        var samples: [Sample] = []
        for program in ["soffice.bin", "sleep 2"] {
            guard run.waitForDescendant(named: program, timeout: 120) != nil else {
                Issue.record("\(program) never ran under indstil")
                continue
            }
            let sample = Sample(project)
            // Tried at once, while the items are there.
            try Self.expectUnreadableByAnotherUser(sample.roots.map(\.path) + sample.nested.map(\.path), at: sample.moment)
            samples.append(sample)
        }
        let end = try #require(run.wait(timeout: 240))
        #expect(end.status == 0, "\(end)")

        for sample in samples {
            #expect(!sample.roots.isEmpty, "no item of indstil's was seen at \(sample.moment)")
            for (path, mode) in sample.roots {
                let isFolder = mode & S_IFMT == S_IFDIR
                #expect(mode & 0o7777 == (isFolder ? 0o700 : 0o600), "\(path) is \(String(mode & 0o7777, radix: 8)) at \(sample.moment)")
            }
            // What LibreOffice and WeasyPrint make (profile, lu*.tmp, outputs) is theirs only too.
            let programs = sample.nested.filter { $0.path.contains("/libreoffice/") || $0.path.contains("/weasyprint-tmp-") || $0.path.contains("/konvertering/") }
            for (path, mode) in programs {
                #expect(mode & 0o077 == 0, "\(path) is \(String(mode & 0o7777, radix: 8)) at \(sample.moment)")
            }
        }
        #expect(samples.contains { $0.nested.contains { $0.path.contains("/libreoffice/tmp") } }, "LibreOffice's private temporary folder was never seen")
        #expect(samples.contains { $0.roots.contains { $0.path.contains(".ud-lukket.indstil-") } }, "the closed site's staging was never seen")

        // The closed site stays its owner's; the public one follows the umask.
        let mask = Self.umask()
        try Self.expectModes(under: project.folder.url("ud-lukket"), folders: 0o700, files: 0o600)
        try Self.expectModes(under: project.folder.url("ud"), folders: 0o777 & ~mask, files: 0o666 & ~mask)
        if getuid() == 0 {
            #expect(Self.readAsAnotherUser([project.folder.url("ud-lukket/index.html").path]).isEmpty, "another user reads the closed site")
            #expect(!Self.readAsAnotherUser([project.folder.url("ud/index.html").path]).isEmpty, "another user cannot read the public site")
        }
        #expect(project.leftovers().isEmpty, "left behind: \(project.leftovers())")
    }

    @Test("An agenda's closed PDF is 0600 and its public PDF follows the umask (027 here)")
    func pdfModes() throws {
        let project = try Project()
        let binary = try #require(CLI.binary)
        let result = try TestProcess.run("/bin/sh", ["-c", "umask 027 && exec \"$0\" \"$@\"", binary.path, "bundle", Self.manifest, "--to", "pdf", "-o", "d.pdf"],
                                         in: project.folder.url, environment: ["TMPDIR": project.temporary.path, "INDSTIL_TEMPLATES": nil], timeout: 240)
        #expect(result.status == 0, "\(result)")
        #expect(Self.permissions(project.folder.url("d-lukket.pdf")) == 0o600)
        #expect(Self.permissions(project.folder.url("d.pdf")) == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.temporary.path).isEmpty)
    }

    // MARK: LibreOffice fails or does not finish

    @Test("A LibreOffice that does not finish in time, fails, or converts nothing: exit 2 naming the Word file, nothing written, nothing left",
          arguments: [("exec sleep 60", "blev ikke færdig inden for 2 sekunder"), ("exit 3", "LibreOffice fejlede (exit 3)"),
                      ("exit 0", "kunne ikke konvertere")])
    func libreOfficeFails(script: String, expected: String) throws {
        let project = try Project()
        let fake = try project.script("soffice", script)
        let path = fake.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let result = try project.run(["bundle", Self.manifest, "-o", "ud"], environment: ["PATH": path, "INDSTIL_LIBREOFFICE_TIMEOUT": "2"])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains(expected) && result.stderr.contains(Self.docx), "\(result)")
        #expect(!project.folder.exists("ud") && !project.folder.exists("ud-lukket"))
        #expect(project.leftovers().isEmpty, "left behind: \(project.leftovers())")
    }

    // MARK: Interrupted while LibreOffice runs

    @Test("Interrupted while LibreOffice converts: soffice.bin and oosplash end with indstil (within 5 s of a SIGKILL too), and nothing is left (after the next run, for SIGKILL)",
          arguments: [SIGINT, SIGTERM, SIGHUP, SIGKILL])
    func interruptedConversion(signal: Int32) throws {
        let project = try Project()
        let run = try project.start(["bundle", Self.manifest, "-o", "ud"])
        let office = try #require(run.waitForDescendant(named: "soffice.bin", timeout: 120), "soffice.bin never ran")
        let started = run.descendants().map(\.pid)
        // Some of LibreOffice's own files exist before it is stopped.
        usleep(1_500_000)
        run.send(signal)
        let end = try #require(run.wait(timeout: 30), "indstil did not end after signal \(signal)")
        #expect(RunningProcess.waitUntilGone(office, timeout: 5), "soffice.bin kept running after signal \(signal)")
        for pid in started { #expect(RunningProcess.waitUntilGone(pid, timeout: 5), "a program of indstil's kept running after signal \(signal)") }
        // A program started after `started` was read (a stamp's WeasyPrint) has the same 5 s to end.
        let deadline = Date().addingTimeInterval(5)
        while !Self.processesStarted(by: run.pid).isEmpty, Date() < deadline { usleep(100_000) }
        #expect(Self.processesStarted(by: run.pid).isEmpty, "still running 5 s after signal \(signal): \(Self.processesStarted(by: run.pid))")
        if signal == SIGKILL {
            #expect(end.signaled)
            let next = try project.run(["bundle", Self.manifest, "-o", "ud"])
            #expect(next.status == 0, "\(next)")
        } else {
            #expect(end.status == 128 + signal, "\(end)")
        }
        #expect(project.leftovers().isEmpty, "left behind after signal \(signal): \(project.leftovers())")
    }

    @Test("SIGKILL while a WeasyPrint wrapper script runs a program of its own: that grandchild of indstil's ends too, within 5 s")
    func killedWithWrappedWeasyPrint() throws {
        let project = try Project()
        let weasyprint = try #require(ExternalProgramPath.find("weasyprint"), "weasyprint is missing: run `make deps`")
        // A wrapper that starts a program before WeasyPrint (as a virtualenv's or a distribution's may):
        // the program is indstil's grandchild, which no parent-death signal reaches.
        let wrapper = try project.script("weasyprint", "sleep 31\nexec '\(weasyprint)' \"$@\"")
        let run = try project.start(["render", "--to", "pdf", "examples/\(Fixtures.byraad)", "-o", "sag.pdf"],
                                    environment: ["INDSTIL_WEASYPRINT": wrapper.path])
        let child = try #require(run.waitForDescendant(named: "sleep 31", timeout: 60), "the wrapper never ran")
        run.send(SIGKILL)
        _ = run.wait(timeout: 30)
        #expect(RunningProcess.waitUntilGone(child, timeout: 5), "the wrapper's program kept running after indstil was killed")
        #expect(Self.processesStarted(by: run.pid).isEmpty, "still running: \(Self.processesStarted(by: run.pid))")
    }

    // MARK: Helpers

    /// The modes of indstil's items at one moment: the items themselves and everything in them.
    struct Sample {
        let moment: String
        let roots: [(path: String, mode: mode_t)]
        let nested: [(path: String, mode: mode_t)]

        init(_ project: Project) {
            moment = "\(project.itemsOfIndstil().map(\.lastPathComponent))"
            var roots: [(String, mode_t)] = []
            var nested: [(String, mode_t)] = []
            for item in project.itemsOfIndstil() {
                guard let mode = PrivateTemporariesTests.mode(item) else { continue }
                roots.append((item.path, mode))
                for path in (FileManager.default.subpaths(atPath: item.path) ?? []) {
                    if let mode = PrivateTemporariesTests.mode(item.appendingPathComponent(path)) { nested.append((item.path + "/" + path, mode)) }
                }
            }
            self.roots = roots
            self.nested = nested
        }
    }

    static func mode(_ url: URL) -> mode_t? {
        var status = stat()
        return lstat(url.path, &status) == 0 ? status.st_mode : nil
    }

    static func permissions(_ url: URL) -> Int? {
        mode(url).map { Int($0 & 0o7777) }
    }

    /// Every folder under (and at) `root` has `folders`, every file `files`.
    static func expectModes(under root: URL, folders: mode_t, files: mode_t) throws {
        for path in [""] + (FileManager.default.subpaths(atPath: root.path) ?? []) {
            let url = path.isEmpty ? root : root.appendingPathComponent(path)
            let found = try #require(mode(url))
            let expected = found & S_IFMT == S_IFDIR ? folders : files
            #expect(found & 0o7777 == expected, "\(url.path) is \(String(found & 0o7777, radix: 8)), not \(String(expected, radix: 8))")
        }
    }

    /// The umask the tests run with (and indstil inherits).
    static func umask() -> mode_t {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("Umask:") } ?? "Umask: 0022"
        return mode_t(line.dropFirst(6).trimmingCharacters(in: .whitespaces), radix: 8) ?? 0o022
    }

    /// The paths another user (nobody, 65534) could read (files) or list (folders).
    static func readAsAnotherUser(_ paths: [String]) -> [String] {
        let script = #"for p; do if [ -d "$p" ]; then ls "$p" >/dev/null 2>&1 && echo "$p"; else cat "$p" >/dev/null 2>&1 && echo "$p"; fi; done; true"#
        guard let result = try? TestProcess.run("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "sh", "-c", script, "sh"] + paths,
                                               timeout: 60) else { return ["setpriv did not run"] }
        return result.stdout.split(separator: "\n").map(String.init)
    }

    /// Really tries to read and list `paths` as another user; needs root (as here and in CI).
    static func expectUnreadableByAnotherUser(_ paths: [String], at moment: String) throws {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
            print("PrivateTemporariesTests: reading as another user skipped: needs root and setpriv (util-linux)")
            return
        }
        // The check itself works: nobody can read a file that is world-readable.
        let probe = try TempFolder("nobody-probe")
        chmod(probe.url.path, 0o755)
        let open = try probe.write("offentlig.txt", "x")
        chmod(open.path, 0o644)
        #expect(readAsAnotherUser([open.path]) == [open.path], "setpriv cannot read as nobody here")
        let readable = readAsAnotherUser(paths)
        #expect(readable.isEmpty, "another user can read at \(moment): \(readable)")
    }

    /// Live processes whose environment says indstil `pid` started them (or their parents).
    static func processesStarted(by pid: Int32) -> [String] {
        let marker = Array("INDSTIL_PARENT_PID=\(pid)\0".utf8)
        var found: [String] = []
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let other = Int32(entry), RunningProcess.isAlive(other),
                  let environment = FileManager.default.contents(atPath: "/proc/\(entry)/environ") else { continue }
            let bytes = [UInt8](environment)
            var start = 0
            for index in bytes.indices where bytes[index] == 0 {
                if Array(bytes[start...index]) == marker {
                    let command = (try? String(contentsOfFile: "/proc/\(entry)/comm", encoding: .utf8)) ?? "?"
                    found.append("\(other) \(command.trimmingCharacters(in: .whitespacesAndNewlines))")
                    break
                }
                start = index + 1
            }
        }
        return found
    }
}

/// A program on PATH, found by the test itself.
enum ExternalProgramPath {
    static func find(_ name: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}
