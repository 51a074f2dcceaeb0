import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the external check plugins of `indstil.yml` on one document.
///
/// Each plugin is a program: it gets the document as one JSON request on stdin
/// (`PluginRequest`) and answers on stdout with
/// `{"diagnostics":[{"check","severity","message","line","column"?}]}`.
/// A plugin that cannot be started, exits with a status other than 0, is killed by a
/// signal, exceeds its timeout, writes more than 10 MB or answers in the wrong format
/// gives one `plugin.failed` error (line 1) naming it; indstil itself never hangs or
/// crashes because of a plugin.
///
/// At most `configuration.pluginConcurrency` plugin processes run at once in the whole
/// run (documents are checked in parallel, and a document's plugins run in parallel).
/// A plugin runs in the project root, in its own process group; when it is stopped (its
/// timeout, too much output) the group gets SIGTERM and, a second later, SIGKILL.
public enum PluginRunner {
    /// Most bytes a plugin may write on stdout.
    public static let maximumOutput = 10 * 1024 * 1024
    /// Most bytes of a plugin's stderr that are kept (the rest is read and dropped).
    public static let maximumErrorOutput = 64 * 1024
    /// Seconds between SIGTERM and SIGKILL.
    static let terminationGrace: TimeInterval = 1

    public static func diagnostics(for analyzed: AnalyzedDocument, configuration: Configuration) -> [Diagnostic] {
        let plugins = configuration.plugins
        guard !plugins.isEmpty else { return [] }
        let request = PluginRequest.data(for: analyzed)
        let lineCount = max(1, analyzed.document.sourceLines.count)
        let slots = PluginSlots.shared.semaphore(for: configuration)
        if plugins.count == 1 {
            return run(plugins[0], request: request, configuration: configuration, lineCount: lineCount, slots: slots)
        }
        let results = ConcurrentResults<[Diagnostic]>(count: plugins.count)
        DispatchQueue.concurrentPerform(iterations: plugins.count) { index in
            results[index] = run(plugins[index], request: request, configuration: configuration, lineCount: lineCount, slots: slots)
        }
        return results.values.flatMap { $0 }
    }

    static func run(_ plugin: Configuration.Plugin, request: Data, configuration: Configuration, lineCount: Int,
                    slots: DispatchSemaphore) -> [Diagnostic] {
        let executable: String
        switch resolve(plugin.command[0], configuration: configuration) {
        case .found(let path): executable = path
        case .notFound(let description): return [notFound(plugin, description)]
        case .notExecutable(let path):
            let shown = display(path, configuration: configuration)
            return [notFound(plugin, Message(da: "filen »\(shown)« er ikke kørbar (gør den kørbar med »chmod +x \(shown)«)",
                                             en: "the file \"\(shown)\" is not executable (make it so with \"chmod +x \(shown)\")"))]
        }
        slots.wait()
        defer { slots.signal() }
        let result: PluginProcess.Result
        do {
            result = try PluginProcess.run(
                executable: executable, arguments: Array(plugin.command.dropFirst()), argv0: plugin.command[0],
                directory: configuration.root?.path, input: request, timeout: plugin.timeout,
                outputLimit: maximumOutput, errorLimit: maximumErrorOutput)
        } catch {
            let shown = display(executable, configuration: configuration)
            let reason = String(cString: strerror(error.code))
            let danish = error.code == ENOEXEC ? "ukendt programformat (mangler en »#!«-linje øverst i scriptet?)" : reason
            let english = error.code == ENOEXEC ? "\(reason) (is a \"#!\" line missing at the top of the script?)" : reason
            return [notFound(plugin, Message(da: "»\(shown)« kunne ikke startes: \(danish)", en: "\"\(shown)\" could not be started: \(english)"))]
        }
        switch result.outcome {
        case .timedOut:
            let seconds = secondsText(plugin.timeout)
            return [failed(plugin,
                           da: "blev stoppet, fordi det ikke var færdigt inden for sin tidsgrænse på \(seconds.da) (timeout i indstil.yml)",
                           en: "was stopped because it did not finish within its time limit of \(seconds.en) (timeout in indstil.yml)")]
        case .outputTooLarge:
            let limit = maximumOutput / (1024 * 1024)
            return [failed(plugin, da: "blev stoppet, fordi det skrev mere end \(limit) MB på stdout",
                           en: "was stopped because it wrote more than \(limit) MB to stdout")]
        case .signaled(let signal):
            let name = signalName(signal)
            let signalText = "signal \(signal)\(name.map { ", \($0)" } ?? "")"
            let detail = firstLine(result.stderr).map { ": \($0)" } ?? ""
            return [failed(plugin, da: "gik ned (\(signalText))\(detail)", en: "crashed (\(signalText))\(detail)")]
        case .exited(let status) where status != 0:
            let line = firstLine(result.stderr)
            return [failed(plugin, da: "sluttede med status \(status): \(line ?? "(intet på stderr)")",
                           en: "exited with status \(status): \(line ?? "(nothing on stderr)")")]
        case .exited:
            switch parse(result.stdout, lineCount: lineCount) {
            case .success(let diagnostics): return diagnostics
            case .failure(let problem): return [failed(plugin, da: problem.da, en: problem.en)]
            }
        }
    }

