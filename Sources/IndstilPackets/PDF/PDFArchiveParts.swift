import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// The archive copy of a packet declares PDF/A-2 only when that is true of every page in it.
///
/// The pages WeasyPrint sets are PDF/A-2 (`WeasyPrint.Variant.archive`), but a merged PDF
/// attachment keeps its own pages as they are: fonts it did not embed, device colours,
/// transparency or references to other files stay. Converting foreign PDFs would need a
/// program indstil does not have (and could change what the attachment shows), so an
/// attachment that does not itself declare PDF/A (part 1, 2 or 3 in its XMP) stops the
/// archive copy with a message naming it; the secretariat exports it again as PDF/A
/// (Word and LibreOffice can). Office attachments converted by LibreOffice are PDF/A-2 already
/// (`OfficeConversion`).
enum PDFArchiveParts {
    static func requireConforming(_ attachments: [PDFAttachment], work: URL) throws(PacketFailure) {
        for (index, attachment) in attachments.enumerated() {
            let metadata = work.appendingPathComponent("arkiv-metadata-\(index + 1).xml")
            switch ExternalProgram.run("pdfinfo", ["-meta", attachment.file.path], timeout: 120, standardOutput: metadata) {
            case .notFound:
                throw PacketFailure(.inspecting, da: "pdfinfo findes ikke (poppler-utils), men skal bruges til at læse PDF-bilagenes metadata; installér det med »make deps«",
                                    en: "pdfinfo is not installed (poppler-utils), but it is needed to read the PDF appendices' metadata; install it with \"make deps\"")
            case .timedOut:
                throw PacketFailure(.inspecting, da: "pdfinfo svarede ikke inden for 120 sekunder (\(attachment.label))",
                                    en: "pdfinfo did not answer within 120 seconds (\(attachment.label))", file: attachment.file)
            case .finished:
                break
            }
            let xmp = (try? String(contentsOf: metadata, encoding: .utf8)) ?? ""
            guard let part = declaredPart(xmp), (1...3).contains(part) else {
                throw PacketFailure(.inspecting,
                                    da: "arkivkopien kan ikke være PDF/A-2: PDF-bilaget \(attachment.label) er ikke selv PDF/A. "
                                        + "Gem bilaget som PDF/A (fx »Eksportér som PDF/A-2« i Word eller LibreOffice), eller skriv pakken uden --arkiv",
                                    en: "the archive copy cannot be PDF/A-2: the PDF appendix \(attachment.label) is not PDF/A itself. "
                                        + "Save the appendix as PDF/A (e.g. \"Export as PDF/A-2\" in Word or LibreOffice), or write the packet without --arkiv")
            }
        }
    }

    /// `pdfaid:part="2"` or `<pdfaid:part>2</pdfaid:part>` in an XMP packet.
    static func declaredPart(_ xmp: String) -> Int? {
        guard let match = xmp.firstMatch(of: /pdfaid:part(?:="|>)\s*(\d)/) else { return nil }
        return Int(match.1)
    }
}
