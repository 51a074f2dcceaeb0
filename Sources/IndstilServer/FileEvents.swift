import Foundation
import Hummingbird

/// `GET /api/events/{path}`: server-sent events for one file. The file's version is sent
/// first and again whenever it changes on disk (another editor saved it), so the open page
/// can follow. Looks at the file every 250 ms; a comment every 15 s keeps the line open.
enum FileEvents {
    static let interval: Duration = .milliseconds(250)

    static func stream(for url: URL) -> Response {
        var fields = HTTPAnswers.headers(contentType: "text/event-stream; charset=utf-8")
        fields[.cacheControl] = "no-store"
        let body = ResponseBody { writer in
            var sent: String?
            var quiet: Duration = .zero
            while !Task.isCancelled {
                let version = FileVersion.of(fileAt: url) ?? "missing"
                if version != sent {
                    try await writer.write(ByteBuffer(string: "event: version\ndata: {\"version\":\"\(version)\"}\n\n"))
                    sent = version
                    quiet = .zero
                } else if quiet >= .seconds(15) {
                    try await writer.write(ByteBuffer(string: ": stille\n\n"))
                    quiet = .zero
                }
                try await Task.sleep(for: interval)
                quiet += interval
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: fields, body: body)
    }
}
