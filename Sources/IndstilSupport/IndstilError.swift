/// Why a command or a request could not be carried out, as the user reads it: the sentence
/// in Danish and English, the file and line it is about when there is one, and the exit code.
///
/// It is the one error the command line catches (`indstil` prints `text(_:)` in the
/// language of `--lang` and exits with `exitCode`) and the one the workspace server turns
/// into an answer. Errors of the layers below stay typed where they are thrown
/// (`AtomicFile.Failure`, `PacketFailure` …) and say how they read through
/// `IndstilErrorConvertible`; `IndstilError(error)` finds that for any error.
public struct IndstilError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: Message
    /// The file the error is about, as the user named it; nil when it is about none.
    public var file: String?
    public var line: Int?
    public var column: Int?
    /// 2: the command could not run (every failure but findings); 1: findings at error level.
    public var exitCode: Int32

    public init(_ message: Message, file: String? = nil, line: Int? = nil, column: Int? = nil, exitCode: Int32 = 2) {
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.exitCode = exitCode
    }

    public init(da: String, en: String, file: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.init(Message(da: da, en: en), file: file, line: line, column: column)
    }

    /// How any error reads: its own words when it has them, else the system's description
    /// (never a crash, never an empty message).
    public init(_ error: any Error) {
        if let convertible = error as? any IndstilErrorConvertible {
            self = convertible.indstilError
        } else {
            let text = String(describing: error)
            self.init(da: "uventet fejl: \(text)", en: "unexpected error: \(text)")
        }
    }

    /// "file:line:column: message", each part only when known. Control characters (ESC …)
    /// are escaped, so a message quoting document text cannot steer the terminal; every
    /// line of the message stays a line.
    public func text(_ language: Language) -> String {
        var place = ""
        if let file {
            place = file
            if let line {
                place += ":\(line)"
                if let column { place += ":\(column)" }
            }
            place += ": "
        }
        let lines = (place + message.text(language)).split(separator: "\n", omittingEmptySubsequences: false)
        return lines.map { String($0).escapingControlCharacters }.joined(separator: "\n")
    }

    public var description: String { text(.da) }
}

/// An error that knows how it reads to the user (`IndstilError`).
public protocol IndstilErrorConvertible: Error {
    var indstilError: IndstilError { get }
}

extension IndstilError: IndstilErrorConvertible {
    public var indstilError: IndstilError { self }
}
