import ArgumentParser
import Foundation
import IndstilCore

AllocatorTuning.apply()
ChildProcesses.adoptOrphans()
Interruption.install()
do {
    var command = try Indstil.parseAsRoot()
    try command.run()
} catch {
    CommandLineExit.exit(for: error, arguments: CommandLine.arguments)
}
