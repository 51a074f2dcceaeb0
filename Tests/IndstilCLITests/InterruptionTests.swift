import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// An agenda build that is interrupted or fails half-way replaces nothing: the public and
/// the closed packet are staged together and swapped in as one, an interrupted run stops
/// the programs it started and removes its temporary and staged files, and a run killed
/// outright leaves only what the next run removes before anything else.
@Suite("Interrupted and failing packet builds (end to end)", .serialized)
struct InterruptionTests {
    static let manifest = "examples/raadmandsmoede/dagsorden.yml"

    /// A project with both agenda PDFs built once, and the manifest then changed, so a
    /// new build would give different bytes.
    struct BuiltAgenda {
        let folder: TempFolder
        let temporary: URL
        let publicPDF: URL
        let closedPDF: URL
        let publicBytes: Data
        let closedBytes: Data

        /// Built once for the suite; every test works on its own copy.
        nonisolated(unsafe) static var built: BuiltAgenda?
        static let lock = NSLock()

        /// A fresh copy of the built agenda.
        static func copy() throws -> BuiltAgenda {
            lock.lock()
            defer { lock.unlock() }
            if built == nil { built = try BuiltAgenda(building: "ud/dagsorden.pdf") }
            let original = try #require(built)
            let folder = try TempFolder("e2e")
            for name in try FileManager.default.contentsOfDirectory(atPath: original.folder.url.path) {
                try FileManager.default.copyItem(at: original.folder.url.appendingPathComponent(name), to: folder.url.appendingPathComponent(name))
            }
            return try BuiltAgenda(copyOf: original, in: folder)
        }

        private init(building output: String) throws {
            folder = try TempFolder.withExamples()
            temporary = folder.url.appendingPathComponent("tmp")
            try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
            let first = try CLI.run(["bundle", InterruptionTests.manifest, "--to", "pdf", "-o", output], in: folder.url,
                                    timeout: 240, environment: ["TMPDIR": temporary.path])
            #expect(first.status == 0, "\(first)")
            publicPDF = folder.url.appendingPathComponent(output)
            closedPDF = publicPDF.deletingLastPathComponent()
                .appendingPathComponent(publicPDF.deletingPathExtension().lastPathComponent + "-lukket.pdf")
            publicBytes = try Data(contentsOf: publicPDF)
            closedBytes = try Data(contentsOf: closedPDF)
            let manifest = try folder.read(InterruptionTests.manifest)
            let changed = manifest.replacingOccurrences(of: "lokale 436", with: "lokale 437")
            #expect(changed != manifest, "the example's sted changed; update the test")
            try folder.write(InterruptionTests.manifest, changed)
        }

        private init(copyOf original: BuiltAgenda, in folder: TempFolder) throws {
            self.folder = folder
            let path = { (url: URL) in folder.url.appendingPathComponent(String(url.path.dropFirst(original.folder.url.path.count + 1))) }
            temporary = path(original.temporary)
            publicPDF = path(original.publicPDF)
            closedPDF = path(original.closedPDF)
            publicBytes = original.publicBytes
            closedBytes = original.closedBytes
        }

        func start() throws -> RunningProcess {
            try RunningProcess(try #require(CLI.binary), ["bundle", InterruptionTests.manifest, "--to", "pdf", "-o",
                                                          publicPDF.path], in: folder.url, environment: ["TMPDIR": temporary.path])
        }

        /// Both packets hold exactly their old bytes.
        func expectUnchanged(_ context: String) {
            #expect((try? Data(contentsOf: publicPDF)) == publicBytes, "the public packet changed: \(context)")
            #expect((try? Data(contentsOf: closedPDF)) == closedBytes, "the closed packet changed: \(context)")
        }

