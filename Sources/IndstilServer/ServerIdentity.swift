/// The address a running server answers for and the token it gave out at start: a request
/// whose `Host` or `Origin` names anything else is refused (DNS rebinding, cross-site
/// requests), and a change (POST, PUT) must carry the token.
public struct ServerIdentity: Sendable {
    public let host: String
    public let port: Int
    /// Random per start; the pages carry it, other sites cannot read it.
    public let token: String

    public init(host: String, port: Int, token: String = ServerIdentity.newToken()) {
        self.host = host
        self.port = port
        self.token = token
    }

    /// `http://HOST:PORT/` (IPv6 addresses in brackets).
    public var address: String { "http://\(authority)/" }

    var authority: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    /// The `Host` values this server answers: its own address and, on the loopback
    /// address, `localhost`.
    var acceptedHosts: Set<String> {
        var hosts: Set<String> = [authority.lowercased()]
        if host == "127.0.0.1" || host == "::1" || host == "localhost" {
            hosts.formUnion(["localhost:\(port)", "127.0.0.1:\(port)", "[::1]:\(port)"])
        }
        return hosts
    }

    /// 32 random bytes as hex.
    public static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in
            let byte = UInt8.random(in: 0...255, using: &generator)
            return String(byte, radix: 16).count == 1 ? "0" + String(byte, radix: 16) : String(byte, radix: 16)
        }.joined()
    }
}
