import Foundation

/// An output that would overwrite, or replace a folder holding, one of the files it is
/// made from (`bundle --to pdf -o bundle.yml`, `render -o sag.md`). Every output path is
/// compared with every input path, symbolic links resolved, before anything is written.
public struct OutputCollision: Error, Sendable, CustomStringConvertible, IndstilErrorConvertible {
    public let output: URL
    public let input: URL

    public var indstilError: IndstilError {
        output.path == input.path
            ? IndstilError(da: "\(output.path) er en af kildefilerne; den overskrives ikke (vælg en anden sti med -o)",
                           en: "\(output.path) is one of the source files; it is not overwritten (choose another path with -o)")
            : IndstilError(da: "\(output.path) indeholder kildefilen \(input.path); mappen erstattes ikke (vælg en anden sti med -o)",
                           en: "\(output.path) holds the source file \(input.path); the folder is not replaced (choose another path with -o)")
    }

    public var description: String { indstilError.message.da }

    /// The first output that is an input or a folder holding one; nil when none collide.
    public static func find(outputs: [URL], inputs: [URL]) -> OutputCollision? {
        let resolved = inputs.map { ($0, canonical($0)) }
        for output in outputs {
            let target = canonical(output)
            let folder = target.hasSuffix("/") ? target : target + "/"
            if let (input, _) = resolved.first(where: { $0.1 == target || $0.1.hasPrefix(folder) }) {
                return OutputCollision(output: output, input: input)
            }
        }
        return nil
    }

    static func canonical(_ url: URL) -> String {
        url.standardizedFileURL.resolvingSymlinksInPath().path
    }
}