    // MARK: - Finding the program

    enum Resolution: Equatable {
        case found(String)
        /// What was looked for, for the message.
        case notFound(Message)
        case notExecutable(String)
    }

    /// An absolute path as is; a path with "/" relative to the project root; a bare name
    /// in the plugin folders, then on PATH.
    static func resolve(_ name: String, configuration: Configuration) -> Resolution {
        let base = configuration.root ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        if name.contains("/") {
            let path = name.hasPrefix("/") ? URL(fileURLWithPath: name).standardizedFileURL.path
                : base.appendingPathComponent(name).standardizedFileURL.path
            switch fileKind(path) {
            case .executable: return .found(path)
            case .plain: return .notExecutable(path)
            case .missing:
                let shown = display(path, configuration: configuration)
                return .notFound(Message(da: "filen »\(shown)« findes ikke", en: "the file \"\(shown)\" does not exist"))
            }
        }
        let pathVariable = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        let folders = configuration.pluginFolders.map(\.path)
            + pathVariable.split(separator: ":").map(String.init)
        var nonExecutable: String?
        for folder in folders where !name.isEmpty {
            let candidate = URL(fileURLWithPath: folder, relativeTo: base).appendingPathComponent(name).standardizedFileURL.path
            switch fileKind(candidate) {
            case .executable: return .found(candidate)
            case .plain: nonExecutable = nonExecutable ?? candidate
            case .missing: continue
            }
        }
        if let nonExecutable { return .notExecutable(nonExecutable) }
        let place = configuration.pluginFolders.isEmpty ? (da: "på PATH", en: "on PATH") : (da: "i plugin_paths eller på PATH", en: "in plugin_paths or on PATH")
        return .notFound(Message(da: "programmet »\(name)« findes ikke \(place.da)", en: "the program \"\(name)\" is not \(place.en)"))
    }

    enum FileKind { case executable, plain, missing }

    static func fileKind(_ path: String) -> FileKind {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { return .missing }
        return access(path, X_OK) == 0 ? .executable : .plain
    }

    // MARK: - Reading the answer

