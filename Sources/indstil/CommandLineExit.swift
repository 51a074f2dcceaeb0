import ArgumentParser
import Foundation
import IndstilCore

/// How `indstil` ends when a command throws (exit codes: 0 no errors, 1 findings at error
/// level, 2 the command could not run). This is the command line's one catch:
/// - `ExitCode`: the code a command chose (1 for findings);
/// - anything that reads as an `IndstilError`: "indstil: fejl: file:line: message" on
///   standard error, in the language of `--lang`, and its exit code (2);
/// - ArgumentParser's own errors: its usage message (in Danish unless `--lang en`), or the
///   help and version it prints.
enum CommandLineExit {
    static func exit(for error: any Error, arguments: [String]) -> Never {
        if let exit = error as? ExitCode { Foundation.exit(exit.rawValue) }
        if let convertible = error as? any IndstilErrorConvertible {
            let failure = convertible.indstilError
            let language = language(in: arguments)
            let prefix = language == .da ? "indstil: fejl: " : "indstil: error: "
            FileHandle.standardError.write(Data((prefix + failure.text(language) + "\n").utf8))
            Foundation.exit(failure.exitCode)
        }
        if Indstil.exitCode(for: error) == .success {  // --help, --version: on standard output, exit 0
            let text = Indstil.fullMessage(for: error)
            FileHandle.standardOutput.write(Data(((language(in: arguments) == .da ? UsageMessageDanish.help(text) : text) + "\n").utf8))
            Foundation.exit(0)
        }
        // A usage error: swift-argument-parser's message, in Danish unless --lang en.
        let message = Indstil.fullMessage(for: error)
        let text = language(in: arguments) == .da ? UsageMessageDanish.translate(message) : message
        FileHandle.standardError.write(Data((text + "\n").utf8))
        Foundation.exit(2)
    }

    /// The language asked for with `--lang en` or `--lang=en` (Danish otherwise). Read from
    /// the arguments, not the parsed command: an error can come before or during parsing.
    static func language(in arguments: [String]) -> Language {
        var value: String?
        for (index, argument) in arguments.enumerated() {
            if argument == "--" { break }
            if argument == "--lang", index + 1 < arguments.count { value = arguments[index + 1] }
            if argument.hasPrefix("--lang=") { value = String(argument.dropFirst("--lang=".count)) }
        }
        return value.flatMap(Language.init(rawValue:)) ?? .da
    }
}

extension IndstilError {
    static func unknownProfile(_ id: String, known: [String]) -> IndstilError {
        IndstilError(da: "Profilen »\(id)« findes ikke; kendte profiler: \(known.joined(separator: ", "))",
                     en: "The profile \"\(id)\" does not exist; known profiles: \(known.joined(separator: ", "))")
    }
}
