import ArgumentParser
import Foundation
import IndstilCore

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Skriv en ny indstilling (eller et bilag) med alle afsnit og felter og hjælpetekster.")

    @Argument(help: "Dokumenttype: indstilling eller bilag.")
    var type: String

    @Argument(help: "Filen der skal skrives (standard: ny-<type>.md).")
    var path: String?

    @Option(help: "Profil (standard: aarhus-byraad for indstilling, betaenkning-bilag for bilag).")
    var profile: String?

    @Flag(help: "Overskriv en eksisterende fil.")
    var force = false

    func run() throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let target = URL(fileURLWithPath: path ?? "ny-\(type).md", relativeTo: cwd).standardizedFileURL
        let store = try ProjectWorkspace.current().profileStore(for: target.deletingLastPathComponent())
        let id = profile ?? (type == "bilag" ? "betaenkning-bilag" : "aarhus-byraad")
        guard case .success(let chosen)? = store.profile(id: id) else {
            throw IndstilError.unknownProfile(id, known: store.availableIDs())
        }
        guard chosen.documentType == type else {
            throw IndstilError(da: "Profilen »\(id)« er til typen »\(chosen.documentType)«, ikke »\(type)«",
                               en: "The profile \"\(id)\" is for the type \"\(chosen.documentType)\", not \"\(type)\"")
        }
        if FileManager.default.fileExists(atPath: target.path) && !force {
            throw IndstilError(da: "\(target.path) findes allerede; brug --force for at overskrive",
                               en: "\(target.path) exists already; use --force to overwrite it")
        }
        try AtomicFile.write(SkeletonWriter.skeleton(for: chosen), to: target)
        Output.progress("Skrev \(path ?? target.lastPathComponent) (profil \(id)). Udfyld felterne og afsnittene, og kør »indstil check \(path ?? target.lastPathComponent)«.")
    }
}
