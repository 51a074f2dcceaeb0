import Hummingbird
import IndstilCore

/// A request the server does not carry out, with the status and the Danish sentence the
/// user sees: as JSON for `/api/…`, as a page otherwise. Never a stack trace. It is the one
/// error the router catches: any other error becomes one (`init(_:)`).
struct Refusal: Error, Sendable {
    let status: HTTPResponse.Status
    let message: String

    init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    /// Any error as the answer to a request: a refusal as it is; anything else (a file that
    /// could not be written, a packet that failed) is the server's failure, in the user's words.
    init(_ error: any Error) {
        if let refusal = error as? Refusal {
            self = refusal
        } else {
            self.init(.internalServerError, IndstilError(error).text(.da))
        }
    }

    static func notFound(_ path: String) -> Refusal {
        Refusal(.notFound, "»\(path)« findes ikke i projektet.")
    }

    /// A file the workspace does not show (configuration, plugin sources, arbitrary files).
    static func notShown(_ path: String) -> Refusal {
        Refusal(.forbidden, "»\(path)« er ikke et dokument eller en pakke, som arbejdsrummet viser.")
    }

    /// A FIFO, a device, a socket or a symbolic link where a file was expected.
    static func notRegular(_ path: String) -> Refusal {
        Refusal(.forbidden, "»\(path)« er ikke en almindelig fil (fx en FIFO, en enhed eller en genvej) og bruges ikke.")
    }

    static let outsideProject = Refusal(.forbidden, "Stien peger uden for projektet; kun filer i projektmappen kan åbnes.")
}
