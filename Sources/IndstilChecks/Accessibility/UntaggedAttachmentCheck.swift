import Foundation
import IndstilSupport
import IndstilDocument

/// A PDF attachment of a bundle or an agenda that is not tagged (no structure tree, or not
/// marked as tagged): a screen reader cannot read it, and a municipality may not publish it
/// under the web accessibility act (WCAG 2.1 AA, EN 301 549). Reported at check time, on the
/// manifest (or bilag list) line naming the file, so the secretariat can have it saved again
/// as a tagged PDF before the packet is published. Office attachments are not reported:
/// the packet converts them to tagged PDF itself (`OfficeConversion`).
public struct UntaggedAttachmentCheck: BundleCheck, AgendaCheck {
    public let id = "a11y.untagged-attachment"
    public let defaultSeverity = Severity.warning
    public let summary = Message(da: "Et PDF-bilag er ikke tagget (ingen strukturtræ)", en: "A PDF attachment is not tagged (no structure tree)")

    public var examples: [ProjectExample] {
        [
            .triggers("Bilagsmateriale med et utagget PDF-bilag", entry: BundleExample.manifestName, files: BundleExample.project(chapterOne: [
                "      - id: moeder",
                "        fil: kapitel-1/moeder.md",
                "      - id: skema",
                "        fil: kapitel-1/skema.pdf ⟵",
                "        titel: \"Spørgeskema\"",
            ], extraFiles: ["kapitel-1/skema.pdf": Self.examplePDF(tagged: false)])),
            .passes("Bilagsmateriale med et tagget PDF-bilag", entry: BundleExample.manifestName,
                    files: BundleExample.project(extraFiles: ["kapitel-1/skema.pdf": Self.examplePDF(tagged: true)])),
            .triggers("Dagsorden med et utagget PDF-bilag", entry: AgendaExample.manifestName, files: AgendaExample.project(items: [
                "  - titel: Godkendelse af dagsorden",
                "    minutter: 5",
                "  - indstilling: \(AgendaExample.recommendationPath)",
                "    minutter: 10",
                "    bilag:",
                "      - fil: punkt-2/oversigt.pdf ⟵",
                "        titel: Oversigt over praktikpladser",
            ], extraFiles: ["punkt-2/oversigt.pdf": Self.examplePDF(tagged: false)])),
            .passes("Dagsorden med et tagget PDF-bilag", entry: AgendaExample.manifestName, files: AgendaExample.project(items: [
                "  - titel: Godkendelse af dagsorden",
                "    minutter: 5",
                "  - indstilling: \(AgendaExample.recommendationPath)",
                "    minutter: 10",
                "    bilag:",
                "      - fil: punkt-2/oversigt.pdf",
                "        titel: Oversigt over praktikpladser",
            ], extraFiles: ["punkt-2/oversigt.pdf": Self.examplePDF(tagged: true)])),
        ]
    }

    public func check(_ context: BundleCheckContext) -> [LocatedDiagnostic] {
        let folder = context.manifest.url.deletingLastPathComponent()
        let path = context.manifestPath
        // One qpdf run per PDF: on both cores (a 200-appendix bundle, an agenda of many items).
        return ParallelWork.map(context.manifest.chapters.flatMap(\.appendices)) { appendix in
            report(folder.appendingPathComponent(appendix.file), shown: appendix.file, path: path, line: appendix.fileLine)
        }.compactMap { $0 }
    }

    public func check(_ context: AgendaCheckContext) -> [LocatedDiagnostic] {
        ParallelWork.map(context.items.flatMap(\.appendices)) { appendix in
            report(URL(fileURLWithPath: appendix.path), shown: appendix.fileName, path: appendix.listPath, line: appendix.line)
        }.compactMap { $0 }
    }

    package func report(_ file: URL, shown: String, path: String, line: Int) -> LocatedDiagnostic? {
        // Only a regular file goes to qpdf (a FIFO named .pdf would hold qpdf, and the check, for ever):
        // anything else is appendix.missing-file's finding.
        guard file.pathExtension.lowercased() == "pdf", FileKind.isRegularFile(file), PDFTagging.isTagged(file) == false else { return nil }
        return LocatedDiagnostic(path, diagnostic(
            "PDF-bilaget »\(shown)« er ikke tagget (intet strukturtræ): en skærmlæser kan ikke læse det, og det opfylder ikke webtilgængelighedsloven; "
                + "gem det igen som tagget PDF (fx i Word: Gem som PDF med »Dokumentstrukturkoder til tilgængelighed«)",
            "The PDF attachment \"\(shown)\" is not tagged (no structure tree): a screen reader cannot read it, and it does not meet the accessibility "
                + "requirements; save it again as a tagged PDF (e.g. in Word: Save as PDF with \"Document structure tags for accessibility\")",
            line: line))
    }

    /// A one-page PDF, tagged or not, with a correct cross-reference table.
    static func examplePDF(tagged: Bool) -> String {
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R" + (tagged ? " /MarkInfo << /Marked true >> /StructTreeRoot 4 0 R /Lang (da)" : "") + " >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]" + (tagged ? " /StructParents 0" : "") + " >>",
        ] + (tagged ? ["<< /Type /StructTreeRoot /K [] >>"] : [])
        var text = "%PDF-1.7\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(text.utf8.count)
            text += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = text.utf8.count
        text += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        text += offsets.map { String($0).leftPadded(to: 10, with: "0") + " 00000 n \n" }.joined()
        text += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return text
    }
}
