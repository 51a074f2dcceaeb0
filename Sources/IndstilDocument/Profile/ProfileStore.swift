import Foundation
import IndstilSupport
import Yams

public struct ProfileLoadError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "\(path): profilen kan ikke læses: \(reason)" }
}

/// Finds profiles by id: a project's `profiles/<id>/` first, then extra folders
/// (from configuration), then the shipped `Templates/<id>/`.
public final class ProfileStore: Sendable {
    public let searchFolders: [URL]
    /// Profiles read so far, by id (the store's only mutable state).
    private let cache = Locked<[String: Result<Profile, ProfileLoadError>]>([:])

    public init(searchFolders: [URL]) {
        self.searchFolders = searchFolders
    }

    /// The store for documents under `projectRoot`: its `profiles/` beats the shipped ones.
    public static func standard(projectRoot: URL?, extraFolders: [URL] = []) -> ProfileStore {
        var folders: [URL] = []
        if let projectRoot { folders.append(projectRoot.appendingPathComponent("profiles")) }
        folders += extraFolders
        if let shipped = ShippedTemplates.folder { folders.append(shipped) }
        return ProfileStore(searchFolders: folders)
    }

    /// nil when no folder holds a profile with this id.
    public func profile(id: String) -> Result<Profile, ProfileLoadError>? {
        cache.withLock { cache in
            if let cached = cache[id] { return cached }
            guard Self.isValidID(id) else { return nil }
            for folder in searchFolders {
                let file = folder.appendingPathComponent(id).appendingPathComponent("profile.yml")
                guard FileManager.default.fileExists(atPath: file.path) else { continue }
                let result = Self.load(file)
                cache[id] = result
                return result
            }
            return nil
        }
    }

    /// Every profile id available, each from the first folder that has it.
    public func availableIDs() -> [String] {
        var ids = Set<String>()
        for folder in searchFolders {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { continue }
            for name in names where FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).appendingPathComponent("profile.yml").path) {
                ids.insert(name)
            }
        }
        return ids.sorted()
    }

    package static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 64 && id.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } && !id.hasPrefix("-")
    }

    public static func load(_ file: URL) -> Result<Profile, ProfileLoadError> {
        switch SourceText.read(file) {
        case .failure(let failure):
            return .failure(ProfileLoadError(path: file.path, reason: failure.diagnostic.message.da))
        case .success(let text):
            do {
                var profile = try YAMLDecoder().decode(Profile.self, from: text)
                profile.folder = file.deletingLastPathComponent()
                let folderName = file.deletingLastPathComponent().lastPathComponent
                if profile.id != folderName {
                    return .failure(ProfileLoadError(path: file.path, reason: "id '\(profile.id)' skal svare til mappens navn '\(folderName)'"))
                }
                profile.resolvedLook = try profile.look.resolved(in: file.deletingLastPathComponent())
                return .success(profile)
            } catch let error as DecodingError {
                return .failure(ProfileLoadError(path: file.path, reason: Self.describe(error)))
            } catch {
                return .failure(ProfileLoadError(path: file.path, reason: "\(error)"))
            }
        }
    }

    package static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [CodingKey]) -> String {
            codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "mangler nøglen '\(key.stringValue)' under '\(path(context.codingPath))'"
        case .dataCorrupted(let context) where context.underlyingError is ProfileFormatError:
            // Yams wraps what a profile's own validation throws; its reason is the message.
            return String(describing: context.underlyingError!)
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "'\(path(context.codingPath))': \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}

/// Locates the `Templates/` folder shipped with indstil.
public enum ShippedTemplates {
    public static let folder: URL? = {
        let fileManager = FileManager.default
        var candidates: [URL] = []
        if let override = ProcessInfo.processInfo.environment["INDSTIL_TEMPLATES"], !override.isEmpty {
            candidates.append(URL(fileURLWithPath: override))
        }
        let executable = runningExecutable()
        var folder = executable.deletingLastPathComponent()
        candidates.append(folder.appendingPathComponent("../share/indstil/Templates").standardizedFileURL)
        for _ in 0..<5 {
            candidates.append(folder.appendingPathComponent("Templates"))
            folder = folder.deletingLastPathComponent()
        }
        // The source checkout this binary was built from.
        let source = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(source.appendingPathComponent("Templates"))
        return candidates.first { fileManager.fileExists(atPath: $0.appendingPathComponent("aarhus-byraad/profile.yml").path) }
    }()

    /// The file of the running binary: an installed `indstil` is started by name through `PATH`,
    /// so the first argument alone does not say where it (and its `../share/indstil`) lives.
    private static func runningExecutable() -> URL {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
    }
}
