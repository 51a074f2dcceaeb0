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
        let (profileID, profile) = wordProfile(for: url)
        switch WordImport.read(url, profile: profile, profileID: profileID) {
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
        let (profileID, profile) = wordProfile(for: url)
        return WordImport.read(url, profile: profile, profileID: profileID)
    }

    /// A Word file names no profile: `--profile`, then indstil.yml's `profile`. The profile
    /// itself (when it can be read) lets the header block be read through its layout.
    private func wordProfile(for url: URL) -> (id: String?, profile: Profile?) {
        guard let id = profileOverride ?? configuration.defaultProfile, !id.isEmpty else { return (nil, nil) }
        if case .success(let profile)? = profileStore(for: url.deletingLastPathComponent()).profile(id: id) { return (id, profile) }
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
