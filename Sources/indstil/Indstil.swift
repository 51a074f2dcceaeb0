import ArgumentParser
import IndstilCore

struct Indstil: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indstil",
        abstract: "Skriv, kontrollér og udgiv indstillinger til byråd og rådmand.",
        discussion: "Exit-koder: 0 ingen fejl, 1 fejl fundet, 2 kommandoen kunne ikke køre.",
        version: BuildStamp.versionLine,
        subcommands: [CheckCommand.self, StatsCommand.self, NewCommand.self, RenderCommand.self, ProfilesCommand.self, ChecksCommand.self, PluginsCommand.self, BundleCommand.self, ImportCommand.self, RegisterCommand.self, ServeCommand.self]
    )
}

/// An error that stops a command before it could do its job (exit code 2).
struct UsageError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
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
        do {
            return try Workspace.discover(from: currentFolder, profileOverride: profileOverride)
        } catch {
            throw UsageError("\(error.path):\(error.line): \(error.message.da)")
        }
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
        let fail = { (diagnostic: Diagnostic) -> UsageError in
            UsageError("\(path.escapingControlCharacters):\(diagnostic.line):\(diagnostic.column): error: \(diagnostic.message.da.escapingControlCharacters) [\(diagnostic.check)]")
        }
        switch DocumentLoader.load(URL(fileURLWithPath: path).standardizedFileURL, displayPath: path, parsingBody: false) {
        case .noFrontMatter:
            throw UsageError("\(path): filen har ingen front matter; lav en ny med »indstil new«")
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
            throw UsageError("\(path): filen har ingen front matter; lav en ny med »indstil new«")
        case .failed, .noProfile, .markdown:
            let diagnostic = analysis.diagnostics.first
            let message = (diagnostic?.message.da ?? "filen kan ikke læses").escapingControlCharacters
            throw UsageError("\(path.escapingControlCharacters):\(diagnostic?.line ?? 1):\(diagnostic?.column ?? 1): error: \(message) [\(diagnostic?.check ?? "input.invalid")]")
        }
    }
}
