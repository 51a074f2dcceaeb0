import Foundation
import IndstilTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// One `indstil serve --port 0` (the real binary) for the API tests, over a copy of the
/// shipped examples with the agenda's last item closed (so the agenda has a public and a
/// closed packet), a file outside the project and a symbolic link to it from inside.
/// Stopped when the test process ends.
final class ServedProject: @unchecked Sendable {
    static let shared: ServedProject = {
        do { return try ServedProject() } catch { fatalError("the test server could not start: \(error)") }
    }()

    let folder: TempFolder
    let root: URL
    let port: Int
    let token: String
    private let run: RunningProcess

    private init() throws {
        folder = try TempFolder.withExamples()
        root = folder.url.appendingPathComponent("examples")
        let agenda = root.appendingPathComponent("raadmandsmoede/dagsorden.yml")
        let text = try String(contentsOf: agenda, encoding: .utf8).replacingOccurrences(
            of: "  - titel: Bordrunde\n    minutter: 5",
            with: "  - titel: Bordrunde\n    minutter: 5\n    status: lukket\n    begrundelse: \"Personsag\"")
        try text.write(to: agenda, atomically: true, encoding: .utf8)
        try "hemmeligt".write(to: folder.url.appendingPathComponent("udenfor.md"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("genvej.md"),
                                                   withDestinationURL: folder.url.appendingPathComponent("udenfor.md"))
        guard let binary = CLI.binary else { throw CLI.NotFound() }
        run = try RunningProcess(binary, ["serve", "examples", "--port", "0"], in: folder.url)
        servedProcess = run.pid
        atexit { if servedProcess > 0 { kill(servedProcess, SIGTERM) } }
        guard let line = run.waitForOutputLine(containing: "http://127.0.0.1:", timeout: 60),
              let port = line.split(separator: ":").last.flatMap({ Int($0.trimmingCharacters(in: CharacterSet(charactersIn: "/ "))) })
        else { throw RawHTTP.Failure(description: "indstil serve did not say its address: \(run.output())") }
        self.port = port
        let page = try RawHTTP.exchange(port: port, "GET", "/").text
        guard let start = page.range(of: "name=\"indstil-token\" content=\""),
              let end = page[start.upperBound...].firstIndex(of: "\"")
        else { throw RawHTTP.Failure(description: "the overview carries no token") }
        token = String(page[start.upperBound..<end])
    }

    func get(_ path: String, headers: [String: String?] = [:]) throws -> RawHTTP.Reply {
        try RawHTTP.exchange(port: port, "GET", path, headers: headers)
    }

    /// A change with the token (unless `headers` says otherwise) and a JSON body.
    func send(_ method: String, _ path: String, json: Any, headers: [String: String?] = [:]) throws -> RawHTTP.Reply {
        let body = try JSONSerialization.data(withJSONObject: json)
        return try send(method, path, body: body, headers: headers)
    }

    func send(_ method: String, _ path: String, body: Data, headers: [String: String?] = [:]) throws -> RawHTTP.Reply {
        var all: [String: String?] = ["X-Indstil-Token": token, "Content-Type": "application/json"]
        for (name, value) in headers { all[name] = value }
        return try RawHTTP.exchange(port: port, method, path, headers: all, body: body)
    }

    func text(_ relative: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
    }
}

/// The server's process id, for the exit handler (a C function pointer captures nothing).
nonisolated(unsafe) private var servedProcess: Int32 = 0
