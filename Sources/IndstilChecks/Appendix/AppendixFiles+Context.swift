import Foundation
import IndstilSupport
import IndstilDocument

extension AppendixFiles {
    /// The resolution of every appendix of the document, in order: worked out once per document
    /// (the missing-file and path-escape checks both need it) with the project root resolved once per workspace.
    static func resolutions(_ context: CheckContext) -> [Resolution] {
        context.appendixResolutions.value {
            let appendices = context.analyzed.appendices
            guard appendices.contains(where: { !($0.file ?? "").isEmpty }) else { return appendices.map { _ in .noFile } }
            let folder = context.document.url.deletingLastPathComponent()
            return appendices.map { resolve($0, folder: folder, resolvedRoot: context.resolvedProjectRoot) }
        }
    }
}
