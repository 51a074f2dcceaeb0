import Hummingbird

/// What every request passes before it is carried out: its `Host` must be this server,
/// its `Origin` (when sent) this server's address, and it must carry the workspace's cookie
/// or start secret (`WorkspaceAccess`). Only the app's own stylesheet and scripts
/// (`/static/`, the same public files in every installation, no project data) are served
/// without: a sandboxed preview or an error page shown before the trade can still be styled.
struct RequestGate: Sendable {
    let identity: ServerIdentity
    let access: WorkspaceAccess

    /// What to do instead of the route: nil to go on, or an answer (the trade's redirect).
    func admit(_ request: Request) throws(Refusal) -> Response? {
        // HTTP/1's Host header arrives as the request's authority.
        let host = (request.head.authority ?? "").lowercased()
        guard identity.accepts(authority: host) else {
            throw Refusal(.forbidden, "Forespørgslen er afvist: værten »\(host)« er ikke denne server (\(identity.authority)).")
        }
        if let origin = request.headers[.origin] {
            let lowered = origin.lowercased()
            guard lowered.hasPrefix("http://"), identity.accepts(authority: String(lowered.dropFirst("http://".count))) else {
                throw Refusal(.forbidden, "Forespørgslen er afvist: den kommer fra et andet websted (»\(origin)«).")
            }
        }
        let isRead = request.method == .get || request.method == .head
        if isRead, let offered = WorkspaceAccess.offeredToken(inQuery: request.uri.query) {
            guard access.trade(offered) else {
                throw Refusal(.forbidden, "Startadressen med nøglen kan kun bruges én gang, og kun med den rigtige nøgle. "
                                + "Brug browseren, der allerede åbnede arbejdsrummet, eller start indstil serve igen for en ny adresse.")
            }
            var fields = HTTPAnswers.headers(contentType: "text/plain; charset=utf-8")
            fields[.setCookie] = access.setCookie(port: identity.port)
            fields[.location] = "/"
            return Response(status: .seeOther, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: "Videre til /\n")))
        }
        if isRead, request.uri.path.hasPrefix("/static/") { return nil }
        switch access.credential(of: request, port: identity.port) {
        case .header:
            return nil
        case .cookie:
            // A change with only the cookie must come from this server's own pages.
            guard isRead || request.headers[.origin] != nil else {
                throw Refusal(.forbidden, "Ændringer kræver arbejdsrummets nøgle: siden skal sende sin Origin (eller X-Indstil-Token).")
            }
            return nil
        case .none:
            throw Refusal(.forbidden, "Adgang nægtet: arbejdsrummet kræver sin nøgle. Åbn adressen med ?token=…, som indstil serve skrev, "
                            + "i din browser (eller send X-Indstil-Token).")
        }
    }
}
