import Foundation
import IndstilTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What `indstil serve` serves (issue 25): only the documents and manifests the workspace
/// shows, regular files inside the project and out of hidden places; appendices only as
/// sandboxed downloads; never a FIFO or a device, and no request can freeze the server.
@Suite(.serialized) struct ServeFileTests {
    let served = ServedProject.hostile

    /// A request that must be answered quickly: a short socket time-out, and the time taken.
    func quick(_ method: String, _ path: String, json: Any? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> RawHTTP.Reply {
        let started = Date()
        let reply: RawHTTP.Reply
        if let json {
            reply = try RawHTTP.exchange(port: served.port, method, path, headers: ["X-Indstil-Token": served.token, "Content-Type": "application/json"],
                                         body: try JSONSerialization.data(withJSONObject: json), timeout: 10)
        } else {
            reply = try served.get(path, timeout: 10)
        }
        #expect(Date().timeIntervalSince(started) < 5, "\(method) \(path) took \(Date().timeIntervalSince(started)) s", sourceLocation: sourceLocation)
        return reply
    }

    /// The editor's library comes from Debian's libjs-codemirror on this machine (`make deps`
    /// installs it): only the files the page loads are served, nothing else of the system.
    @Test func theEditorLibraryIsServedFromTheSystemAndNothingElse() throws {
        let page = try quick("GET", "/dokument/aarhus-byraad/ny-ordning-moedelokaler.md")
        #expect(page.text.contains("<script src=\"/static/vendor/codemirror/lib/codemirror.js\" defer></script>"), "\(page.text.prefix(600))")
        #expect(page.text.contains("/static/vendor/codemirror/mode/yaml-frontmatter/yaml-frontmatter.js"))
        let script = try quick("GET", "/static/vendor/codemirror/lib/codemirror.js")
        #expect(script.status == 200 && script.headers["content-type"]?.hasPrefix("text/javascript") == true && script.text.contains("CodeMirror"))
        for path in ["/static/vendor/codemirror/mode/python/python.js", "/static/vendor/codemirror/../../../../etc/passwd",
                     "/static/vendor/codemirror/lib/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/static/vendor/codemirror/", "/static/vendor/x.js"] {
            let reply = try quick("GET", path)
            #expect([403, 404].contains(reply.status) && !reply.text.contains("root:"), "\(path): \(reply.status)")
        }
    }

    @Test func onlyDocumentsAndManifestsAreServed() throws {
        for path in ["/api/documents/indstil.yml", "/api/documents/plugin-projekt/plugins/ordliste.py", "/api/documents/plugin-projekt/indstil.yml",
                     "/api/documents/noter.txt", "/dokument/noter.txt", "/api/documents/git-config.md", "/dokument/git-config.md",
                     "/api/documents/skjult-mappe/noter.md", "/api/documents/.env", "/api/documents/.git/config",
                     "/pakke/indstil.yml", "/pakke/plugin-projekt/indstil.yml", "/api/events/git-config.md",
                     "/api/render/pdf/git-config.md", "/websted/offentlig/indstil.yml/index.html"] {
            let reply = try quick("GET", path)
            #expect([403, 404].contains(reply.status), "\(path): \(reply.status)")
            // Only the refusal: no secret, no plugin source, no configuration.
            #expect(!reply.text.contains("hemmeligt") && !reply.text.contains("HEMMELIGT") && !reply.text.contains("import ")
                    && !reply.text.contains("command:"), "\(path): \(reply.text)")
            #expect(reply.json()?["error"] != nil || reply.text.contains("<h1>Fejl"), "\(path): \(reply.text)")
        }
        #expect(try quick("GET", "/api/documents/aarhus-byraad/ny-ordning-moedelokaler.md").status == 200)
        #expect(try quick("GET", "/pakke/bilagsmateriale/bundle.yml").status == 200)
        // A table's fil: naming the hidden .env is a finding, never the secret.
        let text = try String(contentsOf: served.root.appendingPathComponent("tabel-env.md"), encoding: .utf8)
        let analysed = try quick("POST", "/api/analyse", json: ["path": "tabel-env.md", "text": text])
        #expect(analysed.status == 200 && !analysed.text.contains("ikke-til-browseren") && analysed.text.contains("skjult"), "\(analysed.text)")
    }

