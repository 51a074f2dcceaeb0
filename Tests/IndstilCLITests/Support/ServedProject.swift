import Foundation
import IndstilTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// One `indstil serve --port 0` (the real binary) for the API tests, over a copy of the
/// shipped examples with the agenda's last item closed (so the agenda has a public and a
/// closed packet), a file outside the project and a symbolic link to it from inside.
/// Stopped when the test process ends. Requests carry the start secret in
/// `X-Indstil-Token` unless a test says otherwise.
final class ServedProject: @unchecked Sendable {
    static let shared: ServedProject = {
        do { return try ServedProject() } catch { fatalError("the test server could not start: \(error)") }
    }()

    /// A project with hostile files in it (`prepare` runs before the server starts).
    static let hostile: ServedProject = {
        do { return try ServedProject(prepare: HostileFiles.make) } catch { fatalError("the test server could not start: \(error)") }
    }()

    let folder: TempFolder
    let root: URL
    let port: Int
    let token: String
    private let run: RunningProcess

    init(prepare: (_ root: URL, _ folder: URL) throws -> Void = { _, _ in }) throws {
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
        try prepare(root, folder.url)
        guard let binary = CLI.binary else { throw CLI.NotFound() }
        run = try RunningProcess(binary, ["serve", "examples", "--port", "0"], in: folder.url)
        ServedProcesses.add(run.pid)
        guard let line = run.waitForOutputLine(containing: "http://127.0.0.1:", timeout: 60),
              let start = ServeStartLine(line)
        else { throw RawHTTP.Failure(description: "indstil serve did not say its address: \(run.output())") }
        port = start.port
        token = start.token
    }

    /// A GET with the start secret in `X-Indstil-Token` (unless `headers` says otherwise).
    func get(_ path: String, headers: [String: String?] = [:], timeout: TimeInterval = 60) throws -> RawHTTP.Reply {
        var all: [String: String?] = ["X-Indstil-Token": token]
        for (name, value) in headers { all[name] = value }
        return try RawHTTP.exchange(port: port, "GET", path, headers: all, timeout: timeout)
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

/// `indstil serve: http://127.0.0.1:PORT/?token=SECRET`, taken apart.
struct ServeStartLine {
    let port: Int
    let token: String

    init?(_ line: String) {
        guard let match = line.firstMatch(of: /http:\/\/127\.0\.0\.1:(\d+)\/\?token=([0-9a-f]{64})$/), let port = Int(match.1) else { return nil }
        self.port = port
        token = String(match.2)
    }
}

/// The servers' process ids, for the exit handler (a C function pointer captures nothing).
enum ServedProcesses {
    nonisolated(unsafe) static var pids: [Int32] = []
    static let lock = NSLock()

    static func add(_ pid: Int32) {
        lock.lock()
        if pids.isEmpty { atexit { for pid in ServedProcesses.pids { kill(pid, SIGTERM) } } }
        pids.append(pid)
        lock.unlock()
    }
}
