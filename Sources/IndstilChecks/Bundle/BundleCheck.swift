import IndstilSupport
import IndstilDocument

/// A rule about a betænkning's appendix bundle as a whole. Each conforming type lives in
/// its own file, is registered in `CheckRegistry.bundleChecks`, and carries examples.
/// `BundleAssembler` runs them after it has read the manifest and every file.
public protocol BundleCheck: ProjectRule {
    func check(_ context: BundleCheckContext) -> [LocatedDiagnostic]
}

/// What a bundle check sees: the manifest and the cross-references in its files.
public struct BundleCheckContext: Sendable {
    /// The cross-references (`bilag:ID`, `kapitel:N`) of one chapter intro or Markdown appendix.
    public struct FileReferences: Sendable {
        public let path: String
        public let references: [BundleReference]

        package init(path: String, references: [BundleReference]) {
            self.path = path
            self.references = references
        }
    }

    /// A file of the bundle that says it is closed (the publication gate's finding), with
    /// the manifest line naming it.
    public struct ClosedFile: Sendable {
        public let path: String
        public let line: Int
        public let evidence: ClosedEvidence

        package init(path: String, line: Int, evidence: ClosedEvidence) {
            self.path = path
            self.line = line
            self.evidence = evidence
        }
    }

    public let manifest: BundleManifest
    /// The manifest's path as the user named it.
    public let manifestPath: String
    public let references: [FileReferences]
    public let closedFiles: [ClosedFile]

    public init(manifest: BundleManifest, manifestPath: String, references: [FileReferences], closedFiles: [ClosedFile] = []) {
        self.manifest = manifest
        self.manifestPath = manifestPath
        self.references = references
        self.closedFiles = closedFiles
    }
}

/// The small bundle every bundle check's examples change in one place.
enum BundleExample {
    static let manifestName = "bundle.yml"

    /// A clean two-chapter bundle; `appendices` are the chapter 1 lines under `bilag:`.
    static func project(chapterOne appendices: [String] = defaultAppendices, intro: String = defaultIntro,
                        extraFiles: [String: String] = [:]) -> [String: String] {
        let manifest = [
            "type: betaenkning",
            "titel: \"Bilagsmateriale om mødebelastning\"",
            "kapitler:",
            "  - titel: \"Møderne\"",
            "    intro: kapitel-1/intro.md",
            "    bilag:",
        ] + appendices + [
            "  - titel: \"Delegation\"",
            "    bilag:",
            "      - id: delegation",
            "        fil: kapitel-2/delegation.md",
        ]
        var files = [
            manifestName: manifest.joined(separator: "\n") + "\n",
            "kapitel-1/intro.md": intro,
            "kapitel-1/moeder.md": ExampleDocument.bilag.text,
            "kapitel-1/skema.pdf": "%PDF-1.4\n",
            "kapitel-2/delegation.md": ExampleDocument.bilag.replacingFrontMatterText(
                "Kortlægning af mødebelastningen i de faste udvalg", with: "Delegation til udvalgene").text,
        ]
        files.merge(extraFiles) { _, new in new }
        return files
    }

    static let defaultAppendices = [
        "      - id: moeder",
        "        fil: kapitel-1/moeder.md",
        "      - id: skema",
        "        fil: kapitel-1/skema.pdf",
        "        titel: \"Spørgeskema\"",
    ]

    static let defaultIntro = "# Møderne\n\nKapitlet samler [kortlægningen](bilag:moeder) og [skemaet](bilag:skema); se også [kapitel 2](kapitel:2).\n"
}
