import Foundation
import IndstilSupport
import IndstilDocument

/// Where an appendix's `fil` points, and whether it may be used.
package enum AppendixFiles {
    package enum Resolution {
        case inside(URL)
        case escapes(URL)
        case noFile
    }

    /// The resolution of every appendix of the document, in order: worked out once per document
    /// (the missing-file and path-escape checks both need it) with the project root resolved once per workspace.
    package static func resolutions(_ context: CheckContext) -> [Resolution] {
        context.appendixResolutions.value {
            let appendices = context.analyzed.appendices
            guard appendices.contains(where: { !($0.file ?? "").isEmpty }) else { return appendices.map { _ in .noFile } }
            let folder = context.document.url.deletingLastPathComponent()
            return appendices.map { resolve($0, folder: folder, resolvedRoot: context.resolvedProjectRoot) }
        }
    }

    private static func resolve(_ entry: AppendixEntry, folder: URL, resolvedRoot: String) -> Resolution {
        guard let file = entry.file, !file.isEmpty else { return .noFile }
        let url = file.hasPrefix("/") ? URL(fileURLWithPath: file) : folder.appendingPathComponent(file)
        let standardized = url.standardizedFileURL
        return ProjectRoot.contains(resolvedRoot: resolvedRoot, standardized) ? .inside(standardized) : .escapes(standardized)
    }
}
