import Foundation

/// Real files on disk for the end-to-end tests: the shipped examples, copied into a
/// fresh temporary folder per test, and variants of them.
enum Fixtures {
    static let packageRoot = TestPackage.root

    static let examples = TestPackage.examples

    /// Paths of the shipped example documents, relative to `examples/`.
    static let byraad = "aarhus-byraad/ny-ordning-moedelokaler.md"
    static let raadmand = "aarhus-raadmand/status-praktikpladser.md"
    static let bilag = "betaenkning-bilag/kortlaegning-moedebelastning.md"
    static let allDocuments = [byraad, raadmand, bilag]

    /// Markdown files with front matter under examples/ (what `indstil check examples/` checks),
    /// counted independently of indstil: files whose first line is "---".
    static let documentCount: Int = {
        let files = FileManager.default.enumerator(at: examples, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "md" } ?? []
        return files.filter { (try? String(contentsOf: $0, encoding: .utf8))?.hasPrefix("---\n") == true }.count
    }()

    static func exampleText(_ relative: String) throws -> String {
        try String(contentsOf: examples.appendingPathComponent(relative), encoding: .utf8)
    }
}

extension TempFolder {
    /// A temporary folder holding a copy of the shipped `examples/` project (with its indstil.yml).
    static func withExamples() throws -> TempFolder {
        let folder = try TempFolder("e2e")
        try FileManager.default.copyItem(at: Fixtures.examples, to: folder.url.appendingPathComponent("examples"))
        return folder
    }

    /// Runs `indstil ARGUMENTS` in the folder.
    func run(_ arguments: String..., timeout: Double = 10) throws -> RunResult {
        try CLI.run(arguments, in: url, timeout: timeout)
    }

    func run(arguments: [String], timeout: Double = 10) throws -> RunResult {
        try CLI.run(arguments, in: url, timeout: timeout)
    }
}

extension String {
    /// 1-based number of the first line that equals `line` exactly (nil when absent).
    func lineNumber(of line: String) -> Int? {
        components(separatedBy: "\n").firstIndex(of: line).map { $0 + 1 }
    }

    /// 1-based number of the first line starting with `prefix`.
    func lineNumber(startingWith prefix: String) -> Int? {
        components(separatedBy: "\n").firstIndex { $0.hasPrefix(prefix) }.map { $0 + 1 }
    }

    /// The text with the level-1 section whose heading starts with `prefix` removed
    /// (up to the next level-1 heading or the end).
    func removingSection(_ prefix: String) -> String {
        var lines = components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix(prefix) }) else { return self }
        let end = lines[(start + 1)...].firstIndex { $0.hasPrefix("# ") } ?? lines.endIndex
        lines.removeSubrange(start..<end)
        return lines.joined(separator: "\n")
    }

    /// Replaces line `number` (1-based).
    func replacingLine(_ number: Int, with replacement: String) -> String {
        var lines = components(separatedBy: "\n")
        lines[number - 1] = replacement
        return lines.joined(separator: "\n")
    }

    /// "Antal tegn" by the contract: line breaks removed, runs of white space folded to one.
    var countedCharacters: Int {
        let joined = split(whereSeparator: \.isNewline).joined()
        var count = 0
        var previousWasSpace = false
        for character in joined {
            let isSpace = character.isWhitespace
            if !(isSpace && previousWasSpace) { count += 1 }
            previousWasSpace = isSpace
        }
        return count
    }
}
