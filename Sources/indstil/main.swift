import ArgumentParser
import Foundation
import IndstilCore

// Exit codes (contract §3): 0 no errors, 1 findings at error level, 2 the command could not run.
do {
    var command = try Indstil.parseAsRoot()
    try command.run()
} catch let exit as ExitCode {
    Foundation.exit(exit.rawValue)
} catch let usage as UsageError {
    FileHandle.standardError.write(Data("indstil: fejl: \(usage.description)\n".utf8))
    Foundation.exit(2)
} catch {
    let code = Indstil.exitCode(for: error)
    if code == .success {
        Indstil.exit(withError: error)  // --help, --version
    }
    FileHandle.standardError.write(Data((Indstil.fullMessage(for: error) + "\n").utf8))
    Foundation.exit(2)
}
