import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// The diagnostics of one packet build, per file: the manifest first, then every other
/// file it names in path order. A file is listed once it has been looked at, even
/// without findings.
struct ReportCollector {
    let manifestPath: String
    private var diagnostics: [String: [Diagnostic]]

    init(manifestPath: String) {
        self.manifestPath = manifestPath
        diagnostics = [manifestPath: []]
    }

    mutating func add(_ path: String, _ found: [Diagnostic]) {
        diagnostics[path, default: []] += found
    }

    /// A finding about the manifest itself.
    mutating func add(_ diagnostic: Diagnostic) {
        add(manifestPath, [diagnostic])
    }

    mutating func add(_ found: [LocatedDiagnostic]) {
        for located in found { add(located.path, [located.diagnostic]) }
    }

    func has(_ path: String) -> Bool { !(diagnostics[path] ?? []).isEmpty }

    /// At their configured severities, in output order.
    func reports(_ workspace: Workspace) -> [FileReport] {
        let others = diagnostics.keys.filter { $0 != manifestPath }.sorted()
        return ([manifestPath] + others).map { path in
            FileReport(path: path, diagnostics: Diagnostic.sortedForOutput(workspace.applyingConfiguredSeverity(diagnostics[path] ?? [])))
        }
    }
}
