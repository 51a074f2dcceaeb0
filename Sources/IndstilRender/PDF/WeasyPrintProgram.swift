import Foundation
import IndstilSupport

/// The WeasyPrint a set runs, as found once per process: how to start it, and what names
/// its output in the `ContentCache`.
///
/// WeasyPrint is a Python program. When the program found is a Python script (Debian's
/// `/usr/bin/weasyprint`, the one `make deps` puts in `.venv-weasyprint/`), indstil starts
/// its interpreter with a few lines of its own (`launcher`) that turn off Python's cyclic
/// garbage collector before WeasyPrint's `main` runs: a set is one short run whose objects
/// live until it ends, and the collector walking the growing heap of a 600-page packet again
/// and again cost 40 % of its time (59 s of the 200-appendix bench bundle, against 35 s
/// without). Anything else named by `INDSTIL_WEASYPRINT` (a wrapper script, another build)
/// runs as it is.
package struct WeasyPrintProgram: Sendable {
    /// What is started.
    package let executable: String
    /// What comes before WeasyPrint's own arguments (`-c launcher`), for a Python script.
    package let leadingArguments: [String]
    /// The files that decide its output: the program, its interpreter, the WeasyPrint package,
    /// and the fonts, libraries and qpdf (`CacheFolder.environmentIdentity`). nil when the first
    /// three cannot all be found: then nothing it sets is cached.
    package let identity: String?

    /// Turns off the cyclic collector and needless second layouts (`WeasyPrintRelayout`), then
    /// runs WeasyPrint's command line as the script does.
    /// First of all it takes the current folder (`-c` puts it first) off the module path: a
    /// `json.py` in the project must never be imported.
    static let launcher = """
    import sys
    if sys.path and sys.path[0] in ("", "."): del sys.path[0]
    import gc
    gc.disable()
    \(WeasyPrintLibraries.python)
    \(WeasyPrintRelayout.python)
    \(WeasyPrintLinkTags.python)
    \(WeasyPrintArtifacts.python)
    \(WeasyPrintPageStyles.python)
    from weasyprint.__main__ import main
    sys.argv[0] = "weasyprint"
    sys.exit(main())
    """

    /// The program for `name` (a name on PATH or a path); nil when it is not there. Found anew
    /// each time (a few `stat`s): a workspace runs for days, and WeasyPrint or the fonts may
    /// be updated under it.
    package static func named(_ name: String) -> WeasyPrintProgram? {
        guard let url = ExternalProgram.find(name) else { return nil }
        return WeasyPrintProgram(resolving: url.path)
    }

    init(resolving path: String) {
        let script = CacheFolder.realPath(path) ?? path
        guard let interpreter = Self.pythonInterpreter(of: script), let package = Self.weasyPrintPackage(near: interpreter) else {
            executable = path
            leadingArguments = []
            identity = nil
            return
        }
        executable = interpreter
        leadingArguments = ["-c", Self.launcher]
        let files = [script, interpreter, package]
        let identities = files.compactMap(CacheFolder.fileIdentity)
        identity = identities.count == files.count ? (identities + [CacheFolder.environmentIdentity()]).joined(separator: "\n") : nil
    }

    /// The interpreter of a `#!/…/python3` script that runs WeasyPrint's `main`; nil for anything else.
    static func pythonInterpreter(of script: String) -> String? {
        guard FileKind.isRegularFile(URL(fileURLWithPath: script)),
              let handle = FileHandle(forReadingAtPath: script), let head = try? handle.read(upToCount: 2048) else { return nil }
        try? handle.close()
        let text = String(decoding: head, as: UTF8.self)
        guard text.hasPrefix("#!/"), text.contains("from weasyprint.__main__ import main"),
              let line = text.split(separator: "\n", maxSplits: 1).first else { return nil }
        let interpreter = String(line.dropFirst(2)).trimmingCharacters(in: .whitespaces)
        guard !interpreter.contains(" "), (interpreter as NSString).lastPathComponent.hasPrefix("python"),
              FileManager.default.isExecutableFile(atPath: interpreter) else { return nil }
        return interpreter
    }

    /// WeasyPrint's `__init__.py` where `interpreter` imports it from: Debian's
    /// `/usr/lib/python3/dist-packages`, or a virtual environment's `lib/python3.N/site-packages`.
    static func weasyPrintPackage(near interpreter: String) -> String? {
        let prefix = ((interpreter as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent
        var candidates = ["\(prefix)/lib/python3/dist-packages/weasyprint/__init__.py"]
        if let versions = try? FileManager.default.contentsOfDirectory(atPath: "\(prefix)/lib") {
            for version in versions.sorted() where version.hasPrefix("python3.") {
                candidates.append("\(prefix)/lib/\(version)/site-packages/weasyprint/__init__.py")
                candidates.append("\(prefix)/lib/\(version)/dist-packages/weasyprint/__init__.py")
            }
        }
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }
}
