import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// Minutes (public or closed) as a packet: no attachments (the agenda holds them), its
/// site is `MinutesSitePlan`, its PDF `MinutesPDFPlan`.
extension MinutesPacket: Packet {
    var attachments: [PacketAttachment] { [] }

    var convertsOfficeFiles: Bool { false }

    var withheld: [URL] { audience == .offentlig ? minutes.agenda.withheld : [] }

    func sitePlan(_ files: PacketFiles) -> MinutesSitePlan {
        MinutesSitePlan(packet: self)
    }

    func pdfPlan(_ files: PacketFiles) -> MinutesPDFPlan {
        MinutesPDFPlan(packet: self)
    }
}
