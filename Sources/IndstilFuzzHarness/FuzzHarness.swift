import Foundation
import IndstilCore

/// The code paths the libFuzzer targets in `Fuzz/` drive, shared with the regression
/// tests so a crasher replays through exactly the code that found it. Its own module, so
/// IndstilCore does not depend on every part of itself; the few agenda layout types it
/// drives that are not public are `package`.
public enum FuzzHarness {
    /// What one document input came to.
    public struct DocumentOutcome: Sendable {
        public enum Stage: String, Sendable {
            /// The bytes are not text indstil reads (size, UTF-8).
            case unreadable
            /// Markdown without front matter.
            case noFrontMatter
            /// The front matter or its YAML was refused.
            case refused
            /// Loaded, checked and rendered.
            case checked
        }

        public let stage: Stage
        /// Every diagnostic, as `indstil check` would report it.
        public let diagnostics: [Diagnostic]
        /// The profile the checks ran against (nil unless `checked`).
        public let profileID: String?
        /// Bytes of each rendering (txt, md, html, docx) and of each report format.
        public let outputSizes: [String: Int]
    }

    /// The profile used when the front matter names none that exists.
    public static let fallbackProfile = "aarhus-byraad"

    /// Bytes as the contents of `<workspace>/sag.md`: decode, split front matter, parse
    /// YAML and Markdown, run every check against the document's profile (else
    /// `fallbackProfile`), render as txt, md, html and docx, and report in every format.
    public static func document(_ data: Data, workspace: URL, service: Workspace = sharedWorkspace) -> DocumentOutcome {
        let displayPath = "sag.md"
        let url = workspace.appendingPathComponent(displayPath)
        let text: String
        switch SourceText.decode(data) {
        case .failure(let failure):
            return finish(.unreadable, [failure.diagnostic], profileID: nil, sizes: [:], path: displayPath)
        case .success(let decoded):
            text = decoded
        }
        var analysis = service.analyze(text: text, url: url, displayPath: displayPath)
        var diagnostics = analysis.diagnostics
        switch analysis.content {
        case .noFrontMatter:
            return finish(.noFrontMatter, [], profileID: nil, sizes: [:], path: displayPath)
        case .failed:
            return finish(.refused, diagnostics, profileID: nil, sizes: [:], path: displayPath)
        case .noProfile, .markdown:
            analysis = fallbackWorkspace.analyze(text: text, url: url, displayPath: displayPath)
            diagnostics += analysis.diagnostics
        case .analyzed:
            break
        }
        guard let analyzed = analysis.analyzed else {
            return finish(.refused, diagnostics, profileID: nil, sizes: [:], path: displayPath)
        }
        var sizes: [String: Int] = [:]
        for format in [Renderer.Format.txt, .md, .html, .docx] {
            do { sizes[format.rawValue] = try Renderer.render(analyzed, to: format).count } catch {
                sizes[format.rawValue] = -1
            }
        }
        let statistics = DocumentStatistics(path: displayPath, analyzed: analyzed)
        sizes["stats"] = statistics.text.utf8.count + statistics.json.serialized().utf8.count
        return finish(.checked, diagnostics, profileID: analyzed.profile.id, sizes: sizes, path: displayPath)
    }

    private static func finish(_ stage: DocumentOutcome.Stage, _ diagnostics: [Diagnostic], profileID: String?,
                               sizes: [String: Int], path: String) -> DocumentOutcome {
        var sizes = sizes
        let reports = [FileReport(path: path, diagnostics: diagnostics)]
        for format in DiagnosticReportFormat.allCases {
            sizes[format.rawValue] = format.render(reports, language: .da).utf8.count
        }
        return DocumentOutcome(stage: stage, diagnostics: diagnostics, profileID: profileID, outputSizes: sizes)
    }

    /// What one manifest input came to.
    public struct BundleOutcome: Sendable {
        /// The manifest's own diagnostic when it was refused; nil when it loaded.
        public let manifestFailure: Diagnostic?
        /// The assembler's reports (manifest first) when the manifest loaded.
        public let reports: [FileReport]
        public let chapters: Int
    }

