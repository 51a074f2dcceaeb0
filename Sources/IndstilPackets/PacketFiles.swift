import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// A packet's attachments with the office files among them turned into PDF (when the
/// kind asks for it): what the site and the PDF publish for each.
struct PacketFiles {
    let attachments: [PacketAttachment]
    /// The converted PDF of each office attachment that converted, by source.
    let converted: [URL: URL]

    /// Converts what `packet` asks to be converted, in `work`. Without LibreOffice that is
    /// said in `progress` and the files are published as they are; a conversion that fails
    /// or times out throws (`OfficeConversion`).
    init(_ packet: some Packet, work: URL, progress: PacketProgress) throws(PacketFailure) {
        attachments = packet.attachments
        let office = packet.convertsOfficeFiles ? attachments.filter { OfficeConversion.convertible.contains($0.fileExtension) } : []
        guard !office.isEmpty else {
            converted = [:]
            return
        }
        progress(PacketStep(.converting, "Konverterer \(counted(office.count, "Word-bilag", "Word-bilag")) til PDF med LibreOffice …"))
        let converted = try OfficeConversion.pdfs(of: office.map(\.source), work: work)
        for attachment in office where converted[attachment.source] == nil {
            progress(PacketStep(.note, "Bemærk: \(attachment.label) »\(attachment.source.lastPathComponent)« kan ikke konverteres til PDF, fordi LibreOffice ikke er installeret; det kommer med som den er, uden stempel"))
        }
        self.converted = converted
    }

    /// The attachments as they are, nothing converted (for rendering pages without
    /// running LibreOffice: the fuzz harness).
    init(unconverted packet: some Packet) {
        attachments = packet.attachments
        converted = [:]
    }

    /// The PDF whose pages stand for `attachment`: the file itself, or its conversion.
    func pdf(of attachment: PacketAttachment) -> URL? {
        attachment.fileExtension == "pdf" ? attachment.source : converted[attachment.source]
    }

    /// Whether `attachment` is published as the PDF it was converted to.
    func isConverted(_ attachment: PacketAttachment) -> Bool {
        converted[attachment.source] != nil
    }
}
