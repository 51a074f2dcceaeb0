import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks

extension Workspace {
    /// A .docx file analysed as the Markdown `indstil import` makes of it: every check
    /// runs unchanged, and each finding is moved to the Word paragraph it is about and
    /// names the heading above it; the reader's own findings (tracked changes, comments,
    /// skipped content) are added.
    func analyzeWord(_ url: URL, displayPath: String, requirement: ProfileRequirement, checking: Bool, keep: Bool) -> FileAnalysis {
        analyzeWord(reading: url, at: url, profileID: nil, displayPath: displayPath, requirement: requirement, checking: checking, keep: keep)
    }

    /// A Word document that is not in the project (one sent to the browser workspace):
    /// read from `source` (a private temporary copy), analysed as if it were `place` (its
    /// name in the project, which decides the profiles and relative paths), through the
    /// profile `profileID` (nil: `--profile`, then indstil.yml's `profile`), never kept.
    public func analyzeWord(reading source: URL, as place: URL, profileID: String?, displayPath: String) -> FileAnalysis {
        analyzeWord(reading: source, at: place, profileID: profileID, displayPath: displayPath, requirement: .required,
                    checking: true, keep: false)
    }

    private func analyzeWord(reading source: URL, at url: URL, profileID explicitID: String?, displayPath: String,
                             requirement: ProfileRequirement, checking: Bool, keep: Bool) -> FileAnalysis {
        let (profileID, profile) = wordProfile(for: url, reading: source, id: explicitID)
        switch WordImport.read(source, profile: profile, profileID: profileID) {
        case .failure(let diagnostic):
            return FileAnalysis(path: displayPath, url: url, content: .failed, diagnostics: applyingConfiguredSeverity([diagnostic]))
        case .success(let imported):
            let analysis = analyze(text: imported.markdown, url: url, displayPath: displayPath, requirement: requirement,
                                   checking: checking, keep: keep)
            let findings = checking ? applyingConfiguredSeverity(imported.findings) : []
            let located = analysis.diagnostics.map { diagnostic in
                // A Word file has no front matter to add `profil` to.
                diagnostic.check == missingProfile.check && diagnostic.message == missingProfile.message
                    ? Diagnostic(check: diagnostic.check, severity: diagnostic.severity, message: Self.wordWithoutProfile, line: 1)
                    : imported.locating(diagnostic)
            }
            return FileAnalysis(path: displayPath, url: url, content: analysis.content,
                                diagnostics: Diagnostic.sortedForOutput(located + findings), isChecked: analysis.isChecked)
        }
    }

    static let wordWithoutProfile = Message(
        da: "Et Word-dokument angiver ingen profil; giv den med --profile (fx --profile aarhus-byraad) eller som »profile:« i indstil.yml",
        en: "A Word document names no profile; give it with --profile (e.g. --profile aarhus-byraad) or as \"profile:\" in indstil.yml")

    /// The Markdown `indstil import` writes for `url`, or the `input.invalid` finding.
    public func importWord(_ url: URL) -> Result<WordImport, Diagnostic> {
        let (profileID, profile) = wordProfile(for: url, reading: url)
        return WordImport.read(url, profile: profile, profileID: profileID)
    }

    /// The Markdown `indstil import` writes for the Word document read from `source` as if
    /// it were `place` in the project, through `profileID` (nil: as `importWord(_:)`).
    public func importWord(reading source: URL, as place: URL, profileID: String?) -> Result<WordImport, Diagnostic> {
        let (id, profile) = wordProfile(for: place, reading: source, id: profileID)
        return WordImport.read(source, profile: profile, profileID: id)
    }

    /// A Word file's profile: the one asked for, `--profile`, indstil.yml's `profile`, then
    /// the one its document properties name (`profil`, as pandoc writes front matter). The
    /// profile itself (when it can be read) lets the header block be read through its layout.
    private func wordProfile(for url: URL, reading source: URL, id explicitID: String? = nil) -> (id: String?, profile: Profile?) {
        let store = profileStore(for: url.deletingLastPathComponent())
        guard let id = explicitID ?? profileOverride ?? configuration.defaultProfile else {
            // A profile the file names is taken only when the project has it.
            guard let stated = WordImport.statedProfileID(source), case .success(let profile)? = store.profile(id: stated) else { return (nil, nil) }
            return (stated, profile)
        }
        guard !id.isEmpty else { return (nil, nil) }
        if case .success(let profile)? = store.profile(id: id) { return (id, profile) }
        return (id, nil)
    }
}

extension FileAnalysis {
    /// The file could not be read at all (`input.invalid`).
    package var isUnreadable: Bool {
        if case .failed = content { return true }
        return false
    }
}