    /// Bytes as `<workspace>/bundle.yml`: decide its kind by `type`; load the manifest and,
    /// when it loads, assemble it and report it. A betænkning bundle is numbered, every
    /// appendix checked and cross-references resolved; an agenda is timed, numbered per item
    /// and checked, and its public and closed packets are laid out as site pages and as
    /// the PDF's HTML (everything short of the external programs).
    public static func bundleManifest(_ data: Data, workspace: URL) -> BundleOutcome {
        let url = workspace.appendingPathComponent("bundle.yml")
        do { try data.write(to: url) } catch {
            return BundleOutcome(manifestFailure: nil, reports: [], chapters: 0)
        }
        func refused(_ diagnostic: Diagnostic) -> BundleOutcome {
            _ = DiagnosticReportFormat.sarif.render([FileReport(path: "bundle.yml", diagnostics: [diagnostic])], language: .da)
            return BundleOutcome(manifestFailure: diagnostic, reports: [], chapters: 0)
        }
        let service = Workspace(plugins: nil)
        switch service.assemble(url, displayPath: "bundle.yml") {
        case .unreadable(let report):
            return refused(report.diagnostics[0])
        case .dagsorden(let outcome):
            for format in DiagnosticReportFormat.allCases { _ = format.render(outcome.reports, language: .da) }
            for audience in [AgendaPacket.Audience.offentlig, .lukket] {
                _ = PacketLayout.html(of: AgendaPacket(agenda: outcome.packet, audience: audience))
            }
            return BundleOutcome(manifestFailure: nil, reports: outcome.reports, chapters: outcome.packet.items.count)
        case .referat(let outcome):
            for format in DiagnosticReportFormat.allCases { _ = format.render(outcome.reports, language: .da) }
            for audience in [AgendaPacket.Audience.offentlig, .lukket] {
                _ = PacketLayout.html(of: MinutesPacket(minutes: outcome.packet, audience: audience))
            }
            return BundleOutcome(manifestFailure: nil, reports: outcome.reports, chapters: outcome.packet.items.count)
        case .betaenkning(let outcome):
            for format in DiagnosticReportFormat.allCases { _ = format.render(outcome.reports, language: .da) }
            _ = PacketLayout.html(of: outcome.packet)
            return BundleOutcome(manifestFailure: nil, reports: outcome.reports, chapters: outcome.packet.chapters.count)
        }
    }

    /// One analysis service for the whole process, as a single `indstil check` run has.
    public static let sharedWorkspace = Workspace(plugins: nil)
    /// The same with `fallbackProfile` for documents whose own profile is missing or unknown.
    static let fallbackWorkspace = Workspace(profileOverride: fallbackProfile, plugins: nil)

    /// A fresh project folder (with `indstil.yml`) holding copies of the shipped example
    /// appendices, so references and bundle chapters can resolve to real files:
    /// `bilag/` from `examples/aarhus-byraad`, `kapitel-1/` and `kapitel-2/` from
    /// `examples/bilagsmateriale`, `punkt-2/` … `punkt-4/` from `examples/raadmandsmoede`.
    public static func makeWorkspace(examples: URL) throws -> URL {
        let fileManager = FileManager.default
        let root = fileManager.temporaryDirectory
            .appendingPathComponent("indstil-fuzz-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)", isDirectory: true)
        try fileManager.createDirectory(at: root, withIntermediateDirectories: true)
        try Data().write(to: root.appendingPathComponent(ProjectRoot.configName))
        let copies = [("aarhus-byraad/bilag", "bilag"), ("bilagsmateriale/kapitel-1", "kapitel-1"), ("bilagsmateriale/kapitel-2", "kapitel-2"),
                      ("raadmandsmoede/punkt-2", "punkt-2"), ("raadmandsmoede/punkt-3", "punkt-3"), ("raadmandsmoede/punkt-4", "punkt-4")]
        for (source, target) in copies {
            let from = examples.appendingPathComponent(source)
            guard fileManager.fileExists(atPath: from.path) else { continue }
            try fileManager.copyItem(at: from, to: root.appendingPathComponent(target))
        }
        return root
    }
}
