import Foundation
import IndstilCore

/// The overview: every recommendation, appendix, bundle and agenda in the project, with its
/// profile, findings and Antal tegn against the limit (`GET /api/documents`).
struct DocumentCatalog {
    struct Entry {
        let path: String
        /// `indstilling`, `bilag` (or another profile's document type), `betaenkning`, `dagsorden`.
        let kind: String
        let profile: String?
        let errors: Int
        let warnings: Int
        let characters: Int?
        let limit: Int?
        /// The front matter's `titel` (a packet's title or committee), nil when it has none.
        var title: String? = nil
        /// The meeting's date (`moededato`), else the document's (`dato`).
        var date: CalendarDate? = nil
        /// `status: lukket` in the front matter.
        var isClosed = false

        /// What the overview lists it by: its title, else its file name.
        var displayTitle: String {
            if let title, !title.isEmpty { return title }
            return String(path.split(separator: "/").last ?? Substring(path))
        }

        var isPacket: Bool { kind == "betaenkning" || kind == "dagsorden" }

        /// In Danish, for the overview's Status column.
        var status: String {
            if let limit, let characters, characters > limit { return "Over grænsen" }
            if errors > 0 { return "Har fejl" }
            if warnings > 0 { return "Har advarsler" }
            return "Klar"
        }

        var json: JSONValue {
            .object([
                ("path", .string(path)),
                ("kind", .string(kind)),
                ("profile", profile.map(JSONValue.string) ?? .null),
                ("errors", .int(errors)),
                ("warnings", .int(warnings)),
                ("characters", characters.map(JSONValue.int) ?? .null),
                ("limit", limit.map(JSONValue.int) ?? .null),
                ("status", .string(status)),
                ("title", .string(displayTitle)),
                ("date", date.map { .string(DanishFormat.date($0)) } ?? .null),
                ("closed", .bool(isClosed)),
            ])
        }
    }

    static func entries(workspace: Workspace, files: ProjectFiles) -> [Entry] {
        var entries: [Entry] = []
        for input in (try? FileCollector.collect([files.root.path])) ?? [] {
            let path = files.relativePath(of: input.url)
            let analysis = workspace.analyze(input.url, displayPath: path, requirement: .optional)
            let summary = RunSummary([analysis.report])
            switch analysis.content {
            case .analyzed(let analyzed):
                var entry = Entry(path: path, kind: analyzed.profile.documentType, profile: analyzed.profile.id,
                                  errors: summary.errors, warnings: summary.warnings,
                                  characters: analyzed.limitedCharacterCount, limit: analyzed.profile.length?.maxCharacters)
                entry.describe(by: analyzed.document.frontMatter)
                entries.append(entry)
            case .noProfile(let document):
                var entry = Entry(path: path, kind: "indstilling", profile: document.frontMatter["profil"]?.trimmedString,
                                  errors: summary.errors, warnings: summary.warnings, characters: nil, limit: nil)
                entry.describe(by: document.frontMatter)
                entries.append(entry)
            case .failed:
                entries.append(Entry(path: path, kind: "indstilling", profile: nil, errors: summary.errors,
                                     warnings: summary.warnings, characters: nil, limit: nil))
            case .markdown, .noFrontMatter:
                continue  // a chapter's introduction or a note: part of a packet, not a document of its own
            }
        }
        for url in manifests(in: files.root) {
            let path = files.relativePath(of: url)
            let kind: String
            let reports: [FileReport]
            var title: String?
            var date: CalendarDate?
            switch workspace.assemble(url, displayPath: path) {
            case .unreadable(let report): kind = "dagsorden"; reports = [report]
            case .betaenkning(let outcome): kind = "betaenkning"; reports = outcome.reports; title = outcome.packet.title
            case .dagsorden(let outcome):
                kind = "dagsorden"; reports = outcome.reports
                title = outcome.packet.manifest.committee; date = outcome.packet.manifest.date
            case .referat(let outcome):
                kind = "referat"; reports = outcome.reports
                title = outcome.packet.agenda.manifest.committee; date = outcome.packet.agenda.manifest.date
            }
            let summary = RunSummary(reports)
            entries.append(Entry(path: path, kind: kind, profile: nil, errors: summary.errors, warnings: summary.warnings,
                                 characters: nil, limit: nil, title: title, date: date))
        }
        return entries.sorted { $0.path < $1.path }
    }

    /// The project's manifests: YAML files with `type: betaenkning` or `type: dagsorden`.
    static func manifests(in root: URL) -> [URL] {
        var found: [URL] = []
        let resolvedRoot = root.resolvingSymlinksInPath()
        func walk(_ folder: URL, depth: Int) {
            guard depth < 16, let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
            for name in names.sorted() where !name.hasPrefix(".") && !["Templates", "profiles", "plugins", "node_modules"].contains(name) {
                let url = folder.appendingPathComponent(name)
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    if (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) == nil { walk(url, depth: depth + 1) }
                } else if Manifest.isManifest(url), name != ProjectRoot.configName, FileKind.isRegularFile(url),
                          ProjectRoot.contains(resolvedRoot, url), isPacketManifest(url) {
                    found.append(url)
                }
            }
        }
        walk(root, depth: 0)
        return found
    }

    static func isPacketManifest(_ url: URL) -> Bool {
        guard let data = try? FileKind.read(url, limit: 4 << 20).get(), let text = String(data: data, encoding: .utf8) else { return false }
        return text.split(separator: "\n").contains { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return ["type: betaenkning", "type: betænkning", "type: dagsorden", "type: referat"].contains(trimmed)
        }
    }
}

extension DocumentCatalog.Entry {
    /// The fields the overview shows from a document's front matter: `titel`, the date
    /// (`moededato`, the meeting's, before `dato`, the document's) and `status: lukket`.
    mutating func describe(by frontMatter: YAMLValue) {
        title = frontMatter["titel"]?.trimmedString
        date = ["moededato", "dato"].lazy.compactMap { frontMatter[$0]?.trimmedString.flatMap(CalendarDate.init(iso:)) }.first
        isClosed = frontMatter["status"]?.trimmedString?.lowercased() == "lukket"
    }
}
