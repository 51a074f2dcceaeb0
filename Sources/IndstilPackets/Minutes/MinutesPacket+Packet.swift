import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// Minutes (public or closed) as a packet: no attachments (the agenda holds them), its
/// site is `MinutesSitePlan`, its PDF `MinutesPDFPlan`.
extension MinutesPacket: Packet {
    package var attachments: [PacketAttachment] { [] }

    package var convertsOfficeFiles: Bool { false }

    package var withheld: [URL] { audience == .offentlig ? minutes.agenda.withheld : [] }

    package func sitePlan(_ files: PacketFiles) -> MinutesSitePlan {
        MinutesSitePlan(packet: self)
    }

    package func pdfPlan(_ files: PacketFiles) -> MinutesPDFPlan {
        MinutesPDFPlan(packet: self)
    }
}
