import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks

/// Turns the paths a user gives into the Markdown files to check.
public enum FileCollector {
    public struct Input: Sendable {
        public let url: URL
        /// The path as shown in diagnostics (relative when the user gave a relative path).
        public let displayPath: String
        /// Named directly (a missing front matter is then an error, not a skip).
        public let isExplicit: Bool

        package init(url: URL, displayPath: String, isExplicit: Bool) {
            self.url = url
            self.displayPath = displayPath
            self.isExplicit = isExplicit
        }
    }

    public struct MissingPath: Error, Sendable, IndstilErrorConvertible {
        public let path: String

        package init(path: String) {
            self.path = path
        }

        public var indstilError: IndstilError {
            IndstilError(da: "»\(path)« findes ikke", en: "\"\(path)\" does not exist")
        }
    }

    package static let skippedFolders: Set<String> = [".git", ".build", "node_modules", ".swiftpm", "Templates", "profiles"]

    public static func collect(_ paths: [String]) throws(MissingPath) -> [Input] {
        var inputs: [Input] = []
        var seen = Set<String>()
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw MissingPath(path: path) }
            let url = URL(fileURLWithPath: path).standardizedFileURL
            if !isDirectory.boolValue {
                if seen.insert(url.path).inserted { inputs.append(Input(url: url, displayPath: path, isExplicit: true)) }
                continue
            }
            var found: [Input] = []
            walk(url, display: path.hasSuffix("/") ? String(path.dropLast()) : path, into: &found, depth: 0)
            for input in found.sorted(by: { $0.displayPath < $1.displayPath }) where seen.insert(input.url.path).inserted {
                inputs.append(input)
            }
        }
        return inputs
    }

    private static func walk(_ folder: URL, display: String, into found: inout [Input], depth: Int) {
        guard depth < 32, let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names.sorted() where !name.hasPrefix(".") {
            let url = folder.appendingPathComponent(name)
            let shown = display == "." ? name : "\(display)/\(name)"
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                // Symbolic links to folders are not followed (no loops, no leaving the tree).
                let isLink = (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) != nil
                if !isLink && !skippedFolders.contains(name) { walk(url, display: shown, into: &found, depth: depth + 1) }
            } else if name.lowercased().hasSuffix(".md") || (name.lowercased().hasSuffix(".docx") && !name.hasPrefix("~$")) {
                found.append(Input(url: url, displayPath: shown, isExplicit: false))
            }
        }
    }
}
