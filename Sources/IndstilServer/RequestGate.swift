import Hummingbird

/// What every request passes before it is carried out: its `Host` must be this server,
/// its `Origin` (when sent) this server's address, and a change must carry the token.
struct RequestGate: Sendable {
    static let tokenHeader = HTTPFields.Element.Name("X-Indstil-Token")!

    let identity: ServerIdentity

    func admit(_ request: Request) throws(Refusal) {
        // HTTP/1's Host header arrives as the request's authority.
        let host = (request.head.authority ?? "").lowercased()
        guard identity.acceptedHosts.contains(host) else {
            throw Refusal(.forbidden, "Forespørgslen er afvist: værten »\(host)« er ikke denne server (\(identity.authority)).")
        }
        if let origin = request.headers[.origin] {
            let accepted = identity.acceptedHosts.map { "http://\($0)" }
            guard accepted.contains(origin.lowercased()) else {
                throw Refusal(.forbidden, "Forespørgslen er afvist: den kommer fra et andet websted (»\(origin)«).")
            }
        }
        if request.method != .get && request.method != .head {
            guard let token = request.headers[Self.tokenHeader], Self.constantTimeEqual(token, identity.token) else {
                throw Refusal(.forbidden, "Ændringer kræver arbejdsrummets nøgle (X-Indstil-Token); genindlæs siden fra adressen indstil serve skrev.")
            }
        }
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
