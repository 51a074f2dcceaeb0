import Foundation
import Hummingbird
import IndstilCore

/// Responses with the headers every answer carries: a Content-Security-Policy without
/// inline script, no sniffing, no referrer, no framing by other sites.
enum HTTPAnswers {
    static let contentSecurityPolicy = [
        "default-src 'none'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:",
        "connect-src 'self'", "frame-src 'self'", "form-action 'self'", "base-uri 'none'", "frame-ancestors 'self'",
    ].joined(separator: "; ")

    /// A packet site's own pages: its stylesheet and images, no script at all.
    static let sitePolicy = [
        "default-src 'none'", "script-src 'none'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:",
        "form-action 'none'", "base-uri 'none'", "frame-ancestors 'self'",
    ].joined(separator: "; ")

    /// An appendix as its author gave it: a sandbox (an origin of its own, no script, no
    /// forms), nothing loaded from anywhere.
    static let attachmentPolicy = "sandbox; default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

    static func headers(contentType: String, policy: String = contentSecurityPolicy) -> HTTPFields {
        var fields = HTTPFields()
        fields[.contentType] = contentType
        fields[.contentSecurityPolicy] = policy
        fields[HTTPFields.Element.Name("X-Content-Type-Options")!] = "nosniff"
        fields[HTTPFields.Element.Name("Referrer-Policy")!] = "no-referrer"
        fields[.cacheControl] = "no-store"
        return fields
    }

    static func data(_ data: Data, contentType: String, status: HTTPResponse.Status = .ok, downloadName: String? = nil,
                     policy: String = contentSecurityPolicy) -> Response {
        var fields = headers(contentType: contentType, policy: policy)
        if let downloadName {
            let ascii = downloadName.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0.value >= 0x20 ? String($0) : "_" }.joined()
            let encoded = downloadName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ascii
            fields[.contentDisposition] = "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
        }
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// An appendix or attachment file: always a download (`Content-Disposition: attachment`),
    /// sandboxed, not sniffed, and never typed as HTML, SVG or script, so it is never
    /// rendered or run in the workspace's origin.
    static func attachment(_ bytes: Data, name: String) -> Response {
        let type = contentType(forExtension: (name as NSString).pathExtension)
        let harmless = ["application/pdf", "image/png", "image/jpeg", "text/plain; charset=utf-8"].contains(type)
            || type.hasPrefix("application/vnd.openxmlformats")
        return data(bytes, contentType: harmless ? type : "application/octet-stream", downloadName: name, policy: attachmentPolicy)
    }

    static func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        data(Data(page.utf8), contentType: "text/html; charset=utf-8", status: status)
    }

    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        data(Data(value.serialized(pretty: false).utf8), contentType: "application/json; charset=utf-8", status: status)
    }

    /// A refusal: JSON `{"error":STATUS,"message":"…"}` for the API, a page otherwise.
    static func refusal(_ refusal: Refusal, api: Bool) -> Response {
        if api {
            return json(.object([("error", .int(refusal.status.code)), ("message", .string(refusal.message))]), status: refusal.status)
        }
        return html(Pages.error(status: refusal.status.code, message: refusal.message), status: refusal.status)
    }

    static func contentType(forExtension pathExtension: String) -> String {
        switch pathExtension.lowercased() {
        case "html", "htm": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "pdf": "application/pdf"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "svg": "image/svg+xml"
        case "txt", "md": "text/plain; charset=utf-8"
        case "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        default: "application/octet-stream"
        }
    }
}
