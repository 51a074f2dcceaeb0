import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// An agenda packet (public or closed) as a packet: the attachments of the items and
/// appendices it shows, each stamped "Punkt 3, Bilag 2: Titel" on every page, office
/// files turned into PDF first; its site is `AgendaSitePlan`, its PDF `AgendaPDFPlan`.
extension AgendaPacket: Packet {
    var attachments: [PacketAttachment] {
        includedAppendices.compactMap { appendix in
            guard case .attachment(let fileExtension) = appendix.content else { return nil }
            let stamp = isClosedPacket ? ClosedMarking.stamp(appendix.stamp) : appendix.stamp
            return PacketAttachment(key: appendix.key, label: appendix.label, bookmarkLabel: appendix.label + ":",
                                    source: appendix.source, fileExtension: fileExtension, stamp: stamp, pageHeader: stamp)
        }
    }

    var convertsOfficeFiles: Bool { true }

    /// The public packet refuses files the gate found closed under an open listing; the
    /// closed packet, which holds everything, is for the members.
    var withheld: [URL] { audience == .offentlig ? agenda.withheld : [] }

    func sitePlan(_ files: PacketFiles) -> AgendaSitePlan {
        AgendaSitePlan(self, files: files)
    }

    func pdfPlan(_ files: PacketFiles) -> AgendaPDFPlan {
        AgendaPDFPlan(packet: self)
    }

    /// "Dagsorden: Rådmandsmøde …, 4. september 2026": the site's and the PDF's title.
    var documentTitle: String {
        "\(label): \(agenda.manifest.committee), \(DanishFormat.date(agenda.manifest.date))"
    }
}
