import Foundation
import IndstilSupport

/// Why a profile cannot be used: its file, the line in it where known, and what is wrong.
public struct ProfileLoadError: Error, Sendable, CustomStringConvertible, IndstilErrorConvertible {
    public let path: String
    /// The line in profile.yml: of the value at fault, or of the key whose mapping lacks a
    /// key; nil when the fault has no line (a file that cannot be read or is too large).
    public let line: Int?
    public let message: Message

    public init(path: String, line: Int?, message: Message) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var indstilError: IndstilError {
        IndstilError(da: "profilen kan ikke læses: \(message.da)", en: "the profile cannot be read: \(message.en)", file: path, line: line)
    }

    /// "path:line: profilen kan ikke læses: …" (without ":line" when there is none).
    public var description: String { "\(path)\(line.map { ":\($0)" } ?? ""): profilen kan ikke læses: \(message.da)" }
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

    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 64 && id.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } && !id.hasPrefix("-")
    }

    /// Reads profile.yml through `YAMLReader` (aliases refused, size and depth limited)
    /// and `YAMLValueDecoder`, so every fault has its line.
    public static func load(_ file: URL) -> Result<Profile, ProfileLoadError> {
        func failure(_ message: Message, line: Int?) -> Result<Profile, ProfileLoadError> {
            .failure(ProfileLoadError(path: file.path, line: line, message: message))
        }
        let text: String
        switch SourceText.read(file) {
        case .failure(let unread):
            switch unread {
            case .invalidUTF8(let line, _), .nul(let line, _): return failure(unread.diagnostic.message, line: line)
            case .unreadable, .tooLarge: return failure(unread.diagnostic.message, line: nil)
            }
        case .success(let read):
            text = read
        }
        let value: YAMLValue
        do throws(YAMLError) {
            value = try YAMLReader.parse(text)
        } catch {
            return failure(error.message, line: error.line)
        }
        var profile: Profile
        do throws(DecodingError) {
            profile = try YAMLValueDecoder().decode(Profile.self, from: value)
        } catch {
            let (message, line) = describe(error)
            return failure(message, line: line)
        }
        let folder = file.deletingLastPathComponent()
        profile.folder = folder
        if profile.id != folder.lastPathComponent {
            return failure(Message(da: "id '\(profile.id)' skal svare til mappens navn '\(folder.lastPathComponent)'",
                                   en: "id '\(profile.id)' must match the folder's name '\(folder.lastPathComponent)'"),
                           line: value.entry("id")?.value.line)
        }
        do {
            profile.resolvedLook = try profile.look.resolved(in: folder)
        } catch let error as ProfileFormatError {
            return failure(error.message, line: error.line ?? error.key.flatMap { value.value(at: $0)?.line })
        } catch {
            return failure(Message(da: "\(error)", en: "\(error)"), line: nil)
        }
        // The word lists of `spelling.word_files`, read once with the profile.
        for (index, path) in profile.spelling.wordFiles.enumerated() {
            let line = value.value(at: "spelling.word_files")?.items.dropFirst(index).first?.line
            // Inside the folder of profiles, so that profiles of one municipality share a list
            // ("../aarhus-byraad/ordliste.txt").
            let url = folder.appendingPathComponent(path).standardizedFileURL
            guard !path.hasPrefix("/"), ProjectRoot.contains(folder.standardizedFileURL.deletingLastPathComponent(), url) else {
                return failure(Message(da: "'spelling.word_files': »\(path)« peger uden for profilernes mappe",
                                       en: "'spelling.word_files': \"\(path)\" leaves the folder of profiles"), line: line)
            }
            switch SpellingSpec.readWordList(url) {
            case .success(let words): profile.spelling.words += words
            case .failure(let unread):
                return failure(Message(da: "'spelling.word_files': \(path): \(unread.diagnostic.message.da)",
                                       en: "'spelling.word_files': \(path): \(unread.diagnostic.message.en)"), line: line)
            }
        }
        return .success(profile)
    }

    /// The message and line of a decoding error: a profile's own validation says what is
    /// wrong itself; the decoder's faults are prefixed with where in the profile they are.
    package static func describe(_ error: DecodingError) -> (message: Message, line: Int?) {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        let failure = YAMLValueDecoder.failure(in: error)
        if let format = failure?.underlying as? ProfileFormatError {
            return (format.message, format.line ?? failure?.line)
        }
        switch error {
        case .keyNotFound(let key, let context):
            return (Message(da: "mangler nøglen '\(key.stringValue)' under '\(path(context.codingPath))'",
                            en: "the key '\(key.stringValue)' is missing under '\(path(context.codingPath))'"),
                    failure?.line)
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let place = path(context.codingPath)
            let message = failure?.message ?? Message(da: context.debugDescription, en: context.debugDescription)
            return (Message(da: "'\(place)': \(message.da)", en: "'\(place)': \(message.en)"), failure?.line)
        @unknown default:
            return (Message(da: "\(error)", en: "\(error)"), failure?.line)
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
