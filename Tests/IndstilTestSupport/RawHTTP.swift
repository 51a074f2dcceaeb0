import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// HTTP/1.1 over a plain socket to 127.0.0.1, for tests of `indstil serve`: every header
/// is sent exactly as given (a foreign `Host`, an `Origin`, a path with `..` that a URL
/// library would tidy away).
public enum RawHTTP {
    public struct Reply: Sendable {
        public let status: Int
        /// Header names in lower case.
        public let headers: [String: String]
        public let body: Data
        public var text: String { String(decoding: body, as: UTF8.self) }

        public func json() -> [String: Any]? {
            (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
        }
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        public init(description: String) { self.description = description }
    }

    /// One request and its whole answer; `headers` may replace `Host` (nil value: not sent).
    public static func exchange(port: Int, _ method: String, _ path: String, headers: [String: String?] = [:], body: Data? = nil,
                            timeout: TimeInterval = 60) throws -> Reply {
        let descriptor = try dial(port: port, timeout: timeout)
        defer { close(descriptor) }
        try transmit(requestData(port: port, method, path, headers: headers, body: body), to: descriptor)
        var received = Data()
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(descriptor, &chunk, chunk.count, 0)
            if count <= 0 { break }
            received.append(contentsOf: chunk[0..<count])
        }
        return try parse(received)
    }

    /// Opens a streaming request (server-sent events) and reads until `until` appears in
    /// what arrived after the headers, or `timeout` passes; what arrived.
    public static func stream(port: Int, _ path: String, headers: [String: String?] = [:], until: (String) -> Bool,
                              timeout: TimeInterval) throws -> String {
        let descriptor = try dial(port: port, timeout: 0.2)
        defer { close(descriptor) }
        try transmit(requestData(port: port, "GET", path, headers: headers, body: nil), to: descriptor)
        var received = Data()
        var chunk = [UInt8](repeating: 0, count: 4096)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let count = recv(descriptor, &chunk, chunk.count, 0)
            if count == 0 { break }
            if count > 0 { received.append(contentsOf: chunk[0..<count]) }
            if until(String(decoding: received, as: UTF8.self)) { break }
        }
        return String(decoding: received, as: UTF8.self)
    }

    static func requestData(port: Int, _ method: String, _ path: String, headers: [String: String?], body: Data?) -> Data {
        var lines = ["\(method) \(path) HTTP/1.1"]
        var all: [String: String?] = ["Host": "127.0.0.1:\(port)", "Connection": "close"]
        if let body { all["Content-Length"] = String(body.count) }
        for (name, value) in headers { all[name] = value }
        for (name, value) in all.sorted(by: { $0.key < $1.key }) {
            if let value { lines.append("\(name): \(value)") }
        }
        var data = Data((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8)
        if let body { data.append(body) }
        return data
    }

    static func dial(port: Int, timeout: TimeInterval) throws -> Int32 {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw Failure(description: "socket failed") }
        var wait = timeval()
        wait.tv_sec = Int(timeout)
        wait.tv_usec = .init((timeout - Double(Int(timeout))) * 1_000_000)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(descriptor)
            throw Failure(description: "cannot connect to 127.0.0.1:\(port)")
        }
        return descriptor
    }

    static func transmit(_ data: Data, to descriptor: Int32) throws {
        var offset = 0
        while offset < data.count {
            let sent = data.withUnsafeBytes { send(descriptor, $0.baseAddress! + offset, data.count - offset, Int32(MSG_NOSIGNAL)) }
            // The server may answer (413) and close before it has read a large body.
            if sent <= 0 { return }
            offset += sent
        }
    }

    static func parse(_ data: Data) throws -> Reply {
        guard let end = data.range(of: Data("\r\n\r\n".utf8)) else { throw Failure(description: "no HTTP answer: \(String(decoding: data, as: UTF8.self))") }
        let head = String(decoding: data[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure(description: "bad status line \(head[0])") }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(data[end.upperBound...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" { body = dechunked(body) }
        return Reply(status: status, headers: headers, body: body)
    }

    static func dechunked(_ data: Data) -> Data {
        var out = Data()
        var index = data.startIndex
        while index < data.endIndex, let lineEnd = data[index...].range(of: Data("\r\n".utf8)) {
            let sizeText = String(decoding: data[index..<lineEnd.lowerBound], as: UTF8.self).split(separator: ";").first ?? "0"
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size > 0 else { break }
            let start = lineEnd.upperBound
            let stop = min(data.endIndex, start + size)
            out.append(data[start..<stop])
            index = min(data.endIndex, stop + 2)
        }
        return out
    }
}
