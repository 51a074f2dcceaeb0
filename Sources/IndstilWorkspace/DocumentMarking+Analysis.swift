import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks

extension DocumentMarking {
    /// A document analysed with its checks (`Workspace.analyze(…, checking: true)`), as
    /// `indstil render` and the workspace's downloads mark it; nil when the file is not a
    /// document read through a profile.
    public init?(_ analysis: FileAnalysis) {
        guard let analyzed = analysis.analyzed else { return nil }
        self.init(document: analyzed.document, diagnostics: analysis.diagnostics)
    }
}
