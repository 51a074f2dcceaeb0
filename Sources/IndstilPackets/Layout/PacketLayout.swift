import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// A packet laid out in memory — the HTML of every site page and of the PDF — without
/// writing a file or starting an external program (no office conversion, no page counts):
/// what the fuzz harness drives.
package enum PacketLayout {
    package static func html(of bundle: ResolvedBundle) -> (pages: [String], pdf: String) {
        layOut(bundle)
    }

    package static func html(of packet: AgendaPacket) -> (pages: [String], pdf: String) {
        layOut(packet)
    }

    package static func html(of packet: MinutesPacket) -> (pages: [String], pdf: String) {
        layOut(packet)
    }

    static func layOut(_ packet: some Packet) -> (pages: [String], pdf: String) {
        let files = PacketFiles(unconverted: packet)
        let pages: [String]
        do {
            let plan = try packet.sitePlan(files)
            pages = plan.pages.indices.map { PacketSite.html(plan, position: $0) }
        } catch {
            pages = []
        }
        return (pages, PacketPDFDocument.html(packet.pdfPlan(files), attachmentPages: [:], css: ""))
    }
}
