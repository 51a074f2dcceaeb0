import Foundation
import IndstilSupport
import IndstilDocument
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
/// timeout, too much output) the group gets SIGTERM and, a second later, SIGKILL
/// (`Subprocess` runs it).
public enum PluginRunner {
    /// Most bytes a plugin may write on stdout.
    public static let maximumOutput = 10 * 1024 * 1024
    /// Most bytes of a plugin's stderr that are kept (the rest is read and dropped).
    public static let maximumErrorOutput = 64 * 1024

    public static func diagnostics(for analyzed: AnalyzedDocument, configuration: Configuration) -> [Diagnostic] {
        let plugins = configuration.plugins
        guard !plugins.isEmpty else { return [] }
        let request = PluginRequest.data(for: analyzed)
        // The last line with text: a final line break does not start a line of its own.
        let lines = analyzed.document.sourceLines
        let lineCount = max(1, lines.last?.isEmpty == true ? lines.count - 1 : lines.count)
        let slots = PluginSlots.shared.semaphore(for: configuration)
        if plugins.count == 1 {
            return run(plugins[0], request: request, configuration: configuration, lineCount: lineCount, slots: slots)
        }
        return ParallelWork.map(plugins) { plugin in
            run(plugin, request: request, configuration: configuration, lineCount: lineCount, slots: slots)
        }.flatMap { $0 }
    }

    package static func run(_ plugin: Configuration.Plugin, request: Data, configuration: Configuration, lineCount: Int,
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
        let result: Subprocess.Result
        do {
            result = try Subprocess.run(
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
            switch parse(result.stdout, plugin: plugin.name, lineCount: lineCount) {
            case .success(let diagnostics): return diagnostics
            case .failure(let problem): return [failed(plugin, da: problem.da, en: problem.en)]
            }
        }
    }

    // MARK: - Finding the program

    package enum Resolution: Equatable {
        case found(String)
        /// What was looked for, for the message.
        case notFound(Message)
        case notExecutable(String)
    }

    /// An absolute path as is; a path with "/" relative to the project root; a bare name
    /// in the plugin folders, then on PATH.
    package static func resolve(_ name: String, configuration: Configuration) -> Resolution {
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
        let folders = configuration.pluginFolders.map(\.path) + Subprocess.pathFolders()
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

    package enum FileKind { case executable, plain, missing }

    static func fileKind(_ path: String) -> FileKind {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { return .missing }
        return access(path, X_OK) == 0 ? .executable : .plain
    }

    // MARK: - Reading the answer

    /// The plugin's diagnostics, or what is wrong with its answer. Every check id must
    /// start with the plugin's name and a dot ("ordliste.forbudt-ord"): a plugin cannot
    /// speak as a built-in check or as another plugin.
    package static func parse(_ output: Data, plugin name: String, lineCount: Int) -> Result<[Diagnostic], Problem> {
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
            guard check.hasPrefix(name + "."), check.count > name.count + 1 else {
                return wrong("\(at).check »\(check)« skal begynde med pluginets navn, »\(name).«",
                             "\(at).check \"\(check)\" must start with the plugin's name, \"\(name).\"")
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
    package struct Problem: Error {
        package let da: String
        package let en: String
    }

    /// A plugin's message: one text for both languages, or `{"da": …, "en": …}`.
    package static func message(_ value: Any?) -> Message? {
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
    package static func cleaned(_ text: String) -> String {
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

    package static func failed(_ plugin: Configuration.Plugin, da: String, en: String) -> Diagnostic {
        CheckRegistry.pluginFailed.diagnostic("Pluginet »\(plugin.name)« \(da)", "The plugin \"\(plugin.name)\" \(en)", line: 1)
    }

    package static func notFound(_ plugin: Configuration.Plugin, _ what: Message) -> Diagnostic {
        failed(plugin, da: "kan ikke køres: \(what.da) (se »command« i indstil.yml)",
               en: "cannot run: \(what.en) (see \"command\" in indstil.yml)")
    }

    /// A path inside the project relative to its root, others as they are.
    package static func display(_ path: String, configuration: Configuration) -> String {
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
    package static func firstLine(_ stderr: Data) -> String? {
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
final class PluginSlots: Sendable {
    package static let shared = PluginSlots()
    private let semaphores = Locked<[String: DispatchSemaphore]>([:])

    func semaphore(for configuration: Configuration) -> DispatchSemaphore {
        let count = max(1, configuration.pluginConcurrency)
        let key = "\(count)\u{0}\(configuration.root?.path ?? "")"
        return semaphores.withLock { semaphores in
            if let semaphore = semaphores[key] { return semaphore }
            let semaphore = DispatchSemaphore(value: count)
            semaphores[key] = semaphore
            return semaphore
        }
    }
}
