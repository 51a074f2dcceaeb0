import ArgumentParser
import IndstilCore

struct Indstil: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indstil",
        abstract: "Skriv, kontrollér og udgiv indstillinger til byråd og rådmand.",
        discussion: "Exit-koder: 0 ingen fejl, 1 fejl fundet, 2 kommandoen kunne ikke køre.",
        version: BuildStamp.versionLine,
        subcommands: [CheckCommand.self, StatsCommand.self, NewCommand.self, RenderCommand.self, DiffCommand.self, ProfilesCommand.self, ChecksCommand.self, PluginsCommand.self, BundleCommand.self, ImportCommand.self, RegisterCommand.self, ServeCommand.self]
    )
}

enum Output {
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func progress(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

import Foundation

/// The analysis service for the working folder (its indstil.yml); an invalid
/// configuration stops the command (exit 2).
enum ProjectWorkspace {
    static var currentFolder: URL { URL(fileURLWithPath: FileManager.default.currentDirectoryPath) }

    static func current(profileOverride: String? = nil) throws -> Workspace {
        try Workspace.discover(from: currentFolder, profileOverride: profileOverride)
    }
}

extension Workspace {
    /// One document read through its profile, for commands that read each file once
    /// (stats, render; nothing is kept); a file that cannot be read so stops the command.
    /// The document at `path` read and its profile resolved, not analysed: what
    /// `render --to md` needs (it rewrites the source; 1 MB in well under a second).
    func source(_ path: String) throws -> Document {
        // A Word document has no Markdown source of its own: the one it is read into.
        if WordImport.isWordDocument(URL(fileURLWithPath: path)) { return try document(path).document }
        let fail = { (diagnostic: Diagnostic) -> IndstilError in Self.failure(path, diagnostic) }
        switch DocumentLoader.load(URL(fileURLWithPath: path).standardizedFileURL, displayPath: path, parsingBody: false) {
        case .noFrontMatter:
            throw Self.noFrontMatter(path)
        case .failed(let diagnostic):
            throw fail(diagnostic)
        case .document(let document):
            if case .failure(let diagnostic) = resolveProfile(for: document) { throw fail(diagnostic) }
            return document
        }
    }

    func document(_ path: String) throws -> AnalyzedDocument {
        let analysis = analyze(URL(fileURLWithPath: path), displayPath: path, checking: false, keep: false)
        switch analysis.content {
        case .analyzed(let analyzed):
            return analyzed
        case .noFrontMatter:
            throw Self.noFrontMatter(path)
        case .failed, .noProfile, .markdown:
            let diagnostic = analysis.diagnostics.first
                ?? Diagnostic(check: "input.invalid", severity: .error,
                              message: Message(da: "filen kan ikke læses", en: "the file cannot be read"), line: 1)
            throw Self.failure(path, diagnostic)
        }
    }

    private static func noFrontMatter(_ path: String) -> IndstilError {
        IndstilError(da: "filen har ingen front matter; lav en ny med »indstil new«",
                     en: "the file has no front matter; make a new one with \"indstil new\"", file: path)
    }

    /// The finding that stops a command, as `check` would show it: "path:line:column: error: … [check]".
    private static func failure(_ path: String, _ diagnostic: Diagnostic) -> IndstilError {
        IndstilError(da: "error: \(diagnostic.message.da) [\(diagnostic.check)]", en: "error: \(diagnostic.message.en) [\(diagnostic.check)]",
                     file: path, line: diagnostic.line, column: diagnostic.column)
    }
}