    @Test func fifosDevicesAndLinksAreRefusedFastAndTheServerGoesOn() throws {
        var special = ["fifo.md", "nul.md"]
        if FileManager.default.fileExists(atPath: served.root.appendingPathComponent("enhed.md").path) { special.append("enhed.md") }
        for name in special {
            for path in ["/api/documents/\(name)", "/dokument/\(name)", "/api/events/\(name)", "/api/render/docx/\(name)"] {
                let reply = try quick("GET", path)
                #expect([403, 404].contains(reply.status), "\(path): \(reply.status)")
            }
            let put = try quick("PUT", "/api/documents/\(name)", json: ["text": "skrevet ind", "version": "missing"])
            #expect(put.status == 403, "PUT \(name): \(put.status) \(put.text)")
        }
        #expect(FileKindProbe.isFIFO(served.root.appendingPathComponent("fifo.md")))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: served.root.appendingPathComponent("nul.md").path)) == "/dev/null")
        // A save through an in-project link neither follows nor replaces it.
        let target = served.root.appendingPathComponent("aarhus-byraad/ny-ordning-moedelokaler.md")
        let before = try String(contentsOf: target, encoding: .utf8)
        let version = try #require(try quick("GET", "/api/documents/aarhus-byraad/ny-ordning-moedelokaler.md").json()?["version"] as? String)
        let put = try quick("PUT", "/api/documents/lenke.md", json: ["text": "gennem genvejen", "version": version])
        #expect(put.status == 403, "\(put.status) \(put.text)")
        #expect(try String(contentsOf: target, encoding: .utf8) == before)
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: served.root.appendingPathComponent("lenke.md").path)) != nil)
        // New files never go through a link into a hidden place.
        let created = try quick("POST", "/api/documents", json: ["path": "skjult-mappe/ny.md", "profile": "aarhus-byraad"])
        #expect(created.status == 403, "\(created.status)")
        #expect(!FileManager.default.fileExists(atPath: served.root.appendingPathComponent(".skjult/ny.md").path))
        // The overview walks past the FIFOs (a document and a bundle's PDF appendix) and answers.
        let list = try quick("GET", "/api/documents")
        #expect(list.status == 200 && list.text.contains("fifo-bilag/bundle.yml"), "\(list.status)")
        #expect(try quick("GET", "/pakke/fifo-bilag/bundle.yml").status == 200)
    }

    @Test func appendicesAreSandboxedDownloadsNeverPagesOfTheWorkspace() throws {
        let index = try served.get("/websted/offentlig/farlig/bundle.yml/index.html")
        #expect(index.status == 200, "\(index.status) \(index.text)")
        let policy = index.headers["content-security-policy"] ?? ""
        #expect(policy.contains("script-src 'none'"), "the site's own pages run no script: \(policy)")
        var files = Set<String>()
        for page in try pages(of: "farlig/bundle.yml") {
            for match in page.matches(of: /href="(bilag\/[^"]+)"/) { files.insert(String(match.1)) }
        }
        let wanted = files.filter { [".html", ".svg", ".js", ".pdf"].contains(where: $0.hasSuffix) }
        #expect(wanted.count >= 4, "\(files)")
        for file in wanted {
            let reply = try served.get("/websted/offentlig/farlig/bundle.yml/\(file)")
            #expect(reply.status == 200, "\(file): \(reply.status)")
            #expect(reply.headers["content-disposition"]?.hasPrefix("attachment") == true, "\(file): \(reply.headers)")
            #expect(reply.headers["content-security-policy"]?.hasPrefix("sandbox") == true, "\(file)")
            #expect(reply.headers["x-content-type-options"] == "nosniff", "\(file)")
            let type = reply.headers["content-type"] ?? ""
            #expect(!type.contains("html") && !type.contains("svg") && !type.contains("javascript"), "\(file): \(type)")
        }
    }

    /// The site's pages (index and the chapter pages it links).
    func pages(of manifest: String) throws -> [String] {
        let index = try served.get("/websted/offentlig/\(manifest)/index.html").text
        var pages = [index]
        for match in index.matches(of: /href="([^"\/]+\.html)"/) {
            pages.append(try served.get("/websted/offentlig/\(manifest)/\(match.1)").text)
        }
        return pages
    }
}

/// The same hostile bundle on the command line: the untagged-attachment check never hands
/// qpdf a FIFO (issue 25: `check`, `bundle` and the overview hung on it).
@Suite struct FIFOAppendixCommandTests {
    @Test func aBundleWhosePDFAppendixIsAFIFOIsAFindingNotAHang() throws {
        let folder = try TempFolder.withExamples()
        let pdf = folder.url.appendingPathComponent("examples/bilagsmateriale/kapitel-1/spoergeskema.pdf")
        try FileManager.default.removeItem(at: pdf)
        #expect(mkfifo(pdf.path, 0o644) == 0)
        let check = try folder.run("check", "examples/bilagsmateriale/bundle.yml", timeout: 30)
        #expect(!check.timedOut && check.status == 1, "\(check)")
        #expect(check.diagnostics.contains { $0.check == "appendix.missing-file" && $0.message.contains("ikke en almindelig fil") }, "\(check)")
        let bundle = try folder.run("bundle", "examples/bilagsmateriale/bundle.yml", "-o", "ud", timeout: 30)
        #expect(!bundle.timedOut && bundle.status == 1 && !folder.exists("ud"), "\(bundle)")
    }
}

enum FileKindProbe {
    static func isFIFO(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO
    }
}
