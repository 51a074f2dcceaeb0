import Foundation
import Hummingbird
import IndstilCore

/// Every request of the workspace: the gate first, then the page or API answer it asks
/// for. Any failure becomes a clear Danish answer (a page, or JSON under `/api/`).
struct WorkspaceRoutes: HTTPResponder {
    typealias Context = BasicRequestContext

    let workspace: Workspace
    let files: ProjectFiles
    let identity: ServerIdentity
    let settings: ServerSettings
    let packets: PacketPreview

    func respond(to request: Request, context: Context) async throws -> Response {
        let path = request.uri.path
        let isAPI = path.hasPrefix("/api/")
        do {
            try RequestGate(identity: identity).admit(request)
            return try await route(request, path: path)
        } catch let refusal as Refusal {
            return HTTPAnswers.refusal(refusal, api: isAPI, token: identity.token)
        } catch let failure as AtomicFile.Failure {
            return HTTPAnswers.refusal(Refusal(.internalServerError, failure.description), api: isAPI, token: identity.token)
        } catch let failure as PacketFailure {
            return HTTPAnswers.refusal(Refusal(.internalServerError, failure.description), api: isAPI, token: identity.token)
        } catch let failure as Renderer.Failure {
            return HTTPAnswers.refusal(Refusal(.internalServerError, failure.description), api: isAPI, token: identity.token)
        } catch {
            return HTTPAnswers.refusal(Refusal(.internalServerError, "Der opstod en fejl: \(error)"), api: isAPI, token: identity.token)
        }
    }

    private func route(_ request: Request, path: String) async throws -> Response {
        let method = request.method
        switch (method, path) {
        case (.get, "/"): return try await overviewPage()
        case (.get, "/ny"): return newDocumentPage()
        case (.get, "/api/documents"): return try await documentList()
        case (.post, "/api/documents"): return try await createDocument(request)
        case (.post, "/api/analyse"): return try await analyse(request)
        default: break
        }
        if method == .get, path.hasPrefix("/static/") { return try staticFile(try ProjectFiles.decoded(path, after: "/static/")) }
        if method == .get, path.hasPrefix("/dokument/") { return try documentPage(try ProjectFiles.decoded(path, after: "/dokument/")) }
        if method == .get, path.hasPrefix("/pakke/") { return try await packetPage(try ProjectFiles.decoded(path, after: "/pakke/")) }
        if method == .get, path.hasPrefix("/websted/") { return try await siteFile(try ProjectFiles.decoded(path, after: "/websted/")) }
        if path.hasPrefix("/api/documents/") {
            let relative = try ProjectFiles.decoded(path, after: "/api/documents/")
            if method == .get { return try readDocument(relative) }
            if method == .put { return try await saveDocument(relative, request) }
            throw Refusal(.methodNotAllowed, "Metoden \(method) kan ikke bruges her.")
        }
        if method == .get, path.hasPrefix("/api/render/") { return try await renderDownload(try ProjectFiles.decoded(path, after: "/api/render/")) }
        if method == .get, path.hasPrefix("/api/packets/") { return try await packetPDF(try ProjectFiles.decoded(path, after: "/api/packets/")) }
        if method == .get, path.hasPrefix("/api/events/") {
            let url = try existingFile(try ProjectFiles.decoded(path, after: "/api/events/"))
            return FileEvents.stream(for: url)
        }
        if [.get, .head].contains(method) || path.hasPrefix("/api/") {
            throw Refusal(.notFound, "Siden »\(path.removingPercentEncoding ?? path)« findes ikke.")
        }
        throw Refusal(.methodNotAllowed, "Metoden \(method) kan ikke bruges her.")
    }

    // MARK: - Pages

    private func overviewPage() async throws -> Response {
        let workspace = self.workspace, files = self.files
        let entries = try await Blocking.run { DocumentCatalog.entries(workspace: workspace, files: files) }
        return HTTPAnswers.html(Pages.overview(entries, projectName: files.root.lastPathComponent, token: identity.token))
    }

    private func newDocumentPage() -> Response {
        let store = workspace.profileStore(for: files.root)
        let choices: [Pages.ProfileChoice] = store.availableIDs().compactMap { id in
            guard case .success(let profile)? = store.profile(id: id) else { return nil }
            return Pages.ProfileChoice(id: id, name: profile.name, type: profile.documentType, description: profile.description)
        }
        return HTTPAnswers.html(Pages.newDocument(profiles: choices, token: identity.token))
    }