        /// Files beside the packets other than the two packets themselves.
        func leftoversBeside() -> [String] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: publicPDF.deletingLastPathComponent().path)) ?? []
            return names.filter { $0 != publicPDF.lastPathComponent && $0 != closedPDF.lastPathComponent }.sorted()
        }

        func leftoversInTemporary() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []).sorted()
        }
    }

    /// Where the build is interrupted: when the n-th process whose command line holds `program`
    /// runs (side by side with the ones before it: an agenda's two packets are set at the same
    /// time, each by a WeasyPrint of its own that sets its pages and then its stamps).
    struct Moment: CustomStringConvertible, Sendable {
        let program: String
        let occurrence: Int
        let signal: Int32
        var description: String { "\(signal == SIGKILL ? "SIGKILL" : signal == SIGINT ? "SIGINT" : "SIGTERM") during \(program) #\(occurrence)" }
    }

    static let moments: [Moment] = [
        Moment(program: "soffice", occurrence: 1, signal: SIGTERM),
        Moment(program: "weasyprint", occurrence: 1, signal: SIGTERM),
        Moment(program: "weasyprint", occurrence: 2, signal: SIGINT),
        Moment(program: "weasyprint", occurrence: 1, signal: SIGKILL),
        Moment(program: "weasyprint", occurrence: 2, signal: SIGKILL),
    ]

    @Test("An interrupted agenda PDF build leaves both old packets, no staging, no temporary files and no program running",
          arguments: moments)
    func interruptedBuild(moment: Moment) throws {
        let agenda = try BuiltAgenda.copy()
        let run = try agenda.start()
        var seen: Set<Int32> = []
        var target: Int32?
        for _ in 1...moment.occurrence {
            target = run.waitForDescendant(named: moment.program, excluding: seen, timeout: 120)
            guard let found = target else { break }
            seen.insert(found)
        }
        let child = try #require(target, "\(moment.program) #\(moment.occurrence) never ran")
        let running = run.descendants().map(\.pid)
        run.send(moment.signal)
        let end = try #require(run.wait(timeout: 30), "indstil did not end after \(moment)")
        #expect(RunningProcess.waitUntilGone(child, timeout: 5), "\(moment.program) kept running after \(moment)")
        for pid in running { #expect(RunningProcess.waitUntilGone(pid, timeout: 5), "a program indstil started kept running after \(moment)") }
        agenda.expectUnchanged("\(moment)")

        if moment.signal == SIGKILL {
            #expect(end.signaled)
            // The next run removes what the killed one left, before anything else, and builds both.
            let next = try CLI.run(["bundle", Self.manifest, "--to", "pdf", "-o", agenda.publicPDF.path], in: agenda.folder.url,
                                   timeout: 240, environment: ["TMPDIR": agenda.temporary.path])
            #expect(next.status == 0, "\(next)")
            #expect((try? Data(contentsOf: agenda.publicPDF)) != agenda.publicBytes)
            #expect((try? Data(contentsOf: agenda.closedPDF)) != agenda.closedBytes)
        } else {
            #expect(end.status == 128 + moment.signal, "\(end)")
            #expect(end.stderr.contains("indstil: afbrudt"), "\(end.stderr)")
        }
        #expect(agenda.leftoversBeside().isEmpty, "left beside the packets after \(moment): \(agenda.leftoversBeside())")
        #expect(agenda.leftoversInTemporary().isEmpty, "left in TMPDIR after \(moment): \(agenda.leftoversInTemporary())")
    }

    @Test("An obstacle at the closed packet's name fails the build before the public packet is replaced")
    func obstacleAtTheClosedPacket() throws {
        let agenda = try BuiltAgenda.copy()
        try FileManager.default.removeItem(at: agenda.closedPDF)
        try FileManager.default.createDirectory(at: agenda.closedPDF.appendingPathComponent("noget"), withIntermediateDirectories: true)
        let result = try CLI.run(["bundle", Self.manifest, "--to", "pdf", "-o", agenda.publicPDF.path], in: agenda.folder.url,
                                 timeout: 240, environment: ["TMPDIR": agenda.temporary.path])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains(agenda.closedPDF.lastPathComponent) && result.stderr.contains("der er en mappe med det navn"), "\(result)")
        #expect((try? Data(contentsOf: agenda.publicPDF)) == agenda.publicBytes, "the public packet was replaced although the closed one failed")
        #expect(agenda.leftoversInTemporary().isEmpty, "\(agenda.leftoversInTemporary())")
    }

    @Test("A full disk while the closed packet is written leaves both old packets and nothing else")
    func fullDisk() throws {
        let folder = try TempFolder.withExamples()
        let disk = folder.url.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        let mount = try TestProcess.run("mount", ["-t", "tmpfs", "-o", "size=4m", "tmpfs", disk.path])
        guard mount.status == 0 else {
            withKnownIssue("a tmpfs cannot be mounted on this machine (\(mount.stderr)); the full disk is not tested here") {
                Issue.record("no tmpfs")
            }
            return
        }
        defer { _ = try? TestProcess.run("umount", ["-l", disk.path]) }
        let temporary = folder.url.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let publicPDF = disk.appendingPathComponent("dagsorden.pdf")
        let closedPDF = disk.appendingPathComponent("dagsorden-lukket.pdf")
        func build() throws -> RunResult {
            try CLI.run(["bundle", Self.manifest, "--to", "pdf", "-o", publicPDF.path], in: folder.url,
                        timeout: 240, environment: ["TMPDIR": temporary.path])
        }
        #expect(try build().status == 0)
        let publicBytes = try Data(contentsOf: publicPDF)
        let closedBytes = try Data(contentsOf: closedPDF)
        try folder.write(Self.manifest, try folder.read(Self.manifest).replacingOccurrences(of: "lokale 436", with: "lokale 437"))

        // Room for the new public packet and half of the closed one.
        var space = statvfs()
        #expect(statvfs(disk.path, &space) == 0)
        let free = Int(space.f_bavail) * Int(space.f_frsize)
        let room = publicBytes.count + closedBytes.count / 2 + 8192
        #expect(free > room, "the tmpfs is too small for the test")
        try Data(count: free - room).write(to: disk.appendingPathComponent("fyld"))

        let result = try build()
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("der er ikke plads på disken") && result.stderr.contains(closedPDF.lastPathComponent), "\(result)")
        #expect(!result.stderr.contains("Error Domain"), "\(result)")
        #expect(try Data(contentsOf: publicPDF) == publicBytes, "the public packet was replaced although the closed one could not be written")
        #expect(try Data(contentsOf: closedPDF) == closedBytes)
        let names = try FileManager.default.contentsOfDirectory(atPath: disk.path).sorted()
        #expect(names == ["dagsorden-lukket.pdf", "dagsorden.pdf", "fyld"], "\(names)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).isEmpty)
    }

    @Test("Staging left by a killed run is removed before anything else; an old site it had moved aside is put back")
    func abandonedStagingIsRemoved() throws {
        let folder = try TempFolder.withExamples()
        let built = try folder.run("bundle", Self.manifest, "-o", "ud", timeout: 240)
        #expect(built.status == 0, "\(built)")
        let dead = try Self.deadProcessID()
        // As a killed earlier run leaves them: closed material staged beside the public
        // site, in this version's names and an earlier one's, and the public site moved aside.
        try folder.write("ud-lukket.tmp-\(dead)/index.html", "<p>Fortroligt udkast</p>")
        try folder.write(".ud-lukket.indstil-\(dead).ny/index.html", "<p>Fortroligt udkast</p>")
        try FileManager.default.moveItem(at: folder.url.appendingPathComponent("ud"),
                                         to: folder.url.appendingPathComponent(".ud.indstil-\(dead).gammel"))
        let rebuilt = try folder.run("bundle", Self.manifest, "-o", "ud", timeout: 240)
        #expect(rebuilt.status == 0, "\(rebuilt)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()
        #expect(names == ["examples", "ud", "ud-lukket"], "\(names)")
        #expect(try !folder.read("ud-lukket/index.html").isEmpty)
    }

    /// The id of a process that has ended (and been collected), so no process has it now.
    static func deadProcessID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }
}

