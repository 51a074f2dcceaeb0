import Foundation

/// Where an appendix's `fil` points, and whether it may be used.
enum AppendixFiles {
    enum Resolution {
        case inside(URL)
        case escapes(URL)
        case noFile
    }

    static func resolve(_ entry: AppendixEntry, context: CheckContext) -> Resolution {
        guard let file = entry.file, !file.isEmpty else { return .noFile }
        let folder = context.document.url.deletingLastPathComponent()
        let url = file.hasPrefix("/") ? URL(fileURLWithPath: file) : folder.appendingPathComponent(file)
        let standardized = url.standardizedFileURL
        return ProjectRoot.contains(context.projectRoot, standardized) ? .inside(standardized) : .escapes(standardized)
    }
}
