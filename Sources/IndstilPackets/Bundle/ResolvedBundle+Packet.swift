import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// A betænkning bundle as a packet: its non-Markdown appendices are published as they
/// are (no stamp, no conversion); in its PDF their pages are headed "B1.2 Titel"; its
/// site is `BundleSitePlan`, its PDF `BundlePDFPlan`.
extension ResolvedBundle: Packet {
    var attachments: [PacketAttachment] {
        appendices.compactMap { appendix in
            guard case .attachment(let fileExtension) = appendix.content else { return nil }
            return PacketAttachment(key: appendix.id, label: appendix.number, bookmarkLabel: appendix.number,
                                    source: appendix.source, fileExtension: fileExtension, stamp: nil,
                                    pageHeader: "\(appendix.number) \(appendix.title)")
        }
    }

    var convertsOfficeFiles: Bool { false }

    func sitePlan(_ files: PacketFiles) throws(PacketFailure) -> BundleSitePlan {
        let plan = try BundleSitePlan(self, files: files)
        let unresolved = plan.unresolvedReferences()
        if !unresolved.isEmpty {
            throw PacketFailure(.planning, da: "Bilagsmaterialet har henvisninger uden mål; intet er skrevet:\n" + unresolved.joined(separator: "\n"),
                                en: "The bundle has references without a target; nothing was written:\n" + unresolved.joined(separator: "\n"),
                                file: manifest.url)
        }
        return plan
    }

    func pdfPlan(_ files: PacketFiles) -> BundlePDFPlan {
        BundlePDFPlan(self)
    }
}
