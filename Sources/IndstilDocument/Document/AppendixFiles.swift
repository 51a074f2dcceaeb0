import Foundation
import IndstilSupport

/// Where an appendix's `fil` points, and whether it may be used (inside the project).
/// The appendix checks share the resolutions of a document (`AppendixFiles.resolutions`).
package enum AppendixFiles {
    package enum Resolution {
        case inside(URL)
        case escapes(URL)
        case noFile
    }

    /// Where `entry`'s file is, for a document in `folder` of the project at `resolvedRoot`.
    package static func resolve(_ entry: AppendixEntry, folder: URL, resolvedRoot: String) -> Resolution {
        guard let file = entry.file, !file.isEmpty else { return .noFile }
        let url = file.hasPrefix("/") ? URL(fileURLWithPath: file) : folder.appendingPathComponent(file)
        let standardized = url.standardizedFileURL
        return ProjectRoot.contains(resolvedRoot: resolvedRoot, standardized) ? .inside(standardized) : .escapes(standardized)
    }
}