    /// The plugin's diagnostics, or what is wrong with its answer.
    static func parse(_ output: Data, lineCount: Int) -> Result<[Diagnostic], Problem> {
        let shape = #"{"diagnostics": [{"check", "severity", "message", "line"}]}"#
        if output.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return .failure(Problem(da: "skrev intet på stdout; et plugin skal svare med \(shape)",
                                    en: "wrote nothing to stdout; a plugin must answer with \(shape)"))
        }
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: output, options: [.fragmentsAllowed])
        } catch {
            let reason = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? (error as NSError).localizedDescription
            let start = String(decoding: output.prefix(60), as: UTF8.self).foldingWhitespace
            return .failure(Problem(da: "skrev ikke gyldig JSON på stdout: \(reason) (stdout begynder med »\(start)«)",
                                    en: "did not write valid JSON to stdout: \(reason) (stdout starts with \"\(start)\")"))
        }
        func wrong(_ da: String, _ en: String) -> Result<[Diagnostic], Problem> {
            .failure(Problem(da: "svarede i et forkert format: \(da); forventet \(shape)",
                             en: "answered in the wrong format: \(en); expected \(shape)"))
        }
        guard let object = root as? [String: Any] else { return wrong("svaret er ikke et JSON-objekt", "the answer is not a JSON object") }
        guard let list = object["diagnostics"] else { return wrong("nøglen »diagnostics« mangler", "the key \"diagnostics\" is missing") }
        guard let items = list as? [Any] else { return wrong("»diagnostics« er ikke en liste", "\"diagnostics\" is not a list") }
        var diagnostics: [Diagnostic] = []
        for (index, item) in items.enumerated() {
            let at = "diagnostics[\(index)]"
            guard let entry = item as? [String: Any] else { return wrong("\(at) er ikke et objekt", "\(at) is not an object") }
            guard let check = (entry["check"] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines), !check.isEmpty,
                  !check.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 }) else {
                return wrong("\(at).check mangler, er tom eller indeholder mellemrum", "\(at).check is missing, empty or contains spaces")
            }
            let severityText = entry["severity"] as? String
            guard let severity = severityText.flatMap(Severity.init(rawValue:)) else {
                let got = severityText.map { " (ikke »\($0)«)" } ?? ""
                let gotEN = severityText.map { " (not \"\($0)\")" } ?? ""
                return wrong("\(at).severity skal være note, warning eller error\(got)", "\(at).severity must be note, warning or error\(gotEN)")
            }
            guard let message = message(entry["message"]) else {
                return wrong("\(at).message mangler eller er tom (tekst, eller {\"da\": …, \"en\": …})",
                             "\(at).message is missing or empty (text, or {\"da\": …, \"en\": …})")
            }
            guard let line = wholeNumber(entry["line"]), line >= 1 else {
                return wrong("\(at).line skal være et helt tal fra 1", "\(at).line must be a whole number from 1")
            }
            var column = 1
            if let raw = entry["column"], !(raw is NSNull) {
                guard let value = wholeNumber(raw), value >= 1 else {
                    return wrong("\(at).column skal være et helt tal fra 1", "\(at).column must be a whole number from 1")
                }
                column = value
            }
            diagnostics.append(Diagnostic(check: check, severity: severity, message: message, line: min(line, lineCount), column: column))
        }
        return .success(diagnostics)
    }

    /// What is wrong with a plugin's answer (the end of a sentence naming the plugin).
    struct Problem: Error {
        let da: String
        let en: String
    }

    /// A plugin's message: one text for both languages, or `{"da": …, "en": …}`.
    static func message(_ value: Any?) -> Message? {
        if let text = value as? String {
            let clean = cleaned(text)
            return clean.isEmpty ? nil : Message(da: clean, en: clean)
        }
        if let both = value as? [String: Any] {
            let da = (both["da"] as? String).map(cleaned) ?? ""
            let en = (both["en"] as? String).map(cleaned) ?? ""
            guard !da.isEmpty || !en.isEmpty else { return nil }
            return Message(da: da.isEmpty ? en : da, en: en.isEmpty ? da : en)
        }
        return nil
    }

    /// One line, without control characters, at most 2,000 characters.
    static func cleaned(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 })
        let folded = String(scalars).foldingWhitespace
        return folded.count > 2000 ? String(folded.prefix(2000)) + "…" : folded
    }

    /// A JSON number that is a whole number (not true/false).
    static func wholeNumber(_ value: Any?) -> Int? {
        guard let number = value as? NSNumber, String(cString: number.objCType) != "c" else { return nil }
        let double = number.doubleValue
        guard double.isFinite, double.rounded() == double, abs(double) < 1e15 else { return nil }
        return Int(double)
    }

    // MARK: - Messages

    static func failed(_ plugin: Configuration.Plugin, da: String, en: String) -> Diagnostic {
        Diagnostic(check: "plugin.failed", severity: .error,
                   message: Message(da: "Pluginet »\(plugin.name)« \(da)", en: "The plugin \"\(plugin.name)\" \(en)"),
                   line: 1)
    }

    static func notFound(_ plugin: Configuration.Plugin, _ what: Message) -> Diagnostic {
        failed(plugin, da: "kan ikke køres: \(what.da) (se »command« i indstil.yml)",
               en: "cannot run: \(what.en) (see \"command\" in indstil.yml)")
    }

    /// A path inside the project relative to its root, others as they are.
    static func display(_ path: String, configuration: Configuration) -> String {
        guard let root = configuration.root?.standardizedFileURL.path else { return path }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    static func secondsText(_ seconds: TimeInterval) -> (da: String, en: String) {
        let whole = seconds.rounded() == seconds
        let da = whole ? DanishFormat.integer(Int(seconds)) : DanishFormat.decimal(seconds)
        let en = whole ? String(Int(seconds)) : String(seconds)
        let one = whole && Int(seconds) == 1
        return (da + (one ? " sekund" : " sekunder"), en + (one ? " second" : " seconds"))
    }

    /// The first non-empty line of stderr, shortened.
    static func firstLine(_ stderr: Data) -> String? {
        let text = String(decoding: stderr, as: UTF8.self)
        guard let line = text.split(whereSeparator: \.isNewline).map({ cleaned(String($0)) }).first(where: { !$0.isEmpty }) else { return nil }
        return line.count > 300 ? String(line.prefix(300)) + "…" : line
    }

    static func signalName(_ signal: Int32) -> String? {
        let names: [Int32: String] = [
            SIGHUP: "SIGHUP", SIGINT: "SIGINT", SIGQUIT: "SIGQUIT", SIGILL: "SIGILL", SIGTRAP: "SIGTRAP",
            SIGABRT: "SIGABRT", SIGBUS: "SIGBUS", SIGFPE: "SIGFPE", SIGKILL: "SIGKILL", SIGUSR1: "SIGUSR1",
            SIGSEGV: "SIGSEGV", SIGUSR2: "SIGUSR2", SIGPIPE: "SIGPIPE", SIGALRM: "SIGALRM", SIGTERM: "SIGTERM",
            SIGXCPU: "SIGXCPU", SIGXFSZ: "SIGXFSZ", SIGSYS: "SIGSYS",
        ]
        return names[signal]
    }
}

