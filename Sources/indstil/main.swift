import ArgumentParser
import Foundation
import IndstilCore

AllocatorTuning.apply()
ChildProcesses.adoptOrphans()
Interruption.install()
do {
    var command = try Indstil.parseAsRoot()
    // Whatever the command (check, bundle, an agenda …) and however it ends, the Danish
    // dictionary's new answers are kept for the next run.
    defer { SpellingDictionary.keepAnswersIfUsed() }
    try command.run()
} catch {
    CommandLineExit.exit(for: error, arguments: CommandLine.arguments)
}
