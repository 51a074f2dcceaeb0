import Foundation
import Hummingbird
import IndstilCore

/// `GET /api/build/{manifest path}`: builds every PDF a manifest gives (an agenda's public
/// and closed packets and those of its supplementary agenda, the public and closed minutes,
/// a betænkning's bundle) and streams what happens as server-sent events:
/// - `step` `{"stage": "converting" | "building" | "setting" | "stamping" | "merging" | "note", "message"}`
///   for each step the CLI prints;
/// - `done` `{"packets": [{"label", "href", "closed"}]}`: the finished PDFs, to open or download;
/// - `failure` `{"message", "file", "line", "href"}`: the Danish reason, the file and line to
///   fix and the workspace page that opens it — never a command to run.
///
/// The PDFs wait in a private temporary folder (0700) under a random name until the server
/// stops; only the last `kept` builds are kept.
final class PacketBuilds: Sendable {
    static let kept = 6

    struct Built: Sendable {
        let label: String
        let file: URL
        let isClosed: Bool
    }

    private let folders = Locked<[(id: String, folder: URL)]>([])

    func stream(manifest url: URL, path: String, workspace: Workspace, files: ProjectFiles) -> Response {
        var fields = HTTPAnswers.headers(contentType: "text/event-stream; charset=utf-8")
        fields[.cacheControl] = "no-store"
        let (events, sink) = AsyncStream<String>.makeStream()
        let task = Task.detached { [self] in
            sink.yield(Self.event("step", [("stage", .string("reading")), ("message", .string("Læser \(path) og alle dens filer …"))]))
            do {
                let (id, built) = try await Blocking.run {
                    try self.build(url, path: path, workspace: workspace) { step in
                        sink.yield(Self.event("step", [("stage", .string(step.stage.rawValue)), ("message", .string(step.message))]))
                    }
                }
                let packets = built.map { packet -> JSONValue in
                    .object([("label", .string(packet.label)),
                             ("href", .string("/api/build-result/\(id)/\(PageLayout.urlPath(packet.file.lastPathComponent))")),
                             ("closed", .bool(packet.isClosed))])
                }
                sink.yield(Self.event("done", [("packets", .array(packets))]))
            } catch {
                sink.yield(Self.event("failure", Self.failure(error, manifestPath: path, files: files)))
            }
            sink.finish()
        }
        sink.onTermination = { _ in task.cancel() }
        let body = ResponseBody { writer in
            for await event in events {
                try await writer.write(ByteBuffer(string: event))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: fields, body: body)
    }

    /// A finished PDF of a build still kept.
    func result(id: String, name: String) -> URL? {
        guard let folder = folders.withLock({ $0.first { $0.id == id }?.folder }) else { return nil }
        let file = folder.appendingPathComponent(name)
        guard !name.contains("/"), name.hasSuffix(".pdf"), FileKind.ofLink(file) == .regular else { return nil }
        return file
    }

    func removeAll() {
        let all = folders.withLock { folders in
            defer { folders = [] }
            return folders.map(\.folder)
        }
        for folder in all { TemporaryItems.remove(folder) }
    }

    // MARK: - Building

    private func build(_ url: URL, path: String, workspace: Workspace, progress: @escaping PacketProgress) throws -> (String, [Built]) {
        let folder = try TemporaryItems.makeFolder(kind: "serve-build")
        let stem = url.deletingPathExtension().lastPathComponent
        func target(_ suffix: String) -> URL { folder.appendingPathComponent("\(stem)\(suffix).pdf") }
        let built: [Built]
        do {
            switch workspace.assemble(url, displayPath: path) {
            case .unreadable(let report):
                throw Self.firstError(in: [report]) ?? IndstilError(da: "Manifestet kan ikke læses", en: "The manifest cannot be read", file: path)
            case .betaenkning(let outcome):
                if let error = Self.firstError(in: outcome.reports) { throw error }
                try PacketPDF.write(outcome.packet, to: target(""), progress: progress)
                built = [Built(label: "Bilagsmaterialet", file: target(""), isClosed: false)]
            case .dagsorden(let outcome):
                if let error = Self.firstError(in: outcome.reports) { throw error }
                let packets = AgendaPacket.all(of: outcome.packet)
                let targets = packets.map { target($0.nameSuffix) }
                try PacketPDF.write(Array(zip(packets, targets)), progress: progress)
                built = zip(packets, targets).map { Built(label: $0.label, file: $1, isClosed: $0.audience == .lukket) }
            case .referat(let outcome):
                if let error = Self.firstError(in: outcome.reports) { throw error }
                let minutes = outcome.packet
                let packets = [MinutesPacket(minutes: minutes, audience: .offentlig)]
                    + (minutes.hasClosedContent ? [MinutesPacket(minutes: minutes, audience: .lukket)] : [])
                let targets = packets.map { target($0.audience == .lukket ? "-lukket" : "") }
                try PacketPDF.write(Array(zip(packets, targets)), progress: progress)
                built = zip(packets, targets).map { Built(label: $0.label, file: $1, isClosed: $0.audience == .lukket) }
            }
        } catch {
            TemporaryItems.remove(folder)
            throw error
        }
        let id = UUID().uuidString.lowercased()
        let dropped = folders.withLock { folders -> [URL] in
            folders.append((id, folder))
            guard folders.count > Self.kept else { return [] }
            let old = folders.prefix(folders.count - Self.kept).map(\.folder)
            folders.removeFirst(folders.count - Self.kept)
            return old
        }
        for old in dropped { TemporaryItems.remove(old) }
        return (id, built)
    }

    /// The first error found in the packet's files, as the error that stops the build.
    private static func firstError(in reports: [FileReport]) -> IndstilError? {
        for report in reports {
            if let error = report.diagnostics.first(where: { $0.severity == .error }) {
                return IndstilError(Message(da: "Pakken har fejl og kan ikke bygges: \(error.message.da)",
                                            en: "The packet has errors and cannot be built: \(error.message.en)"),
                                    file: report.path, line: error.line)
            }
        }
        return nil
    }

    /// A failure as the page shows it: the message, and where to fix it (a page of the workspace).
    static func failure(_ error: any Error, manifestPath: String, files: ProjectFiles) -> [(String, JSONValue)] {
        let failure = IndstilError(error)
        var file = failure.file
        if file == nil, let packet = error as? PacketFailure, let url = packet.file { file = url.path }
        if let given = file, given.hasPrefix("/") {
            let url = URL(fileURLWithPath: given)
            file = url.standardizedFileURL.path.hasPrefix(files.root.standardizedFileURL.path + "/") ? files.relativePath(of: url) : nil
        }
        var fields: [(String, JSONValue)] = [("message", .string(failure.message.da))]
        if let file {
            fields.append(("file", .string(file)))
            fields.append(("line", failure.line.map { .int($0) } ?? .null))
            let page = file.lowercased().hasSuffix(".md") ? "dokument" : (file.hasSuffix(".yml") || file.hasSuffix(".yaml") ? "manifest" : nil)
            fields.append(("href", page.map { .string("/\($0)/\(PageLayout.urlPath(file))") } ?? .null))
        } else {
            fields.append(("file", .null))
            fields.append(("line", .null))
            fields.append(("href", .string("/manifest/\(PageLayout.urlPath(manifestPath))")))
        }
        return fields
    }

    static func event(_ name: String, _ fields: [(String, JSONValue)]) -> String {
        "event: \(name)\ndata: \(JSONValue.object(fields).serialized(pretty: false))\n\n"
    }
}
