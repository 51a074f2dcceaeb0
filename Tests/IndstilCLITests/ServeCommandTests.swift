import Foundation
import IndstilTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `indstil serve` as a program: it says its address on stdout, takes a free port for a
/// busy one and says so, answers, and ends on Ctrl-C through indstil's interruption
/// handling (exit 130, temporary packet sites removed).
@Suite struct ServeCommandTests {
    func address(of run: RunningProcess) throws -> (line: String, port: Int, token: String) {
        let line = try #require(run.waitForOutputLine(containing: "http://127.0.0.1:", timeout: 60), "no address on stdout")
        let start = try #require(ServeStartLine(line), "the start line: \(line)")
        return (line, start.port, start.token)
    }

    @Test func itSaysItsAddressAnswersAndEndsOnCtrlC() throws {
        let folder = try TempFolder.withExamples()
        let temporary = try folder.write("tmp/.keep", "").deletingLastPathComponent()
        let run = try RunningProcess(try #require(CLI.binary), ["serve", "examples", "--port", "0"], in: folder.url,
                                     environment: ["TMPDIR": temporary.path])
        let (line, port, token) = try address(of: run)
        #expect(line == "indstil serve: http://127.0.0.1:\(port)/?token=\(token)")
        let overview = try RawHTTP.exchange(port: port, "GET", "/", headers: ["X-Indstil-Token": token])
        #expect(overview.status == 200)
        #expect(overview.text.contains("aarhus-byraad/ny-ordning-moedelokaler.md"))
        // A packet site built for browsing lives in the temporary folder until the end.
        #expect(try RawHTTP.exchange(port: port, "GET", "/websted/offentlig/bilagsmateriale/bundle.yml/index.html",
                                     headers: ["X-Indstil-Token": token]).status == 200)
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).count > 1)
        run.send(SIGINT)
        let end = try #require(run.wait(timeout: 30))
        #expect(end.status == 130, "\(end)")
        #expect(end.stderr.contains("indstil: afbrudt (Ctrl-C)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path) == [".keep"])
    }

    @Test func aBusyPortIsReplacedByAFreeOneAndSaidSo() throws {
        let folder = try TempFolder.withExamples()
        let first = try RunningProcess(try #require(CLI.binary), ["serve", "examples", "--port", "0"], in: folder.url)
        let (_, busy, _) = try address(of: first)
        let second = try RunningProcess(try #require(CLI.binary), ["serve", "examples", "--port", String(busy)], in: folder.url)
        let (_, port, _) = try address(of: second)
        #expect(port != busy)
        second.send(SIGTERM)
        let end = try #require(second.wait(timeout: 30))
        #expect(end.stderr.contains("Porten \(busy) er optaget; bruger \(port) i stedet."), "\(end.stderr)")
        first.send(SIGTERM)
        _ = first.wait(timeout: 30)
    }
}