/// A single document's PDF: WeasyPrint is stopped with indstil and its temporary folder
/// removed; a temporary folder that cannot be made is said in Danish.
@Suite("Interrupted and failing document PDFs (end to end)")
struct DocumentPDFInterruptionTests {
    @Test("Ctrl-C while WeasyPrint sets a document: WeasyPrint ends, no temporary folder is left, exit 130")
    func interruptedRender() throws {
        let folder = try TempFolder.withExamples()
        let temporary = try folder.write("tmp/.keep", "").deletingLastPathComponent()
        let run = try RunningProcess(try #require(CLI.binary), ["render", "--to", "pdf", "examples/\(Fixtures.byraad)", "-o", "sag.pdf"],
                                     in: folder.url, environment: ["TMPDIR": temporary.path])
        let weasyprint = try #require(run.waitForDescendant(named: "weasyprint", timeout: 60), "WeasyPrint never ran")
        run.send(SIGINT)
        let end = try #require(run.wait(timeout: 30))
        #expect(end.status == 130, "\(end)")
        #expect(RunningProcess.waitUntilGone(weasyprint, timeout: 5), "WeasyPrint kept running")
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path) == [".keep"])
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("sag.pdf").path))
    }

    @Test("A temporary folder that cannot be made: exit 2, the folder and the reason in Danish",
          arguments: [["render", "--to", "pdf", "examples/aarhus-byraad/ny-ordning-moedelokaler.md", "-o", "sag.pdf"],
                      ["bundle", "examples/raadmandsmoede/dagsorden.yml", "--to", "pdf", "-o", "d.pdf"]])
    func unusableTemporaryFolder(arguments: [String]) throws {
        let folder = try TempFolder.withExamples()
        let blocker = try folder.write("ikke-en-mappe", "en fil")
        let result = try CLI.run(arguments, in: folder.url, timeout: 120, environment: ["TMPDIR": blocker.appendingPathComponent("tmp").path])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("indstil: fejl: ") && result.stderr.contains("midlertidig") && result.stderr.contains("er en fil, ikke en mappe"), "\(result)")
        #expect(!result.stderr.contains("Error Domain") && !result.stderr.contains("NSCocoaErrorDomain"), "\(result)")
    }
}