    private func documentPage(_ relative: String) throws -> Response {
        let url = try existingFile(relative)
        let (text, version) = try read(url, relative)
        return HTTPAnswers.html(Pages.document(path: files.relativePath(of: url), text: text, version: version, token: identity.token))
    }

    private func packetPage(_ relative: String) async throws -> Response {
        let url = try existingFile(relative)
        let path = files.relativePath(of: url)
        let workspace = self.workspace, packets = self.packets
        let summary = try await Blocking.run { packets.summary(of: url, path: path, workspace: workspace) }
        return HTTPAnswers.html(Pages.packet(path: path, summary: summary, token: identity.token))
    }

    /// `/websted/{offentlig|lukket}/{manifest path}/{file in the site}`.
    private func siteFile(_ rest: String) async throws -> Response {
        let (packet, manifestPath, inside) = try packetAddress(rest)
        let url = try existingFile(manifestPath)
        let path = files.relativePath(of: url)
        let workspace = self.workspace, packets = self.packets
        let site = try await Blocking.run {
            // The index is where browsing starts: built fresh, so it shows the files as they are now.
            inside == "index.html" ? try packets.buildSite(of: url, path: path, packet: packet, workspace: workspace)
                : try packets.site(of: url, path: path, packet: packet, workspace: workspace)
        }
        let file = try ProjectFiles(root: site).url(for: inside.isEmpty ? "index.html" : inside)
        guard let data = FileManager.default.contents(atPath: file.path) else { throw Refusal.notFound(inside) }
        return HTTPAnswers.data(data, contentType: HTTPAnswers.contentType(forExtension: file.pathExtension))
    }

    private func packetAddress(_ rest: String) throws(Refusal) -> (PacketPreview.Packet, String, String) {
        let components = rest.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let first = components.first, let packet = PacketPreview.Packet(rawValue: first),
              let manifestIndex = components.firstIndex(where: { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }), manifestIndex > 0
        else { throw Refusal(.notFound, "Adressen »\(rest)« er ikke en pakke i projektet.") }
        let manifest = components[1...manifestIndex].joined(separator: "/")
        let inside = components[(manifestIndex + 1)...].joined(separator: "/")
        return (packet, manifest, inside)
    }

    private func staticFile(_ name: String) throws -> Response {
        guard let folder = ShippedTemplates.folder?.appendingPathComponent("_serve"),
              !name.contains("/"), !name.hasPrefix("."),
              let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
        else { throw Refusal.notFound(name) }
        return HTTPAnswers.data(data, contentType: HTTPAnswers.contentType(forExtension: (name as NSString).pathExtension))
    }

    // MARK: - API

    private func documentList() async throws -> Response {
        let workspace = self.workspace, files = self.files
        let entries = try await Blocking.run { DocumentCatalog.entries(workspace: workspace, files: files) }
        return HTTPAnswers.json(.array(entries.map(\.json)))
    }

    private func analyse(_ request: Request) async throws -> Response {
        let body = try await RequestBody.read(request, limit: settings.maximumBodyBytes)
        let relative = try body.string("path"), text = try body.string("text")
        let url = try files.url(for: relative)
        let path = files.relativePath(of: url)
        let workspace = self.workspace
        let answer = try await Blocking.run { DocumentAnalysis.json(text: text, url: url, path: path, workspace: workspace) }
        return HTTPAnswers.json(answer)
    }

    private func readDocument(_ relative: String) throws -> Response {
        let url = try existingFile(relative)
        let (text, version) = try read(url, relative)
        return HTTPAnswers.json(.object([("path", .string(files.relativePath(of: url))), ("text", .string(text)), ("version", .string(version))]))
    }

    /// PUT: the text and the version it was opened at. A file changed since is not
    /// overwritten: the answer (409) carries the version on disk, so the page keeps both.
    private func saveDocument(_ relative: String, _ request: Request) async throws -> Response {
        let body = try await RequestBody.read(request, limit: settings.maximumBodyBytes)
        let text = try body.string("text"), openedAt = try body.string("version")
        let url = try files.url(for: relative)
        guard url.pathExtension.lowercased() == "md" else { throw Refusal(.forbidden, "Kun Markdown-filer (.md) kan gemmes fra arbejdsrummet.") }
        let answer: Response = try SaveLock.shared.run {
            let onDisk = FileManager.default.contents(atPath: url.path)
            let diskVersion = onDisk.map { FileVersion.of($0) } ?? "missing"
            guard diskVersion == openedAt else {
                return HTTPAnswers.json(.object([
                    ("error", .int(409)),
                    ("message", .string("Filen er ændret på disken, siden du åbnede den. Intet er overskrevet; vælg hvilken version der skal gælde.")),
                    ("text", .string(onDisk.flatMap { String(data: $0, encoding: .utf8) } ?? "")),
                    ("version", .string(diskVersion)),
                ]), status: .conflict)
            }
            try AtomicFile.write(text, to: url)
            return HTTPAnswers.json(.object([("path", .string(files.relativePath(of: url))), ("version", .string(FileVersion.of(text)))]))
        }
        return answer
    }

