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

    /// What a path may hold unencoded: `urlPathAllowed` without `?` and `#`, which it does not contain anyway, and without `;`.
    private static let pathCharacters: CharacterSet = {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ";")
        return allowed
    }()
}
