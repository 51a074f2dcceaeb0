import Foundation
import Hummingbird
import IndstilCore

/// Who may use the workspace, as Jupyter does it. The start line prints
/// `http://127.0.0.1:PORT/?token=SECRET`; the first visit with it trades the secret for a
/// cookie (`HttpOnly; SameSite=Strict; Path=/`, a value of its own) and is sent on to `/`
/// without the secret in the address. After that the address with the secret is refused:
/// it is a one-time start secret. Every request must then carry the cookie or the header
/// `X-Indstil-Token: SECRET` (scripts, tests); no page, error page or JSON answer ever
/// carries either value. A change (POST, PUT) with only the cookie must also come with this
/// server's `Origin`, which browsers send with every such request.
final class WorkspaceAccess: Sendable {
    static let tokenHeader = HTTPFields.Element.Name("X-Indstil-Token")!

    /// The start secret (the start address and `X-Indstil-Token`).
    let token: String
    /// The cookie's value.
    let session: String
    /// Whether the start secret has been traded for the cookie.
    private let traded = Locked(false)

    init(token: String, session: String = ServerIdentity.newToken()) {
        self.token = token
        self.session = session
    }

    /// The cookie's name: one per port, so two workspaces on one machine keep their own.
    func cookieName(port: Int) -> String { "indstil_\(port)" }

    /// Trades the start secret for the cookie, once: true the first time the right secret is shown.
    func trade(_ offered: String) -> Bool {
        guard Self.constantTimeEqual(offered, token) else { return false }
        return traded.withLock { traded in
            if traded { return false }
            traded = true
            return true
        }
    }

    /// `Set-Cookie` for the session.
    func setCookie(port: Int) -> String { "\(cookieName(port: port))=\(session); HttpOnly; SameSite=Strict; Path=/" }

    /// How the request shows who it is.
    enum Credential { case header, cookie, none }

    func credential(of request: Request, port: Int) -> Credential {
        if let offered = request.headers[Self.tokenHeader], Self.constantTimeEqual(offered, token) { return .header }
        let name = cookieName(port: port)
        for field in request.headers[values: .cookie] {
            for pair in field.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if parts.count == 2, parts[0] == name, Self.constantTimeEqual(parts[1], session) { return .cookie }
            }
        }
        return .none
    }

    /// The value of `token=` in a query, if any.
    static func offeredToken(inQuery query: String?) -> String? {
        guard let query, !query.isEmpty else { return nil }
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.first == "token" { return parts.count == 2 ? (String(parts[1]).removingPercentEncoding ?? String(parts[1])) : "" }
        }
        return nil
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