/// One counting semaphore per project and concurrency, shared by every document of a
/// run, so `plugin_concurrency` bounds the plugin processes of the whole run.
final class PluginSlots: @unchecked Sendable {
    static let shared = PluginSlots()
    private var semaphores: [String: DispatchSemaphore] = [:]
    private let lock = NSLock()

    func semaphore(for configuration: Configuration) -> DispatchSemaphore {
        let count = max(1, configuration.pluginConcurrency)
        let key = "\(count)\u{0}\(configuration.root?.path ?? "")"
        lock.lock()
        defer { lock.unlock() }
        if let semaphore = semaphores[key] { return semaphore }
        let semaphore = DispatchSemaphore(value: count)
        semaphores[key] = semaphore
        return semaphore
    }
}

/// Runs one program with `posix_spawn`: its own process group, stdin fed from memory,
/// stdout and stderr read at the same time (one `poll` loop, so no pipe can fill up and
/// deadlock), a time limit and an output limit.
enum PluginProcess {
    enum Outcome: Equatable {
        case exited(Int32)
        case signaled(Int32)
        case timedOut
        case outputTooLarge
    }

    struct Result {
        let outcome: Outcome
        let stdout: Data
        let stderr: Data
    }

    /// The program could not be started; `code` is an errno value.
    struct SpawnError: Error {
        let code: Int32
    }

