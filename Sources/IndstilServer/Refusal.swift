import Hummingbird

/// A request the server does not carry out, with the status and the Danish sentence the
/// user sees: as JSON for `/api/…`, as a page otherwise. Never a stack trace.
struct Refusal: Error, Sendable {
    let status: HTTPResponse.Status
    let message: String

    init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    static func notFound(_ path: String) -> Refusal {
        Refusal(.notFound, "»\(path)« findes ikke i projektet.")
    }

    static let outsideProject = Refusal(.forbidden, "Stien peger uden for projektet; kun filer i projektmappen kan åbnes.")
}
