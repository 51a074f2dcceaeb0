import Foundation
import IndstilTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Who may use `indstil serve` (issue 25): the one-time start secret is traded for an
/// HttpOnly, SameSite=Strict cookie; every request (GETs too) needs the cookie or the
/// X-Indstil-Token header; nothing the server sends carries either; Host 0.0.0.0 is
/// refused; a --host other machines can reach needs --allow-remote and is warned about.
@Suite(.serialized) struct ServeAccessTests {
    let served = ServedProject.shared

    static func start(_ arguments: [String] = []) throws -> (RunningProcess, ServeStartLine, TempFolder) {
        let folder = try TempFolder.withExamples()
        let run = try RunningProcess(try #require(CLI.binary), ["serve", "examples", "--port", "0"] + arguments, in: folder.url)
        ServedProcesses.add(run.pid)
        let line = try #require(run.waitForOutputLine(containing: "http://", timeout: 60), "no address on stdout: \(run.output())")
        return (run, try #require(ServeStartLine(line), "start line: \(line)"), folder)
    }

    @Test func everyRequestWithoutTheSecretIsRefusedAndNothingCarriesIt() throws {
        let noToken: [String: String?] = ["X-Indstil-Token": nil]
        for path in ["/", "/ny", "/api/documents", "/api/documents/aarhus-byraad/ny-ordning-moedelokaler.md",
                     "/dokument/aarhus-byraad/ny-ordning-moedelokaler.md", "/pakke/bilagsmateriale/bundle.yml",
                     "/websted/offentlig/bilagsmateriale/bundle.yml/index.html", "/api/render/pdf/aarhus-byraad/ny-ordning-moedelokaler.md",
                     "/api/packets/offentlig/bilagsmateriale/bundle.yml", "/api/events/aarhus-byraad/ny-ordning-moedelokaler.md", "/findes/ikke"] {
            let reply = try served.get(path, headers: noToken)
            #expect(reply.status == 403, "\(path): \(reply.status)")
            #expect(!reply.text.contains(served.token), "\(path) hands out the secret")
            #expect(reply.headers["set-cookie"] == nil, "\(path)")
            let wrong = try served.get(path, headers: ["X-Indstil-Token": String(repeating: "0", count: 64)])
            #expect(wrong.status == 403, "\(path) with a wrong secret: \(wrong.status)")
        }
        // Not even a page with the right secret, or the refusal for a foreign Host, carries it.
        for (path, headers) in [("/", [:]), ("/findes/ikke", [:]), ("/api/documents", [:]),
                                ("/", ["Host": "evil.example:\(served.port)"]), ("/dokument/aarhus-byraad/ny-ordning-moedelokaler.md", [:])]
            as [(String, [String: String?])] {
            let reply = try served.get(path, headers: headers)
            #expect(!reply.text.contains(served.token), "\(path) \(headers) carries the secret")
            #expect(!reply.text.contains("indstil-token"), "\(path)")
        }
        // The app's own stylesheet and scripts are public files, the same in every installation.
        #expect(try served.get("/static/serve.css", headers: noToken).status == 200)
    }

    @Test func theStartSecretIsTradedOnceForAnHttpOnlyStrictCookie() throws {
        let (run, start, folder) = try Self.start()
        defer { run.send(SIGTERM); _ = run.wait(timeout: 30); folder.remove() }
        // Nothing before the trade, and a wrong secret trades nothing.
        #expect(try RawHTTP.exchange(port: start.port, "GET", "/").status == 403)
        #expect(try RawHTTP.exchange(port: start.port, "GET", "/?token=\(String(repeating: "1", count: 64))").status == 403)
        let trade = try RawHTTP.exchange(port: start.port, "GET", "/?token=\(start.token)")
        #expect(trade.status == 303, "\(trade.status) \(trade.text)")
        #expect(trade.headers["location"] == "/")
        let cookie = try #require(trade.headers["set-cookie"])
        let attributes = Set(cookie.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) })
        #expect(attributes.isSuperset(of: ["HttpOnly", "SameSite=Strict", "Path=/"]), "\(cookie)")
        let pair = try #require(cookie.split(separator: ";").first.map(String.init))
        #expect(!pair.contains(start.token), "the cookie is not the start secret")
        #expect(!trade.text.contains(start.token))
        // The cookie opens every page; the secret in the address is refused after the trade.
        let overview = try RawHTTP.exchange(port: start.port, "GET", "/", headers: ["Cookie": pair])
        #expect(overview.status == 200 && overview.text.contains("ny-ordning-moedelokaler.md"))
        #expect(!overview.text.contains(start.token) && !overview.text.contains(String(pair.split(separator: "=")[1])))
        let again = try RawHTTP.exchange(port: start.port, "GET", "/?token=\(start.token)")
        #expect(again.status == 403 && again.headers["set-cookie"] == nil, "a second trade: \(again.status)")
        #expect(try RawHTTP.exchange(port: start.port, "GET", "/api/documents", headers: ["Cookie": pair + "0"]).status == 403)
        // A change with the cookie needs this server's Origin (a browser sends it); the header works alone.
        let body = try JSONSerialization.data(withJSONObject: ["path": "nye/cookie.md", "profile": "aarhus-byraad"])
        let bare = try RawHTTP.exchange(port: start.port, "POST", "/api/documents", headers: ["Cookie": pair], body: body)
        #expect(bare.status == 403, "\(bare.status)")
        let fromPage = try RawHTTP.exchange(port: start.port, "POST", "/api/documents",
                                            headers: ["Cookie": pair, "Origin": "http://127.0.0.1:\(start.port)"], body: body)
        #expect(fromPage.status == 201, "\(fromPage.status) \(fromPage.text)")
        let foreign = try RawHTTP.exchange(port: start.port, "POST", "/api/documents",
                                           headers: ["Cookie": pair, "Origin": "http://evil.example"], body: body)
        #expect(foreign.status == 403)
    }

    @Test func aHostOtherMachinesReachIsRefusedWithoutAllowRemote() throws {
        let folder = try TempFolder.withExamples()
        let refused = try folder.run("serve", "examples", "--port", "0", "--host", "0.0.0.0", timeout: 20)
        #expect(refused.status == 2 && !refused.timedOut, "\(refused)")
        #expect(refused.stderr.contains("--allow-remote"), "\(refused.stderr)")

        let (run, start, served) = try Self.start(["--host", "0.0.0.0", "--allow-remote"])
        defer { served.remove() }
        #expect(try RawHTTP.exchange(port: start.port, "GET", "/api/documents", headers: ["X-Indstil-Token": start.token]).status == 200)
        // Bound to every interface, it still never answers Host 0.0.0.0 (or [::], or a name that could be rebound).
        for host in ["0.0.0.0:\(start.port)", "[::]:\(start.port)", "0:\(start.port)", "evil.example:\(start.port)", "127.0.0.1:1"] {
            let reply = try RawHTTP.exchange(port: start.port, "GET", "/api/documents", headers: ["X-Indstil-Token": start.token, "Host": host])
            #expect(reply.status == 403, "Host: \(host) → \(reply.status)")
        }
        let origin = try RawHTTP.exchange(port: start.port, "GET", "/api/documents",
                                          headers: ["X-Indstil-Token": start.token, "Origin": "http://0.0.0.0:\(start.port)"])
        #expect(origin.status == 403)
        run.send(SIGTERM)
        let end = try #require(run.wait(timeout: 30))
        #expect(end.stderr.contains("ADVARSEL"), "\(end.stderr)")
    }
}