    /// - Parameter environment: the program's environment; nil for indstil's own.
    static func run(executable: String, arguments: [String], argv0: String, directory: String?, input: Data,
                    timeout: TimeInterval, outputLimit: Int, errorLimit: Int,
                    environment: [String: String]? = nil) throws(SpawnError) -> Result {
        // A write to a plugin that has closed its stdin must give EPIPE, not kill indstil.
        let sigpipe = SigpipeGuard()
        defer { sigpipe.restore() }

        var inputPipe = try makePipe()
        var outputPipe: (read: Int32, write: Int32)
        var errorPipe: (read: Int32, write: Int32)
        do { outputPipe = try makePipe() } catch { closeAll(inputPipe.read, inputPipe.write); throw error }
        do { errorPipe = try makePipe() } catch { closeAll(inputPipe.read, inputPipe.write, outputPipe.read, outputPipe.write); throw error }

        let pid: pid_t
        do {
            pid = try spawn(executable: executable, arguments: arguments, argv0: argv0, directory: directory,
                            stdin: inputPipe.read, stdout: outputPipe.write, stderr: errorPipe.write, environment: environment)
        } catch {
            closeAll(inputPipe.read, inputPipe.write, outputPipe.read, outputPipe.write, errorPipe.read, errorPipe.write)
            throw error
        }
        closeAll(inputPipe.read, outputPipe.write, errorPipe.write)
        inputPipe.read = -1
        #if canImport(Darwin)
        _ = fcntl(inputPipe.write, F_SETNOSIGPIPE, 1)
        #endif
        for fd in [inputPipe.write, outputPipe.read, errorPipe.read] {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }

        var stdinFD: Int32? = inputPipe.write
        var stdoutFD: Int32? = outputPipe.read
        var stderrFD: Int32? = errorPipe.read
        func closeFD(_ fd: inout Int32?) {
            if let open = fd { close(open) }
            fd = nil
        }
        defer {
            closeFD(&stdinFD)
            closeFD(&stdoutFD)
            closeFD(&stderrFD)
        }

        let bytes = [UInt8](input)
        var written = 0
        if bytes.isEmpty { closeFD(&stdinFD) }
        var output = Data()
        var errors = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let deadline = now() + nanoseconds(timeout)
        var exitStatus: Int32?
        var exitedAt: UInt64 = 0

        /// Reads what is there, keeping at most `limit` bytes (and one more, so a caller
        /// can tell the limit was passed when `stopWhenFull`); false at end of file or on an error.
        func drain(_ fd: Int32, into data: inout Data, keep limit: Int, stopWhenFull: Bool) -> Bool {
            while true {
                let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    let room = max(0, limit + 1 - data.count)
                    if room > 0 { data.append(contentsOf: buffer[0..<min(count, room)]) }
                    if stopWhenFull && data.count > limit { return true }
                    continue
                }
                if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) { return true }
                return false
            }
        }

        while true {
            if exitStatus == nil, hasExited(pid) {
                // Whatever the plugin left running in its group is not wanted any more.
                _ = kill(-pid, SIGKILL)
                exitStatus = reap(pid, waitingUpTo: 5)
                exitedAt = now()
                closeFD(&stdinFD)
            }
            if exitStatus != nil && stdoutFD == nil && stderrFD == nil { break }
            // A process that left the group may still hold the pipes: stop reading soon after.
            if exitStatus != nil && now() > exitedAt + nanoseconds(PluginRunner.terminationGrace) { break }
            if exitStatus == nil && now() >= deadline {
                closeFD(&stdinFD)
                closeFD(&stdoutFD)
                closeFD(&stderrFD)
                terminate(pid)
                return Result(outcome: .timedOut, stdout: Data(), stderr: errors)
            }

            var fds: [pollfd] = []
            if let fd = stdinFD { fds.append(pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)) }
            if let fd = stdoutFD { fds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0)) }
            if let fd = stderrFD { fds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0)) }
            let current = now()
            let remaining = exitStatus == nil && deadline > current ? deadline - current : 25_000_000
            let wait = Int32(min(25, max(1, remaining / 1_000_000)))
            let ready = fds.withUnsafeMutableBufferPointer { poll($0.baseAddress, nfds_t($0.count), wait) }
            if ready <= 0 { continue }

            for entry in fds where entry.revents != 0 {
                if entry.fd == stdinFD {
                    let count = bytes.withUnsafeBytes { write(entry.fd, $0.baseAddress! + written, min(65_536, bytes.count - written)) }
                    if count > 0 {
                        written += count
                        if written == bytes.count { closeFD(&stdinFD) }
                    } else if count < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR {
                        closeFD(&stdinFD)  // EPIPE: the plugin does not read (all of) its request
                    }
                } else if entry.fd == stdoutFD {
                    if !drain(entry.fd, into: &output, keep: outputLimit, stopWhenFull: true) { closeFD(&stdoutFD) }
                    if output.count > outputLimit {
                        closeFD(&stdinFD)
                        closeFD(&stdoutFD)
                        closeFD(&stderrFD)
                        if exitStatus == nil { terminate(pid) }
                        return Result(outcome: .outputTooLarge, stdout: Data(), stderr: errors)
                    }
                } else if entry.fd == stderrFD {
                    if !drain(entry.fd, into: &errors, keep: errorLimit - 1, stopWhenFull: false) { closeFD(&stderrFD) }
                }
            }
        }

        let status = exitStatus ?? 0
        let outcome: Outcome = status & 0x7F == 0 ? .exited((status >> 8) & 0xFF) : .signaled(status & 0x7F)
        return Result(outcome: outcome, stdout: output, stderr: errors)
    }

    // MARK: - Processes

    /// True when the child has ended; it is left a zombie (not reaped), so its process
    /// group id cannot be reused before `reap`.
    static func hasExited(_ pid: pid_t) -> Bool {
        var info = siginfo_t()
        guard waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 else { return errno == ECHILD }
        #if canImport(Darwin)
        return info.si_pid == pid
        #else
        return info._sifields._kill.si_pid == pid
        #endif
    }

    /// The wait status of an ended child; nil if it does not end within `seconds`.
    @discardableResult
    static func reap(_ pid: pid_t, waitingUpTo seconds: TimeInterval) -> Int32? {
        let limit = now() + nanoseconds(seconds)
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { return status }
            if result < 0 && errno != EINTR { return 0 }
            if now() > limit { return nil }
            usleep(5_000)
        }
    }

    /// SIGTERM to the group, SIGKILL a second later, then reap.
    static func terminate(_ pid: pid_t) {
        if kill(-pid, SIGTERM) != 0 { _ = kill(pid, SIGTERM) }
        let limit = now() + nanoseconds(PluginRunner.terminationGrace)
        while !hasExited(pid) && now() < limit { usleep(10_000) }
        _ = kill(-pid, SIGKILL)
        _ = kill(pid, SIGKILL)
        reap(pid, waitingUpTo: 5)
    }

    static func spawn(executable: String, arguments: [String], argv0: String, directory: String?,
                      stdin: Int32, stdout: Int32, stderr: Int32, environment: [String: String]? = nil) throws(SpawnError) -> pid_t {
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t? = nil
        var attributes: posix_spawnattr_t? = nil
        #else
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)

        var program = executable
        var argv = [argv0] + arguments
        if let directory {
            #if canImport(Darwin)
            posix_spawn_file_actions_addchdir_np(&actions, directory)
            #else
            if let addChdir = LinuxSpawnExtras.addChdir {
                _ = addChdir(&actions, directory)
            } else {
                // glibc before 2.29: let a shell change folder, then exec the plugin.
                program = "/bin/sh"
                argv = ["sh", "-c", "cd -- \"$0\" && exec \"$@\"", directory, executable] + arguments
            }
            #endif
        }
        #if !canImport(Darwin)
        if let closeFrom = LinuxSpawnExtras.addCloseFrom { _ = closeFrom(&actions, 3) }
        #endif

        var flags = Int32(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
        #if canImport(Darwin)
        flags |= Int32(POSIX_SPAWN_CLOEXEC_DEFAULT)
        #endif
        posix_spawnattr_setflags(&attributes, Int16(flags))
        posix_spawnattr_setpgroup(&attributes, 0)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGCHLD, SIGALRM, SIGUSR1, SIGUSR2] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)

        let environment = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        var cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        var cEnvironment: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
        defer {
            for pointer in cArguments { free(pointer) }
            for pointer in cEnvironment { free(pointer) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, program, &actions, &attributes, &cArguments, &cEnvironment)
        guard result == 0 else { throw SpawnError(code: result) }
        return pid
    }

    // MARK: - Pipes and time

    /// A pipe whose ends are closed on exec (so no other spawned program inherits them)
    /// and are not 0, 1 or 2.
    static func makePipe() throws(SpawnError) -> (read: Int32, write: Int32) {
        var fds: [Int32] = [-1, -1]
        #if canImport(Darwin)
        guard pipe(&fds) == 0 else { throw SpawnError(code: errno) }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        #else
        if let pipe2 = LinuxSpawnExtras.pipe2 {
            guard pipe2(&fds, O_CLOEXEC) == 0 else { throw SpawnError(code: errno) }
        } else {
            guard pipe(&fds) == 0 else { throw SpawnError(code: errno) }
            for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        }
        #endif
        for index in fds.indices where fds[index] < 3 {
            let moved = fcntl(fds[index], F_DUPFD_CLOEXEC, 3)
            close(fds[index])
            fds[index] = moved
        }
        guard fds[0] >= 0, fds[1] >= 0 else {
            closeAll(fds[0], fds[1])
            throw SpawnError(code: EMFILE)
        }
        return (fds[0], fds[1])
    }

    static func closeAll(_ fds: Int32...) {
        for fd in fds where fd >= 0 { close(fd) }
    }

    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    static func nanoseconds(_ seconds: TimeInterval) -> UInt64 {
        UInt64(max(0, min(seconds, 86_400)) * 1_000_000_000)
    }
}

