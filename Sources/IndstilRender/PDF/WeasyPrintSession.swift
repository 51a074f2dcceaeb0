import Foundation
import IndstilSupport

/// One WeasyPrint process that sets several documents in turn: a packet's pages, then its
/// stamps. Starting Python and importing WeasyPrint takes about 0,4 s of every run; a
/// session pays it once, and when it is started ahead of time (while LibreOffice converts,
/// while the packet's pages are put together) not at all on the way to the PDF.
///
/// The session is WeasyPrint's own command line (`main`) called once per job by a few lines
/// of Python (`launcher`). Jobs and answers are small JSON files in a private folder of the
/// work folder, each written beside itself and renamed into place: `job-N.json` holds the
/// arguments (with a piece of a document set in pieces, `WeasyPrintPieces`: both in an object;
/// null: stop), `answer-N.json` the exit status and, on a failure, the end of the
/// traceback. A set in a session gives the very bytes a process of its own gives.
/// The process runs as every program does (`ExternalProgram`: its own process group, stopped
/// with indstil); a job that does not answer in time stops it.
package final class WeasyPrintSession: @unchecked Sendable {
    /// The WeasyPrint (name or path) it runs, as `WeasyPrint.program(for:)` gives it.
    package let name: String
    let folder: URL
    private let ended = DispatchSemaphore(value: 0)
    private let outcome = Locked<ExternalProgram.Result?>(nil)
    private let jobs = Locked(0)

    /// Reads jobs until it is told to stop; the process id first, so a job that hangs can be
    /// stopped. The current folder is taken off the module path (as in `WeasyPrintProgram.launcher`);
    /// what a job left is collected after its answer, before the next job.
    static let launcher = """
    import sys
    if sys.path and sys.path[0] in ("", "."): del sys.path[0]
    import gc, json, os, time, traceback
    gc.disable()
    folder = sys.argv[1]
    with open(os.path.join(folder, "pid.tmp"), "w") as out:
        out.write(str(os.getpid()))
    os.rename(os.path.join(folder, "pid.tmp"), os.path.join(folder, "pid"))
    \(WeasyPrintLibraries.python)
    \(WeasyPrintRelayout.python)
    \(WeasyPrintLinkTags.python)
    \(WeasyPrintArtifacts.python)
    \(WeasyPrintPageStyles.python)
    \(WeasyPrintPieces.python)
    from weasyprint.__main__ import main
    number = 0
    while True:
        number += 1
        job = os.path.join(folder, "job-%d.json" % number)
        while not os.path.exists(job):
            time.sleep(0.002)
        with open(job, encoding="utf-8") as source:
            arguments = json.load(source)
        if arguments is None:
            sys.exit(0)
        piece = None
        if isinstance(arguments, dict):
            piece, arguments = arguments["piece"], arguments["arguments"]
        status, message = 0, ""
        try:
            if piece is not None:
                if _indstil_pieces is None:
                    raise RuntimeError("this WeasyPrint cannot set pieces")
                _indstil_pieces[0](piece)
            main(arguments)
        except SystemExit as stop:
            status = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
        except BaseException:
            status, message = 1, traceback.format_exc()[-2000:]
        if piece is not None:
            if _indstil_pieces is not None:
                _indstil_pieces[1]()
            if status != 0:
                if _indstil_pieces is not None:
                    _indstil_pieces[2](piece)
                message = "\(WeasyPrintPieces.refusal)\\n" + message
        answer = os.path.join(folder, "answer-%d.json" % number)
        with open(answer + ".tmp", "w") as out:
            json.dump({"status": status, "message": message}, out)
        os.rename(answer + ".tmp", answer)
        # What the job left is collected after it has answered, before the next job is read.
        gc.collect()
    """

    /// Starts a session of the WeasyPrint for `variant` in a new folder of `work`; nil when that
    /// WeasyPrint is not a Python script indstil can start this way, or the folder cannot be made.
    package static func start(_ variant: WeasyPrint.Variant, work: URL) -> WeasyPrintSession? {
        start(variant, folder: work.appendingPathComponent("weasyprint-\(UUID().uuidString)", isDirectory: true), ownsFolder: false)
    }

    /// A session in a temporary folder of its own (`TemporaryItems`), removed when it is closed:
    /// one started before there is a packet's work folder.
    package static func start(_ variant: WeasyPrint.Variant) -> WeasyPrintSession? {
        guard let folder = try? TemporaryItems.makeFolder(kind: "weasyprint") else { return nil }
        guard let session = start(variant, folder: folder.appendingPathComponent("session", isDirectory: true), ownsFolder: true) else {
            TemporaryItems.remove(folder)
            return nil
        }
        return session
    }

    private static func start(_ variant: WeasyPrint.Variant, folder: URL, ownsFolder: Bool) -> WeasyPrintSession? {
        let name = WeasyPrint.program(for: variant)
        guard let program = WeasyPrintProgram.named(name), program.leadingArguments.first == "-c" else { return nil }
        let temporary = folder.appendingPathComponent("tmp", isDirectory: true)
        do {
            try TemporaryItems.makePrivateFolder(folder)
            try TemporaryItems.makePrivateFolder(temporary)
        } catch {
            return nil
        }
        let session = WeasyPrintSession(name: name, folder: folder, ownsFolder: ownsFolder)
        let thread = Thread { [session] in
            let result = ExternalProgram.run(program.executable, ["-c", Self.launcher, folder.path], timeout: 3600, temporaryFolder: temporary)
            session.outcome.withLock { $0 = result }
            session.ended.signal()
        }
        thread.stackSize = 1 << 20
        thread.start()
        return session
    }

    /// Whether `folder`'s parent is the session's own, removed by `close`.
    private let ownsFolder: Bool

    private init(name: String, folder: URL, ownsFolder: Bool) {
        self.name = name
        self.folder = folder
        self.ownsFolder = ownsFolder
    }

    /// Sets one document: WeasyPrint's command-line `arguments`; what its own process would have given.
    /// - Parameter piece: the document is one piece of several set at once (`WeasyPrintPieces`):
    ///   `folder` (the pieces' exchange folder), `index`, `count`, `timeout`.
    package func run(_ arguments: [String], piece: [String: Any]? = nil, timeout: TimeInterval) -> ExternalProgram.Result {
        let number = jobs.withLock { count -> Int in
            count += 1
            return count
        }
        let job: Any = piece.map { ["arguments": arguments, "piece": $0] as [String: Any] } ?? arguments
        guard write(job, job: number) else {
            // The process would wait for this job for ever.
            stop()
            return .finished(status: -1, stderr: "the job cannot be written to \(folder.path)")
        }
        let answer = folder.appendingPathComponent("answer-\(number).json")
        let asked = Date()
        let deadline = asked.addingTimeInterval(timeout)
        while true {
            if let data = FileManager.default.contents(atPath: answer.path) {
                let reply = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
                let status = (reply?["status"] as? NSNumber)?.int32Value ?? -1
                return .finished(status: status, stderr: reply?["message"] as? String ?? "")
            }
            if let ended = outcome.withLock({ $0 }) {
                // The process ended without answering (killed, or Python could not start WeasyPrint).
                if case .finished(let status, let stderr) = ended { return .finished(status: status == 0 ? -1 : status, stderr: stderr) }
                return ended
            }
            if Date() >= deadline {
                stop()
                return .timedOut
            }
            // Every 2 ms for a short job (stamps); a long one (a packet's pages) is asked less
            // often, so that waiting takes nothing from the cores setting it.
            usleep(Date().timeIntervalSince(asked) < 1 ? 2000 : 10_000)
        }
    }

    /// Stops the process and waits until it has ended: then nothing writes into the work folder
    /// any more. Every job it was given has answered by then (`run` returns with the answer);
    /// what is left to it is collecting the garbage of its last set and ending, which after a
    /// set of hundreds of pages takes a second or two, so it is stopped at once. One that has
    /// not yet said who it is (its imports just began) gets the stop job and ends on reading it.
    package func close() {
        let number = jobs.withLock { count -> Int in
            count += 1
            return count
        }
        if !FileManager.default.fileExists(atPath: folder.appendingPathComponent("pid").path) { usleep(50_000) }
        stop()
        if !write(nil, job: number) { stop() }
        if ended.wait(timeout: .now() + 10) == .timedOut {
            stop()
            _ = ended.wait(timeout: .now() + 10)
        }
        ended.signal()  // a second close returns at once
        if ownsFolder { TemporaryItems.remove(folder.deletingLastPathComponent()) }
    }

    /// Stops the process group at once.
    private func stop() {
        // Only while it runs: once it has ended and been collected, its number may be another's.
        guard outcome.withLock({ $0 }) == nil, let text = try? String(contentsOf: folder.appendingPathComponent("pid"), encoding: .utf8),
              let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 1 else { return }
        _ = kill(-pid, SIGKILL)
        _ = kill(pid, SIGKILL)
    }

    /// Writes job `number`: the arguments (an array), arguments with a piece (a dictionary), or nil (stop).
    private func write(_ arguments: Any?, job number: Int) -> Bool {
        let job = folder.appendingPathComponent("job-\(number).json")
        let staging = folder.appendingPathComponent("job-\(number).tmp")
        guard let data = try? JSONSerialization.data(withJSONObject: arguments ?? NSNull(), options: [.fragmentsAllowed, .sortedKeys]) else { return false }
        do {
            try TemporaryItems.writePrivately(data, to: staging)
        } catch {
            return false
        }
        return rename(staging.path, job.path) == 0
    }
}
