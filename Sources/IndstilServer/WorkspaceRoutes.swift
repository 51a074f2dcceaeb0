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
    let builds: PacketBuilds
    let access: WorkspaceAccess

    func respond(to request: Request, context: Context) async throws -> Response {
        let path = request.uri.path
        let isAPI = path.hasPrefix("/api/")
        do {
            if let answer = try RequestGate(identity: identity, access: access).admit(request) { return answer }
            return try await route(request, path: path)
        } catch {
            return HTTPAnswers.refusal(Refusal(error), api: isAPI)
        }
    }

    private func route(_ request: Request, path: String) async throws -> Response {
        let method = request.method
        switch (method, path) {
        case (.get, "/"): return try await overviewPage()
        case (.get, "/ny"): return try await newDocumentPage()
        case (.get, "/word"): return try await wordPage()
        case (.post, "/api/analyse-word"): return try await analyseWord(request)
        case (.post, "/api/import-word"): return try await importWord(request)
        case (.get, "/api/documents"): return try await documentList()
        case (.post, "/api/documents"): return try await createDocument(request)
        case (.post, "/api/analyse"): return try await analyse(request)
        case (.post, "/api/diff"): return try await changes(request)
        case (.post, "/api/front-matter"): return try await editFrontMatter(request)
        case (.post, "/api/agenda/item-state"): return try await changeItemState(request)
        case (.post, "/api/agenda/send"): return try await sendAgenda(request)
        case (.post, "/api/minutes/item"): return try await editMinutesItem(request)
        case (.post, "/api/agenda/item"): return try await editAgendaItem(request)
        case (.post, "/api/upload"): return try await AppendixUpload.save(request, files: files)
        default: break
        }
        if method == .get, path.hasPrefix("/static/") { return try staticFile(try ProjectFiles.decoded(path, after: "/static/")) }
        if method == .get, path.hasPrefix("/dokument/") { return try documentPage(try ProjectFiles.decoded(path, after: "/dokument/")) }
        if method == .get, path.hasPrefix("/manifest/") { return try manifestPage(try ProjectFiles.decoded(path, after: "/manifest/")) }
        if method == .get, path.hasPrefix("/pakke/") { return try await packetPage(try ProjectFiles.decoded(path, after: "/pakke/")) }
        if method == .get, path.hasPrefix("/websted/") { return try await siteFile(try ProjectFiles.decoded(path, after: "/websted/")) }
        if path.hasPrefix("/api/documents/") {
            let relative = try ProjectFiles.decoded(path, after: "/api/documents/")
            if method == .get { return try readDocument(relative) }
            if method == .put { return try await saveDocument(relative, request) }
            throw Refusal(.methodNotAllowed, "Metoden \(method) kan ikke bruges her.")
        }
        if method == .get, path.hasPrefix("/api/render/") { return try await renderDownload(try ProjectFiles.decoded(path, after: "/api/render/")) }
        if method == .get, path.hasPrefix("/api/build/") { return try buildPackets(try ProjectFiles.decoded(path, after: "/api/build/")) }
        if method == .get, path.hasPrefix("/api/build-result/") { return try buildResult(try ProjectFiles.decoded(path, after: "/api/build-result/")) }
        if method == .get, path.hasPrefix("/api/packets/") { return try await packetPDF(try ProjectFiles.decoded(path, after: "/api/packets/")) }
        if method == .get, path.hasPrefix("/api/events/") {
            let url = try files.editable(try ProjectFiles.decoded(path, after: "/api/events/"))
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
        return HTTPAnswers.html(Pages.overview(entries, projectName: files.root.lastPathComponent))
    }

    private func newDocumentPage() async throws -> Response {
        let (choices, preferred) = try await profileChoices()
        return HTTPAnswers.html(Pages.newDocument(profiles: choices, preferred: preferred))
    }

    private func documentPage(_ relative: String) throws -> Response {
        let url = try files.served(relative, as: .document)
        let (text, version) = try read(url, relative)
        return HTTPAnswers.html(Pages.document(path: files.relativePath(of: url), text: text, version: version))
    }

    /// A packet's manifest in the same editor as a document: its findings live, a preview of
    /// the packet's index, saved the same way.
    private func manifestPage(_ relative: String) throws -> Response {
        let url = try files.served(relative, as: .manifest)
        let (text, version) = try read(url, relative)
        return HTTPAnswers.html(Pages.document(path: files.relativePath(of: url), text: text, version: version, isManifest: true))
    }

    private func packetPage(_ relative: String) async throws -> Response {
        let url = try files.served(relative, as: .manifest)
        let path = files.relativePath(of: url)
        let workspace = self.workspace, packets = self.packets
        let summary = try await Blocking.run { packets.summary(of: url, path: path, workspace: workspace) }
        return HTTPAnswers.html(Pages.packet(path: path, summary: summary))
    }

    /// `/websted/{offentlig|lukket}/{manifest path}/{file in the site}`.
    private func siteFile(_ rest: String) async throws -> Response {
        let (packet, manifestPath, inside) = try packetAddress(rest)
        let url = try files.served(manifestPath, as: .manifest)
        let path = files.relativePath(of: url)
        let workspace = self.workspace, packets = self.packets
        let site = try await Blocking.run {
            // The index is where browsing starts: built fresh, so it shows the files as they are now.
            inside == "index.html" ? try packets.buildSite(of: url, path: path, packet: packet, workspace: workspace)
                : try packets.site(of: url, path: path, packet: packet, workspace: workspace)
        }
        let name = inside.isEmpty ? "index.html" : inside
        let siteFiles = ProjectFiles(root: site)
        let file = try siteFiles.url(for: name)
        _ = try siteFiles.realLocation(of: file)
        let data = try siteFiles.bytes(of: file, name)
        // The site's own pages and stylesheet (made by indstil from the documents, every text
        // escaped) are shown, without any script; everything else is an appendix as its author
        // gave it: only ever a download, sandboxed, never rendered in the workspace's origin.
        let isOwnPage = !name.contains("/") && ["html", "css"].contains(file.pathExtension.lowercased())
        guard isOwnPage else { return HTTPAnswers.attachment(data, name: file.lastPathComponent) }
        return HTTPAnswers.data(data, contentType: HTTPAnswers.contentType(forExtension: file.pathExtension),
                                policy: HTTPAnswers.sitePolicy)
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
        if name.hasPrefix(VendorLibraries.urlPrefix) {
            guard let data = VendorLibraries.file(String(name.dropFirst(VendorLibraries.urlPrefix.count))) else { throw Refusal.notFound(name) }
            return HTTPAnswers.data(data, contentType: HTTPAnswers.contentType(forExtension: (name as NSString).pathExtension))
        }
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
        // The text comes with the request; the path places it (profile, relative files) among
        // the documents and manifests the workspace shows.
        guard ["md", "yml", "yaml"].contains(url.pathExtension.lowercased()), url.lastPathComponent != ProjectRoot.configName,
              !files.relativePath(of: url).split(separator: "/").contains(where: { ProjectFiles.unservedFolders.contains(String($0)) })
        else { throw Refusal.notShown(relative) }
        _ = try files.realLocation(of: url)
        let path = files.relativePath(of: url)
        let workspace = self.workspace
        let answer = try await Blocking.run {
            Manifest.isManifest(url) ? ManifestAnalysis.json(text: text, url: url, path: path, workspace: workspace)
                : DocumentAnalysis.json(text: text, url: url, path: path, workspace: workspace)
        }
        return HTTPAnswers.json(answer)
    }

    /// The text on screen compared with the saved file (`against: "saved"`) or with the file
    /// in git's last commit (`"commit"`): the changes as `indstil diff --format json` gives them.
    private func changes(_ request: Request) async throws -> Response {
        let body = try await RequestBody.read(request, limit: settings.maximumBodyBytes)
        let relative = try body.string("path"), text = try body.string("text")
        let against = (body.fields["against"] as? String) ?? "saved"
        let url = try files.served(relative, as: .document)
        let path = files.relativePath(of: url), workspace = self.workspace
        let answer = try await Blocking.run { () throws -> JSONValue in
            let old: VersionSource
            do {
                if against == "commit" {
                    old = try VersionSource.revision("HEAD", of: url, name: "\(path)@HEAD")
                } else {
                    // Through the one reader of documents: a regular file, within the size limit, UTF-8.
                    switch SourceText.read(url) {
                    case .success(let saved): old = VersionSource(text: saved, name: path + " (gemt)", url: url)
                    case .failure(let failure): throw Refusal(.unprocessableContent, failure.diagnostic.message.da)
                    }
                }
                let new = VersionSource(text: text, name: path, url: url)
                return RedlineJSON.report(try workspace.redline(old: old, new: new).diff, old: old.name, new: new.name)
            } catch let error as IndstilError {
                throw Refusal(.unprocessableContent, error.message.da)
            }
        }
        return HTTPAnswers.json(answer)
    }

    /// The form's changes to the front matter of the text on screen: the text with them
    /// (nothing is saved; the page puts it in the editor, and the user saves as always).
    private func editFrontMatter(_ request: Request) async throws -> Response {
        let body = try await RequestBody.read(request, limit: settings.maximumBodyBytes)
        let relative = try body.string("path"), text = try body.string("text")
        let url = try files.served(relative, as: .document)
        let path = files.relativePath(of: url), workspace = self.workspace
        let analysis = try await Blocking.run { workspace.analyze(text: text, url: url, displayPath: path) }
        guard let fields = analysis.analyzed?.profile.fields else {
            throw Refusal(.unprocessableContent, "Felterne kan ikke ændres, før teksten kan læses: ret først fejlen i linje \(analysis.diagnostics.first?.line ?? 1).")
        }
        let changes = try FrontMatterForm.changes(body, fields: fields)
        do {
            return HTTPAnswers.json(.object([("text", .string(try FrontMatterEdit.apply(changes, to: text, fields: fields)))]))
        } catch .noFrontMatter {
            throw Refusal(.unprocessableContent, "Teksten har ingen felter mellem to linjer med ---.")
        } catch .unknownField(let key) {
            throw Refusal(.badRequest, "»\(key)« er ikke et felt i profilen.")
        }
    }

    private func readDocument(_ relative: String) throws -> Response {
        let url = try files.editable(relative)
        let (text, version) = try read(url, relative)
        return HTTPAnswers.json(.object([("path", .string(files.relativePath(of: url))), ("text", .string(text)), ("version", .string(version))]))
    }

    /// PUT: the text and the version it was opened at. A file changed since is not
    /// overwritten: the answer (409) carries the version on disk, so the page keeps both.
    private func saveDocument(_ relative: String, _ request: Request) async throws -> Response {
        let body = try await RequestBody.read(request, limit: settings.maximumBodyBytes)
        let text = try body.string("text"), openedAt = try body.string("version")
        let url = try files.url(for: relative)
        // Documents, and the manifests of packets (never indstil.yml or any other YAML).
        if url.pathExtension.lowercased() != "md" { _ = try files.served(relative, as: .manifest) }
        let components = files.relativePath(of: url).split(separator: "/").map(String.init)
        guard !components.contains(where: ProjectFiles.unservedFolders.contains) else { throw Refusal.notShown(relative) }
        // The save goes to the file itself, never through a symbolic link (it would replace
        // the link, or write where it leads) and never into a FIFO or a device.
        let real = try files.realLocation(of: url)
        let answer: Response = try SaveLock.shared.run {
            let onDisk: Data?
            switch FileKind.ofLink(url) {
            case .missing: onDisk = nil
            case .regular: onDisk = try files.bytes(of: url, relative)
            case .directory, .special: throw Refusal.notRegular(relative)
            }
            let diskVersion = onDisk.map { FileVersion.of($0) } ?? "missing"
            guard diskVersion == openedAt else {
                return HTTPAnswers.json(.object([
                    ("error", .int(409)),
                    ("message", .string("Filen er ændret på disken, siden du åbnede den. Intet er overskrevet; vælg hvilken version der skal gælde.")),
                    ("text", .string(onDisk.flatMap { String(data: $0, encoding: .utf8) } ?? "")),
                    ("version", .string(diskVersion)),
                ]), status: .conflict)
            }
            guard FileKind.ofLink(url) == .regular || (onDisk == nil && FileKind.ofLink(url) == .missing) else { throw Refusal.notRegular(relative) }
            try AtomicFile.write(text, to: real)
            return HTTPAnswers.json(.object([("path", .string(files.relativePath(of: url))), ("version", .string(FileVersion.of(text)))]))
        }
        return answer
    }

    private func createDocument(_ request: Request) async throws -> Response {
        let body = try await RequestBody.read(request, limit: settings.maximumBodyBytes)
        let relative = try body.string("path"), profileID = try body.string("profile")
        let url = try files.url(for: relative)
        guard url.pathExtension.lowercased() == "md" else { throw Refusal(.badRequest, "Filnavnet skal ende på ».md«.") }
        let components = files.relativePath(of: url).split(separator: "/").map(String.init)
        guard !components.contains(where: ProjectFiles.unservedFolders.contains) else { throw Refusal.notShown(relative) }
        let real = try files.realLocation(of: url)
        guard case .success(let profile)? = workspace.profileStore(for: url.deletingLastPathComponent()).profile(id: profileID) else {
            throw Refusal(.badRequest, "Profilen »\(profileID)« findes ikke.")
        }
        try SaveLock.shared.run {
            // A dangling symbolic link is something there too: never written through.
            guard FileKind.ofLink(url) == .missing else {
                throw Refusal(.conflict, "»\(relative)« findes allerede; vælg et andet navn.")
            }
            try FileManager.default.createDirectory(at: real.deletingLastPathComponent(), withIntermediateDirectories: true)
            try AtomicFile.write(SkeletonWriter.skeleton(for: profile), to: real)
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
        let url = try files.served(String(rest[rest.index(after: slash)...]), as: .document)
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
        let url = try files.served(manifestPath, as: .manifest)
        let path = files.relativePath(of: url)
        let workspace = self.workspace, packets = self.packets
        let data = try await Blocking.run { try packets.pdf(of: url, path: path, packet: packet, workspace: workspace) }
        let stem = url.deletingPathExtension().lastPathComponent
        return HTTPAnswers.data(data, contentType: "application/pdf", downloadName: packet == .lukket ? "\(stem)-lukket.pdf" : "\(stem).pdf")
    }

    // MARK: - Files

    private func read(_ url: URL, _ relative: String) throws(Refusal) -> (String, String) {
        let data = try files.bytes(of: url, relative)
        guard let text = String(data: data, encoding: .utf8) else {
            throw Refusal(.unprocessableContent, "»\(relative)« er ikke UTF-8-tekst og kan ikke åbnes i editoren.")
        }
        return (text, FileVersion.of(data))
    }
}
