import Foundation
import PackagePlugin

/// `swift package indstil-check [ARGUMENTS…]`: runs `indstil check` in a Swift package.
///
/// Without arguments it checks the whole package folder; any arguments are passed on to
/// `indstil check` (paths, `--format sarif`, `--strict` …). The exit code is indstil's:
/// findings at error level fail the command, so CI can gate on it.
@main
struct IndstilCheckPlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let tool = try context.tool(named: "indstil")
        let process = Process()
        process.executableURL = tool.url
        process.currentDirectoryURL = context.package.directoryURL
        process.arguments = ["check"] + (arguments.isEmpty ? [context.package.directoryURL.path] : arguments)
        try process.run()
        process.waitUntilExit()
        if process.terminationReason == .uncaughtSignal {
            Diagnostics.error("indstil stoppede uventet (signal \(process.terminationStatus))")
            throw IndstilCheckFailed(status: process.terminationStatus)
        }
        if process.terminationStatus != 0 {
            Diagnostics.error(process.terminationStatus == 1
                ? "indstil check fandt fejl"
                : "indstil check kunne ikke køre (exit \(process.terminationStatus))")
            throw IndstilCheckFailed(status: process.terminationStatus)
        }
    }
}

struct IndstilCheckFailed: Error, CustomStringConvertible {
    let status: Int32
    var description: String { "indstil check endte med exit-kode \(status)" }
}
