import Foundation
import IndstilSupport
import IndstilDocument

/// A single document's appendix list links each appendix to its file, relative to the
/// document as the front matter writes it (`fil: bilag/oversigt.pdf`): characters a URL
/// path cannot hold are percent-encoded, and a path that would read as a scheme
/// ("javascript:…") is kept a relative path ("./javascript:…").
enum AppendixLink {
    package static func href(_ file: String) -> String? {
        let trimmed = file.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty,
              let encoded = trimmed.addingPercentEncoding(withAllowedCharacters: pathCharacters) else { return nil }
        let firstSegment = encoded.prefix { $0 != "/" }
        return firstSegment.contains(":") ? "./" + encoded : encoded
    }

    /// The link from a page written in `outputFolder` to an appendix the document in
    /// `documentFolder` names as `file`: the path from the page to the file, so the link works
    /// wherever `render -o` put the page. A Markdown appendix is not linked (a reader would
    /// get its raw source), nor is a web address or an absolute path written as `fil`.
    package static func href(_ file: String, documentFolder: URL, outputFolder: URL?) -> String? {
        let trimmed = file.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, !trimmed.lowercased().hasSuffix(".md"), !trimmed.hasPrefix("/"), !trimmed.contains("://") else { return nil }
        guard let outputFolder else { return href(trimmed) }
        let target = documentFolder.appendingPathComponent(trimmed).standardizedFileURL.pathComponents
        let from = outputFolder.standardizedFileURL.pathComponents
        var common = 0
        while common < min(target.count - 1, from.count), target[common] == from[common] { common += 1 }
        let relative = Array(repeating: "..", count: from.count - common) + target[common...]
        return href(relative.joined(separator: "/"))
    }

    /// What a path may hold unencoded: `urlPathAllowed` without `?` and `#`, which it does not contain anyway, and without `;`.
    private static let pathCharacters: CharacterSet = {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ";")
        return allowed
    }()
}
