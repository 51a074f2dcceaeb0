import Foundation
import Testing
@testable import IndstilCore
@testable import IndstilSupport
@testable import IndstilDocument
@testable import IndstilChecks
@testable import IndstilRender
@testable import IndstilWorkspace
@testable import IndstilPackets

/// Files for test bundles: a clean betaenkning-bilag appendix with its front card.
enum TestBundleFiles {
    static func appendix(title: String, id: String, beslutningstager: String, extra: String) -> String {
        """
        ---
        profil: betaenkning-bilag
        titel: "\(title)"
        beslutningstager: \(beslutningstager)
        id: \(id)
        ---

        # Formål

        Formålet er at give udvalget et overblik over emnet.

        # Opsummering

        1. Udvalgene holder mange møder.
        2. Sagerne er lange.

        # Anbefalinger

        1. Sagerne gøres kortere.

        # Videre forløb

        1. Byrådet drøfter sagen i efteråret.

        # Baggrund

        \(extra)

        """
    }

    /// Assembles a test bundle and requires it to be free of errors (listed on failure).
    static func assemble(_ manifest: URL) throws -> ResolvedBundle {
        guard case .betaenkning(let outcome) = Workspace().assemble(manifest, displayPath: "bundle.yml") else {
            Issue.record("\(manifest.path) is not a readable betænkning manifest")
            throw TestProjectError.noFrontMatter
        }
        let errors = outcome.reports.flatMap { report in
            report.diagnostics.filter { $0.severity == .error }.map { "\(report.path): \($0.line) \($0.check) \($0.message.en)" }
        }
        #expect(errors.isEmpty, "\(errors.joined(separator: "\n"))")
        return outcome.packet
    }
}
