import Foundation
import Testing
import IndstilTestSupport
@testable import IndstilSupport
@testable import IndstilRender

/// One WeasyPrint process setting several documents (`WeasyPrintSession`): the same bytes as
/// a process of its own, a failing job answered as a failure, and nothing left running.
@Suite("WeasyPrint sessions") struct WeasyPrintSessionTests {
    static let page = "<!DOCTYPE html><html lang=\"da\"><head><meta charset=\"utf-8\"><title>Prøve</title></head><body><h1>Bilag 1</h1><p>Mødet den 4. september 2026.</p></body></html>"

    @Test("Two documents set in one session: each the bytes a WeasyPrint of its own writes; a bad job fails, the next one still works")
    func sameBytesAsAProcessOfItsOwn() throws {
        guard FileManager.default.fileExists(atPath: "/usr/bin/weasyprint") else { return }
        let folder = try TempFolder()
        let work = folder.url
        let session = try #require(WeasyPrintSession.start(.plain, work: work))
        defer { session.close() }
        for (index, text) in [Self.page, Self.page.replacingOccurrences(of: "Bilag 1", with: "Bilag 2")].enumerated() {
            let input = try folder.write("side-\(index).html", text)
            let inSession = work.appendingPathComponent("session-\(index).pdf")
            let alone = work.appendingPathComponent("alene-\(index).pdf")
            #expect(session.run(["--quiet", input.path, inSession.path], timeout: 120).isSuccess)
            try WeasyPrint.set(text, input: work.appendingPathComponent("alene-\(index).html"), output: alone, variant: .plain, timeout: 120, cache: nil)
            #expect(try Data(contentsOf: inSession) == Data(contentsOf: alone), "document \(index)")
        }
        let failed = session.run(["--quiet", work.appendingPathComponent("findes-ikke.html").path, work.appendingPathComponent("x.pdf").path], timeout: 120)
        guard case .finished(let status, let message) = failed else { Issue.record("\(failed)"); return }
        #expect(status != 0 && !message.isEmpty, "\(failed)")
        let input = try folder.write("igen.html", Self.page)
        #expect(session.run(["--quiet", input.path, work.appendingPathComponent("igen.pdf").path], timeout: 120).isSuccess)
    }

    @Test("The launchers never import a module from the folder indstil runs in (a json.py in the project)")
    func noModuleFromTheCurrentFolder() throws {
        guard FileManager.default.fileExists(atPath: "/usr/bin/weasyprint") else { return }
        let folder = try TempFolder()
        let marker = folder.url("importeret")
        for name in ["json", "traceback", "re"] {
            _ = try folder.write("\(name).py", "open(\(String(reflecting: marker.path)), 'w').write('\(name)')\n")
        }
        for launcher in [WeasyPrintProgram.launcher, WeasyPrintSession.launcher] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            process.arguments = ["-c", launcher, launcher == WeasyPrintProgram.launcher ? "--version" : folder.url("ingen").path]
            process.currentDirectoryURL = folder.url
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // The session launcher waits for jobs in a folder that does not exist: give it its imports' time.
            if launcher == WeasyPrintSession.launcher { usleep(2_500_000); process.terminate() }
            process.waitUntilExit()
            #expect(!FileManager.default.fileExists(atPath: marker.path), "a module was imported from the current folder")
        }
    }

    @Test("A session closed before any job, and one closed after: the process is gone, nothing more is written")
    func closedSessionsEnd() throws {
        guard FileManager.default.fileExists(atPath: "/usr/bin/weasyprint") else { return }
        let folder = try TempFolder()
        for used in [false, true] {
            let session = try #require(WeasyPrintSession.start(.plain, work: folder.url))
            if used {
                let input = try folder.write("side.html", Self.page)
                #expect(session.run(["--quiet", input.path, folder.url("side.pdf").path], timeout: 120).isSuccess)
            }
            // Its process id, written as it starts (before its imports).
            let pidFile = session.folder.appendingPathComponent("pid")
            for _ in 0..<500 where !FileManager.default.fileExists(atPath: pidFile.path) { usleep(10_000) }
            let pid = try #require(Int32(try String(contentsOf: pidFile, encoding: .utf8)), "no process id (used: \(used))")
            session.close()
            #expect(kill(pid, 0) != 0, "the session's process \(pid) is still there (used: \(used))")
        }
    }
}

extension ExternalProgram.Result {
    var isSuccess: Bool {
        if case .finished(0, _) = self { return true }
        return false
    }
}
