import Foundation
import IndstilTestSupport
import Testing

/// What `indstil serve` refuses, each with a clear status and a Danish message: paths out
/// of the project, foreign Host and Origin, changes without the token, oversized and
/// malformed bodies; and errors as pages, never stack traces.
@Suite(.serialized) struct ServeRefusalTests {
    let served = ServedProject.shared

    func expectRefused(_ reply: RawHTTP.Reply, _ status: Int, saying words: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(reply.status == status, "\(reply.status): \(reply.text)", sourceLocation: sourceLocation)
        let message = reply.json()?["message"] as? String ?? reply.text
        #expect(message.contains(words), "\(message)", sourceLocation: sourceLocation)
    }

    @Test func pathsOutOfTheProjectAreRefused() throws {
        for path in ["/api/documents/../udenfor.md", "/api/documents/%2e%2e/udenfor.md", "/api/documents/aarhus-byraad/%2E%2E/%2E%2E/udenfor.md",
                     "/api/documents/%2Fetc%2Fpasswd", "/api/documents//etc/passwd", "/api/documents/genvej.md",
                     "/api/documents/.git/config", "/dokument/..%2f..%2fudenfor.md"] {
            expectRefused(try served.get(path), 403, saying: "uden for projektet")
        }
        // Writing through the link is refused too, and the file outside is untouched.
        let put = try served.send("PUT", "/api/documents/genvej.md", json: ["text": "overskrevet", "version": "x"])
        expectRefused(put, 403, saying: "uden for projektet")
        #expect(try String(contentsOf: served.folder.url.appendingPathComponent("udenfor.md"), encoding: .utf8) == "hemmeligt")
        let analyse = try served.send("POST", "/api/analyse", json: ["path": "../udenfor.md", "text": "x"])
        expectRefused(analyse, 403, saying: "uden for projektet")
    }

    @Test func aForeignHostOrOriginIsRefused() throws {
        expectRefused(try served.get("/api/documents", headers: ["Host": "evil.example:\(served.port)"]), 403, saying: "ikke denne server")
        expectRefused(try served.get("/", headers: ["Host": nil]), 403, saying: "ikke denne server")
        expectRefused(try served.get("/api/documents", headers: ["Origin": "http://evil.example"]), 403, saying: "andet websted")
        let post = try served.send("POST", "/api/analyse", json: ["path": "a.md", "text": ""], headers: ["Origin": "http://evil.example"])
        expectRefused(post, 403, saying: "andet websted")
        #expect(try served.get("/api/documents", headers: ["Origin": "http://127.0.0.1:\(served.port)"]).status == 200)
        #expect(try served.get("/api/documents", headers: ["Host": "localhost:\(served.port)"]).status == 200)
    }

    @Test func changesWithoutTheTokenAreRefused() throws {
        let body = ["path": "nye/uden-noegle.md", "profile": "aarhus-byraad"]
        expectRefused(try served.send("POST", "/api/documents", json: body, headers: ["X-Indstil-Token": nil]), 403, saying: "nøgle")
        expectRefused(try served.send("POST", "/api/documents", json: body, headers: ["X-Indstil-Token": "0000"]), 403, saying: "nøgle")
        expectRefused(try served.send("POST", "/api/analyse", json: ["path": "a.md", "text": ""], headers: ["X-Indstil-Token": nil]), 403, saying: "nøgle")
        #expect(!FileManager.default.fileExists(atPath: served.root.appendingPathComponent("nye/uden-noegle.md").path))
    }

    @Test func oversizedAndMalformedBodiesAreRefused() throws {
        let big = Data(repeating: UInt8(ascii: "a"), count: 3 << 20)
        expectRefused(try served.send("POST", "/api/analyse", body: big), 413, saying: "for stor")
        expectRefused(try served.send("POST", "/api/analyse", body: Data("{\"path\": ".utf8)), 400, saying: "ikke gyldig JSON")
        expectRefused(try served.send("POST", "/api/analyse", body: Data("[1, 2]".utf8)), 400, saying: "ikke gyldig JSON")
        expectRefused(try served.send("POST", "/api/analyse", json: ["path": 3]), 400, saying: "»path«")
    }

    @Test func errorsArePagesWithTheSecurityHeaders() throws {
        let page = try served.get("/findes/ikke")
        #expect(page.status == 404)
        #expect(page.headers["content-type"]?.hasPrefix("text/html") == true)
        #expect(page.text.contains("<h1>Fejl 404</h1>") && page.text.contains("findes ikke"))
        let api = try served.get("/api/documents/findes-ikke.md")
        expectRefused(api, 404, saying: "findes ikke")
        let policy = try #require(page.headers["content-security-policy"])
        let scripts = try #require(policy.split(separator: ";").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("script-src") })
        #expect(scripts.trimmingCharacters(in: .whitespaces) == "script-src 'self'")
        #expect(page.headers["x-content-type-options"] == "nosniff")
        #expect(try served.send("DELETE", "/api/documents/aarhus-byraad/ny-ordning-moedelokaler.md", body: Data()).status == 405)
    }

    @Test func pagesCarryNoInlineScriptAndEscapeTheDocument() throws {
        let path = "nye/markup.md"
        let created = try served.send("POST", "/api/documents", json: ["path": path, "profile": "aarhus-byraad"])
        #expect(created.status == 201)
        let text = try served.text(path) + "\n</textarea><script>alert(1)</script>\n"
        try text.write(to: served.root.appendingPathComponent(path), atomically: true, encoding: .utf8)
        for page in ["/", "/ny", "/dokument/\(path)", "/pakke/bilagsmateriale/bundle.yml"] {
            let reply = try served.get(page)
            #expect(reply.status == 200, "\(page)")
            #expect(!reply.text.contains("<script>"), "\(page)")
            #expect(!reply.text.contains("onclick="), "\(page)")
        }
        #expect(try served.get("/dokument/\(path)").text.contains("&lt;/textarea&gt;&lt;script&gt;"))
    }
}
