import ArgumentParser
import Foundation
import IndstilCore

// Exit codes (contract §3): 0 no errors, 1 findings at error level, 2 the command could not run.
AllocatorTuning.apply()
ChildProcesses.adoptOrphans()
Interruption.install()
do {
    var command = try Indstil.parseAsRoot()
    try command.run()
} catch let exit as ExitCode {
    Foundation.exit(exit.rawValue)
} catch let failure as AtomicFile.Failure {
    // An output that could not be written: the file and the reason, in Danish.
    FileHandle.standardError.write(Data("indstil: fejl: \(failure.description.escapingControlCharacters)\n".utf8))
    Foundation.exit(2)
} catch let failure as PacketFailure {
    // A packet that could not be written: the step's file and reason, in Danish.
    FileHandle.standardError.write(Data("indstil: fejl: \(failure.description.escapingControlCharacters)\n".utf8))
    Foundation.exit(2)
} catch let usage as UsageError {
    // Messages may quote document text: every line of the message stays a line of its own,
    // with control characters (ESC …) escaped.
    let lines = usage.description.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).escapingControlCharacters }
    FileHandle.standardError.write(Data("indstil: fejl: \(lines.joined(separator: "\n"))\n".utf8))
    Foundation.exit(2)
} catch {
    let code = Indstil.exitCode(for: error)
    if code == .success {
        Indstil.exit(withError: error)  // --help, --version
    }
    FileHandle.standardError.write(Data((Indstil.fullMessage(for: error) + "\n").utf8))
    Foundation.exit(2)
}
