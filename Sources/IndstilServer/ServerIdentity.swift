/// The address a running server answers for and the start secret it printed: a request
/// whose `Host` or `Origin` names anything else is refused (DNS rebinding, cross-site
/// requests), and every request must show the secret (`WorkspaceAccess`).
public struct ServerIdentity: Sendable {
    public let host: String
    public let port: Int
    /// Random per start; printed once in the start address, never sent in a page or an answer.
    public let token: String

    public init(host: String, port: Int, token: String = ServerIdentity.newToken()) {
        self.host = host
        self.port = port
        self.token = token
    }

    /// `http://HOST:PORT/` (IPv6 addresses in brackets).
    public var address: String { "http://\(authority)/" }

    /// The address with the one-time start secret: `http://HOST:PORT/?token=SECRET`. The first
    /// visit trades it for the workspace's cookie.
    public var startAddress: String { "\(address)?token=\(token)" }

    /// `HOST:PORT`; for every interface (0.0.0.0, ::) the loopback address, which this
    /// machine's browser can open.
    var authority: String {
        let shown = Self.isUnspecified(host) ? (host.contains(":") ? "::1" : "127.0.0.1") : host
        return shown.contains(":") ? "[\(shown)]:\(port)" : "\(shown):\(port)"
    }

    /// True for the addresses of this machine only (127.0.0.0/8, ::1, localhost).
    public static func isLoopback(_ host: String) -> Bool {
        let lowered = host.lowercased()
        if lowered == "localhost" || lowered == "::1" || lowered == "[::1]" { return true }
        let parts = lowered.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// True for the addresses that mean "every interface" (0.0.0.0, ::): never a `Host` to answer.
    static func isUnspecified(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: ["[", "]"])
        if bare.contains(":") { return bare.split(separator: ":").allSatisfy { $0.allSatisfy { $0 == "0" } } }
        let parts = bare.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0 == "0" } }
    }

    /// True when `authority` (a `Host` value, `HOST:PORT`) names this server: on the loopback
    /// address its own address, `localhost`, 127.0.0.1 or [::1] with its port; with
    /// `--allow-remote` also any IP address with its port (an address cannot be rebound, a
    /// name can), or the name given to `--host`. Never 0.0.0.0 or [::].
    func accepts(authority value: String) -> Bool {
        let value = value.lowercased()
        let suffix = ":\(port)"
        guard value.hasSuffix(suffix) else { return false }
        let name = String(value.dropLast(suffix.count))
        guard !name.isEmpty, !Self.isUnspecified(name) else { return false }
        if ["localhost", "127.0.0.1", "[::1]"].contains(name) { return true }
        if value == authority.lowercased() { return true }
        guard !Self.isLoopback(host) else { return false }
        return Self.isIPAddress(name)
    }

    static func isIPAddress(_ name: String) -> Bool {
        if name.hasPrefix("[") && name.hasSuffix("]") {
            let inner = name.dropFirst().dropLast()
            return !inner.isEmpty && inner.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
        }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { UInt8($0) != nil }
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
