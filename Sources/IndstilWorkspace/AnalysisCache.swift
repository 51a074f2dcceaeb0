import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks

/// What a workspace has read, by file and content: each file's text parsed once, and each
/// parsed document analysed once per profile. An entry is used again only for exactly the
/// same text; a changed file replaces it. A single pass over many files (`keep: false`)
/// uses what is kept but keeps nothing new, so a check of a thousand files does not hold
/// them all in memory. Counts how often each file was parsed and analysed, so tests can
/// show that a packet build reads each file once.
final class AnalysisCache: Sendable {
    /// A file as one caller names it.
    struct FileKey: Hashable {
        let path: String
        let displayPath: String
    }

    /// A file read through one profile.
    struct AnalysisKey: Hashable {
        let file: FileKey
        let profileID: String
    }

    /// A file's text, parsed.
    enum Parsed: Sendable {
        case document(Document)
        case failed(Diagnostic)
        /// No front matter: the Markdown is parsed only when someone wants it.
        case noFrontMatter(Lazy<MarkdownNode>)
    }

    private struct Entries {
        var parsedFiles: [FileKey: (text: String, value: Parsed)] = [:]
        var markdownFiles: [FileKey: (text: String, value: MarkdownNode)] = [:]
        var analyses: [AnalysisKey: (text: String, value: FileAnalysis)] = [:]
        var parseCounts: [String: Int] = [:]
        var analysisCounts: [String: Int] = [:]
    }
    private let entries = Locked(Entries())

    func parsed(_ key: FileKey, text: String, keep: Bool, parse: () -> Parsed) -> Parsed {
        reading(\.parsedFiles, key, text: text, keep: keep, parse: parse)
    }

    /// The body of a file read as Markdown only (front matter skipped, never checked).
    func markdown(_ key: FileKey, text: String, keep: Bool, parse: () -> MarkdownNode) -> MarkdownNode {
        reading(\.markdownFiles, key, text: text, keep: keep, parse: parse)
    }

    /// The kept value for exactly this text, or a new one (counted as a parse).
    private func reading<Value>(_ store: WritableKeyPath<Entries, [FileKey: (text: String, value: Value)]>, _ key: FileKey,
                                text: String, keep: Bool, parse: () -> Value) -> Value {
        if let entry = entries.withLock({ $0[keyPath: store][key] }), entry.text == text { return entry.value }
        let value = parse()
        entries.withLock { entries in
            if keep { entries[keyPath: store][key] = (text, value) }
            entries.parseCounts[key.path, default: 0] += 1
        }
        return value
    }

    func analysis(_ key: AnalysisKey, text: String) -> FileAnalysis? {
        entries.withLock { entries in
            guard let entry = entries.analyses[key], entry.text == text else { return nil }
            return entry.value
        }
    }

    /// Keeps `analysis`; `isNew` when its document was analysed for it (not only checked).
    func store(_ analysis: FileAnalysis, for key: AnalysisKey, text: String, isNew: Bool, keep: Bool) {
        entries.withLock { entries in
            if keep { entries.analyses[key] = (text, analysis) }
            if isNew { entries.analysisCounts[key.file.path, default: 0] += 1 }
        }
    }

    var counts: (parses: [String: Int], analyses: [String: Int]) {
        entries.withLock { ($0.parseCounts, $0.analysisCounts) }
    }
}

/// A value computed on first use and then kept; shared by copies.
final class Lazy<Value: Sendable>: Sendable {
    private let once = Once<Value>()
    private let compute: @Sendable () -> Value

    init(_ compute: @escaping @Sendable () -> Value) { self.compute = compute }

    var value: Value { once.value(compute) }
}