/// Keeps SIGPIPE from killing indstil while this thread writes to a plugin. Linux: the
/// signal is blocked in this thread and a pending one is consumed before unblocking.
/// Darwin uses F_SETNOSIGPIPE on the pipe instead.
struct SigpipeGuard {
    #if !canImport(Darwin)
    private var previous = sigset_t()
    #endif

    init() {
        #if !canImport(Darwin)
        var block = sigset_t()
        sigemptyset(&block)
        sigaddset(&block, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &block, &previous)
        #endif
    }

    func restore() {
        #if !canImport(Darwin)
        var previous = self.previous
        guard sigismember(&previous, SIGPIPE) == 0 else { return }
        var pending = sigset_t()
        sigpending(&pending)
        if sigismember(&pending, SIGPIPE) == 1 {
            var only = sigset_t()
            sigemptyset(&only)
            sigaddset(&only, SIGPIPE)
            var zero = timespec(tv_sec: 0, tv_nsec: 0)
            _ = sigtimedwait(&only, nil, &zero)
        }
        pthread_sigmask(SIG_SETMASK, &previous, nil)
        #endif
    }
}

#if !canImport(Darwin)
/// glibc functions Swift does not import without _GNU_SOURCE, looked up at run time.
enum LinuxSpawnExtras {
    typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
    typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    nonisolated(unsafe) private static let handle = dlopen(nil, RTLD_NOW)
    static let pipe2: Pipe2? = dlsym(handle, "pipe2").map { unsafeBitCast($0, to: Pipe2.self) }
    static let addChdir: AddChdir? = dlsym(handle, "posix_spawn_file_actions_addchdir_np").map { unsafeBitCast($0, to: AddChdir.self) }
    static let addCloseFrom: AddCloseFrom? = dlsym(handle, "posix_spawn_file_actions_addclosefrom_np").map { unsafeBitCast($0, to: AddCloseFrom.self) }
}
#endif