    private func createDocument(_ request: Request) async throws -> Response {
        let body = try await RequestBody.read(request, limit: settings.maximumBodyBytes)
        let relative = try body.string("path"), profileID = try body.string("profile")
        let url = try files.url(for: relative)
        guard url.pathExtension.lowercased() == "md" else { throw Refusal(.badRequest, "Filnavnet skal ende på ».md«.") }
        guard case .success(let profile)? = workspace.profileStore(for: url.deletingLastPathComponent()).profile(id: profileID) else {
            throw Refusal(.badRequest, "Profilen »\(profileID)« findes ikke.")
        }
        try SaveLock.shared.run {
            guard !FileManager.default.fileExists(atPath: url.path) else {
                throw Refusal(.conflict, "»\(relative)« findes allerede; vælg et andet navn.")
            }
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try AtomicFile.write(SkeletonWriter.skeleton(for: profile), to: url)
        }
        let path = files.relativePath(of: url)
        return HTTPAnswers.json(.object([("path", .string(path)), ("page", .string("/dokument/\(PageLayout.urlPath(path))"))]), status: .created)
    }

    /// `/api/render/{docx|pdf}/{path}`: the saved document as a download, marked as
    /// `indstil render` marks it (closed, and a draft while its checks find errors).
    private func renderDownload(_ rest: String) async throws -> Response {
        guard let slash = rest.firstIndex(of: "/"), let format = Renderer.Format(rawValue: String(rest[..<slash])),
              format == .docx || format == .pdf
        else { throw Refusal(.notFound, "Kun DOCX og PDF kan hentes (/api/render/docx/… eller /api/render/pdf/…).") }
        let url = try existingFile(String(rest[rest.index(after: slash)...]))
        let path = files.relativePath(of: url)
        let workspace = self.workspace
        let data = try await Blocking.run { () throws -> Data in
            let analysis = workspace.analyze(url, displayPath: path)
            guard let analyzed = analysis.analyzed else {
                throw Refusal(.conflict, "Dokumentet kan ikke gengives: \(analysis.diagnostics.first?.message.da ?? "det har ingen profil").")
            }
            return try Renderer.render(analyzed, to: format, marking: DocumentMarking(analysis))
        }
        let name = url.deletingPathExtension().lastPathComponent + "." + format.fileExtension
        return HTTPAnswers.data(data, contentType: HTTPAnswers.contentType(forExtension: format.fileExtension), downloadName: name)
    }

    /// `/api/packets/{offentlig|lukket}/{manifest path}`: the packet's PDF.
    private func packetPDF(_ rest: String) async throws -> Response {
        let (packet, manifestPath, _) = try packetAddress(rest)
        let url = try existingFile(manifestPath)
        let path = files.relativePath(of: url)
        let workspace = self.workspace, packets = self.packets
        let data = try await Blocking.run { try packets.pdf(of: url, path: path, packet: packet, workspace: workspace) }
        let stem = url.deletingPathExtension().lastPathComponent
        return HTTPAnswers.data(data, contentType: "application/pdf", downloadName: packet == .lukket ? "\(stem)-lukket.pdf" : "\(stem).pdf")
    }

    // MARK: - Files

    private func existingFile(_ relative: String) throws(Refusal) -> URL {
        let url = try files.url(for: relative)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw Refusal.notFound(relative)
        }
        return url
    }

    private func read(_ url: URL, _ relative: String) throws(Refusal) -> (String, String) {
        guard let data = FileManager.default.contents(atPath: url.path) else { throw Refusal.notFound(relative) }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Refusal(.unprocessableContent, "»\(relative)« er ikke UTF-8-tekst og kan ikke åbnes i editoren.")
        }
        return (text, FileVersion.of(data))
    }
}
