import Foundation
import IndstilSupport
import IndstilDocument

/// A4 PDF from the HTML rendering through WeasyPrint (an external program the setup
/// installs, started by `WeasyPrint`): page numbers "side 1 af 3", the title in the PDF
/// metadata, bookmarks from the headings.
public enum PDFRenderer {
    public static let timeout: TimeInterval = 120

    /// - Parameter archive: the archive copy, PDF/A-2 (`WeasyPrint.Variant.archive`), instead of the tagged PDF/UA-1.
    public static func pdf(fromHTML html: String, archive: Bool = false) throws(IndstilError) -> Data {
        let folder: URL
        do {
            folder = try TemporaryItems.makeFolder(kind: "pdf")
        } catch {
            let reason = SystemErrorText.reason(error), folder = FileManager.default.temporaryDirectory.path
            throw IndstilError(da: "kan ikke oprette en midlertidig mappe i \(folder): \(reason.da)", en: "cannot create a temporary folder in \(folder): \(reason.en)")
        }
        defer { TemporaryItems.remove(folder) }
        let output = folder.appendingPathComponent("dokument.pdf")
        do {
            try WeasyPrint.set(PrintTypography.forPrint(html), input: folder.appendingPathComponent("dokument.html"), output: output,
                               presentationalHints: true, variant: archive ? .archive : .tagged, timeout: timeout)
            return try Data(contentsOf: output)
        } catch let problem as WeasyPrint.Problem {
            throw IndstilError(problem.message(.document))
        } catch {
            let reason = SystemErrorText.reason(error)
            throw IndstilError(da: "kan ikke skrive en midlertidig fil i \(folder.path): \(reason.da)", en: "cannot write a temporary file in \(folder.path): \(reason.en)")
        }
    }
}
