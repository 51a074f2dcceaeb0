import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// The diagnostics of one packet build, per file: the manifest first, then every other
/// file it names in path order. A file is listed once it has been looked at, even
/// without findings.
package struct ReportCollector {
    package let manifestPath: String
    private var diagnostics: [String: [Diagnostic]]

    package init(manifestPath: String) {
        self.manifestPath = manifestPath
        diagnostics = [manifestPath: []]
    }

    package mutating func add(_ path: String, _ found: [Diagnostic]) {
        diagnostics[path, default: []] += found
    }

    /// A finding about the manifest itself.
    package mutating func add(_ diagnostic: Diagnostic) {
        add(manifestPath, [diagnostic])
    }

    package mutating func add(_ found: [LocatedDiagnostic]) {
        for located in found { add(located.path, [located.diagnostic]) }
    }

    package func has(_ path: String) -> Bool { !(diagnostics[path] ?? []).isEmpty }

    /// At their configured severities, in output order.
    package func reports(_ workspace: Workspace) -> [FileReport] {
        let others = diagnostics.keys.filter { $0 != manifestPath }.sorted()
        return ([manifestPath] + others).map { path in
            FileReport(path: path, diagnostics: Diagnostic.sortedForOutput(workspace.applyingConfiguredSeverity(diagnostics[path] ?? [])))
        }
    }
}
