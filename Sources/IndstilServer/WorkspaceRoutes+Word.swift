import Foundation
import Hummingbird
import IndstilCore

/// Word documents in the workspace: the `/word` page, `POST /api/analyse-word` (the
/// `/api/analyse` answer for a .docx, nothing saved) and `POST /api/import-word` (the
/// Markdown `indstil import` writes, as a new document in the project). Both take the
/// .docx as the request body; `profil=` (else the project's default profile), `navn=`
/// (the file's name) and, for the import, `sti=` (the new file's path) in the query.
extension WorkspaceRoutes {
    func wordPage() async throws -> Response {
        let (choices, preferred) = try await profileChoices()
        // What the API reads a Word document through when no profile is named: indstil.yml's
        // `profile`; without one, the profile the project uses most.
        let configured = workspace.configuration.defaultProfile.flatMap { id in choices.contains { $0.id == id } ? id : nil }
        return HTTPAnswers.html(Pages.word(profiles: choices, preferred: configured ?? preferred))
    }

    /// The project's profiles and the one to choose first (`ProfilePreference`).
    func profileChoices() async throws -> ([Pages.ProfileChoice], String?) {
        let workspace = self.workspace, files = self.files
        let entries = try await Blocking.run { DocumentCatalog.entries(workspace: workspace, files: files) }
        let store = workspace.profileStore(for: files.root)
        let choices: [Pages.ProfileChoice] = store.availableIDs().compactMap { id in
            guard case .success(let profile)? = store.profile(id: id) else { return nil }
            return Pages.ProfileChoice(id: id, name: profile.name, type: profile.documentType, description: profile.description)
        }
        let preferred = ProfilePreference.preferred(available: choices.map(\.id), used: entries.map(\.profile),
                                                    configured: workspace.configuration.defaultProfile)
        return (choices, preferred)
    }

    func analyseWord(_ request: Request) async throws -> Response {
        let upload = try await WordUpload.read(request, limit: settings.maximumBodyBytes)
        let profileID = try requestedProfile(request)
        let place = files.root.appendingPathComponent(upload.name)
        let workspace = self.workspace
        let answer = try await Blocking.run { () throws -> JSONValue in
            try upload.withFile { file in
                let analysis = workspace.analyzeWord(reading: file, as: place, profileID: profileID, displayPath: upload.name)
                if analysis.isUnreadable { throw Self.unreadable(upload.name, analysis.diagnostics.first?.message.da) }
                // Decision points by Word paragraph, as the findings are.
                let imported = try? workspace.importWord(reading: file, as: place, profileID: profileID).get()
                return DocumentAnalysis.json(analysis, path: upload.name) { imported?.paragraph(ofLine: $0) ?? $0 }
            }
        }
        return HTTPAnswers.json(answer)
    }

    func importWord(_ request: Request) async throws -> Response {
        let upload = try await WordUpload.read(request, limit: settings.maximumBodyBytes)
        let profileID = try requestedProfile(request)
        guard let relative = WordUpload.query(request.uri.query, "sti"), !relative.isEmpty else {
            throw Refusal(.badRequest, "Angiv filens sti i projektet (sti=…), fx »udvalg/ny-indstilling.md«.")
        }
        let url = try files.url(for: relative)
        guard url.pathExtension.lowercased() == "md" else { throw Refusal(.badRequest, "Filnavnet skal ende på ».md«.") }
        let components = files.relativePath(of: url).split(separator: "/").map(String.init)
        guard !components.contains(where: ProjectFiles.unservedFolders.contains) else { throw Refusal.notShown(relative) }
        let real = try files.realLocation(of: url)
        let workspace = self.workspace
        let markdown = try await Blocking.run { () throws -> String in
            try upload.withFile { file in
                switch workspace.importWord(reading: file, as: url, profileID: profileID) {
                case .success(let imported): return imported.markdown
                case .failure(let diagnostic): throw Self.unreadable(upload.name, diagnostic.message.da)
                }
            }
        }
        try SaveLock.shared.run {
            // A dangling symbolic link is something there too: never written through.
            guard FileKind.ofLink(url) == .missing else {
                throw Refusal(.conflict, "»\(relative)« findes allerede; vælg et andet navn.")
            }
            try FileManager.default.createDirectory(at: real.deletingLastPathComponent(), withIntermediateDirectories: true)
            try AtomicFile.write(markdown, to: real)
        }
        let path = files.relativePath(of: url)
        return HTTPAnswers.json(.object([("path", .string(path)), ("page", .string("/dokument/\(PageLayout.urlPath(path))"))]), status: .created)
    }

    /// `profil=` from the query, when given: a profile the project knows, or refused.
    private func requestedProfile(_ request: Request) throws(Refusal) -> String? {
        guard let id = WordUpload.query(request.uri.query, "profil"), !id.isEmpty else { return nil }
        guard workspace.profileStore(for: files.root).availableIDs().contains(id) else {
            throw Refusal(.badRequest, "Profilen »\(id)« findes ikke.")
        }
        return id
    }

    private static func unreadable(_ name: String, _ reason: String?) -> Refusal {
        Refusal(.unprocessableContent, "»\(name)« kan ikke læses som et Word-dokument (.docx)\(reason.map { ": \($0)" } ?? ".")")
    }
}
