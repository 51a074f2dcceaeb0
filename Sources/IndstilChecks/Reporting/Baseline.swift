import Foundation
import IndstilSupport

/// The findings a project has accepted for now (`indstil check --write-baseline FILE`), so
/// that CI can adopt indstil on old documents and report only what is new
/// (`--baseline FILE`). A finding is matched by its check, its file and its text — not its
/// line, which moves whenever a line above it is added — with line numbers inside the text
/// ("linje 32") left out of the match as well. Each finding in the file accepts one finding
/// of the run: two equal findings need two entries.
public struct Baseline: Sendable, Equatable {
    public struct Entry: Hashable, Comparable, Sendable {
        public let check: String
        public let file: String
        public let message: String

        public static func < (a: Entry, b: Entry) -> Bool { (a.file, a.check, a.message) < (b.file, b.check, b.message) }
    }

    public private(set) var counts: [Entry: Int] = [:]

    public var count: Int { counts.values.reduce(0, +) }

    /// Every finding of `reports`, each file named relative to `folder` (the baseline file's
    /// own: so the baseline matches however `check` is run, from wherever).
    public init(_ reports: [FileReport], relativeTo folder: URL) {
        for report in reports {
            let file = Self.file(report.path, relativeTo: folder)
            for diagnostic in report.diagnostics { counts[Self.entry(diagnostic, file: file), default: 0] += 1 }
        }
    }

    private init() {}

    /// "./docs/sag.md" run from the project, "sag.md" run from docs/: the same name.
    static func file(_ path: String, relativeTo folder: URL) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let base = folder.standardizedFileURL.path.hasSuffix("/") ? folder.standardizedFileURL.path : folder.standardizedFileURL.path + "/"
        return absolute.hasPrefix(base) ? String(absolute.dropFirst(base.count)) : absolute
    }

    static func entry(_ diagnostic: Diagnostic, file: String) -> Entry {
        Entry(check: diagnostic.check, file: file, message: Self.withoutLineNumbers(diagnostic.message.da))
    }

    /// "står allerede i linje 32" → "står allerede i linje N".
    static func withoutLineNumbers(_ text: String) -> String {
        text.replacing(/(linje|linjer|line|lines|afsnit) \d+/) { "\($0.output.1) N" }
    }

    /// The reports without the findings the baseline accepts, and how many were left out.
    public func filtering(_ reports: [FileReport], relativeTo folder: URL) -> (reports: [FileReport], accepted: Int) {
        var remaining = counts
        var accepted = 0
        let filtered = reports.map { report in
            let file = Self.file(report.path, relativeTo: folder)
            return FileReport(path: report.path, diagnostics: report.diagnostics.filter { diagnostic in
                let key = Self.entry(diagnostic, file: file)
                guard let left = remaining[key], left > 0 else { return true }
                remaining[key] = left - 1
                accepted += 1
                return false
            })
        }
        return (filtered, accepted)
    }

    /// The file: JSON, one entry per finding in a fixed order (a baseline diffs well in review).
    public var json: String {
        var findings: [JSONValue] = []
        for entry in counts.keys.sorted() {
            for _ in 0..<(counts[entry] ?? 0) {
                findings.append(.object([("file", .string(entry.file)), ("check", .string(entry.check)), ("message", .string(entry.message))]))
            }
        }
        return JSONValue.object([("indstil_baseline", .int(1)), ("findings", .array(findings))]).serialized() + "\n"
    }

    /// Reads a baseline file; anything else is a clear error naming the file.
    public static func read(_ url: URL, displayPath: String) throws(IndstilError) -> Baseline {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw IndstilError(da: "baselinen kan ikke læses: \(SystemErrorText.reason(error).da)", en: "the baseline cannot be read: \(SystemErrorText.reason(error).en)", file: displayPath)
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], object["indstil_baseline"] as? Int == 1,
              let findings = object["findings"] as? [[String: Any]] else {
            throw IndstilError(da: "er ikke en baseline fra »indstil check --write-baseline«", en: "is not a baseline from \"indstil check --write-baseline\"", file: displayPath)
        }
        var baseline = Baseline()
        for finding in findings {
            guard let file = finding["file"] as? String, let check = finding["check"] as? String, let message = finding["message"] as? String else {
                throw IndstilError(da: "et fund i baselinen mangler »file«, »check« eller »message«", en: "a finding in the baseline lacks \"file\", \"check\" or \"message\"", file: displayPath)
            }
            baseline.counts[Entry(check: check, file: file, message: Self.withoutLineNumbers(message)), default: 0] += 1
        }
        return baseline
    }
}
